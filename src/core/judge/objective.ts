/**
 * Is an objective self-focused, an outcome in disguise? The learned model decides (model.ts);
 * the underline is the phrase with the largest share of its score, and the message names the
 * signal behind it. See docs/judge.md.
 */
import type { JudgeContext, JudgeVocabulary, ObjectiveJudgement } from './types';
import { explainText, judgeText, type Explanation } from './verdict';
import { objectiveReason, objectiveSuggestion, objectiveWhy } from './messages';
import type { FieldModel } from './model';

/** Judge one objective: is it about what the rep gets rather than about the client? */
export function judgeObjective(text: string, vocabulary?: JudgeVocabulary, context?: JudgeContext, model?: FieldModel): ObjectiveJudgement {
  const v = judgeText(text, 'objective', vocabulary, model);
  if (!v.flagged || v.start === undefined || v.end === undefined) return { selfFocused: false, phrases: [] };
  const phrase = text.slice(v.start, v.end);
  return {
    selfFocused: true,
    phrases: [{
      start: v.start,
      end: v.end,
      reason: objectiveReason(phrase, v.signal, v.team === 'selfFocused'),
      why: objectiveWhy(v.signal),
      suggestion: objectiveSuggestion(text, v.start, v.end, context?.client),
      ...(v.signal ? { signal: v.signal.id } : {}),
    }],
  };
}

/** Which signals and features decided an objective's verdict (`--explain`, the hover). */
export function explainObjective(text: string, vocabulary?: JudgeVocabulary): Explanation {
  return explainText(text, 'objective', vocabulary);
}
