import type { Severity } from '../core';
import type { FileResult } from './lintFiles';

export type Counts = Record<Severity, number>;

/** How many messages of each severity the results hold. */
export function countSeverities(results: readonly FileResult[]): Counts {
  const counts: Counts = { error: 0, warning: 0, info: 0, hint: 0 };
  for (const result of results) for (const message of result.messages) counts[message.severity]++;
  return counts;
}

/** `--format json`: the public contract, one element per linted file. */
export function formatJson(results: readonly FileResult[]): string {
  return JSON.stringify(results);
}

interface Paint {
  (code: number, text: string): string;
}

const noPaint: Paint = (_code, text) => text;
const ansiPaint: Paint = (code, text) => `\u001b[${code}m${text}\u001b[0m`;
const SEVERITY_COLOUR: Record<Severity, number> = { error: 31, warning: 33, info: 36, hint: 90 };

/** `--format text`: findings grouped by file, then one summary line. */
export function formatText(results: readonly FileResult[], options: { color: boolean }): string {
  const paint = options.color ? ansiPaint : noPaint;
  const out: string[] = [];
  for (const result of results) {
    if (result.messages.length === 0) continue;
    out.push(paint(4, result.filePath));
    const rows = result.messages.map((message) => ({
      where: `${message.line}:${message.column}`,
      severity: message.severity,
      message: message.message,
      ruleId: message.ruleId,
    }));
    const whereWidth = Math.max(...rows.map((row) => row.where.length));
    const severityWidth = Math.max(...rows.map((row) => row.severity.length));
    for (const row of rows) {
      out.push(
        `  ${paint(2, row.where.padEnd(whereWidth))}  ${paint(SEVERITY_COLOUR[row.severity], row.severity.padEnd(severityWidth))}  ${row.message}  ${paint(2, row.ruleId)}`,
      );
    }
    out.push('');
  }
  out.push(summaryLine(results, paint));
  return out.join('\n');
}

function summaryLine(results: readonly FileResult[], paint: Paint): string {
  const counts = countSeverities(results);
  const total = counts.error + counts.warning + counts.info + counts.hint;
  const notes = `${results.length} ${results.length === 1 ? 'note' : 'notes'} checked`;
  if (total === 0) return paint(32, `✓ ${notes}, no problems.`);
  const withProblems = results.filter((result) => result.messages.length > 0).length;
  const parts = [
    plural(counts.error, 'error'),
    plural(counts.warning, 'warning'),
    `${counts.info} info`,
    plural(counts.hint, 'hint'),
  ];
  const mark = counts.error + counts.warning > 0 ? paint(31, '✖') : paint(36, 'ℹ');
  return `${mark} ${plural(total, 'problem')} (${parts.join(', ')}) in ${withProblems} of ${notes}.`;
}

function plural(count: number, word: string): string {
  return `${count} ${word}${count === 1 ? '' : 's'}`;
}
