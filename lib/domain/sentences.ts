// Sentence segmentation with Intl.Segmenter (built into Node: no dependency), then
// repairs for the abbreviations it splits on ("Gen.", "U.S.", "Jan.").
import { collapseWhitespace } from './text.js';

/**
 * Built on the first report body, not at import: constructing it loads ICU's sentence rules (about 8 ms of
 * CPU), and a container that only reads claims or checks one never splits a body.
 */
let segmenter: Intl.Segmenter | undefined;
const ABBREVIATION_END =
  /\b(?:Mr|Mrs|Ms|Dr|Prof|Gen|Col|Lt|Sgt|Capt|Gov|Sen|Rep|St|Jr|Sr|Inc|Ltd|Co|Corp|vs|No|Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sep|Sept|Oct|Nov|Dec|U\.S|U\.K|U\.N|[A-Z])\.\s*$/;

/** No sentence starts with a comma or a lower-case word: "in Golden, Colo., said it was 6.1" goes on. */
const GOES_ON = /^\s*[,;:)\]\p{Ll}]/u;
/** "a.m."/"p.m." end a sentence only when a new one starts: not before "(" or a time zone. */
const CLOCK_END = /\b[ap]\.m\.\s*$/i;
const CLOCK_GOES_ON = /^\s*(?:[([]|(?:ET|EST|EDT|CT|CST|CDT|MT|PT|PST|PDT|GMT|UTC|BST|CET|CEST|local)\b)/u;

/** Paragraphs (blank-line or line separated) split into sentences. */
export function splitSentences(text: string): string[] {
  const out: string[] = [];
  for (const paragraph of text.split(/\n+/)) {
    const line = collapseWhitespace(paragraph);
    if (line.length === 0) continue;
    let pending = '';
    segmenter ??= new Intl.Segmenter('en', { granularity: 'sentence' });
    const segments = [...segmenter.segment(line)].map((s) => s.segment);
    for (const [i, segment] of segments.entries()) {
      pending += segment;
      if (ABBREVIATION_END.test(pending)) continue;
      const next = segments[i + 1] ?? '';
      // After a full stop only: a question or an exclamation is a sentence whatever follows.
      if (
        (GOES_ON.test(next) && !/[?!]["'’”)\]]*\s*$/u.test(pending)) ||
        (CLOCK_END.test(pending) && CLOCK_GOES_ON.test(next))
      )
        continue;
      const sentence = pending.trim();
      if (sentence.length > 0) out.push(sentence);
      pending = '';
    }
    if (pending.trim().length > 0) out.push(pending.trim());
  }
  return out;
}
