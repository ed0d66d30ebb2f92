import type { Config } from '../config';
import type { Field, FieldText } from '../fields';
import type { JudgeVocabulary } from '../judge';
import type { ParsedNote } from '../parse';
import type { RuleFinding, RuleId } from '../types';
import type { RuleInfo } from './registry';

/** What every rule sees: the parsed note, its two fields, and the config. Built once per lint. */
export interface NoteContext {
  note: ParsedNote;
  objective: Field;
  outcome: Field;
  /** The note's `client` value, when it has one. */
  client?: string;
  config: Config;
  /** Where a finding about an absent key goes: the opening fence, or the first line when there is no front matter. */
  anchor: { start: number; end: number };
}

/** One lint rule: its registry entry (id, default severity, words) and a pure check. */
export interface Rule extends RuleInfo {
  readonly id: RuleId;
  check(context: NoteContext): RuleFinding[];
  /**
   * For a rule that judges a field's texts (the costly part of linting): the field, and the
   * judging alone, which needs nothing else of the note. The CLI runs it on another thread.
   */
  judges?: JudgingStep;
}

export interface JudgingStep {
  field: 'objective' | 'outcome';
  run(items: readonly FieldText[], phrases: JudgeVocabulary | undefined, client?: string): RuleFinding[];
}
