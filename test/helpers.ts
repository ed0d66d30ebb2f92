import { spawnSync } from 'node:child_process';
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

/** Runs the built CLI (dist/cli.js) as a real process in `cwd`, without colour. */
export function runCli(cwd: string, args: readonly string[]): { code: number | null; stdout: string; stderr: string } {
  const env: Record<string, string | undefined> = { ...process.env, NO_COLOR: '1' };
  delete env.FORCE_COLOR;
  const result = spawnSync(process.execPath, [path.join(ROOT, 'dist', 'cli.js'), ...args], { cwd, encoding: 'utf8', env: env as NodeJS.ProcessEnv });
  return { code: result.status, stdout: result.stdout, stderr: result.stderr };
}
