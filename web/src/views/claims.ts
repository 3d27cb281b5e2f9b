// The claims list: verdict badges, confidence, source counts; filter by verdict, search, sort, page.
import { gql } from '../api.js';
import { h, percent, replaceChildren, time } from '../dom.js';
import { claimHref } from '../router.js';
import { VERDICT_INFO, VERDICTS, verdictBadge, type Verdict } from '../verdict.js';
import { announce, errorBox, type View } from '../view.js';

const PAGE_SIZE = 10;

export interface ClaimRow {
  id: string;
  text: string;
  verdict: Verdict;
  confidence: number;
  independentSources: number;
  supportCount: number;
  contradictCount: number;
  createdAt: string;
  updatedAt: string;
}

const LIST = `query Claims($first: Int, $after: String, $verdict: Verdict, $search: String, $orderBy: ClaimOrder) {
  claims(first: $first, after: $after, verdict: $verdict, search: $search, orderBy: $orderBy) {
    nodes { id text verdict confidence independentSources supportCount contradictCount createdAt updatedAt }
    pageInfo { hasNextPage endCursor }
  }
}`;

type Order = 'NEWEST' | 'RECENTLY_CHANGED';

// Kept across visits, so coming back from a claim returns to the same filters and page.
const state = {
  search: '',
  verdict: '' as Verdict | '',
  orderBy: 'NEWEST' as Order,
  /** cursor of each page seen so far: cursors[i] is the `after` of page i */
  cursors: [null] as Array<string | null>,
  page: 0,
};

function sourcesCell(c: ClaimRow): HTMLElement {
  return h(
    'td',
    { class: 'num' },
    h('span', { class: 'sources' }, `${c.independentSources} independent`),
    h('span', { class: 'counts' }, `${c.supportCount} supporting · ${c.contradictCount} contradicting`),
  );
}

function row(c: ClaimRow): HTMLElement {
  return h(
    'tr',
    { 'data-claim-id': c.id },
    h('td', null, h('a', { href: claimHref(c.id) }, c.text)),
    h('td', null, verdictBadge(c.verdict)),
    h('td', { class: 'num' }, percent(c.confidence)),
    sourcesCell(c),
    h('td', null, time(state.orderBy === 'RECENTLY_CHANGED' ? c.updatedAt : c.createdAt, true)),
  );
}

