import { checkFieldPresent } from './missingField';
import { ruleInfo } from './registry';
import { reported, type Rule } from './rule';

const INFO = ruleInfo('missing-outcome');

/** `missing-outcome`: every call and meeting needs an outcome: what the rep wants from it. */
export const MissingOutcomeRule: Rule = {
  ...INFO,
  check: (context, severity) => reported(INFO.id, severity, checkFieldPresent(context.outcome, context, 'outcome')),
};
