import { judgeObjective } from '../judge';
import { phraseFinding } from './phraseFinding';
import { ruleInfo } from './registry';
import type { Rule } from './rule';

/** `self-focused-objective`: the objective is about what the rep gets, an outcome in disguise. */
export const SelfFocusedObjectiveRule: Rule = {
  ...ruleInfo('self-focused-objective'),
  check: ({ objective, config, client }) =>
    objective.texts.flatMap((item) => judgeObjective(item.text, config.phrases, { client }).phrases.map((phrase) => phraseFinding(item, phrase))),
};
