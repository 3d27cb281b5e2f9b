// The stance model at request time: a small MLP (dense features standardised, sparse term counts, one ReLU
// hidden layer, four outputs) read from assets/stance-model.bin, or an ensemble of such nets (several seeds of
// one configuration) whose probabilities are averaged. Class offsets tuned on the dev split and a calibration
// temperature are part of the asset. Pure TypeScript, read lazily once per process.
import { lazyAsset, readAsset } from '../resources/assets.js';
import { DENSE_FEATURES, type FeatureGroup, type Features, type FeatureSpace } from './features.js';
import { checkForest, forestScores, type Forest } from './trees.js';

export const STANCE_CLASSES = ['agree', 'disagree', 'discuss', 'unrelated'] as const;
export type StanceClass = (typeof STANCE_CLASSES)[number];
export const STANCE_MODEL_ASSET = 'stance-model.bin';

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
  /**
   * An ensemble's nets (the fields above are then the first one's, offsets and temperature the ensemble's own):
   * its logits are the log of the members' mean softmax, each member read without its own offsets and temperature.
   */
  members?: StanceModel[];
  /**
   * A blend (format version 3): the net above (one net or an ensemble) and boosted trees over the dense inputs,
   * p = netWeight * net + (1 - netWeight) * trees, each read without offsets; offsets and temperature are the blend's.
   */
  blend?: { forest: Forest; netWeight: number };
  /** How sure the model must be for the evidence rules to follow it (verdict.ts); its probabilities set them. */
  evidence: EvidenceThresholds;
}

/** The evidence rules' bars on the model's probabilities: `disagree` to refute, `agree` to read a paraphrase. */
export interface EvidenceThresholds {
  refutes: number;
  paraphrase: number;
}

/** The bars of a model that names none (formats 1 and 2): chosen for the checked-in net (docs/engine.md). */
export const DEFAULT_EVIDENCE_THRESHOLDS: EvidenceThresholds = { refutes: 0.7, paraphrase: 0.7 };

/** The model as training hands it over: typed arrays as base64, the big sparse matrix as int8 with one scale per row. */
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

/** The StanceModelFile members that are arrays (all float32 but the int8 w1SparseQ). */
export const STANCE_ARRAYS = [
  'idf',
  'denseMean',
  'denseStd',
  'w1Dense',
  'w1SparseScale',
  'b1',
  'w2',
  'b2',
  'w1SparseQ',
] as const;
type StanceArray = (typeof STANCE_ARRAYS)[number];
type StanceScalars = Omit<StanceModelFile, StanceArray>;
type StanceArrays = Record<Exclude<StanceArray, 'w1SparseQ'>, Float32Array> & { w1SparseQ: Int8Array };

function modelOf(file: StanceScalars, arrays: StanceArrays): StanceModel {
  if (file.format !== 'stance-mlp-1') throw new Error(`stance model: unknown format ${String(file.format)}`);
  const names = DENSE_FEATURES.map(([n]) => n);
  if (file.denseNames.join(',') !== names.join(','))
    throw new Error("stance model: its dense features are not this engine's; run npm run train");
  const hidden = file.hidden;
  const q = arrays.w1SparseQ;
  const scale = arrays.w1SparseScale;
  const w1Sparse = new Float32Array(q.length);
  for (let row = 0; row < scale.length; row++) {
    const s = scale[row]!;
    for (let j = 0; j < hidden; j++) w1Sparse[row * hidden + j] = q[row * hidden + j]! * s;
  }
  return {
    groups: file.groups,
    space: { vocab: new Map(file.vocab.map((t, i) => [t, i])), idf: arrays.idf, idfUnknown: file.idfUnknown },
    hidden,
    denseMean: arrays.denseMean,
    denseStd: arrays.denseStd,
    w1Dense: arrays.w1Dense,
    w1Sparse,
    b1: arrays.b1,
    w2: arrays.w2,
    b2: arrays.b2,
    offsets: Float32Array.from(file.offsets),
    temperature: file.temperature,
    evidence: DEFAULT_EVIDENCE_THRESHOLDS,
  };
}

export function decodeStanceModel(file: StanceModelFile): StanceModel {
  const q = Buffer.from(file.w1SparseQ, 'base64');
  return modelOf(file, {
    idf: f32(file.idf),
    denseMean: f32(file.denseMean),
    denseStd: f32(file.denseStd),
    w1Dense: f32(file.w1Dense),
    w1SparseScale: f32(file.w1SparseScale),
    b1: f32(file.b1),
    w2: f32(file.w2),
    b2: f32(file.b2),
    w1SparseQ: new Int8Array(q.buffer, q.byteOffset, q.length),
  });
}

/**
 * The asset's bytes (lib/train/export.ts writes them): "STNC", version, the length and JSON of every member
 * that is not an array, then each array's raw little-endian bytes, 4-aligned, where the JSON's `arrays` says.
 * Read as views: no gunzip, no base64, no parse of a megabyte of text.
 */
