import { ApiError } from './api.js';
import { h } from './dom.js';

/** A page of the dashboard: its element, its title, and how to bring it up to date when polled. */
export interface View {
  el: HTMLElement;
  title: string;
  refresh?: () => Promise<void>;
}

/** Say something to screen readers without moving focus (verdict changes found by polling). */
export function announce(message: string): void {
  const region = document.getElementById('announcer');
  if (region) region.textContent = message;
}

export function errorBox(error: unknown): HTMLElement {
  const details =
    error instanceof ApiError
      ? error.details
      : [{ message: error instanceof Error ? error.message : String(error), code: undefined, field: undefined }];
  return h(
    'div',
    { class: 'error', role: 'alert' },
    h(
      'p',
      null,
      h('strong', null, details.length > 1 ? 'The API refused this:' : 'Error: '),
      details.length === 1 ? details[0]!.message : null,
    ),
    details.length > 1
      ? h(
          'ul',
          null,
          details.map((d) => h('li', null, d.message)),
        )
      : null,
    details.some((d) => d.code === 'UNAUTHENTICATED' || d.code === 'FORBIDDEN')
      ? h('p', null, 'Enter an API key with write access in the API key field on the Submit page.')
      : null,
  );
}
