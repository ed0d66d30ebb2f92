import { Config, DEFAULT_CONFIG } from '../config';
import { lintNote } from '../lint';
import { parseNote, type ParsedNote } from '../parse';
import type { Finding } from '../types';
import { disableRuleFix } from './disableRule';
import { insertFieldFix } from './insertField';
import { moveObjectiveFixes, swapForWeakOutcome } from './moveObjective';
import { strengthenOutcomeFixes } from './strengthenOutcome';
import { applyEdits } from './text';
import type { NoteFix, TextEdit } from './types';
import { wordingFix, wordingFixAll } from './wording';

export type { FixKind, FixSelection, NoteFix, TextEdit } from './types';
export { applyEdits, lineBreakOf, selectionAfterEdits } from './text';
export { FIELD_HINTS } from './insertField';
export { isSafeWordingFinding } from './wording';
export { outcomeLooksLikeObjective } from './moveObjective';

export interface FixOptions {
  config?: Config;
  /** Every finding in the note (to offer "fix all of this kind"); linted again when absent. */
  findings?: readonly Finding[];
  /** The text already parsed (the lint's own parse); parsed again when absent. */
  note?: ParsedNote;
}

/** The ways to act on one finding, best first; the last is "turn the rule off for this note", unless the note cannot be read. */
export function fixesForFinding(text: string, finding: Finding, options: FixOptions = {}): NoteFix[] {
  const config = options.config ?? DEFAULT_CONFIG;
  const note = parsedOnce(text, options);
  const fixes: NoteFix[] = [];
  switch (finding.ruleId) {
    case 'missing-objective':
    case 'missing-outcome': {
      const fix = insertFieldFix(note, finding.ruleId === 'missing-objective' ? 'objective' : 'outcome', config);
      if (fix) fixes.push(fix);
      break;
    }
    case 'self-focused-objective':
      fixes.push(...moveObjectiveFixes(note, finding, config));
      break;
    case 'weak-outcome': {
      const rewrites = strengthenOutcomeFixes(note, finding, config);
      fixes.push(...rewrites);
      const fix = swapForWeakOutcome(note, config);
      // With a rewrite on offer, the rewrite is what Ctrl+. applies first.
      if (fix) fixes.push(rewrites.length > 0 ? { ...fix, isPreferred: false } : fix);
      break;
    }
    case 'prospect-wording': {
      const fix = wordingFix(note, finding, config);
      if (fix) fixes.push(fix);
      const findings = options.findings ?? lintNote(text, { config });
      const all = wordingFixAll(note, findings, config);
      if (all && all.edits.length > 1) fixes.push(all);
      break;
    }
    default:
      break;
  }
  // A note whose fields cannot be read stays flagged whatever comment it holds: offering to hide it would do nothing.
  const unreadable = finding.ruleId === 'invalid-front-matter' && finding.data?.phrase === undefined;
  const disable = unreadable ? undefined : disableRuleFix(note, finding.ruleId);
  if (disable) fixes.push(disable);
  return fixes;
}

/**
 * The edits that are safe to apply without the rep looking (on save, `source.fixAll`): only
 * "prospect" → "client" where it cannot break a link, a key or code. Fields are never written for
 * the rep: an inserted objective would silence the warning without the thinking it asks for.
 */
export function fixAllEdits(text: string, options: FixOptions = {}): TextEdit[] {
  const config = options.config ?? DEFAULT_CONFIG;
  const findings = options.findings ?? lintNote(text, { config });
  return wordingFixAll(parsedOnce(text, options), findings, config)?.edits ?? [];
}

/** The note after every safe fix (see `fixAllEdits`). */
export function fixAll(text: string, options: FixOptions = {}): string {
  return applyEdits(text, fixAllEdits(text, options));
}

/** The caller's parse when it is of this very text, else a fresh one. */
function parsedOnce(text: string, options: FixOptions): ParsedNote {
  return options.note !== undefined && options.note.text === text ? options.note : parseNote(text);
}