export const STANCE_FILE_MAGIC = 'STNC';
export const STANCE_FILE_VERSION = 1;
/** Version 2: an ensemble, its JSON (`StanceEnsembleHeader`) then each member's whole version-1 file, 4-aligned. */
export const STANCE_ENSEMBLE_VERSION = 2;
/** Version 3: a blend, its JSON (`StanceBlendHeader`), the net's whole version-1 or -2 file, then the forest's arrays. */
export const STANCE_BLEND_VERSION = 3;
/** The forest's arrays in a version-3 file, in this order. */
export const FOREST_ARRAYS = ['base', 'roots', 'feature', 'value', 'left'] as const;
export interface StanceBlendHeader {
  format: 'stance-blend-1';
  trainedOn: string;
  denseNames: string[];
  classes: number;
  netWeight: number;
  offsets: number[];
  temperature: number;
  evidence: EvidenceThresholds;
  metrics?: Record<string, unknown>;
  net: [offset: number, bytes: number];
  forest: Record<(typeof FOREST_ARRAYS)[number], [offset: number, bytes: number]>;
}
export type StanceFileHeader = StanceScalars & { arrays: Record<StanceArray, [offset: number, bytes: number]> };
export interface StanceEnsembleHeader {
  format: 'stance-ensemble-1';
  trainedOn: string;
  offsets: number[];
  temperature: number;
  metrics?: Record<string, unknown>;
  members: Array<[offset: number, bytes: number]>;
}

function fileVersion(bytes: Buffer): number {
  const version = bytes.length < 12 || bytes.toString('latin1', 0, 4) !== STANCE_FILE_MAGIC ? 0 : bytes.readUInt32LE(4);
  if (version !== STANCE_FILE_VERSION && version !== STANCE_ENSEMBLE_VERSION && version !== STANCE_BLEND_VERSION)
    throw new Error(`${STANCE_MODEL_ASSET}: not a version 1, 2 or 3 stance model; run npm run train`);
  return version;
}

function readHeader(bytes: Buffer): StanceFileHeader {
  if (fileVersion(bytes) !== STANCE_FILE_VERSION)
    throw new Error(`${STANCE_MODEL_ASSET}: an ensemble, not one net (decodeStanceModelBytes reads it)`);
  return JSON.parse(bytes.toString('utf8', 12, 12 + bytes.readUInt32LE(8))) as StanceFileHeader;
}

export function readEnsembleHeader(bytes: Buffer): StanceEnsembleHeader {
  if (fileVersion(bytes) !== STANCE_ENSEMBLE_VERSION)
    throw new Error(`${STANCE_MODEL_ASSET}: one net, not an ensemble`);
  const header = JSON.parse(bytes.toString('utf8', 12, 12 + bytes.readUInt32LE(8))) as StanceEnsembleHeader;
  if (header.format !== 'stance-ensemble-1') throw new Error(`stance model: unknown format ${String(header.format)}`);
  return header;
}

/** Nets averaged as one model: they must read the same inputs (groups, vocabulary, IDF), computed once. */
export function stanceEnsemble(
  members: StanceModel[],
  calibration: Pick<StanceModel, 'offsets' | 'temperature'>,
): StanceModel {
  const [first] = members;
  if (!first) throw new Error('stance ensemble: no members');
  const same = (m: StanceModel) =>
    m.groups.join(',') === first.groups.join(',') &&
    m.space.idfUnknown === first.space.idfUnknown &&
    m.space.vocab.size === first.space.vocab.size &&
    [...m.space.vocab.keys()].every((t) => first.space.vocab.get(t) === m.space.vocab.get(t)) &&
    m.space.idf.every((v, i) => v === first.space.idf[i]);
  if (members.some((m) => m.members)) throw new Error('stance ensemble: a member is itself an ensemble');
  if (!members.every(same)) throw new Error('stance ensemble: its members read different features');
  return { ...first, offsets: calibration.offsets, temperature: calibration.temperature, members };
}

export function readBlendHeader(bytes: Buffer): StanceBlendHeader {
  if (fileVersion(bytes) !== STANCE_BLEND_VERSION) throw new Error(`${STANCE_MODEL_ASSET}: not a blend`);
  const header = JSON.parse(bytes.toString('utf8', 12, 12 + bytes.readUInt32LE(8))) as StanceBlendHeader;
  if (header.format !== 'stance-blend-1') throw new Error(`stance model: unknown format ${String(header.format)}`);
  return header;
}

/** A net (or ensemble) and a forest as one model, with the blend's own offsets, temperature and evidence bars. */
export function stanceBlend(
  net: StanceModel,
  forest: Forest,
  settings: Pick<StanceModel, 'offsets' | 'temperature' | 'evidence'> & { netWeight: number },
): StanceModel {
  if (net.blend) throw new Error('stance blend: its net is itself a blend');
  if (!(settings.netWeight >= 0 && settings.netWeight <= 1))
    throw new Error('stance blend: netWeight must be in [0, 1]');
  checkForest(forest, DENSE_FEATURES.length);
  const { offsets, temperature, evidence, netWeight } = settings;
  return { ...net, offsets, temperature, evidence, blend: { forest, netWeight } };
}

