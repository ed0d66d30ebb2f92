/**
 * The clauses that can decide a field by themselves. LABELS.md reads a field by its purpose: "build
 * rapport so they feel comfortable signing" is self-focused because of what follows "so", and
 * "great meeting, lots of interest but they booked the site visit" is an advance because of what
 * follows "but" (or a full stop: "Great call. They booked the demo for Tuesday."). The model adds up
 * the whole field, where the first clause's words can outvote the clause that decides; so that
 * clause is also scored as a text of its own, and the field takes whichever reading points further
 * toward a warning (objectives) or away from one (outcomes), after a margin.
 *
 * Leave-one-writer-out over w1–w8, mean of three seeds, precision at 0.92 (objectives) and 0.95
 * (outcomes) recall: objectives 0.957 → 0.961 pooled, 0.873 → 0.878 on the hard lines; outcomes
 * 0.961 → 0.968 with "but", 0.971 with the part after a strong break too, 0.937 → 0.958 on the
 * hard lines (docs/judge.md).
 */
import { scoreText, type FieldModel, type JudgedField } from './model';
import { CLIENT_WORDS, REP_WORDS } from './features';
import type { NormalisedText } from './normalize';

/** The words that open a deciding clause: an objective's purpose, an outcome's contrast. */
const OPENERS: Record<JudgedField, readonly string[]> = {
  // With "then", "before" and "until" too 0.960, with every purpose marker of features.ts 0.959,
  // against 0.961 (docs/judge.md).
  objective: ['so', 'because'],
  outcome: ['but'],
};

/**
 * How far the clause's own score is held back before it can decide: lowered for an objective,
 * raised for an outcome (a short clause scores more boldly than a field). Objectives 1, 1.5 and 2
 * scored 0.961, 0.962 and 0.961. Outcomes with "but" alone: 0, 0.5, 1, 2 and 3 0.968, 0.968,
 * 0.968, 0.965 and 0.963, our own sets falling from 0.872 to 0.860 at 0; with the part after a
 * strong break too, 0.5, 1 and 2 0.971, 0.971 and 0.967, and 0.929, 0.926, 0.926 on the weakest
 * writer (six seeds: 0.5 ahead of 1 by 0.001 pooled and 0.005 on the weakest).
 */
export const CLAUSE_MARGIN: Record<JudgedField, number> = { objective: 2, outcome: 0.5 };

/** The clause's score once held back by the margin: what it competes with the whole field at. */
export function heldBack(field: JudgedField, clauseScore: number): number {
  return field === 'objective' ? clauseScore - CLAUSE_MARGIN.objective : clauseScore + CLAUSE_MARGIN.outcome;
}

/**
 * What opened a deciding clause: an objective's purpose ("so", "because"), an outcome's contrast
 * ("but"), or an outcome's part after a strong break (". ; : ! ? ( -" and dashes).
 */
export type ClauseKind = 'purpose' | 'contrast' | 'part';

/** A deciding clause: where it starts among the field's words, and its text as a field of its own. */
export interface DecidingClause {
  /** Index of its first word (the opener, or the word after the break) among the field's normalised words. */
  readonly from: number;
  readonly n: NormalisedText;
  readonly kind: ClauseKind;
}

// What opens the clause after a purpose "so": a subject ("so they sign", "so the board sees", "so
// Gwen knows"). "so much paper towel" and "so excited" are not purposes.
const SUBJECTS = new Set(['that', 'the', 'a', 'an', 'this', 'these', 'those', 'every', 'each', 'all', 'both', 'no', 'any',
  'it', "it's", 'its', 'there', "there's", 'nobody', 'everyone', 'everybody', 'someone', 'nothing', 'none', 'one']);
const FILLERS = new Set(['um', 'uh', 'basically', 'then', 'like', ',']);

function opensClause(n: NormalisedText, words: readonly string[], i: number): boolean {
  if (words[i] !== 'so') return true;
  let k = i + 1;
  while (k < words.length && FILLERS.has(words[k])) k++;
  const next = words[k];
  if (next === undefined) return false;
  if (SUBJECTS.has(next) || REP_WORDS.has(next) || CLIENT_WORDS.has(next)) return true;
  // a name: written with a capital
  const c = n.original?.charCodeAt(n.words[k]?.start ?? 0) ?? 0;
  return c >= 65 && c <= 90;
}

