import { judgeOutcome } from '../judge';
import { phraseFinding } from './phraseFinding';
import { ruleInfo } from './registry';
import type { JudgingStep, Rule } from './rule';

const judges: JudgingStep = {
  field: 'outcome',
  run: (items, phrases, client) =>
    items.flatMap((item) => {
      const judgement = judgeOutcome(item.text, phrases, { client });
      return judgement.weak && judgement.phrase ? [phraseFinding(item, judgement.phrase)] : [];
    }),
};

/** `weak-outcome`: the outcome is no commitment from the client (a continuation). */
export const WeakOutcomeRule: Rule = {
  ...ruleInfo('weak-outcome'),
  judges,
  check: (context) => judges.run(context.outcome.texts, context.config.phrases, context.client),
};
