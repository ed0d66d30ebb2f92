import type { Report, ReportNumbers } from './types';

/** The CSV columns, in order (docs/commands.md describes each). */
export const CSV_COLUMNS = ['row', 'key', 'week', 'notes', 'withObjective', 'withOutcome', 'selfFocused', 'weakOutcomes', 'reviewed', 'advances', 'advanceRate', 'small'] as const;

/**
 * The report's numbers as RFC 4180 CSV (CRLF line ends, quotes where needed): per group, a row for
 * the whole period then one per ISO week; then the totals the same way. The numbers are the JSON's.
 */
export function reportCsv(report: Report): string {
  const lines = [CSV_COLUMNS.join(',')];
  const add = (row: 'group' | 'total', key: string, week: string, numbers: ReportNumbers, small: boolean | '') => {
    const values = [row, key, week, numbers.notes, numbers.withObjective, numbers.withOutcome, numbers.selfFocused, numbers.weakOutcomes, numbers.reviewed, numbers.advances, numbers.advanceRate ?? '', small];
    lines.push(values.map((value) => csvField(String(value))).join(','));
  };
  for (const group of report.groups) {
    add('group', group.key, '', group, group.small);
    for (const week of group.weeks) add('group', group.key, week.week, week, '');
  }
  add('total', '', '', report.totals, '');
  for (const week of report.totals.weeks) add('total', '', week.week, week, '');
  return `${lines.join('\r\n')}\r\n`;
}

/**
 * One field: quoted when it holds a comma, a quote or a line break. A value a spreadsheet would run
 * as a formula (`=`, `+`, `-`, `@` first) gets a leading `'`, so a rep's name can never be one.
 */
export function csvField(value: string): string {
  const safe = /^[=+\-@\t\r]/.test(value) && !/^-?\d/.test(value) ? `'${value}` : value;
  return /[",\r\n]/.test(safe) ? `"${safe.replace(/"/g, '""')}"` : safe;
}
