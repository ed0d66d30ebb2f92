import { judgeOutcome } from '../judge';
import { phraseFinding } from './phraseFinding';
import { ruleInfo } from './registry';
import { reported, type Rule } from './rule';

const INFO = ruleInfo('weak-outcome');

/** `weak-outcome`: the outcome is no commitment from the client (a continuation). */
export const WeakOutcomeRule: Rule = {
  ...INFO,
  check: ({ outcome, config, client }, severity) =>
    reported(
      INFO.id,
      severity,
      outcome.texts.flatMap((item) => {
        const judgement = judgeOutcome(item.text, config.phrases, { client });
        return judgement.weak && judgement.phrase ? [phraseFinding(item, judgement.phrase)] : [];
      }),
    ),
};
