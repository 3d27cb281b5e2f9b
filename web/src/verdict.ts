// Verdict badges read without colour: every badge has its word and its own shape, and colour only adds.
import { h } from './dom.js';

export const VERDICTS = ['CORROBORATED', 'DISPUTED', 'SINGLE_SOURCE', 'UNVERIFIED'] as const;
export type Verdict = (typeof VERDICTS)[number];
export type Stance = 'SUPPORTS' | 'CONTRADICTS' | 'MENTIONS';

export const VERDICT_INFO: Record<Verdict, { label: string; icon: string; meaning: string }> = {
  CORROBORATED: {
    label: 'Corroborated',
    icon: '✔',
    meaning: 'two or more independent sources state it, none contradicts it',
  },
  DISPUTED: { label: 'Disputed', icon: '✖', meaning: 'at least one report contradicts it' },
  SINGLE_SOURCE: { label: 'Single source', icon: '①', meaning: 'exactly one independent source states it' },
  UNVERIFIED: { label: 'Unverified', icon: '?', meaning: 'no report states or contradicts it' },
};

export const STANCE_INFO: Record<Stance, { label: string; heading: string; icon: string }> = {
  CONTRADICTS: { label: 'Contradicts', heading: 'Contradicting', icon: '✖' },
  SUPPORTS: { label: 'Supports', heading: 'Supporting', icon: '✔' },
  MENTIONS: { label: 'Mentions', heading: 'Mentioning only (does not count)', icon: '…' },
};

export const RULE_TEXT: Record<string, string> = {
  CONTRADICTED: 'A report contradicts the claim',
  TWO_OR_MORE_INDEPENDENT_SOURCES: 'Two or more independent sources support it',
  ONE_INDEPENDENT_SOURCE: 'One independent source supports it',
  NO_SUPPORTING_OR_CONTRADICTING_REPORT: 'No report supports or contradicts it',
};

export function verdictBadge(verdict: Verdict): HTMLElement {
  const info = VERDICT_INFO[verdict];
  return h(
    'span',
    { class: `badge badge-${verdict.toLowerCase()}`, title: info.meaning, 'data-verdict': verdict },
    h('span', { class: 'badge-icon', 'aria-hidden': 'true' }, info.icon),
    ' ',
    info.label,
  );
}

export function stanceBadge(stance: Stance): HTMLElement {
  const info = STANCE_INFO[stance];
  return h(
    'span',
    { class: `stance stance-${stance.toLowerCase()}` },
    h('span', { 'aria-hidden': 'true' }, info.icon),
    ' ',
    info.label,
  );
}
