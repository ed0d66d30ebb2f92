import { judgeOutcome } from '../judge';
import { phraseFinding } from './phraseFinding';
import { ruleInfo } from './registry';
import type { Rule } from './rule';

/** `weak-outcome`: the outcome is no commitment from the client (a continuation). */
export const WeakOutcomeRule: Rule = {
  ...ruleInfo('weak-outcome'),
  check: ({ outcome, config, client }) =>
    outcome.texts.flatMap((item) => {
      const judgement = judgeOutcome(item.text, config.phrases, { client });
      return judgement.weak && judgement.phrase ? [phraseFinding(item, judgement.phrase)] : [];
    }),
};
