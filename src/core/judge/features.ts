/**
 * The judge's features: what the learned model sees of a field. Each feature is a hashed bucket
 * plus the words it covers, so that its share of the score can be put back on the text.
 *
 * Kinds (each a namespace of its own in the hash, named for `--explain`):
 * - `word`: one normalised word ("signed"), with numbers, dates and amounts also read as a class
 *   ("#date" for "Dec 4", "12/4", "friday");
 * - `pair`: two neighbouring words ("the po", "so they"), with the start and end of the text;
 * - `chars` (outcomes only): 3–6 characters across the words (" sign", "ed th"), which carry over
 *   to spellings, plurals and other industries' nouns that no list has. Objectives do without:
 *   there they learned each writer's own wording, and leave-one-writer-out precision at 0.92
 *   recall rose from 0.950 to 0.957 without them, on the weakest writer from 0.905 to 0.936
 *   (docs/judge.md);
 * - `role`: a word or pair as part of a clause: the first clause, a later one, or a purpose
 *   clause ("so …", "before …", "until …"), and each clause's opening words. "so they sign" means
 *   something else as the purpose of "build rapport" than "they sign" does alone;
 * - `who`: pairs with the rep, the client and names as classes ("#client signed", "#rep sent");
 * - `negated`: the few words after a negation, in its clause ("not … agree");
 * - `signal`: the named signals of signals.ts.
 */
import type { NormalisedText } from './normalize';
import { findSignals } from './signals';

/** A word written with a capital inside the text (not its first word): a person's or a firm's name. */
function isName(n: NormalisedText, i: number): boolean {
  const w = n.words[i];
  if (i === 0 || n.original === undefined || w === undefined) return false;
  const c = n.original.charCodeAt(w.start);
  if (!(c >= 65 && c <= 90)) return false;
  // all-caps words (PO, CFO, NDA) are acronyms, not names
  const next = n.original.charCodeAt(w.start + 1);
  return next >= 97 && next <= 122;
}

/** A feature kind: the namespace of its hash and its name in explanations. */
export type FeatureKind = 'word' | 'pair' | 'chars' | 'role' | 'who' | 'negated' | 'signal';

/** Receives each feature: its hash bucket and the first/last word index it covers. */
export type FeatureSink = (bucket: number, kind: FeatureKind, from: number, to: number, label: string | undefined) => void;

/** The hash space: 2^20 buckets, far more than the ~180,000 distinct features of the labelled sets. */
export const BUCKET_BITS = 20;
const BUCKET_MASK = (1 << BUCKET_BITS) - 1;

const FNV_OFFSET = 0x811c9dc5;
const FNV_PRIME = 0x01000193;

function hashString(seed: number, s: string): number {
  let h = seed;
  for (let i = 0; i < s.length; i++) h = Math.imul(h ^ s.charCodeAt(i), FNV_PRIME);
  return h;
}

/** The hash of `h`'s text followed by a space and `word`, without building the string. */
function then(h: number, word: string): number {
  return hashString(Math.imul(h ^ 32, FNV_PRIME), word);
}

// One hash namespace per kind of feature.
const seedOf = (namespace: string): number => hashString(FNV_OFFSET, namespace);
const WORD = seedOf('w');
const PAIR = seedOf('b');
const CHARS = seedOf('c');
const ROLE_SEEDS: Record<string, number> = { P: seedOf('P'), M: seedOf('M'), N: seedOf('N') };
const LAST = seedOf('L');
const FIRST_HEAD = seedOf('FH');
const HEAD = seedOf('H');
const MARKER = seedOf('PW');
const WHO = seedOf('K');
const NEGATED = seedOf('NEG');
const SKIP = seedOf('S');
const SIGNAL = seedOf('SIG');
const LENGTH = seedOf('len');

/** The bucket of a named signal (signals.ts), so training can keep its weight. */
export function signalBucket(id: string): number {
  return bucket(hashString(SIGNAL, id));
}

/** The final mix (murmur3's) so that nearby inputs spread over the buckets. */
function bucket(h: number): number {
  h ^= h >>> 16;
  h = Math.imul(h, 0x85ebca6b);
  h ^= h >>> 13;
  h = Math.imul(h, 0xc2b2ae35);
  h ^= h >>> 16;
  return h & BUCKET_MASK;
}

const MONTHS = new Set(['jan', 'feb', 'mar', 'apr', 'may', 'jun', 'jul', 'aug', 'sep', 'sept', 'oct', 'nov', 'dec',
  'january', 'february', 'march', 'april', 'june', 'july', 'august', 'september', 'october', 'november', 'december']);