/** A copy of the bytes as an integer array of the given kind. */
function intsAt<T>(bytes: Buffer, [offset, length]: [number, number], view: (buffer: ArrayBuffer) => T): T {
  return view(Uint8Array.from(bytes.subarray(offset, offset + length)).buffer);
}

/** A typed view of the bytes in place when they are aligned for it, else a copy. */
function f32At(bytes: Buffer, [offset, length]: [number, number]): Float32Array {
  const at = bytes.byteOffset + offset;
  if (at % 4 === 0) return new Float32Array(bytes.buffer, at, length / 4);
  return new Float32Array(Uint8Array.from(bytes.subarray(offset, offset + length)).buffer);
}

export function decodeStanceModelBytes(bytes: Buffer): StanceModel {
  if (fileVersion(bytes) === STANCE_BLEND_VERSION) {
    const header = readBlendHeader(bytes);
    if (header.denseNames.join(',') !== DENSE_FEATURES.map(([n]) => n).join(','))
      throw new Error("stance model: its trees' dense features are not this engine's; run npm run train");
    const [netAt, netBytes] = header.net;
    const net = decodeStanceModelBytes(bytes.subarray(netAt, netAt + netBytes));
    const f = header.forest;
    const forest: Forest = {
      classes: header.classes,
      base: f32At(bytes, f.base),
      roots: intsAt(bytes, f.roots, (b) => new Int32Array(b)),
      feature: intsAt(bytes, f.feature, (b) => new Int16Array(b)),
      value: f32At(bytes, f.value),
      left: intsAt(bytes, f.left, (b) => new Int32Array(b)),
    };
    return stanceBlend(net, forest, {
      offsets: Float32Array.from(header.offsets),
      temperature: header.temperature,
      evidence: header.evidence,
      netWeight: header.netWeight,
    });
  }
  if (fileVersion(bytes) === STANCE_ENSEMBLE_VERSION) {
    const header = readEnsembleHeader(bytes);
    const members = header.members.map(([offset, length]) =>
      decodeStanceModelBytes(bytes.subarray(offset, offset + length)),
    );
    return stanceEnsemble(members, { offsets: Float32Array.from(header.offsets), temperature: header.temperature });
  }
  const { arrays, ...header } = readHeader(bytes);
  const [qOffset, qLength] = arrays.w1SparseQ;
  return modelOf(header, {
    idf: f32At(bytes, arrays.idf),
    denseMean: f32At(bytes, arrays.denseMean),
    denseStd: f32At(bytes, arrays.denseStd),
    w1Dense: f32At(bytes, arrays.w1Dense),
    w1SparseScale: f32At(bytes, arrays.w1SparseScale),
    b1: f32At(bytes, arrays.b1),
    w2: f32At(bytes, arrays.w2),
    b2: f32At(bytes, arrays.b2),
    w1SparseQ: new Int8Array(bytes.buffer, bytes.byteOffset + qOffset, qLength),
  });
}

/** The file's members as training passes them (the arrays as base64), e.g. to compare or re-export a model. */
export function readStanceModelFile(bytes: Buffer): StanceModelFile {
  const { arrays, ...header } = readHeader(bytes);
  const base64 = ([offset, length]: [number, number]) => bytes.toString('base64', offset, offset + length);
  return {
    ...header,
    ...(Object.fromEntries(STANCE_ARRAYS.map((name) => [name, base64(arrays[name])])) as Record<StanceArray, string>),
  };
}

export const loadStanceModel = lazyAsset(() => decodeStanceModelBytes(readAsset(STANCE_MODEL_ASSET)));

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

/**
 * Raw output scores (before offsets and temperature); an ensemble's are the log of its members' mean softmax, a
 * blend's the log of its net's and its trees' softmax mixed by the blend's weight.
 */
export function stanceLogits(model: StanceModel, features: Features): Float64Array {
  if (model.blend) {
    const { forest, netWeight } = model.blend;
    const net = softmax(baseLogits(model, features));
    const trees = softmax(forestScores(forest, features.dense));
    return net.map((v, c) => Math.log(Math.max(netWeight * v + (1 - netWeight) * trees[c]!, 1e-300)));
  }
  return baseLogits(model, features);
}

/** The net's (or ensemble's) raw scores, without any trees. */
export function baseLogits(model: StanceModel, features: Features): Float64Array {
  if (model.members) {
    const mean = new Float64Array(4);
    for (const member of model.members) {
      const p = softmax(netLogits(member, features));
      for (let c = 0; c < 4; c++) mean[c]! += p[c]! / model.members.length;
    }
    return mean.map((v) => Math.log(Math.max(v, 1e-300)));
  }
  return netLogits(model, features);
}

function netLogits(model: StanceModel, features: Features): Float64Array {
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
