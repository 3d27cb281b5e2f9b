// Claims by verdict, sources and reports, drawn as an inline SVG bar chart with the numbers as text.
import { gql } from '../api.js';
import { h, svg } from '../dom.js';
import { VERDICT_INFO, VERDICTS, type Verdict } from '../verdict.js';
import { errorBox, type View } from '../view.js';

interface Stats {
  claims: number;
  reports: number;
  sources: number;
  byVerdict: Record<Verdict, number>;
}

const STATS = '{ stats { claims reports sources byVerdict { CORROBORATED DISPUTED SINGLE_SOURCE UNVERIFIED } } }';

function chart(stats: Stats): SVGSVGElement {
  const rows = VERDICTS.map((v) => ({
    key: v,
    label: `${VERDICT_INFO[v].icon} ${VERDICT_INFO[v].label}`,
    value: stats.byVerdict[v],
  }));
  const max = Math.max(1, ...rows.map((r) => r.value));
  const barWidth = 360;
  const rowHeight = 34;
  const summary = rows.map((r) => `${r.label.slice(2)}: ${r.value}`).join(', ');
  return svg(
    'svg',
    {
      class: 'chart',
      viewBox: `0 0 620 ${rows.length * rowHeight + 10}`,
      role: 'img',
      'aria-label': `Claims by verdict. ${summary}.`,
    },
    rows.map((r, i) =>
      svg(
        'g',
        { class: `bar bar-${r.key.toLowerCase()}`, transform: `translate(0 ${i * rowHeight + 5})` },
        svg('text', { x: 0, y: 20, class: 'bar-label' }, r.label),
        svg('rect', { x: 170, y: 4, width: Math.max(2, (r.value / max) * barWidth), height: 22, rx: 3 }),
        svg(
          'text',
          { x: 170 + Math.max(2, (r.value / max) * barWidth) + 8, y: 20, class: 'bar-value' },
          String(r.value),
        ),
      ),
    ),
  );
}

function render(stats: Stats): HTMLElement[] {
  return [
    h(
      'ul',
      { class: 'totals' },
      h('li', null, h('span', { class: 'total' }, String(stats.claims)), ' claims'),
      h('li', null, h('span', { class: 'total' }, String(stats.reports)), ' reports'),
      h('li', null, h('span', { class: 'total' }, String(stats.sources)), ' sources'),
    ),
    h('figure', { class: 'panel' }, chart(stats), h('figcaption', null, 'Claims by verdict')),
  ];
}

export async function statsView(): Promise<View> {
  const body = h('div', { class: 'stats-body' });
  let last = '';
  const load = async (quiet: boolean) => {
    try {
      const { stats } = await gql<{ stats: Stats }>(STATS);
      const key = JSON.stringify(stats);
      if (key === last) return;
      last = key;
      body.replaceChildren(...render(stats));
    } catch (error) {
      if (!quiet) body.replaceChildren(errorBox(error));
    }
  };
  await load(false);
  const el = h(
    'section',
    { class: 'view', 'aria-labelledby': 'page-title' },
    h('h1', { id: 'page-title', tabindex: '-1' }, 'Stats'),
    body,
  );
  return { el, title: 'Stats', refresh: () => load(true) };
}
