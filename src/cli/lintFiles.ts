import * as fs from 'node:fs';
import * as path from 'node:path';
import { Finding, LineIndex, lintMarkdown } from '../core';
import { ConfigFinder, describeIoError } from './configFinder';
import type { FileToLint } from './collectFiles';

/** One message in the CLI's public output: 1-based lines and columns, end exclusive. */
export interface CliMessage {
  ruleId: string;
  severity: Finding['severity'];
  message: string;
  line: number;
  column: number;
  endLine: number;
  endColumn: number;
}

/** The public per-file result (`--format json` prints an array of these). */
export interface FileResult {
  filePath: string;
  messages: CliMessage[];
}

export interface LintRun {
  results: FileResult[];
  /** Files that could not be read, one line each. */
  errors: string[];
}

/** Reads and lints each file; a file that cannot be read is reported and the rest go on. */
export function lintFiles(files: readonly FileToLint[], configs: ConfigFinder, cwd: string): LintRun {
  const results: FileResult[] = [];
  const errors: string[] = [];
  for (const file of files) {
    const shown = displayPath(file.absolutePath, cwd);
    let text: string;
    try {
      text = fs.readFileSync(file.absolutePath, 'utf8');
    } catch (error) {
      errors.push(`cannot read ${shown}: ${describeIoError(error)}`);
      continue;
    }
    const { config, root } = configs.forFile(file.absolutePath);
    const findings = lintMarkdown(text, { config, path: globPath(file.absolutePath, root), force: file.explicit });
    if (findings === undefined) continue;
    results.push({ filePath: shown, messages: toMessages(text, findings) });
  }
  return { results, errors };
}

function toMessages(text: string, findings: Finding[]): CliMessage[] {
  if (findings.length === 0) return [];
  const lines = new LineIndex(text);
  return findings.map((finding) => {
    const start = lines.positionAt(finding.start);
    const end = lines.positionAt(finding.end);
    return {
      ruleId: finding.ruleId,
      severity: finding.severity,
      message: finding.message,
      line: start.line + 1,
      column: start.character + 1,
      endLine: end.line + 1,
      endColumn: end.character + 1,
    };
  });
}

/** The path shown to the user: relative to where the command runs when inside it. */
export function displayPath(absolutePath: string, cwd: string): string {
  const relative = path.relative(cwd, absolutePath);
  return relative.startsWith('..') || path.isAbsolute(relative) ? absolutePath : relative;
}

/** The posix path that include/exclude globs see: relative to the config's folder when inside it. */
function globPath(absolutePath: string, root: string): string {
  const relative = path.relative(root, absolutePath);
  const chosen = relative.startsWith('..') || path.isAbsolute(relative) ? absolutePath : relative;
  return chosen.split(path.sep).join('/').replace(/^\/+/, '');
}
