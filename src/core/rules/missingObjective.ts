import { checkFieldPresent } from './missingField';
import { ruleInfo } from './registry';
import { reported, type Rule } from './rule';

const INFO = ruleInfo('missing-objective');

/** `missing-objective`: every call and meeting needs an objective about the client. */
export const MissingObjectiveRule: Rule = {
  ...INFO,
  check: (context, severity) => reported(INFO.id, severity, checkFieldPresent(context.objective, context, 'objective')),
};
