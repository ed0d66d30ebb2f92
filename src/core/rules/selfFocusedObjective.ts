import { judgeObjective } from '../judge';
import { phraseFinding } from './phraseFinding';
import { ruleInfo } from './registry';
import type { JudgingStep, Rule } from './rule';

const judges: JudgingStep = {
  field: 'objective',
  run: (items, phrases, client) => items.flatMap((item) => judgeObjective(item.text, phrases, { client }).phrases.map((phrase) => phraseFinding(item, phrase))),
};

/** `self-focused-objective`: the objective is about what the rep gets, an outcome in disguise. */
export const SelfFocusedObjectiveRule: Rule = {
  ...ruleInfo('self-focused-objective'),
  judges,
  check: (context) => judges.run(context.objective.texts, context.config.phrases, context.client),
};
