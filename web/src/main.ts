// The dashboard: hash routes to views, kept current by the verdictChanged subscription where the server
// serves it (live.ts) and by a poll everywhere (verdicts change as reports arrive).
import './style.css';
import { h, replaceChildren } from './dom.js';
import { onVerdictChanges } from './live.js';
import { parseRoute, type Route } from './router.js';
import type { View } from './view.js';
import { claimView } from './views/claim.js';
import { claimsView } from './views/claims.js';
import { reportView } from './views/report.js';
import { statsView } from './views/stats.js';
import { submitView } from './views/submit.js';

const POLL_MS = 3_000;
const main = document.getElementById('main')!;
let current: View | null = null;
let shown = 0;

function viewFor(route: Route): Promise<View> {
  switch (route.name) {
    case 'claims':
      return claimsView();
    case 'claim':
      return claimView(route.id);
    case 'report':
      return reportView(route.id);
    case 'submit':
      return submitView();
    case 'stats':
      return statsView();
    case 'missing':
      return Promise.resolve({
        title: 'Not found',
        el: h(
          'section',
          { class: 'view' },
          h('h1', { id: 'page-title', tabindex: '-1' }, 'Not found'),
          h('p', null, `Nothing lives at ${route.path}. `, h('a', { href: '#/' }, 'See the claims.')),
        ),
      });
  }
}

async function show(first: boolean): Promise<void> {
  const route = parseRoute(location.hash);
  const ticket = ++shown;
  main.setAttribute('aria-busy', 'true');
  const view = await viewFor(route);
  if (ticket !== shown) return; // the reader went elsewhere while this loaded
  current = view;
  replaceChildren(main, view.el);
  main.removeAttribute('aria-busy');
  document.title = `${view.title} · Fact-check desk`;
  for (const link of document.querySelectorAll<HTMLAnchorElement>('[data-nav]')) {
    const active = link.dataset.nav === route.name || (link.dataset.nav === 'claims' && route.name === 'claim');
    if (active) link.setAttribute('aria-current', 'page');
    else link.removeAttribute('aria-current');
  }
  // Moving focus to the new heading tells screen-reader users the page changed; not on first load.
  if (!first) view.el.querySelector<HTMLElement>('h1')?.focus();
}

let polling = false;
async function refreshShown(): Promise<void> {
  if (polling || document.hidden || !current?.refresh) return;
  polling = true;
  try {
    await current.refresh();
  } finally {
    polling = false;
  }
}
setInterval(() => void refreshShown(), POLL_MS);
onVerdictChanges(() => void refreshShown());

window.addEventListener('hashchange', () => void show(false));
void show(true);
