// Hash routes (#/claim/ID), so every page is served by the one index.html, locally and on Lambda.
export type Route =
  | { name: 'claims' }
  | { name: 'claim'; id: string }
  | { name: 'report'; id: string }
  | { name: 'submit' }
  | { name: 'stats' }
  | { name: 'missing'; path: string };

export function parseRoute(hash: string): Route {
  const path = hash.replace(/^#/, '') || '/';
  const [, first, second] = path.split('/');
  if (!first) return { name: 'claims' };
  if (first === 'claim' && second) return { name: 'claim', id: decodeURIComponent(second) };
  if (first === 'report' && second) return { name: 'report', id: decodeURIComponent(second) };
  if (first === 'submit') return { name: 'submit' };
  if (first === 'stats') return { name: 'stats' };
  return { name: 'missing', path };
}

export const claimHref = (id: string): string => `#/claim/${encodeURIComponent(id)}`;
export const reportHref = (id: string): string => `#/report/${encodeURIComponent(id)}`;
