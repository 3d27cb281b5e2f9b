// Forms to submit a claim and ingest a report, with an API key field for deployments whose writes need
// one. Errors name the field the API refused, next to that field.
import { ApiError, getApiKey, gql, setApiKey } from '../api.js';
import { h, replaceChildren } from '../dom.js';
import { claimHref, reportHref } from '../router.js';
import { verdictBadge, type Verdict } from '../verdict.js';
import { errorBox, type View } from '../view.js';

const SUBMIT = `mutation Submit($input: SubmitClaimInput!) { submitClaim(input: $input) { created claim { id text verdict } } }`;
const INGEST = `mutation Ingest($input: IngestReportInput!) { ingestReport(input: $input) { created affectedClaims report { id title source { name } } } }`;

interface FieldSpec {
  name: string;
  label: string;
  kind?: 'textarea' | 'url' | 'date' | 'text';
  required?: boolean;
  hint?: string;
}

function field(formId: string, spec: FieldSpec): HTMLElement {
  const id = `${formId}-${spec.name}`;
  const hintId = spec.hint ? `${id}-hint` : undefined;
  const attrs = {
    id,
    name: spec.name,
    required: spec.required ?? false,
    'aria-describedby': [hintId, `${id}-error`].filter(Boolean).join(' '),
  };
  const control =
    spec.kind === 'textarea'
      ? h('textarea', { ...attrs, rows: 8 })
      : h('input', { ...attrs, type: spec.kind ?? 'text' });
  return h(
    'div',
    { class: 'field' },
    h('label', { for: id }, spec.label, spec.required ? h('span', { class: 'required' }, ' (required)') : null),
    spec.hint ? h('p', { class: 'hint', id: hintId }, spec.hint) : null,
    control,
    h('p', { class: 'field-error', id: `${id}-error` }),
  );
}

function clearErrors(form: HTMLFormElement): void {
  for (const el of form.querySelectorAll('[aria-invalid]')) el.removeAttribute('aria-invalid');
  for (const el of form.querySelectorAll('.field-error')) el.textContent = '';
}

/** Marks the field named by the API (`input.text` -> the form's `text`) and returns whether one matched. */
function markFieldErrors(form: HTMLFormElement, error: unknown): boolean {
  if (!(error instanceof ApiError)) return false;
  let first: HTMLElement | null = null;
  for (const detail of error.details) {
    const name = detail.field?.split('.').pop();
    const control = name ? form.querySelector<HTMLElement>(`[name="${CSS.escape(name)}"]`) : null;
    if (!control) continue;
    control.setAttribute('aria-invalid', 'true');
    const message = document.getElementById(`${control.id}-error`);
    if (message) message.textContent = detail.message;
    first ??= control;
  }
  first?.focus();
  return first !== null;
}

function valuesOf(form: HTMLFormElement): Record<string, string> {
  const out: Record<string, string> = {};
  new FormData(form).forEach((value, key) => {
    if (typeof value === 'string' && value.trim() !== '') out[key] = value;
  });
  return out;
}

function writeForm(
  id: string,
  title: string,
  fields: FieldSpec[],
  button: string,
  send: (values: Record<string, string>) => Promise<HTMLElement>,
): HTMLElement {
  const status = h('div', { class: 'form-status', 'aria-live': 'polite' });
  const submit = h('button', { type: 'submit' }, button);
  const form = h(
    'form',
    { id, novalidate: true, 'aria-labelledby': `${id}-heading` },
    fields.map((f) => field(id, f)),
    submit,
    status,
  );
  form.addEventListener('submit', async (event) => {
    event.preventDefault();
    clearErrors(form);
    submit.disabled = true;
    replaceChildren(status, h('p', null, 'Sending…'));
    try {
      replaceChildren(status, await send(valuesOf(form)));
      form.reset();
    } catch (error) {
      markFieldErrors(form, error);
      replaceChildren(status, errorBox(error));
    } finally {
      submit.disabled = false;
    }
  });
  return h('section', { class: 'panel' }, h('h2', { id: `${id}-heading` }, title), form);
}

