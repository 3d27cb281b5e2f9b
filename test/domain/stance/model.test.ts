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
  decodeStanceModel,
  decodeStanceModelBytes,
  encodeF32,
  readEnsembleHeader,
  readStanceModelFile,
  softmax,
  stanceLogits,
  stanceProbabilities,
} from '../../../lib/domain/stance/model.js';
import { reportProfile } from '../../../lib/domain/stance/profile.js';
import { encodeEnsembleFile, encodeModelFile, modelFile } from '../../../lib/train/export.js';
import { forward, initNet, trainNet, type Input } from '../../../lib/train/mlp.js';
import { seededRandom } from '../../../lib/train/random.js';

const vocab = ['bridg', 'close', 'traffic', 'open', 'council', 'hoax', 'river'];
const space: FeatureSpace = {
  vocab: new Map(vocab.map((t, i) => [t, i])),
  idf: Float32Array.from(vocab.map((_, i) => 1 + i / 10)),
  idfUnknown: 2,
};
const D = DENSE_FEATURES.length;
const ones = new Float32Array(D).fill(1);
const zeros = new Float32Array(D);

/** The invented example every check below reads. */
function invented() {
  const claim = analyzeClaim('The Fenwick Bridge was closed to traffic on Monday.');
  const report = analyzeReport({
    text: 'The town council closed the Fenwick Bridge to traffic on Monday. The river had risen overnight.',
  });
  const readings = report.statements.map((s) => readCandidate(claim, s, space));
  return featuresOf(claim, readings, space, reportProfile(report.statements));
}

/** A model file around an untrained net over the invented space, unit normalisation. */
const fileOf = (net: ReturnType<typeof initNet>, offsets: number[], temperature: number) =>
  modelFile({
    net,
    groups: [...FEATURE_GROUPS],
    space,
    vocab,
    mean: zeros,
    std: ones,
    offsets,
    temperature,
    trainedOn: 'test',
  });

