import { describe, expect, it } from 'vitest';
import { analyzeClaim, analyzeReport } from '../../../lib/domain/index.js';
import {
  DENSE_FEATURES,
  FEATURE_GROUPS,
  featuresOf,
  readCandidate,
  type FeatureSpace,
} from '../../../lib/domain/stance/features.js';
import {
  baseLogits,
  decodeStanceModelBytes,
  DEFAULT_EVIDENCE_THRESHOLDS,
  readBlendHeader,
  softmax,
  stanceLogits,
  stanceProbabilities,
} from '../../../lib/domain/stance/model.js';
import { forestScores, type Forest } from '../../../lib/domain/stance/trees.js';
import { reportProfile } from '../../../lib/domain/stance/profile.js';
import { encodeBlendFile, encodeEnsembleFile, encodeModelFile, modelFile } from '../../../lib/train/export.js';
import { initNet } from '../../../lib/train/mlp.js';
import { seededRandom } from '../../../lib/train/random.js';

const vocab = ['bridg', 'close', 'traffic', 'open', 'council', 'river'];
const space: FeatureSpace = {
  vocab: new Map(vocab.map((t, i) => [t, i])),
  idf: Float32Array.from(vocab.map((_, i) => 1 + i / 10)),
  idfUnknown: 2,
};
const D = DENSE_FEATURES.length;
const net = encodeModelFile(
  modelFile({
    net: initNet(D, 3 * vocab.length, 8, seededRandom(9)),
    groups: [...FEATURE_GROUPS],
    space,
    vocab,
    mean: new Float32Array(D),
    std: new Float32Array(D).fill(1),
    offsets: [0, 2, 0, 0],
    temperature: 0.5,
    trainedOn: 'test',
  }),
);

function invented() {
  const claim = analyzeClaim('The Fenwick Bridge was closed to traffic on Monday.');
  const report = analyzeReport({ text: 'The council closed the Fenwick Bridge to traffic on Monday. The river rose.' });
  const readings = report.statements.map((s) => readCandidate(claim, s, space));
  return featuresOf(claim, readings, space, reportProfile(report.statements));
}

/** One stump per class on input `f`: class c gains c + 1 when the input is at most `at`, loses 1 otherwise. */
const stumps = (f: number, at: number): Forest => ({
  classes: 4,
  base: Float32Array.from([0.1, -0.2, 0.3, 0]),
  roots: Int32Array.from([0, 3, 6, 9]),
  feature: Int16Array.from([f, -1, -1, f, -1, -1, f, -1, -1, f, -1, -1]),
  value: Float32Array.from([at, 1, -1, at, 2, -1, at, 3, -1, at, 4, -1]),
  left: Int32Array.from([1, 0, 0, 4, 0, 0, 7, 0, 0, 10, 0, 0]),
});

const settings = { trainedOn: 'test', netWeight: 0.3, offsets: [0.5, -0.5, 0, 0], temperature: 1.5 };
const evidence = { refutes: 0.85, paraphrase: 0.6 };

describe('stance blend (format 3)', () => {
  it('scores the leaves its input reaches', () => {
    const x = new Float64Array(D);
    x[2] = 0.5;
    expect([...forestScores(stumps(2, 1), x)].map((v) => Math.round(v * 1e6) / 1e6)).toEqual([1.1, 1.8, 3.3, 4]);
    x[2] = 1.5;
    expect([...forestScores(stumps(2, 1), x)].map((v) => Math.round(v * 1e6) / 1e6)).toEqual([-0.9, -1.2, -0.7, -1]);
  });

  it("mixes the net's and the trees' probabilities by its weight, then its own offsets and temperature", () => {
    const features = invented();
    const forest = stumps(0, features.dense[0]! + 1);
    const blend = decodeStanceModelBytes(encodeBlendFile(net, forest, { ...settings, evidence }));
    const alone = decodeStanceModelBytes(net);
    // The net is read raw: its own offsets [0, 2, 0, 0] and temperature 0.5 play no part.
    const pNet = softmax(baseLogits(alone, features));
    const pTrees = softmax(forestScores(forest, features.dense));
    const z = stanceLogits(blend, features);
    for (let c = 0; c < 4; c++) expect(Math.exp(z[c]!)).toBeCloseTo(0.3 * pNet[c]! + 0.7 * pTrees[c]!, 12);
    const p = stanceProbabilities(blend, features);
    const expected = softmax(Float64Array.from(z, (v, c) => (v + settings.offsets[c]!) / 1.5));
    for (let c = 0; c < 4; c++) expect(p[c]).toBeCloseTo(expected[c]!, 10);
    expect(blend.evidence).toEqual(evidence);
    // Weight 1 is the net alone, up to the offsets.
    const netOnly = decodeStanceModelBytes(encodeBlendFile(net, forest, { ...settings, netWeight: 1, evidence }));
    for (let c = 0; c < 4; c++) expect(Math.exp(stanceLogits(netOnly, features)[c]!)).toBeCloseTo(pNet[c]!, 12);
  });

  it('holds an ensemble as its net; formats 1 and 2 still read, with the default evidence bars', () => {
    const ensemble = encodeEnsembleFile([net, net], { trainedOn: 'test', offsets: [0, 0, 0, 0], temperature: 1 });
    expect(decodeStanceModelBytes(net).evidence).toEqual(DEFAULT_EVIDENCE_THRESHOLDS);
    expect(decodeStanceModelBytes(ensemble).evidence).toEqual(DEFAULT_EVIDENCE_THRESHOLDS);
    const blend = encodeBlendFile(ensemble, stumps(1, 0.5), { ...settings, evidence });
    expect(decodeStanceModelBytes(blend).members).toHaveLength(2);
    expect(readBlendHeader(blend).netWeight).toBe(0.3);
    expect(() => readBlendHeader(net)).toThrow(/not a blend/);
    // Same parts, same bytes.
    expect(encodeBlendFile(ensemble, stumps(1, 0.5), { ...settings, evidence }).equals(blend)).toBe(true);
  });

  it('refuses a forest that reads outside the inputs or loops, a weight outside [0, 1], a nested blend', () => {
    const bad = { ...stumps(0, 1), feature: Int16Array.from([D + 5, -1, -1, 0, -1, -1, 0, -1, -1, 0, -1, -1]) };
    expect(() => decodeStanceModelBytes(encodeBlendFile(net, bad, { ...settings, evidence }))).toThrow(/reads feature/);
    const loop = { ...stumps(0, 1), left: Int32Array.from([0, 0, 0, 4, 0, 0, 7, 0, 0, 10, 0, 0]) };
    expect(() => decodeStanceModelBytes(encodeBlendFile(net, loop, { ...settings, evidence }))).toThrow(/children/);
    expect(() =>
      decodeStanceModelBytes(encodeBlendFile(net, stumps(0, 1), { ...settings, netWeight: 1.5, evidence })),
    ).toThrow(/netWeight/);
    const blend = encodeBlendFile(net, stumps(0, 1), { ...settings, evidence });
    expect(() => decodeStanceModelBytes(encodeBlendFile(blend, stumps(0, 1), { ...settings, evidence }))).toThrow(
      /itself a blend/,
    );
  });
});
