// Parts of speech and lemmas, from a kept tagger: wink-nlp with its English web model (both MIT; statistical,
// Universal POS tags, ~20k tokens/s here). Loaded on first use: the model is 3 MB of data, so it is an asset
// beside the bundle (built by lib/assets/tagger.ts, read by taggerModel.ts), not bundled.
import winkNLP from 'wink-nlp';
import { lazyAsset } from './assets.js';
import { loadTaggerModel } from './taggerModel.js';

/** Universal POS tags (universaldependencies.org/u/pos). */
export type Pos =
  | 'ADJ'
  | 'ADP'
  | 'ADV'
  | 'AUX'
  | 'CCONJ'
  | 'DET'
  | 'INTJ'
  | 'NOUN'
  | 'NUM'
  | 'PART'
  | 'PRON'
  | 'PROPN'
  | 'PUNCT'
  | 'SCONJ'
  | 'SYM'
  | 'VERB'
  | 'X'
  | 'SPACE';

export interface Token {
  text: string;
  /** lower-cased text */
  lower: string;
  pos: Pos;
  lemma: string;
}

export { TAGGER_CODE_ASSET, TAGGER_MODEL_ASSET } from './taggerModel.js';

/** What the engine reads of the tagger: sentences and parts of speech (lemmas come with them). */
const PIPE = ['sbd', 'pos'] as const;

const loadTagger = lazyAsset(() => {
  const nlp = winkNLP(loadTaggerModel(PIPE), [...PIPE]);
  return { nlp, its: nlp.its };
});

function read(text: string): Token[] {
  const { nlp, its } = loadTagger();
  const tokens = nlp.readDoc(text).tokens();
  const words = tokens.out(its.value) as string[];
  const pos = tokens.out(its.pos) as Pos[];
  const lemmas = tokens.out(its.lemma as never) as unknown as string[];
  return words.map((w, i) => ({
    text: w,
    lower: w.toLowerCase(),
    pos: pos[i]!,
    lemma: (lemmas[i] ?? w).toLowerCase(),
  }));
}

/**
 * Tokens of a text with their parts of speech and lemmas. The model reads a capitalised first word as a name
 * ("Engineers said", "Investors pulled out"), so such a word alone is read again in lower case: the second
 * reading wins when it is not a name either (its lemma then comes right: "engineer").
 */
export function tag(text: string): Token[] {
  const tokens = read(text);
  const [first, second] = tokens;
  if (first?.pos === 'PROPN' && second && second.pos !== 'PROPN' && /^\p{Lu}\p{Ll}+$/u.test(first.text)) {
    const again = read(first.lower + text.slice(first.text.length))[0];
    if (again && again.pos !== 'PROPN' && again.lower === first.lower) tokens[0] = { ...again, text: first.text };
  }
  return tokens;
}