const DAYS = new Set(['mon', 'tue', 'tues', 'wed', 'thu', 'thur', 'thurs', 'fri', 'sat', 'sun', 'monday', 'tuesday',
  'wednesday', 'thursday', 'friday', 'saturday', 'sunday', 'tomorrow', 'tonight', 'today', 'eod', 'eow']);

/** The class a word stands for ("#date", "#num", "#money"), or the word itself. */
export function wordClass(word: string): string {
  const c = word.charCodeAt(0);
  if (c === 36 /* $ */) return '#money';
  if (c >= 48 && c <= 57) {
    if (/^\d+k$/.test(word)) return '#money';
    if (/^\d+(?:[/.-]\d+)+$/.test(word)) return '#date';
    return '#num';
  }
  if (MONTHS.has(word) || DAYS.has(word)) return '#date';
  return word;
}

// Words that open a clause that gives the reason or the condition of what came before.
const PURPOSE_MARKERS = new Set(['so', 'because', 'before', 'until', 'then', 'unless', 'if', 'while', 'since', 'otherwise', 'or']);

export const REP_WORDS: ReadonlySet<string> = new Set(['i', 'we', 'me', 'us', 'our', 'my', "i'll", "we'll", "i'd", "we'd", "i'm", "we're", 'myself', 'ourselves', 'ours']);
export const CLIENT_WORDS: ReadonlySet<string> = new Set(['they', 'them', 'their', 'he', 'she', 'his', 'her', 'him', "they'll", "they're", "she'll", "he'll", "they'd", "she's", "he's", 'theirs', 'client', 'customer', 'clients', 'customers']);
const NEGATORS = new Set(['not', 'no', 'never', "don't", "didn't", "doesn't", "won't", "can't", "couldn't", "wouldn't", "isn't", "aren't", "wasn't", "weren't", 'without', 'nothing', 'nobody', 'none', "haven't", "hasn't", 'neither', 'nor']);

/** The `chars` features: 3-6 characters of " w1 w2 … ", hashed without building the substrings. */
function charFeatures(seq: readonly string[], count: number, sink: FeatureSink, explain: boolean): void {
  const joined = ` ${seq.join(' ')} `;
  const wordAt = new Int32Array(joined.length);
  for (let i = 0, w = 0; i < joined.length; i++) {
    wordAt[i] = Math.min(Math.max(w - 1, 0), Math.max(count - 1, 0));
    if (joined.charCodeAt(i) === 32 && i > 0) w++;
  }
  for (let i = 0; i < joined.length; i++) {
    let h = CHARS;
    for (let k = 0; k < 6 && i + k < joined.length; k++) {
      h = Math.imul(h ^ joined.charCodeAt(i + k), FNV_PRIME);
      if (k >= 2) sink(bucket(h), 'chars', wordAt[i], wordAt[i + k], explain ? joined.slice(i, i + k + 1) : undefined);
    }
  }
}

/** Features are computed over at most this many words: a pasted essay costs no more than a field. */
export const MAX_FEATURE_WORDS = 200;

/**
 * Calls `sink` for every feature of a normalised field. `explain` asks for the label of each
 * feature (its text), which costs strings: judging alone passes false. `signals` false leaves the
 * named signals out (the evaluation's "model alone").
 */
