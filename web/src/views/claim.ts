// One claim: verdict and the rule that fired, the explanation, evidence grouped by stance with the deciding
// sentence highlighted in its report's context, independent sources with copies folded, and the history.
import { gql } from '../api.js';
import { h, percent, replaceChildren, svg, time } from '../dom.js';
import { STANCE_ORDER } from '../../../lib/domain/types.js';
import { reportHref } from '../router.js';
import {
  RULE_TEXT,
  STANCE_INFO,
  VERDICT_INFO,
  stanceBadge,
  verdictBadge,
  type Stance,
  type Verdict,
} from '../verdict.js';
import { announce, errorBox, type View } from '../view.js';

interface Slot {
  kind: string;
  claim: string;
  report: string;
}
interface ReportRef {
  id: string;
  title: string | null;
  url: string | null;
  publishedAt: string | null;
  source: { name: string };
}
interface Evidence {
  stance: Stance;
  sentence: string;
  statementIndex: number;
  reason: string;
  rule: string;
  copyGroup: string;
  /** false: shown but not counted (an unregistered source under the registered-sources policy) */
  vetted: boolean;
  matched: Slot[];
  conflicting: Slot[];
  context: Array<{ index: number; text: string }>;
  report: ReportRef | null;
}
interface HistoryEntry {
  at: string;
  verdict: Verdict;
  confidence: number;
  rule: string;
}
interface Claim {
  id: string;
  text: string;
  verdict: Verdict;
  confidence: number;
  rule: string;
  explanation: string;
  supportCount: number;
  contradictCount: number;
  mentionCount: number;
  independentSources: number;
  createdAt: string;
  updatedAt: string;
  evidence: { nodes: Evidence[]; pageInfo: { hasNextPage: boolean; endCursor: string | null } };
  verdictHistory: HistoryEntry[];
}

// A page of evidence is 25 items: the API's query-cost limit counts `first` as a multiplier, and 25 items
// with their context and slots stay inside it. Further pages load on request.
const EVIDENCE_PAGE = 25;
const EVIDENCE_FIELDS = `
      nodes {
        stance sentence statementIndex reason rule copyGroup vetted
        matched { kind claim report } conflicting { kind claim report }
        context(radius: 1) { index text }
        report { id title url publishedAt source { name } }
      }
      pageInfo { hasNextPage endCursor }`;

const CLAIM = `query Claim($id: ID!) {
  claim(id: $id) {
    id text verdict confidence rule explanation supportCount contradictCount mentionCount independentSources createdAt updatedAt
    evidence(first: ${EVIDENCE_PAGE}) { ${EVIDENCE_FIELDS} }
    verdictHistory { at verdict confidence rule }
  }
}`;

const MORE_EVIDENCE = `query MoreEvidence($id: ID!, $after: String) { claim(id: $id) { evidence(first: ${EVIDENCE_PAGE}, after: $after) { ${EVIDENCE_FIELDS} } } }`;

function slots(e: Evidence): HTMLElement | null {
  if (e.matched.length === 0 && e.conflicting.length === 0) return null;
  return h(
    'ul',
    { class: 'slots', 'aria-label': 'Checked details' },
    e.conflicting.map((s) =>
      h(
        'li',
        { class: 'slot slot-conflict' },
        h('span', { 'aria-hidden': 'true' }, '✖ '),
        `${s.kind} conflicts: claim “${s.claim}”, report “${s.report}”`,
      ),
    ),
    e.matched.map((s) =>
      h(
        'li',
        { class: 'slot slot-match' },
        h('span', { 'aria-hidden': 'true' }, '✔ '),
        `${s.kind} matches: “${s.report}”`,
      ),
    ),
  );
}

/** The deciding sentence marked inside the sentences around it. */
function inContext(e: Evidence): HTMLElement {
  const sentences = e.context.length ? e.context : [{ index: e.statementIndex, text: e.sentence }];
  return h(
    'blockquote',
    { class: 'context' },
    sentences.map((s, i) => [
      i > 0 ? ' ' : null,
      s.index === e.statementIndex ? h('mark', null, s.text) : h('span', { class: 'around' }, s.text),
    ]),
  );
}

function evidenceItem(e: Evidence): HTMLElement {
  const r = e.report;
  return h(
    'li',
    { class: 'evidence' },
    h(
      'p',
      { class: 'evidence-head' },
      stanceBadge(e.stance),
      ' ',
      r ? h('a', { href: reportHref(r.id) }, r.title ?? 'Untitled report') : 'Report deleted',
      r ? [' — ', h('span', { class: 'source' }, r.source.name), ', ', time(r.publishedAt)] : null,
      e.vetted ? null : [' ', h('span', { class: 'unvetted' }, 'not counted: unregistered source')],
    ),
    inContext(e),
    slots(e),
    h('p', { class: 'reason' }, e.reason, ' ', h('span', { class: 'rule-id' }, `(rule ${e.rule})`)),
  );
}

