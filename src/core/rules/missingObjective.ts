import { checkFieldPresent } from './missingField';
import type { Rule } from './rule';

/** `missing-objective`: every call and meeting needs an objective about the client. */
export const MissingObjectiveRule: Rule = {
  id: 'missing-objective',
  defaultSeverity: 'warning',
  description: 'The note has no objective, or an empty one.',
  check: (context) =>
    checkFieldPresent(context.objective, context, 'objective'),
};