export function forEachFeature(n: NormalisedText, field: 'objective' | 'outcome', sink: FeatureSink, explain = false, signals = true): void {
  const all = n.text.length === 0 ? [] : n.text.split(' ');
  const raw = all.length > MAX_FEATURE_WORDS ? all.slice(0, MAX_FEATURE_WORDS) : all;
  const seq = raw.map(wordClass);
  const count = seq.length;

  // word and pair
  const wordHash: number[] = new Array(count);
  for (let i = 0; i < count; i++) {
    wordHash[i] = hashString(WORD, seq[i]);
    if (seq[i] === ',') continue;
    sink(bucket(wordHash[i]), 'word', i, i, explain ? seq[i] : undefined);
    if (seq[i] !== raw[i]) sink(bucket(hashString(WORD, raw[i])), 'word', i, i, explain ? raw[i] : undefined);
  }
  const START = hashString(WORD, '<s>');
  const END = hashString(WORD, '</s>');
  for (let i = -1; i < count; i++) {
    const a = i < 0 ? START : wordHash[i];
    const b = i + 1 < count ? wordHash[i + 1] : END;
    sink(bucket(Math.imul(a ^ PAIR, FNV_PRIME) ^ b), 'pair', Math.max(0, i), Math.min(count - 1, i + 1),
      explain ? `${i < 0 ? '<start>' : seq[i]} ${i + 1 < count ? seq[i + 1] : '<end>'}` : undefined);
  }

  if (field === 'outcome') charFeatures(seq, count, sink, explain);

  // who: the words with the rep, the client and names as classes ("#client signed", "#rep sent"),
  // so that what a writer's own names and pronouns say carries over to another's.
  const who: string[] = seq.map((t, i) => (REP_WORDS.has(t) ? '#rep' : CLIENT_WORDS.has(t) ? '#client' : isName(n, i) ? '#name' : t));
  // An objective's clauses are read with those classes too: "so #client can" is the same purpose
  // whoever the client is (leave-one-writer-out: +0.003 precision at 0.92 recall, +0.013 on the
  // weakest writer; outcomes lose 0.026 on theirs, so they keep the words).
  const roleSeq = field === 'objective' ? who : seq;
  // role: clauses split at "," and at purpose markers.
  let clause = 0;
  let start = 0;
  let marker = '';
  const emitClause = (from: number, to: number, isLast: boolean): void => {
    if (to <= from) return;
    const role = marker !== '' ? 'P' : clause === 0 ? 'M' : 'N';
    const r = ROLE_SEEDS[role];
    for (let i = from; i < to; i++) {
      const h = hashString(r, roleSeq[i]);
      sink(bucket(h), 'role', i, i, explain ? `${role}:${roleSeq[i]}` : undefined);
      if (i + 1 < to) sink(bucket(then(h, roleSeq[i + 1])), 'role', i, i + 1, explain ? `${role}:${roleSeq[i]} ${roleSeq[i + 1]}` : undefined);
      if (isLast) sink(bucket(hashString(LAST, seq[i])), 'role', i, i, explain ? `last:${seq[i]}` : undefined);
    }
    const opening = hashString(clause === 0 ? FIRST_HEAD : HEAD, seq[from]);
    sink(bucket(to - from > 1 ? then(opening, seq[from + 1]) : opening), 'role', from, Math.min(from + 1, to - 1),
      explain ? `${clause === 0 ? 'opens' : 'clause opens'}:${to - from > 1 ? `${seq[from]} ${seq[from + 1]}` : seq[from]}` : undefined);
    if (marker !== '') sink(bucket(then(hashString(MARKER, marker), seq[from])), 'role', Math.max(0, from - 1), from, explain ? `${marker} …:${seq[from]}` : undefined);
    clause++;
  };
  let lastWord = count - 1;
  while (lastWord >= 0 && seq[lastWord] === ',') lastWord--;
  for (let i = 0; i <= count; i++) {
    const t = i < count ? seq[i] : ',';
    if (t === ',' || (PURPOSE_MARKERS.has(t) && i > start)) {
      emitClause(start, i, i > lastWord);
      if (t === ',') {
        if (i > start) marker = '';
      } else {
        marker = t;
      }
      start = i + 1;
    }
  }
  // who pairs
  for (let i = 0; i + 1 < count; i++) {
    if (who[i] === seq[i] && who[i + 1] === seq[i + 1]) continue;
    sink(bucket(then(hashString(WHO, who[i]), who[i + 1])), 'who', i, i + 1, explain ? `${who[i]} ${who[i + 1]}` : undefined);
  }
  // negated: the few words after a negation, up to the end of its clause ("did not agree").
  let negation = -1;
  for (let i = 0; i < count; i++) {
    const t = seq[i];
    if (t === ',' || t === 'but' || t === 'just' || PURPOSE_MARKERS.has(t)) { negation = -1; continue; }
    if (NEGATORS.has(t)) { negation = i; continue; }
    if (negation >= 0 && i - negation <= 3) sink(bucket(hashString(NEGATED, t)), 'negated', negation, i, explain ? `not … ${t}` : undefined);
  }
  // pair across one word ("get _ signed", "they _ agreed")
  for (let i = 0; i + 2 < count; i++) sink(bucket(hashString(hashString(hashString(SKIP, seq[i]), ' _ '), seq[i + 2])), 'pair', i, i + 2, explain ? `${seq[i]} … ${seq[i + 2]}` : undefined);
  // signal: the named cues of signals.ts
  if (signals) for (const m of findSignals(seq, field)) sink(signalBucket(m.signal.id), 'signal', m.from, m.to, m.signal.id);
  const lengthBucket = Math.min(6, Math.floor(count / 4));
  sink(bucket(hashString(LENGTH, String(lengthBucket))), 'role', 0, Math.max(0, count - 1), explain ? `length:${lengthBucket}` : undefined);
}
