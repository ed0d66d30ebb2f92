import { judgeObjective } from '../judge';
import type { RuleFinding } from '../types';
import type { Rule } from './rule';

/** `self-focused-objective`: the objective is about what the rep gets, an outcome in disguise. */
export const SelfFocusedObjectiveRule: Rule = {
  id: 'self-focused-objective',
  defaultSeverity: 'warning',
  description: 'The objective is about what you get (an outcome in disguise), not about the client.',
  check(context) {
    const findings: RuleFinding[] = [];
    for (const item of context.objective.texts) {
      const judgement = judgeObjective(item.text, context.config.phrases);
      for (const phrase of judgement.phrases) {
        const range = item.locate(phrase.start, phrase.end) ?? { start: item.start, end: item.end };
        findings.push({
          ...range,
          message: `${phrase.reason} ${phrase.suggestion}`,
          data: { phrase: item.text.slice(phrase.start, phrase.end), suggestion: phrase.suggestion },
        });
      }
    }
    return findings;
  },
};