export async function claimsView(): Promise<View> {
  const results = h('div', { class: 'results' });
  const searchInput = h('input', {
    id: 'claim-search',
    name: 'search',
    type: 'search',
    value: state.search,
    placeholder: 'e.g. dam reopened',
  });
  const verdictSelect = h(
    'select',
    { id: 'claim-verdict', name: 'verdict' },
    h('option', { value: '' }, 'All verdicts'),
    VERDICTS.map((v) => h('option', { value: v, selected: state.verdict === v }, VERDICT_INFO[v].label)),
  );
  const orderSelect = h(
    'select',
    { id: 'claim-order', name: 'orderBy' },
    h('option', { value: 'NEWEST', selected: state.orderBy === 'NEWEST' }, 'Newest first'),
    h(
      'option',
      { value: 'RECENTLY_CHANGED', selected: state.orderBy === 'RECENTLY_CHANGED' },
      'Most recently changed first',
    ),
  );
  let shown: ClaimRow[] = [];
  let hasNext = false;

  const apply = () => {
    state.search = searchInput.value.trim();
    state.verdict = verdictSelect.value as Verdict | '';
    state.orderBy = orderSelect.value as Order;
    state.cursors = [null];
    state.page = 0;
    void load();
  };
  verdictSelect.addEventListener('change', apply);
  orderSelect.addEventListener('change', apply);

  const filters = h(
    'form',
    {
      class: 'filters',
      role: 'search',
      'aria-label': 'Filter claims',
      onsubmit: (e: Event) => {
        e.preventDefault();
        apply();
      },
    },
    h('div', { class: 'field' }, h('label', { for: 'claim-search' }, 'Search claims'), searchInput),
    h('div', { class: 'field' }, h('label', { for: 'claim-verdict' }, 'Verdict'), verdictSelect),
    h('div', { class: 'field' }, h('label', { for: 'claim-order' }, 'Sort'), orderSelect),
    h('button', { type: 'submit' }, 'Search'),
  );

  function render(): void {
    const order = state.orderBy === 'NEWEST' ? 'newest first' : 'most recently changed first';
    const pager = h(
      'nav',
      { class: 'pager', 'aria-label': 'Pages of claims' },
      h(
        'button',
        {
          type: 'button',
          disabled: state.page === 0,
          onclick: () => {
            state.page -= 1;
            void load();
          },
        },
        '← Previous page',
      ),
      h('span', null, `Page ${state.page + 1}`),
      h(
        'button',
        {
          type: 'button',
          disabled: !hasNext,
          onclick: () => {
            state.page += 1;
            void load();
          },
        },
        'Next page →',
      ),
    );
    if (shown.length === 0) {
      replaceChildren(
        results,
        h(
          'p',
          { class: 'empty' },
          state.search || state.verdict
            ? 'No claims match these filters.'
            : 'No claims yet. Submit one on the Submit page.',
        ),
        state.page > 0 ? pager : null,
      );
      return;
    }
    replaceChildren(
      results,
      h(
        'table',
        { class: 'claims' },
        h('caption', null, `Claims, ${order}, page ${state.page + 1}`),
        h(
          'thead',
          null,
          h(
            'tr',
            null,
            ['Claim', 'Verdict', 'Confidence', 'Sources', state.orderBy === 'NEWEST' ? 'Submitted' : 'Changed'].map(
              (t) => h('th', { scope: 'col' }, t),
            ),
          ),
        ),
        h('tbody', null, shown.map(row)),
      ),
      pager,
    );
  }

  async function fetchPage(): Promise<{ rows: ClaimRow[]; hasNext: boolean; endCursor: string | null }> {
    const data = await gql<{
      claims: { nodes: ClaimRow[]; pageInfo: { hasNextPage: boolean; endCursor: string | null } };
    }>(LIST, {
      first: PAGE_SIZE,
      after: state.cursors[state.page] ?? null,
      verdict: state.verdict || null,
      search: state.search || null,
      orderBy: state.orderBy,
    });
    return {
      rows: data.claims.nodes,
      hasNext: data.claims.pageInfo.hasNextPage,
      endCursor: data.claims.pageInfo.endCursor,
    };
  }

  async function load(): Promise<void> {
    try {
      const page = await fetchPage();
      shown = page.rows;
      hasNext = page.hasNext;
      state.cursors[state.page + 1] = page.endCursor;
      render();
    } catch (error) {
      replaceChildren(results, errorBox(error));
    }
  }

  /** Polled: re-read the page shown and say which verdicts changed. */
  async function refresh(): Promise<void> {
    let page: Awaited<ReturnType<typeof fetchPage>>;
    try {
      page = await fetchPage();
    } catch {
      return; // a failed poll keeps what is shown; the next poll tries again
    }
    const before = new Map(shown.map((c) => [c.id, c]));
    const changed = page.rows.filter((c) => before.get(c.id) && before.get(c.id)!.verdict !== c.verdict);
    if (JSON.stringify(page.rows) === JSON.stringify(shown) && page.hasNext === hasNext) return;
    shown = page.rows;
    hasNext = page.hasNext;
    state.cursors[state.page + 1] = page.endCursor;
    render();
    if (changed.length)
      announce(changed.map((c) => `Verdict changed: “${c.text}” is now ${VERDICT_INFO[c.verdict].label}.`).join(' '));
  }

  await load();
  const el = h(
    'section',
    { class: 'view', 'aria-labelledby': 'page-title' },
    h('h1', { id: 'page-title', tabindex: '-1' }, 'Claims'),
    filters,
    results,
  );
  return { el, title: 'Claims', refresh };
}
