import { judgeObjective } from '../judge';
import { phraseFinding } from './phraseFinding';
import { ruleInfo } from './registry';
import { reported, type Rule } from './rule';

const INFO = ruleInfo('self-focused-objective');

/** `self-focused-objective`: the objective is about what the rep gets, an outcome in disguise. */
export const SelfFocusedObjectiveRule: Rule = {
  ...INFO,
  check: ({ objective, config, client }, severity) =>
    reported(INFO.id, severity, objective.texts.flatMap((item) => judgeObjective(item.text, config.phrases, { client }).phrases.map((phrase) => phraseFinding(item, phrase)))),
};