function evidenceSection(claim: Claim): HTMLElement {
  const byStance = new Map<Stance, Evidence[]>();
  for (const e of claim.evidence.nodes) byStance.set(e.stance, [...(byStance.get(e.stance) ?? []), e]);
  const groups = STANCE_ORDER.filter((s) => byStance.has(s));
  return h(
    'section',
    { class: 'panel', 'aria-labelledby': 'evidence-title' },
    h('h2', { id: 'evidence-title' }, 'Evidence'),
    groups.length === 0
      ? h('p', { class: 'empty' }, 'No report states, contradicts or mentions this claim yet.')
      : null,
    groups.map((stance) =>
      h(
        'section',
        { class: `stance-group stance-group-${stance.toLowerCase()}`, 'data-stance': stance },
        h('h3', null, `${STANCE_INFO[stance].heading} (${byStance.get(stance)!.length})`),
        h('ul', { class: 'evidence-list' }, byStance.get(stance)!.map(evidenceItem)),
      ),
    ),
    claim.evidence.pageInfo.hasNextPage
      ? h(
          'button',
          {
            type: 'button',
            class: 'more',
            onclick: (e: Event) => void loadMore(claim, e.currentTarget as HTMLButtonElement),
          },
          'Show more evidence',
        )
      : null,
  );
}

/** Appends the next page of evidence to the claim and redraws it (strongest first, as the API pages it). */
async function loadMore(claim: Claim, button: HTMLButtonElement): Promise<void> {
  button.disabled = true;
  try {
    const data = await gql<{ claim: { evidence: Claim['evidence'] } | null }>(MORE_EVIDENCE, {
      id: claim.id,
      after: claim.evidence.pageInfo.endCursor,
    });
    if (!data.claim) return;
    claim.evidence = {
      nodes: [...claim.evidence.nodes, ...data.claim.evidence.nodes],
      pageInfo: data.claim.evidence.pageInfo,
    };
    button.dispatchEvent(new CustomEvent('evidence-loaded', { bubbles: true }));
  } catch (error) {
    button.replaceWith(errorBox(error));
  }
}

/** Copy groups of the counting evidence: one line per group, its copies folded under it. */
function sourcesSection(claim: Claim): HTMLElement {
  const groups = new Map<string, Evidence[]>();
  let uncounted = 0;
  for (const e of claim.evidence.nodes) {
    if (e.stance === 'MENTIONS' || !e.report) continue;
    if (!e.vetted) {
      uncounted++;
      continue;
    }
    groups.set(e.copyGroup, [...(groups.get(e.copyGroup) ?? []), e]);
  }
  return h(
    'section',
    { class: 'panel', 'aria-labelledby': 'sources-title' },
    h('h2', { id: 'sources-title' }, `Independent sources: ${claim.independentSources}`),
    h(
      'p',
      { class: 'hint' },
      'Copies of one text (syndication, reprints) count once, and so do reports of one publisher or owner.',
    ),
    uncounted > 0
      ? h(
          'p',
          { class: 'hint uncounted' },
          `Not counted: ${uncounted} report(s) from unregistered sources (marked in the evidence).`,
        )
      : null,
    groups.size === 0
      ? h('p', { class: 'empty' }, 'None yet.')
      : h(
          'ul',
          { class: 'copy-groups' },
          [...groups.values()].map(([lead, ...copies]) =>
            h(
              'li',
              { class: 'copy-group' },
              h('span', { class: 'source' }, lead!.report!.source.name),
              ': ',
              h('a', { href: reportHref(lead!.report!.id) }, lead!.report!.title ?? 'Untitled report'),
              ' ',
              stanceBadge(lead!.stance),
              copies.length
                ? h(
                    'details',
                    null,
                    h(
                      'summary',
                      null,
                      `${copies.length} ${copies.length === 1 ? 'copy' : 'copies'} of this text (counted once)`,
                    ),
                    h(
                      'ul',
                      null,
                      copies.map((c) =>
                        h(
                          'li',
                          null,
                          h('span', { class: 'source' }, c.report!.source.name),
                          ': ',
                          h('a', { href: reportHref(c.report!.id) }, c.report!.title ?? 'Untitled report'),
                        ),
                      ),
                    ),
                  )
                : null,
            ),
          ),
        ),
  );
}

