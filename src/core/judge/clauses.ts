/**
 * The clause that can decide a field by itself. LABELS.md reads a field by its purpose: "build
 * rapport so they feel comfortable signing" is self-focused because of what follows "so", and
 * "great meeting, lots of interest but they booked the site visit" is an advance because of what
 * follows "but". The model adds up the whole field, where the first clause's words can outvote
 * the clause that decides; so that clause is also scored as a text of its own, and the field takes
 * whichever reading points further toward a warning (objectives) or away from one (outcomes),
 * after a margin.
 *
 * Leave-one-writer-out over w1–w8, mean of three seeds, precision at 0.92 (objectives) and 0.95
 * (outcomes) recall: objectives 0.957 → 0.961 pooled, 0.873 → 0.878 on the hard lines; outcomes
 * 0.961 → 0.968, 0.937 → 0.950 on the hard lines (docs/judge.md).
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
 * scored 0.961, 0.962 and 0.961; outcomes 0, 0.5, 1, 2 and 3 0.968, 0.968, 0.968, 0.965 and
 * 0.963, our own sets falling from 0.872 to 0.860 at 0.
 */
export const CLAUSE_MARGIN: Record<JudgedField, number> = { objective: 2, outcome: 1 };

/** The clause's score once held back by the margin: what it competes with the whole field at. */
export function heldBack(field: JudgedField, clauseScore: number): number {
  return field === 'objective' ? clauseScore - CLAUSE_MARGIN.objective : clauseScore + CLAUSE_MARGIN.outcome;
}

/** A deciding clause: where it starts among the field's words, and its text as a field of its own. */
export interface DecidingClause {
  /** Index of its first word (the opener) among the field's normalised words. */
  readonly from: number;
  readonly n: NormalisedText;
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

/** The clause from the first opener on (not the field's first word, and with words after it). */
export function decidingClause(n: NormalisedText, field: JudgedField): DecidingClause | undefined {
  const openers = OPENERS[field];
  const { words, text } = n;
  let split: string[] | undefined;
  for (let i = 1; i + 1 < words.length; i++) {
    const at = words[i].at;
    const length = words[i + 1].at - 1 - at;
    if (!isOpener(openers, text, at, length)) continue;
    if (!opensClause(n, (split ??= text.split(' ')), i)) continue;
    const rest = words.slice(i).map((w) => ({ at: w.at - at, start: w.start, end: w.end }));
    return { from: i, n: { text: text.slice(at), words: rest, original: n.original } };
  }
  return undefined;
}

/** The field's score from its two readings, and whether the clause's decided. */
export function combineReadings(field: JudgedField, whole: number, clause: number | undefined): { score: number; byClause: boolean } {
  if (clause === undefined) return { score: whole, byClause: false };
  const moved = heldBack(field, clause);
  const decides = field === 'objective' ? moved > whole : moved < whole;
  return decides ? { score: moved, byClause: true } : { score: whole, byClause: false };
}

/** A field's score as the judge reads it: the whole field, and its deciding clause if it has one. */
export function readField(model: FieldModel, n: NormalisedText, field: JudgedField, signals = true, clause = decidingClause(n, field)): number {
  const whole = scoreText(model, n, field, signals);
  return combineReadings(field, whole, clause ? scoreText(model, clause.n, field, signals) : undefined).score;
}
