// The stance model at request time: a small MLP (dense features standardised, sparse term counts, one ReLU
// hidden layer, four outputs) read from assets/stance-model.json.gz. Class offsets tuned on the dev split
// and a calibration temperature are part of the asset. Pure TypeScript, read lazily once per process.
import { lazyAsset, readAsset } from '../resources/assets.js';
import { DENSE_FEATURES, type FeatureGroup, type Features, type FeatureSpace } from './features.js';

export const STANCE_CLASSES = ['agree', 'disagree', 'discuss', 'unrelated'] as const;
export type StanceClass = (typeof STANCE_CLASSES)[number];
export const STANCE_MODEL_ASSET = 'stance-model.json.gz';

export interface StanceModel {
  groups: FeatureGroup[];
  space: FeatureSpace;
  hidden: number;
  denseMean: Float32Array;
  denseStd: Float32Array;
  /** dense input -> hidden, row-major [dense][hidden] */
  w1Dense: Float32Array;
  /** sparse input -> hidden, row-major [3 * vocab][hidden] (dequantised) */
  w1Sparse: Float32Array;
  b1: Float32Array;
  /** hidden -> output, row-major [hidden][4] */
  w2: Float32Array;
  b2: Float32Array;
  /** per-class logit offsets tuned on the dev split (lift `disagree`) */
  offsets: Float32Array;
  /** calibration temperature fitted on the dev split */
  temperature: number;
}

/** The asset's JSON: typed arrays as base64, the big sparse matrix as int8 with one scale per row. */
export interface StanceModelFile {
  format: 'stance-mlp-1';
  trainedOn: string;
  groups: FeatureGroup[];
  vocab: string[];
  idf: string;
  idfUnknown: number;
  hidden: number;
  denseNames: string[];
  denseMean: string;
  denseStd: string;
  w1Dense: string;
  w1SparseQ: string;
  w1SparseScale: string;
  b1: string;
  w2: string;
  b2: string;
  offsets: number[];
  temperature: number;
  metrics?: Record<string, unknown>;
}

const f32 = (b64: string): Float32Array => {
  const bytes = Buffer.from(b64, 'base64');
  return new Float32Array(bytes.buffer.slice(bytes.byteOffset, bytes.byteOffset + bytes.byteLength));
};
export const encodeF32 = (a: ArrayLike<number>): string => Buffer.from(Float32Array.from(a).buffer).toString('base64');

export function decodeStanceModel(file: StanceModelFile): StanceModel {
  if (file.format !== 'stance-mlp-1') throw new Error(`stance model: unknown format ${String(file.format)}`);
  const names = DENSE_FEATURES.map(([n]) => n);
  if (file.denseNames.join(',') !== names.join(','))
    throw new Error("stance model: its dense features are not this engine's; run npm run train");
  const hidden = file.hidden;
  const q = Buffer.from(file.w1SparseQ, 'base64');
  const scale = f32(file.w1SparseScale);
  const w1Sparse = new Float32Array(q.length);
  for (let row = 0; row < scale.length; row++) {
    const s = scale[row]!;
    for (let j = 0; j < hidden; j++) w1Sparse[row * hidden + j] = ((q[row * hidden + j]! << 24) >> 24) * s;
  }
  return {
    groups: file.groups,
    space: { vocab: new Map(file.vocab.map((t, i) => [t, i])), idf: f32(file.idf), idfUnknown: file.idfUnknown },
    hidden,
    denseMean: f32(file.denseMean),
    denseStd: f32(file.denseStd),
    w1Dense: f32(file.w1Dense),
    w1Sparse,
    b1: f32(file.b1),
    w2: f32(file.w2),
    b2: f32(file.b2),
    offsets: Float32Array.from(file.offsets),
    temperature: file.temperature,
  };
}

export const loadStanceModel = lazyAsset(() =>
  decodeStanceModel(JSON.parse(readAsset(STANCE_MODEL_ASSET).toString('utf8')) as StanceModelFile),
);

/** Which dense inputs a model reads: the features of its groups (the others are held at zero). */
const activeCache = new WeakMap<StanceModel, Uint8Array>();
function activeDense(model: StanceModel): Uint8Array {
  let active = activeCache.get(model);
  if (!active) {
    const groups = new Set(model.groups);
    active = Uint8Array.from(DENSE_FEATURES.map(([, g]) => (groups.has(g) ? 1 : 0)));
    activeCache.set(model, active);
  }
  return active;
}

/** Raw output scores (before offsets and temperature). */
export function stanceLogits(model: StanceModel, features: Features): Float64Array {
  const H = model.hidden;
  const h = Float64Array.from(model.b1);
  const active = activeDense(model);
  for (let i = 0; i < features.dense.length; i++) {
    if (active[i] === 0) continue;
    const x = (features.dense[i]! - model.denseMean[i]!) / model.denseStd[i]!;
    if (x === 0) continue;
    const row = i * H;
    for (let j = 0; j < H; j++) h[j]! += x * model.w1Dense[row + j]!;
  }
  if (model.groups.includes('tf')) {
    for (let k = 0; k < features.sparseIndex.length; k++) {
      const x = features.sparseValue[k]!;
      const row = features.sparseIndex[k]! * H;
      for (let j = 0; j < H; j++) h[j]! += x * model.w1Sparse[row + j]!;
    }
  }
  const out = Float64Array.from(model.b2);
  for (let j = 0; j < H; j++) {
    const a = h[j]!;
    if (a <= 0) continue;
    for (let c = 0; c < 4; c++) out[c]! += a * model.w2[j * 4 + c]!;
  }
  return out;
}

/** Calibrated class probabilities: offsets, then temperature, then softmax. */
export function stanceProbabilities(model: StanceModel, features: Features): Float64Array {
  const z = stanceLogits(model, features);
  for (let c = 0; c < 4; c++) z[c] = (z[c]! + model.offsets[c]!) / model.temperature;
  return softmax(z);
}

export function softmax(z: Float64Array): Float64Array {
  const max = Math.max(...z);
  const e = z.map((v) => Math.exp(v - max));
  const sum = e.reduce((s, v) => s + v, 0);
  return e.map((v) => v / sum);
}
