import { judgeObjective } from '../judge';
import { phraseFinding } from './phraseFinding';
import type { Rule } from './rule';

/** `self-focused-objective`: the objective is about what the rep gets, an outcome in disguise. */
export const SelfFocusedObjectiveRule: Rule = {
  id: 'self-focused-objective',
  defaultSeverity: 'warning',
  description: 'The objective is about what you get (an outcome in disguise), not about the client.',
  check: ({ objective, config, client }) =>
    objective.texts.flatMap((item) => judgeObjective(item.text, config.phrases, { client }).phrases.map((phrase) => phraseFinding(item, phrase))),
};
