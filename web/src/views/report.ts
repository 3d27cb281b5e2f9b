// One report: its text (as the engine read it), source, date, URL, and the claims it bears on.
import { gql } from '../api.js';
import { h, replaceChildren, time } from '../dom.js';
import { claimHref } from '../router.js';
import { stanceBadge, verdictBadge, type Stance, type Verdict } from '../verdict.js';
import { errorBox, type View } from '../view.js';

interface Report {
  id: string;
  title: string | null;
  url: string | null;
  publishedAt: string | null;
  ingestedAt: string;
  copyGroup: string;
  vetted: boolean;
  source: { name: string };
  statements: Array<{ index: number; text: string }>;
  evidence: Array<{
    stance: Stance;
    statementIndex: number;
    claim: { id: string; text: string; verdict: Verdict } | null;
  }>;
}

const REPORT = `query Report($id: ID!) {
  report(id: $id) {
    id title url publishedAt ingestedAt copyGroup vetted source { name }
    statements { index text }
    evidence { stance statementIndex claim { id text verdict } }
  }
}`;

/** Only http(s) links are shown as links: the API refuses others on ingest, and this keeps it so. */
const safeUrl = (url: string): boolean => /^https?:\/\//i.test(url);

function render(report: Report): HTMLElement[] {
  const cited = new Set(report.evidence.map((e) => e.statementIndex));
  return [
    h(
      'dl',
      { class: 'meta' },
      h('dt', null, 'Source'),
      h(
        'dd',
        null,
        report.source.name,
        report.vetted
          ? null
          : [' ', h('span', { class: 'unvetted' }, 'not counted: unregistered source, or not from its domains')],
      ),
      h('dt', null, 'Published'),
      h('dd', null, time(report.publishedAt)),
      h('dt', null, 'Ingested'),
      h('dd', null, time(report.ingestedAt, true)),
      h('dt', null, 'URL'),
      h(
        'dd',
        null,
        report.url
          ? safeUrl(report.url)
            ? h('a', { href: report.url, rel: 'noopener noreferrer' }, report.url)
            : report.url
          : 'none given',
      ),
      report.copyGroup !== report.id
        ? [
            h('dt', null, 'Copy of'),
            h(
              'dd',
              null,
              h('a', { href: `#/report/${encodeURIComponent(report.copyGroup)}` }, 'the first report of this text'),
              ' (counts once)',
            ),
          ]
        : null,
    ),
    h(
      'section',
      { class: 'panel', 'aria-labelledby': 'bears-title' },
      h('h2', { id: 'bears-title' }, 'Claims it bears on'),
      report.evidence.length === 0
        ? h('p', { class: 'empty' }, 'No claim cites this report.')
        : h(
            'ul',
            { class: 'bears-on' },
            report.evidence.map((e) =>
              h(
                'li',
                null,
                stanceBadge(e.stance),
                ' ',
                e.claim
                  ? [h('a', { href: claimHref(e.claim.id) }, e.claim.text), ' ', verdictBadge(e.claim.verdict)]
                  : 'a deleted claim',
              ),
            ),
          ),
    ),
    h(
      'section',
      { class: 'panel', 'aria-labelledby': 'text-title' },
      h('h2', { id: 'text-title' }, 'Text'),
      h(
        'p',
        { class: 'hint' },
        'As the service read it: page boilerplate (menus, teasers, footers) removed. Sentences cited as evidence are marked.',
      ),
      h(
        'div',
        { class: 'report-text' },
        report.statements.map((s) => h('p', null, cited.has(s.index) ? h('mark', null, s.text) : s.text)),
      ),
    ),
  ];
}

export async function reportView(id: string): Promise<View> {
  const heading = h('h1', { id: 'page-title', tabindex: '-1' }, 'Report');
  const body = h('div');
  let title = 'Report';
  try {
    const { report } = await gql<{ report: Report | null }>(REPORT, { id });
    if (!report) replaceChildren(body, h('p', { class: 'error', role: 'alert' }, `No report has the id ${id}.`));
    else {
      title = report.title ?? `Report from ${report.source.name}`;
      heading.textContent = title;
      replaceChildren(body, render(report));
    }
  } catch (error) {
    replaceChildren(body, errorBox(error));
  }
  const el = h(
    'section',
    { class: 'view', 'aria-labelledby': 'page-title' },
    h('p', { class: 'crumbs' }, h('a', { href: '#/' }, '← All claims')),
    heading,
    body,
  );
  return { el, title };
}