/** The verdict history drawn as a timeline (SVG), with the same entries as a list beneath it. */
function historySection(history: HistoryEntry[]): HTMLElement {
  const width = 640;
  const step = history.length > 1 ? (width - 120) / (history.length - 1) : 0;
  const x = (i: number) => 60 + i * step;
  const chart = svg(
    'svg',
    { class: 'timeline', viewBox: `0 0 ${width} 90`, role: 'img', 'aria-labelledby': 'history-title' },
    history.length > 1
      ? svg('line', { x1: x(0), y1: 30, x2: x(history.length - 1), y2: 30, class: 'timeline-axis' })
      : null,
    history.map((entry, i) =>
      svg(
        'g',
        { class: `timeline-point point-${entry.verdict.toLowerCase()}` },
        svg('circle', { cx: x(i), cy: 30, r: 11 }),
        svg(
          'text',
          { x: x(i), y: 35, 'text-anchor': 'middle', class: 'timeline-icon' },
          VERDICT_INFO[entry.verdict].icon,
        ),
        svg('text', { x: x(i), y: 60, 'text-anchor': 'middle' }, VERDICT_INFO[entry.verdict].label),
        svg(
          'text',
          { x: x(i), y: 78, 'text-anchor': 'middle', class: 'timeline-date' },
          new Date(entry.at).toLocaleString(undefined, { dateStyle: 'short', timeStyle: 'short' }),
        ),
      ),
    ),
  );
  return h(
    'section',
    { class: 'panel', 'aria-labelledby': 'history-title' },
    h('h2', { id: 'history-title' }, 'Verdict history'),
    history.length ? chart : null,
    h(
      'ol',
      { class: 'history' },
      history.map((entry) =>
        h(
          'li',
          null,
          time(entry.at, true),
          ': ',
          verdictBadge(entry.verdict),
          ` at ${percent(entry.confidence)} confidence — ${RULE_TEXT[entry.rule] ?? entry.rule}`,
        ),
      ),
    ),
  );
}

function render(claim: Claim): HTMLElement[] {
  return [
    h(
      'section',
      { class: 'panel verdict-panel', 'aria-labelledby': 'verdict-title' },
      h('h2', { id: 'verdict-title', class: 'visually-hidden' }, 'Verdict'),
      h(
        'p',
        { class: 'verdict-line' },
        verdictBadge(claim.verdict),
        ' ',
        h('span', { class: 'confidence' }, `${percent(claim.confidence)} confidence`),
      ),
      h('p', { class: 'rule' }, h('strong', null, 'Rule: '), RULE_TEXT[claim.rule] ?? claim.rule),
      h('p', { class: 'explanation' }, claim.explanation),
      h(
        'dl',
        { class: 'counts-list' },
        h('dt', null, 'Supporting reports'),
        h('dd', null, String(claim.supportCount)),
        h('dt', null, 'Contradicting reports'),
        h('dd', null, String(claim.contradictCount)),
        h('dt', null, 'Mentions'),
        h('dd', null, String(claim.mentionCount)),
        h('dt', null, 'Submitted'),
        h('dd', null, time(claim.createdAt, true)),
        h('dt', null, 'Last changed'),
        h('dd', null, time(claim.updatedAt, true)),
      ),
    ),
    evidenceSection(claim),
    sourcesSection(claim),
    historySection(claim.verdictHistory),
  ];
}

export async function claimView(id: string): Promise<View> {
  const body = h('div', { class: 'claim-body' });
  const heading = h('h1', { id: 'page-title', tabindex: '-1' }, 'Claim');
  let shown: Claim | null = null;
  let failed: unknown = null;
  /** The claim with as many evidence pages as are shown (a poll must not fold away what the reader opened). */
  const fetchClaim = async (pages = 1): Promise<Claim | null> => {
    const claim = (await gql<{ claim: Claim | null }>(CLAIM, { id })).claim;
    for (let page = 1; claim && page < pages && claim.evidence.pageInfo.hasNextPage; page++) {
      const more = (
        await gql<{ claim: { evidence: Claim['evidence'] } | null }>(MORE_EVIDENCE, {
          id,
          after: claim.evidence.pageInfo.endCursor,
        })
      ).claim;
      if (!more) break;
      claim.evidence = { nodes: [...claim.evidence.nodes, ...more.evidence.nodes], pageInfo: more.evidence.pageInfo };
    }
    return claim;
  };
  try {
    shown = await fetchClaim();
  } catch (error) {
    failed = error;
  }
  if (failed) replaceChildren(body, errorBox(failed));
  else if (!shown)
    replaceChildren(
      body,
      h('p', { class: 'error', role: 'alert' }, `No claim has the id ${id}.`),
      h('p', null, h('a', { href: '#/' }, 'Back to the claims')),
    );
  else {
    heading.textContent = shown.text;
    replaceChildren(body, render(shown));
  }
  body.addEventListener('evidence-loaded', () => shown && replaceChildren(body, render(shown)));
  const el = h(
    'section',
    { class: 'view', 'aria-labelledby': 'page-title', 'data-claim-id': id },
    h('p', { class: 'crumbs' }, h('a', { href: '#/' }, '← All claims')),
    heading,
    body,
  );
  return {
    el,
    title: shown ? `Claim: ${shown.text}` : 'Claim',
    async refresh() {
      if (!shown) return;
      let next: Claim | null;
      try {
        next = await fetchClaim(Math.ceil(shown.evidence.nodes.length / EVIDENCE_PAGE));
      } catch {
        return;
      }
      if (!next || JSON.stringify(next) === JSON.stringify(shown)) return;
      const before = shown.verdict;
      shown = next;
      const open = [...body.querySelectorAll('details')].map((d) => d.open);
      replaceChildren(body, render(next));
      body.querySelectorAll('details').forEach((d, i) => {
        d.open = open[i] ?? false;
      });
      if (before !== next.verdict) announce(`Verdict changed: this claim is now ${VERDICT_INFO[next.verdict].label}.`);
    },
  };
}
