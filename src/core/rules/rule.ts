import type { Config } from '../config';
import type { Field } from '../fields';
import type { ParsedNote } from '../parse';
import type { Finding, RuleFinding, RuleId, Severity } from '../types';
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
  /**
   * The rule's findings on the note, each whole (its id and `severity`), in a new array that lint
   * reports as it is: a long note can hold tens of thousands, and copying each one was a large share of its lint.
   */
  check(context: NoteContext, severity: Severity): Finding[];
}

/** Findings as lint reports them: each with the rule's id and the severity it runs at. */
export function reported(ruleId: RuleId, severity: Severity, findings: readonly RuleFinding[]): Finding[] {
  return findings.map((finding) => ({ ruleId, severity, ...finding }));
}