describe('stance model file', () => {
  it('reads back to the trainer forward pass on a fixed vector', () => {
    const net = initNet(D, 3 * vocab.length, 8, seededRandom(3));
    const file = fileOf(net, [0, 0, 0, 0], 1);
    const model = decodeStanceModel(file);
    const features = invented();
    expect(features.dense.length).toBe(D);
    expect(features.sparseIndex.length).toBeGreaterThan(0);
    // The trainer's pass on the weights as shipped (sparse rows quantised) gives the model's logits.
    const shipped = { ...net, w1s: model.w1Sparse };
    const input: Input = {
      dense: Float32Array.from(features.dense),
      sparseIndex: Int32Array.from(features.sparseIndex),
      sparseValue: Float32Array.from(features.sparseValue),
    };
    const expected = forward(shipped, input, true);
    const got = stanceLogits(model, features);
    for (let c = 0; c < 4; c++) expect(got[c]).toBeCloseTo(expected[c]!, 4);
    // Quantisation moves the logits only a little from the float weights.
    const exact = forward(net, input, true);
    for (let c = 0; c < 4; c++) expect(Math.abs(got[c]! - exact[c]!)).toBeLessThan(0.05 * (1 + Math.abs(exact[c]!)));
    const p = stanceProbabilities(model, features);
    expect(p.reduce((s, v) => s + v, 0)).toBeCloseTo(1, 10);
  });

  it('is written as bytes that read back to the same members and the same model, bit for bit', () => {
    const file = fileOf(initNet(D, 3 * vocab.length, 8, seededRandom(4)), [0, 0.5, 0, 0], 1.5);
    const bytes = encodeModelFile(file);
    expect(readStanceModelFile(bytes)).toEqual(file);
    const fromBytes = decodeStanceModelBytes(bytes);
    const fromFile = decodeStanceModel(file);
    expect(fromBytes).toEqual(fromFile);
    expect([...stanceLogits(fromBytes, invented())]).toEqual([...stanceLogits(fromFile, invented())]);
    expect(() => decodeStanceModelBytes(Buffer.from('{"format":"stance-mlp-1"}'))).toThrow(/npm run train/);
  });

  it("applies offsets before the temperature and refuses another engine's features", () => {
    const net = initNet(D, 3 * vocab.length, 8, seededRandom(4));
    const base = modelFile({
      net,
      groups: ['engine'],
      space,
      vocab,
      mean: zeros,
      std: ones,
      offsets: [0, 0, 0, 0],
      temperature: 1,
      trainedOn: 'test',
    });
    const shifted = decodeStanceModel({ ...base, offsets: [0, 5, 0, 0], temperature: 2 });
    const features = invented();
    const z = stanceLogits(shifted, features);
    const p = stanceProbabilities(shifted, features);
    expect(Math.log(p[1]! / p[0]!)).toBeCloseTo((z[1]! + 5 - z[0]!) / 2, 6);
    expect(() => decodeStanceModel({ ...base, denseNames: ['other'] })).toThrow(/npm run train/);
  });

  it("reads an ensemble as the log of its members' mean softmax, with its own offsets and temperature", () => {
    const members = [5, 6, 7].map((seed) =>
      encodeModelFile(fileOf(initNet(D, 3 * vocab.length, 8, seededRandom(seed)), [0, 3, 0, 0], 0.5)),
    );
    const bytes = encodeEnsembleFile(members, { trainedOn: 'test', offsets: [0.2, 0.5, -0.1, 0], temperature: 1.5 });
    expect(readEnsembleHeader(bytes).members).toHaveLength(3);
    const ensemble = decodeStanceModelBytes(bytes);
    const features = invented();
    // Each member is read raw: its own offsets and temperature (here far from neutral) play no part.
    const mean = [0, 1, 2, 3].map(
      (c) =>
        members.reduce((s, m) => s + softmax(stanceLogits(decodeStanceModelBytes(m), features))[c]!, 0) /
        members.length,
    );
    const z = stanceLogits(ensemble, features);
    for (let c = 0; c < 4; c++) expect(Math.exp(z[c]!)).toBeCloseTo(mean[c]!, 12);
    const p = stanceProbabilities(ensemble, features);
    const offsets = [0.2, 0.5, -0.1, 0];
    const expected = softmax(Float64Array.from(mean, (m, c) => (Math.log(m) + offsets[c]!) / 1.5));
    for (let c = 0; c < 4; c++) expect(p[c]).toBeCloseTo(expected[c]!, 6);
    // Three different nets average to something none of them says alone.
    const alone = decodeStanceModelBytes(members[0]!);
    expect([...stanceLogits(alone, features)]).not.toEqual([...z]);
    // A one-net file is not an ensemble, and an ensemble is not read as one net.
    expect(() => readEnsembleHeader(members[0]!)).toThrow(/not an ensemble/);
    expect(() => readStanceModelFile(bytes)).toThrow(/ensemble/);
  });

  it('refuses an ensemble whose members read different features, or hold an ensemble', () => {
    const net = initNet(D, 3 * vocab.length, 8, seededRandom(5));
    const one = encodeModelFile(fileOf(net, [0, 0, 0, 0], 1));
    const otherIdf = encodeModelFile({ ...fileOf(net, [0, 0, 0, 0], 1), idf: encodeF32(space.idf.map((v) => v + 1)) });
    const calibration = { trainedOn: 'test', offsets: [0, 0, 0, 0], temperature: 1 };
    expect(() => decodeStanceModelBytes(encodeEnsembleFile([one, otherIdf], calibration))).toThrow(
      /different features/,
    );
    const nested = encodeEnsembleFile([one, encodeEnsembleFile([one, one], calibration)], calibration);
    expect(() => decodeStanceModelBytes(nested)).toThrow(/itself an ensemble/);
    // Two copies of one net are that net, up to the log of its softmax (a shift the offsets and softmax ignore).
    const twice = decodeStanceModelBytes(encodeEnsembleFile([one, one], calibration));
    const p = stanceProbabilities(twice, invented());
    const q = stanceProbabilities(decodeStanceModelBytes(one), invented());
    for (let c = 0; c < 4; c++) expect(p[c]).toBeCloseTo(q[c]!, 10);
  });

  it('trains to the same bytes from the same data and seed', () => {
    const random = seededRandom(11);
    const inputs: Input[] = Array.from({ length: 120 }, (_, i) => {
      const dense = Float32Array.from({ length: D }, () => random() - 0.5);
      dense[0] = i % 4;
      return { dense, sparseIndex: Int32Array.from([i % vocab.length]), sparseValue: Float32Array.from([1]) };
    });
    const labels = inputs.map((x) => x.dense[0]!);
    const options = {
      hidden: 6,
      epochs: 3,
      batch: 16,
      lr: 0.01,
      dropout: 0.2,
      weightDecay: 1e-4,
      seed: 5,
      classWeights: [1, 1, 1, 1],
      useSparse: true,
      sparseSize: 3 * vocab.length,
    };
    const accuracy = (n: Parameters<typeof forward>[0]) =>
      inputs.filter((x, i) => {
        const z = forward(n, x, true);
        return z.indexOf(Math.max(...z)) === labels[i];
      }).length / inputs.length;
    const bytes = () => {
      const { net } = trainNet(inputs, labels, options, accuracy);
      return encodeModelFile(
        modelFile({
          net,
          groups: ['engine', 'tf'],
          space,
          vocab,
          mean: zeros,
          std: ones,
          offsets: [0, 0, 0, 0],
          temperature: 1,
          trainedOn: 'test',
        }),
      );
    };
    const first = bytes();
    expect(bytes().equals(first)).toBe(true);
    // It learns: the label is the first input, the net finds it.
    expect(accuracy(trainNet(inputs, labels, { ...options, epochs: 30 }, accuracy).net)).toBeGreaterThan(0.6);
  });

  it('averages the weights from the asked epochs to the last, from the same run as the best epoch', () => {
    const random = seededRandom(3);
    const inputs: Input[] = Array.from({ length: 40 }, (_, i) => ({
      dense: Float32Array.from({ length: D }, (_, d) => (d === 0 ? i % 4 : random() - 0.5)),
      sparseIndex: Int32Array.from([i % vocab.length]),
      sparseValue: Float32Array.from([1]),
    }));
    const labels = inputs.map((x) => x.dense[0]!);
    const options = {
      hidden: 4,
      epochs: 3,
      batch: 8,
      lr: 0.01,
      dropout: 0.2,
      weightDecay: 1e-4,
      seed: 9,
      classWeights: [1, 1, 1, 1],
      useSparse: true,
      sparseSize: 3 * vocab.length,
    };
    const seen: Float32Array[] = [];
    const run = trainNet(inputs, labels, { ...options, averageFrom: [2, 3] }, (net) => {
      seen.push(net.w1s.slice());
      return -seen.length;
    });
    expect(run.epoch).toBe(1);
    expect([...run.averages.keys()]).toEqual([2, 3]);
    // From the last epoch: that epoch's weights; from the one before: the mean of the two.
    expect(run.averages.get(3)!.w1s).toEqual(seen[2]);
    const mean = seen[1]!.map((v, i) => (v + seen[2]![i]!) / 2);
    expect(Math.max(...run.averages.get(2)!.w1s.map((v, i) => Math.abs(v - mean[i]!)))).toBeLessThan(1e-6);
    // Averaging is bookkeeping: the run and its best epoch are the same with or without it.
    expect(trainNet(inputs, labels, options, (net) => -net.b2[0]!).net).toEqual(
      trainNet(inputs, labels, { ...options, averageFrom: [2] }, (net) => -net.b2[0]!).net,
    );
  });
});
