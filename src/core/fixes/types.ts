import type { RuleId } from '../types';

/** Replace the text between two offsets of the note (UTF-16 code units) with new text. */
export interface TextEdit {
  start: number;
  end: number;
  newText: string;
}

/** Where to put the cursor after a fix: a range inside one edit's new text (empty = a caret). */
export interface FixSelection {
  /** Index into the fix's edits. */
  edit: number;
  /** Offsets inside that edit's `newText`. */
  start: number;
  end: number;
}

/** A stable name for each kind of fix, for tests and commands. */
export type FixKind =
  | 'insert-field'
  | 'move-to-outcome'
  | 'swap-fields'
  | 'strengthen-outcome'
  | 'replace-wording'
  | 'replace-all-wording'
  | 'disable-rule';

/** One way to act on a finding: a title for the light bulb, the edits, and where the cursor goes. */
export interface NoteFix {
  kind: FixKind;
  ruleId: RuleId;
  /** Title in English; the extension localises titles by `kind` and `titleArgs`. */
  title: string;
  titleArgs: readonly string[];
  /** Non-overlapping edits, sorted by offset. */
  edits: TextEdit[];
  selection?: FixSelection;
  /** The fix to apply when the rep presses the first item of the light bulb. */
  isPreferred: boolean;
}
