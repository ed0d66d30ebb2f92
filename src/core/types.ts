import type { RuleId } from './rules/registry';

/** How loudly a finding is reported; `off` turns a rule off. */
export type Severity = 'error' | 'warning' | 'info' | 'hint';
export type SeveritySetting = Severity | 'off';

// The rule ids come from the rule registry, the one list of rules.
export { RULE_IDS, type RuleId } from './rules/registry';

/** One problem in a note. Offsets are UTF-16 code units into the note's text, like VS Code's. */
export interface Finding {
  ruleId: RuleId;
  severity: Severity;
  message: string;
  start: number;
  end: number;
  /** Rule-specific facts a quick fix or hover can use (never shown as is). */
  data?: FindingData;
}

export interface FindingData {
  /** The phrase that was flagged, as written. */
  phrase?: string;
  /** The rewrite advice alone, without the reason. */
  suggestion?: string;
  /** The longer why behind a judged field's message (for the hover). */
  why?: string;
  /** The named judge signal behind the verdict (`docs/judge.md`), when one decided. */
  signal?: string;
  /** For missing-* findings: whether the key is absent (true) or present but empty (false). */
  keyAbsent?: boolean;
}

/** A finding before the configured severity is applied. */
export type RuleFinding = Omit<Finding, 'ruleId' | 'severity'>;
