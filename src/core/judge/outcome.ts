/**
 * Is an outcome weak: a continuation rather than an advance (SPIN), no specific step the client
 * commits to? The learned model decides (model.ts); the named signals give the kind and the
 * words of the message. See docs/judge.md.
 */
import type { JudgeContext, JudgeVocabulary, OutcomeJudgement } from './types';
import { explainText, judgeText, type Explanation } from './verdict';
import { outcomeKind, outcomeReason, outcomeSuggestion, outcomeWhy } from './messages';
import type { FieldModel } from './model';

/** Judge one outcome: is it a commitment from the client, or only a continuation? */
export function judgeOutcome(text: string, vocabulary?: JudgeVocabulary, context?: JudgeContext, model?: FieldModel): OutcomeJudgement {
  const v = judgeText(text, 'outcome', vocabulary, model);
  if (!v.flagged || v.start === undefined || v.end === undefined) return { weak: false };
  const kind = outcomeKind(v.signal);
  const phrase = text.slice(v.start, v.end);
  return {
    weak: true,
    kind,
    phrase: {
      start: v.start,
      end: v.end,
      reason: outcomeReason(kind, phrase),
      why: outcomeWhy(v.signal),
      suggestion: outcomeSuggestion(kind, context?.client),
      ...(v.signal ? { signal: v.signal.id } : {}),
    },
  };
}

/** Which signals and features decided an outcome's verdict (`--explain`, the hover). */
export function explainOutcome(text: string, vocabulary?: JudgeVocabulary): Explanation {
  return explainText(text, 'outcome', vocabulary);
}
