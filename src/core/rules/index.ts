import { InvalidFrontMatterRule } from './invalidFrontMatter';
import { MissingObjectiveRule } from './missingObjective';
import { MissingOutcomeRule } from './missingOutcome';
import { ProspectWordingRule } from './prospectWording';
import type { Rule } from './rule';
import { SelfFocusedObjectiveRule } from './selfFocusedObjective';
import { UnjudgedLanguageRule } from './unjudgedLanguage';
import { WeakOutcomeRule } from './weakOutcome';

/** Every rule, in the order findings are reported for the same place. */
export const RULES: readonly Rule[] = [
  InvalidFrontMatterRule,
  MissingObjectiveRule,
  MissingOutcomeRule,
  SelfFocusedObjectiveRule,
  WeakOutcomeRule,
  ProspectWordingRule,
  UnjudgedLanguageRule,
];

export type { Rule, NoteContext } from './rule';