/** Whether the word at `at` is an opener, compared in place: judging allocates no string per word. */
function isOpener(openers: readonly string[], text: string, at: number, length: number): boolean {
  for (const o of openers) if (o.length === length && text.startsWith(o, at)) return true;
  return false;
}

/** The field's words from word `i` on, as a text of their own. */
function clauseFrom(n: NormalisedText, i: number, kind: ClauseKind): DecidingClause {
  const at = n.words[i].at;
  const rest = n.words.slice(i).map((w) => ({ at: w.at - at, start: w.start, end: w.end }));
  return { from: i, n: { text: n.text.slice(at), words: rest, original: n.original }, kind };
}

/** The clause from the first opener on (not the field's first word, and with words after it). */
function openerClause(n: NormalisedText, field: JudgedField): DecidingClause | undefined {
  const openers = OPENERS[field];
  const { words, text } = n;
  let split: string[] | undefined;
  for (let i = 1; i + 1 < words.length; i++) {
    const at = words[i].at;
    const length = words[i + 1].at - 1 - at;
    if (!isOpener(openers, text, at, length)) continue;
    if (!opensClause(n, (split ??= text.split(' ')), i)) continue;
    return clauseFrom(n, i, field === 'objective' ? 'purpose' : 'contrast');
  }
  return undefined;
}

// The breaks after which an outcome's next part is read alone: a sentence's end, a semicolon, a
// colon, a bracket, a dash. A comma is not one: every comma-separated part read alone scored
// 0.958–0.963 against 0.961 (docs/judge.md).
const STRONG_BREAKS = '.;:!?(—–-';

/** An outcome's part after its first strong break (normalised to ","), with words after it. */
function partClause(n: NormalisedText): DecidingClause | undefined {
  const { words, text, original } = n;
  if (original === undefined) return undefined;
  for (let i = 1; i + 1 < words.length; i++) {
    if (text.charCodeAt(words[i].at) === 44 /* , */ && STRONG_BREAKS.includes(original[words[i].start])) return clauseFrom(n, i + 1, 'part');
  }
  return undefined;
}

/** The clauses that can decide the field: at most one of each kind, in the order they start. */
export function decidingClauses(n: NormalisedText, field: JudgedField): DecidingClause[] {
  const opener = openerClause(n, field);
  const part = field === 'outcome' ? partClause(n) : undefined;
  if (!part || (opener && opener.from === part.from)) return opener ? [opener] : [];
  if (!opener) return [part];
  return opener.from < part.from ? [opener, part] : [part, opener];
}

/**
 * The field's score from its readings: the whole field's, and each clause's once held back. `by`
 * is the index of the clause that decided, or -1 when the whole field did; `nearest` the clause
 * that pointed furthest, whether it decided or not (-1 with none).
 */
export function combineReadings(field: JudgedField, whole: number, clauses: readonly number[]): { score: number; by: number; nearest: number } {
  // Toward a warning for an objective, away from one for an outcome.
  const further = (a: number, b: number): boolean => (field === 'objective' ? a > b : a < b);
  let nearest = -1;
  clauses.forEach((clause, i) => {
    if (nearest < 0 || further(clause, clauses[nearest])) nearest = i;
  });
  if (nearest < 0) return { score: whole, by: -1, nearest };
  const moved = heldBack(field, clauses[nearest]);
  const decides = further(moved, whole);
  return { score: decides ? moved : whole, by: decides ? nearest : -1, nearest };
}

/** A field's score as the judge reads it: the whole field, and its deciding clauses if it has any. */
export function readField(model: FieldModel, n: NormalisedText, field: JudgedField, signals = true, clauses = decidingClauses(n, field)): number {
  const whole = scoreText(model, n, field, signals);
  return combineReadings(field, whole, clauses.map((c) => scoreText(model, c.n, field, signals))).score;
}
