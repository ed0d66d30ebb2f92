import { checkFieldPresent } from './missingField';
import { ruleInfo } from './registry';
import type { Rule } from './rule';

/** `missing-outcome`: every call and meeting needs an outcome: what the rep wants from it. */
export const MissingOutcomeRule: Rule = {
  ...ruleInfo('missing-outcome'),
  check: (context) =>
    checkFieldPresent(context.outcome, context, 'outcome'),
};
