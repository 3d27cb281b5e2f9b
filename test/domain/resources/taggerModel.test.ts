// The tagger's model as the engine stores it (assets/tagger-model.bin + tagger-code.cjs) against the package it
// is built from (wink-eng-lite-web-model, a devDependency): the same data, word for word, and the same tags.
import { createRequire } from 'node:module';
import { describe, expect, it } from 'vitest';
import winkNLP, { type Model } from 'wink-nlp';
import { assetPath } from '../../../lib/domain/resources/assets.js';
import { loadTaggerModel, TAGGER_CODE_ASSET } from '../../../lib/domain/resources/taggerModel.js';

const require = createRequire(import.meta.url);
const packaged = (): Model => {
  // A fresh copy each time: the package's loaders hand out shared objects that wink-nlp extends.
  for (const id of Object.keys(require.cache)) if (id.includes('wink-eng-lite-web-model')) delete require.cache[id];
  return require('wink-eng-lite-web-model') as Model;
};
type Core = Record<string, any>;
const coreOf = (model: Model): Core => (model.core as unknown as () => Core)();

describe('tagger model asset', () => {
  it('holds the packaged core model: packing, features, lexicon and every word with its index', () => {
    const ours = coreOf(loadTaggerModel());
    const theirs = coreOf(packaged());
    const { lexeme: ourLexeme, ...ourFeatures } = ours.features;
    const { lexeme: theirLexeme, ...theirFeatures } = theirs.features;
    expect(ourFeatures).toEqual(theirFeatures);
    for (const key of ['header', 'packing', 'tcat', 'pos', 'trex', 'preserve']) expect(ours[key]).toEqual(theirs[key]);
    const bytes = (a: Uint32Array) => Buffer.from(a.buffer, a.byteOffset, a.byteLength);
    expect(bytes(ours.lexicon).equals(bytes(theirs.lexicon))).toBe(true);
    expect(bytes(ours.xpansions).equals(bytes(theirs.xpansions))).toBe(true);
    expect(ourLexeme.intrinsicSize).toBe(theirLexeme.intrinsicSize);
    expect(ourLexeme.list.length).toBe(theirLexeme.list.length);
    const list: string[] = theirLexeme.list;
    let mismatches = 0;
    for (let i = 0; i < list.length; i++) {
      if (ourLexeme.list[i] !== list[i] || ourLexeme.hash[list[i]!] !== theirLexeme.hash[list[i]!]) mismatches++;
    }
    expect(mismatches).toBe(0);
    for (const unknown of ['zorblatted', 'constructor', '__proto__', 'toString', ''])
      expect(ourLexeme.hash[unknown]).toBe(theirLexeme.hash[unknown]);
  });

  it('holds the packaged sub-models', () => {
    const ours = loadTaggerModel() as unknown as Record<string, () => Core>;
    const theirs = packaged() as unknown as Record<string, () => Core>;
    for (const part of ['sbd', 'pos', 'ner', 'negation', 'sa', 'metaCER']) {
      expect(ours[part]!().machines).toEqual(theirs[part]!().machines);
      expect(Object.keys(ours[part]!()).sort()).toEqual(Object.keys(theirs[part]!()).sort());
    }
  });

  it('fills the lemmatiser exception lists the package has', () => {
    // lemmatize.js reads them; through wink-nlp, irregular forms out of the lexicon reach them.
    const ours = winkNLP(loadTaggerModel(['sbd', 'pos']), ['sbd', 'pos']);
    const theirs = winkNLP(packaged(), ['sbd', 'pos']);
    const text = 'The aardwolves and the abaci were outgrown; the zoeae overflew, the oxen bestrode the dwarves.';
    const lemmas = (nlp: ReturnType<typeof winkNLP>) =>
      nlp
        .readDoc(text)
        .tokens()
        .out(nlp.its.lemma as never);
    expect(lemmas(ours)).toEqual(lemmas(theirs));
    for (const list of ['adjective', 'noun', 'verb'])
      expect({
        ...require(assetPath(TAGGER_CODE_ASSET)).exceptions[list],
      }).toEqual({ ...require(`wink-eng-lite-web-model/dist/wn-${list}-exceptions.js`) });
  });

  it('tags as the packaged model does, new words included', () => {
    const texts = [
      'The council closed the Fenwick Bridge on Monday after engineers found cracks in its span.',
      "Zorblat's flimflam didn't quorble the 3,400 Ünïcode wordz; 12th-century e-mail @someone #tag :) http://x.y",
      'Did the storm damage the harbour wall? Rebels seized the airport, and the geese fled!',
      'The mice were ferried across; oxen, criteria and phenomena were reviewed by the attorneys-general.',
      'She quit, he resigned, they had been arrested and were freed by 9:45 p.m. on 3 March 2025.',
    ];
    const read = (nlp: ReturnType<typeof winkNLP>) =>
      texts.map((t) => {
        const tokens = nlp.readDoc(t).tokens();
        return [tokens.out(nlp.its.value), tokens.out(nlp.its.pos), tokens.out(nlp.its.lemma as never)];
      });
    // Twice through one instance: the second reading meets the words the first one added.
    const ours = winkNLP(loadTaggerModel(['sbd', 'pos']), ['sbd', 'pos']);
    const theirs = winkNLP(packaged(), ['sbd', 'pos']);
    expect([...read(ours), ...read(ours)]).toEqual([...read(theirs), ...read(theirs)]);
  });
});
