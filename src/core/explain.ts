/**
 * What `lint --explain` prints: for each objective and outcome of a note, the judge's score
 * against its threshold, the named signals and the largest features either way, so a false alarm
 * can be traced in one step (docs/judge.md).
 */
import { DEFAULT_CONFIG, type Config } from './config';
import { findField } from './fields';
import { explainObjective, explainOutcome, type Explanation } from './judge';
import { heldBack } from './judge/clauses';
import { foreignLanguage } from './judge/language';
import { parseNote } from './parse';

/** One judged text of a note and the account of its verdict. */
export interface FieldExplanation {
  readonly field: 'objective' | 'outcome';
  readonly text: string;
  /** Offset of the text's value in the note. */
  readonly start: number;
  readonly explanation: Explanation;
  /** Set when the text is not judged because it is in another language. */
  readonly language?: string;
}

/** The judge's account of every objective and outcome text in a note. */
export function explainNote(text: string, config: Config = DEFAULT_CONFIG): FieldExplanation[] {
  const note = parseNote(text);
  if (note.problems.length > 0) return [];
  const out: FieldExplanation[] = [];
  for (const field of ['objective', 'outcome'] as const) {
    for (const item of findField(note.frontMatter, note.text, config.fields[field]).texts) {
      const explanation = field === 'objective' ? explainObjective(item.text, config.phrases) : explainOutcome(item.text, config.phrases);
      const language = foreignLanguage(item.text);
      out.push({ field, text: item.text, start: item.start, explanation, ...(language ? { language } : {}) });
    }
  }
  return out;
}

const signed = (x: number): string => `${x >= 0 ? '+' : ''}${x.toFixed(2)}`;

/** The lines `--explain` prints for one judged text, indented under the note's findings. */
export function formatExplanation(e: FieldExplanation): string[] {
  const x = e.explanation;
  const verdictWord = e.field === 'objective' ? 'self-focused' : 'weak';
  const clearWord = e.field === 'objective' ? 'about the client' : 'an advance';
  const shown = e.text.length > 70 ? `${e.text.slice(0, 69)}…` : e.text;
  const lines = [`  ${e.field} “${shown.replace(/\s+/g, ' ')}”`];
  if (e.language) {
    lines.push(`    not judged: it looks like ${e.language}`);
    return lines;
  }
  if (x.team === 'selfFocused') lines.push(`    ${verdictWord}: on the team's list of self-focused phrases (phrases.selfFocused)`);
  else if (x.rule === 'negated-commitment') lines.push(`    ${verdictWord}: a negated commitment (signal not-agreed)`);
  else if (x.rule === 'commitment-without-step') lines.push(`    ${verdictWord}: a commitment with no step after it (signal continuation)`);
  else if (!Number.isFinite(x.score)) lines.push('    not judged: no words');
  else lines.push(`    score ${x.score.toFixed(2)} ${x.flagged ? '>' : '≤'} ${x.threshold.toFixed(2)}: ${x.flagged ? verdictWord : clearWord}${x.team === 'allowed' ? ' (an allowed phrase counts for nothing)' : ''}`);
  if (x.clause) {
    const kind = x.clause.kind === 'part' ? 'part after the break' : `${x.clause.kind} clause`;
    const shownClause = x.clause.text.length > 50 ? `${x.clause.text.slice(0, 49)}…` : x.clause.text;
    const moved = heldBack(e.field, x.clause.score);
    lines.push(`    ${kind} “${shownClause.replace(/\s+/g, ' ')}” read alone: ${x.clause.score.toFixed(2)} ${e.field === 'objective' ? '−' : '+'} ${x.clause.margin.toFixed(2)} = ${moved.toFixed(2)}${x.clause.decided ? ', which decides' : ', the whole field decides'}`);
  }
  if (x.signals.length > 0) lines.push(`    signals:  ${x.signals.map((s) => `${s.id} “${s.text}” ${signed(s.weight)}`).join(', ')}`);
  if (x.top.length > 0) lines.push(`    features: ${x.top.map((t) => `${t.kind} “${t.label.trim()}” ${signed(t.weight)}`).join(', ')}`);
  return lines;
}
