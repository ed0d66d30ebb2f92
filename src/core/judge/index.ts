// Stand-in judge so the core builds; the real one arrives from the judge's own branch.
import type { JudgeVocabulary, ObjectiveJudgement, OutcomeJudgement } from './types';
export * from './types';

const SELF = /\b(?:get|book|secure|close|sign|sell)\b[^,.;]*?\b(?:appt|appointment|meeting|deal|order|contract|signature)\b/i;
const WEAK = /\b(?:liked|great meeting|keep in touch|follow up|sent|think about it|tbd|sometime)\b/i;

export function judgeObjective(text: string, _vocabulary?: JudgeVocabulary): ObjectiveJudgement {
  const match = SELF.exec(text);
  if (!match) return { selfFocused: false, phrases: [] };
  return {
    selfFocused: true,
    phrases: [
      {
        start: match.index,
        end: match.index + match[0].length,
        reason: `“${match[0]}” is something you get: that is an outcome.`,
        suggestion: 'Make the objective about the client, and move this to the outcome.',
      },
    ],
  };
}

export function judgeOutcome(text: string, _vocabulary?: JudgeVocabulary): OutcomeJudgement {
  const match = WEAK.exec(text);
  if (!match) return { weak: false };
  return {
    weak: true,
    kind: 'no-commitment',
    phrase: {
      start: match.index,
      end: match.index + match[0].length,
      reason: `“${match[0]}” is no commitment from the client.`,
      suggestion: 'Write what the client agreed to do, ideally with a date.',
    },
  };
}
