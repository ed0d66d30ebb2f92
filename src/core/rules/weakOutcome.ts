import { judgeOutcome } from '../judge';
import type { RuleFinding } from '../types';
import type { Rule } from './rule';

/** `weak-outcome`: the outcome is no commitment from the client (a continuation). */
export const WeakOutcomeRule: Rule = {
  id: 'weak-outcome',
  defaultSeverity: 'info',
  description: 'The outcome is no commitment from the client (“they liked it”, “follow up”).',
  check(context) {
    const findings: RuleFinding[] = [];
    for (const item of context.outcome.texts) {
      const judgement = judgeOutcome(item.text, context.config.phrases);
      if (!judgement.weak || !judgement.phrase) continue;
      const { phrase } = judgement;
      const range = item.locate(phrase.start, phrase.end) ?? { start: item.start, end: item.end };
      findings.push({
        ...range,
        message: `${phrase.reason} ${phrase.suggestion}`,
        data: { phrase: item.text.slice(phrase.start, phrase.end), suggestion: phrase.suggestion },
      });
    }
    return findings;
  },
};