export async function submitView(): Promise<View> {
  const keyInput = h('input', {
    id: 'api-key',
    name: 'apiKey',
    type: 'password',
    autocomplete: 'off',
    value: getApiKey(),
    'aria-describedby': 'api-key-hint',
  });
  const remember = h('input', { id: 'api-key-remember', type: 'checkbox', checked: getApiKey() !== '' });
  const saveKey = () => setApiKey(keyInput.value, remember.checked);
  keyInput.addEventListener('change', saveKey);
  remember.addEventListener('change', saveKey);
  const keyPanel = h(
    'section',
    { class: 'panel key-panel', 'aria-labelledby': 'key-title' },
    h('h2', { id: 'key-title' }, 'API key'),
    h(
      'div',
      { class: 'field' },
      h('label', { for: 'api-key' }, 'API key (sent as Authorization: Bearer)'),
      h(
        'p',
        { class: 'hint', id: 'api-key-hint' },
        'Needed when the deployment requires keys for writes. Leave empty on a local server without API_KEYS.',
      ),
      keyInput,
    ),
    h(
      'div',
      { class: 'field checkbox' },
      remember,
      h('label', { for: 'api-key-remember' }, 'Remember in this browser tab'),
    ),
  );

  const claimForm = writeForm(
    'claim-form',
    'Submit a claim',
    [
      {
        name: 'text',
        label: 'Claim',
        kind: 'textarea',
        required: true,
        hint: 'One factual sentence, up to 500 characters.',
      },
    ],
    'Submit claim',
    async (values) => {
      saveKey();
      const { submitClaim } = await gql<{
        submitClaim: { created: boolean; claim: { id: string; text: string; verdict: Verdict } };
      }>(SUBMIT, { input: { text: values.text ?? '' } });
      const c = submitClaim.claim;
      return h(
        'p',
        { class: 'success' },
        submitClaim.created ? 'Submitted: ' : 'Already known: ',
        h('a', { href: claimHref(c.id) }, c.text),
        ' ',
        verdictBadge(c.verdict),
      );
    },
  );

  const reportForm = writeForm(
    'report-form',
    'Ingest a report',
    [
      { name: 'source', label: 'Source (publisher)', required: true },
      { name: 'title', label: 'Title' },
      { name: 'url', label: 'URL', kind: 'url', hint: 'http(s); the same URL again is the same report.' },
      { name: 'publishedAt', label: 'Published on', kind: 'date' },
      {
        name: 'text',
        label: 'Text',
        kind: 'textarea',
        required: true,
        hint: 'The article text; menus, teasers and footers are removed.',
      },
    ],
    'Ingest report',
    async (values) => {
      saveKey();
      const input = {
        source: values.source ?? '',
        text: values.text ?? '',
        title: values.title ?? null,
        url: values.url ?? null,
        publishedAt: values.publishedAt ?? null,
      };
      const { ingestReport } = await gql<{
        ingestReport: {
          created: boolean;
          affectedClaims: number;
          report: { id: string; title: string | null; source: { name: string } };
        };
      }>(INGEST, { input });
      const r = ingestReport.report;
      return h(
        'p',
        { class: 'success' },
        ingestReport.created ? 'Ingested: ' : 'Already stored: ',
        h('a', { href: reportHref(r.id) }, r.title ?? `report from ${r.source.name}`),
        ` — ${ingestReport.affectedClaims} claim${ingestReport.affectedClaims === 1 ? '' : 's'} re-checked.`,
      );
    },
  );

  const el = h(
    'section',
    { class: 'view', 'aria-labelledby': 'page-title' },
    h('h1', { id: 'page-title', tabindex: '-1' }, 'Submit'),
    keyPanel,
    h('div', { class: 'forms' }, claimForm, reportForm),
  );
  return { el, title: 'Submit' };
}
