import { checkFieldPresent } from './missingField';
import type { Rule } from './rule';

/** `missing-outcome`: every call and meeting needs an outcome: what the rep wants from it. */
export const MissingOutcomeRule: Rule = {
  id: 'missing-outcome',
  defaultSeverity: 'warning',
  description: 'The note has no outcome, or an empty one.',
  check: (context) =>
    checkFieldPresent(context.outcome, context, 'outcome'),
};
