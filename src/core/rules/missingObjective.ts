import { checkFieldPresent } from './missingField';
import { ruleInfo } from './registry';
import type { Rule } from './rule';

/** `missing-objective`: every call and meeting needs an objective about the client. */
export const MissingObjectiveRule: Rule = {
  ...ruleInfo('missing-objective'),
  check: (context) =>
    checkFieldPresent(context.objective, context, 'objective'),
};
