/**
 * The learned part of the judge: a logistic regression over hashed features (see features.ts),
 * trained by `npm run train` into `model.json`, which is committed and bundled. Scoring is a sum
 * of one weight per feature present, so each feature's share of the score is its weight: that is
 * what the explanation and the underline are made of.
 */
import { BUCKET_BITS, forEachFeature, type FeatureKind } from './features';
import type { NormalisedText } from './normalize';
import modelFile from './model.json';

/**
 * One field's model as committed: base64 of the delta-coded buckets (varints) and of each
 * bucket's weight as a 4-bit index into a codebook of 16 weights.
 */
export interface EncodedFieldModel {
  bias: number;
  /** The score above which a field is flagged. */
  threshold: number;
  /** The 16 weights a bucket can have (each the mean of one sixteenth of the kept weights). */
  codebook: number[];
  /** Feature values are 1 / count^normPower. */
  normPower: number;
  buckets: string;
  weights: string;
}

/** The committed model file. */
export interface EncodedModel {
  format: 1;
  bucketBits: number;
  /** What the model was trained from: counts per source, for `--explain` and the docs. */
  trainedOn: Record<string, number>;
  objective: EncodedFieldModel;
  outcome: EncodedFieldModel;
}

/** A field's model, ready to score: for each bucket, 0 (no weight) or 1 + its codebook index. */
export interface FieldModel {
  readonly bias: number;
  readonly threshold: number;
  readonly normPower: number;
  readonly table: Uint8Array;
  /** values[table[bucket]] is the bucket's weight; values[0] is 0. */
  readonly values: Float64Array;
}

export type JudgedField = 'objective' | 'outcome';

const BASE64 = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/';

/** Decodes base64 without Buffer or atob, which not every extension host has. */
function fromBase64(s: string): Uint8Array {
  const digits = new Uint8Array(128);
  for (let i = 0; i < BASE64.length; i++) digits[BASE64.charCodeAt(i)] = i;
  const clean = s.replace(/=+$/, '');
  const out = new Uint8Array(Math.floor((clean.length * 3) / 4));
  let bits = 0;
  let value = 0;
  let at = 0;
  for (let i = 0; i < clean.length; i++) {
    value = (value << 6) | digits[clean.charCodeAt(i)];
    bits += 6;
    if (bits >= 8) {
      bits -= 8;
      out[at++] = (value >> bits) & 0xff;
    }
  }
  return out;
}

/** Decodes one field's model into a dense weight table. */
export function decodeFieldModel(m: EncodedFieldModel, bucketBits: number): FieldModel {
  const table = new Uint8Array(1 << bucketBits);
  const deltas = fromBase64(m.buckets);
  const nibbles = fromBase64(m.weights);
  let at = 0;
  let previous = 0;
  for (let i = 0; at < deltas.length; i++) {
    let delta = 0;
    let shift = 0;
    for (;;) {
      const byte = deltas[at++];
      delta |= (byte & 0x7f) << shift;
      if (byte < 0x80) break;
      shift += 7;
    }
    previous += delta;
    const byte = nibbles[i >> 1];
    table[previous] = 1 + ((i & 1) === 0 ? byte >> 4 : byte & 0x0f);
  }
  return { bias: m.bias, threshold: m.threshold, normPower: m.normPower, table, values: Float64Array.from([0, ...m.codebook]) };
}

const loaded: Partial<Record<JudgedField, FieldModel>> = {};

/** The committed model of a field, decoded on first use (so activation does not pay for it). */
export function fieldModel(field: JudgedField): FieldModel {
  const file = modelFile as EncodedModel;
  if (file.bucketBits !== BUCKET_BITS) throw new Error(`model.json has ${file.bucketBits}-bit buckets, the code ${BUCKET_BITS}: run npm run train`);
  return (loaded[field] ??= decodeFieldModel(file[field], file.bucketBits));
}

/** The distinct buckets of a normalised text's features, sorted. */
export function featureBuckets(n: NormalisedText, field: JudgedField, signals = true): Int32Array {
  let all = new Int32Array(256 + n.text.length * 8);
  let size = 0;
  forEachFeature(n, field, (b) => {
    if (size === all.length) { const bigger = new Int32Array(all.length * 2); bigger.set(all); all = bigger; }
    all[size++] = b;
  }, false, signals);
  const sorted = all.subarray(0, size).sort();
  let k = 0;
  for (let i = 0; i < sorted.length; i++) if (i === 0 || sorted[i] !== sorted[i - 1]) sorted[k++] = sorted[i];
  return sorted.subarray(0, k);
}

// Which buckets the current text has already counted: a stamp per bucket, the text's number when
// counted. Scratch space reused by every call (judging never nests), so scoring allocates nothing;
// 2 MB, made on first use.
let stamps: Uint16Array | undefined;
let stamp = 0;

/** A fresh stamp for one text's features: marks[b] === mark once bucket b was counted. */
function nextStamp(size: number): { marks: Uint16Array; mark: number } {
  if (!stamps) stamps = new Uint16Array(size);
  if (++stamp === 0x10000) { stamps.fill(0); stamp = 1; }
  return { marks: stamps, mark: stamp };
}

// The running sum of a score. A number a closure assigns lives in its context, where each new
// value of a float is a new heap object: about 500 per field, 100 MB per 10,000 notes (half of what
// judging allocated). In a typed array it is stored in place, and summed in the same order.
const sums = new Float64Array(1);

/**
 * The model's score of a normalised text, each distinct feature counted once: what judging costs
 * when nothing needs explaining: the bias plus the weights of featureBuckets(n, field, signals), times 1 / count^normPower.
 */
export function scoreText(model: FieldModel, n: NormalisedText, field: JudgedField, signals = true): number {
  const { marks, mark } = nextStamp(model.table.length);
  const { table, values } = model;
  sums[0] = 0;
  let count = 0;
  forEachFeature(n, field, (b) => {
    if (marks[b] === mark) return;
    marks[b] = mark;
    sums[0] += values[table[b]];
    count++;
  }, false, signals);
  return model.bias + (count === 0 ? 0 : sums[0] * count ** -model.normPower);
}

/** One feature's share of a score, with the words it covers. */
export interface Contribution {
  kind: FeatureKind;
  label: string;
  /** First and last word index (of the normalised text) the feature covers. */
  from: number;
  to: number;
  weight: number;
}

/**
 * Every feature present with a non-zero weight, and its share of the score. Signals always carry
 * their id as label; other features only when `labels` is asked for (`--explain`).
 */
export function contributions(model: FieldModel, n: NormalisedText, field: JudgedField, labels = false): { score: number; parts: Contribution[] } {
  const { marks, mark } = nextStamp(model.table.length);
  const found: Contribution[] = [];
  sums[0] = 0;
  let count = 0;
  forEachFeature(n, field, (b, kind, from, to, label) => {
    if (marks[b] === mark) return;
    marks[b] = mark;
    count++;
    const weight = model.values[model.table[b]];
    sums[0] += weight;
    if (weight !== 0) found.push({ kind, label: label ?? '', from, to, weight });
  }, labels);
  const norm = count === 0 ? 0 : count ** -model.normPower;
  for (const c of found) c.weight *= norm;
  return { score: model.bias + sums[0] * norm, parts: found };
}
