import * as fs from 'node:fs';
import * as path from 'node:path';
import { Finding, LintOptions, lintNote } from '../src/core';

/** The repository root, from the compiled tests in out/test. */
export const ROOT = path.resolve(__dirname, '..', '..');
export const FIXTURES = path.join(ROOT, 'test', 'fixtures', 'notes');

/** A fixture note's text, exactly as on disk. */
export function fixture(name: string): string {
  return fs.readFileSync(path.join(FIXTURES, name), 'utf8');
}

/** Lints a text as a note and returns each finding with the text it underlines. */
export function lintWithText(text: string, options: LintOptions = {}): (Finding & { underlined: string })[] {
  return lintNote(text, options).map((finding) => ({ ...finding, underlined: text.slice(finding.start, finding.end) }));
}

/** The rule ids found in a text, in order. */
export function ruleIds(text: string, options: LintOptions = {}): string[] {
  return lintNote(text, options).map((finding) => finding.ruleId);
}
