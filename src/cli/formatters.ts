import * as path from 'node:path';
import type * as Sarif from 'sarif';
import { RULE_REGISTRY, rulePagePath, RULES, Severity, SKIPPED_FILE_ID, type RuleId, type RuleInfo } from '../core';
import { FileResult, INVALID_ENCODING_ID } from './lintFiles';

export type Counts = Record<Severity, number>;

/** What a manager wants to know about a set of notes (counts of notes, not of messages). */
export interface NoteTally {
  notes: number;
  /** For each rule with a `--summary` column (the registry's `summaryColumn`): the notes with one of its findings. */
  rules: Record<string, number>;
  notChecked: number;
  /** Notes that turn rules off with a disable comment: not clean, only not checked for those rules. */
  rulesOff: number;
}

/** The rules the summary counts, in the registry's order. */
const TALLIED_RULES: readonly RuleInfo[] = RULE_REGISTRY.filter((rule: RuleInfo) => rule.summaryColumn !== undefined);

function emptyTally(): NoteTally {
  return { notes: 0, rules: Object.fromEntries(TALLIED_RULES.map((rule) => [rule.id, 0])), notChecked: 0, rulesOff: 0 };
}

/** Running totals over the results as they stream past: nothing but counts is kept. */
export class RunStats {
  notes = 0;
  notesWithProblems = 0;
  /** Notes that turn rules off for themselves. */
  notesWithRulesOff = 0;
  readonly counts: Counts = { error: 0, warning: 0, info: 0, hint: 0 };
  readonly total = emptyTally();
  readonly byFolder = new Map<string, NoteTally>();

  /** Counts one note: `shown` are the messages printed (after --quiet), `all` every message it had. */
  add(filePath: string, shown: FileResult['messages'], all: FileResult['messages'], disabledRules: readonly string[] = []): void {
    this.notes++;
    if (shown.length > 0) this.notesWithProblems++;
    if (disabledRules.length > 0) this.notesWithRulesOff++;
    for (const message of shown) this.counts[message.severity]++;
    const folder = path.dirname(filePath).split(path.sep).join('/');
    let tally = this.byFolder.get(folder);
    if (!tally) this.byFolder.set(folder, (tally = emptyTally()));
    const rules = new Set(all.map((message) => message.ruleId));
    for (const target of [tally, this.total]) {
      target.notes++;
      if (disabledRules.length > 0) target.rulesOff++;
      for (const ruleId of rules) {
        if (ruleId === SKIPPED_FILE_ID) target.notChecked++;
        else if (Object.hasOwn(target.rules, ruleId)) target.rules[ruleId]++;
      }
    }
  }
}

/** Receives results one file at a time, in order, and writes them as it goes. */
export interface Reporter {
  file(result: FileResult): void;
  /** Writes whatever closes the output; `errors` are the files that could not be read. */
  end(stats: RunStats, errors: readonly string[]): void;
}

export type Write = (text: string) => void;

/** `--format json`: the public contract, one element per linted file, streamed as one JSON array. */
export function jsonReporter(write: Write): Reporter {
  let first = true;
  return {
    file(result) {
      write(`${first ? '[' : ','}${JSON.stringify(result)}`);
      first = false;
    },
    end() {
      write(first ? '[]\n' : ']\n');
    },
  };
}

interface Paint {
  (code: number, text: string): string;
}

const noPaint: Paint = (_code, text) => text;
const ansiPaint: Paint = (code, text) => `\u001b[${code}m${text}\u001b[0m`;
const SEVERITY_COLOUR: Record<Severity, number> = { error: 31, warning: 33, info: 36, hint: 90 };

/**
 * Control characters (and the marks that reorder text) shown as `\u001b` escapes: a file name or a
 * field's words reach the terminal, and raw they could move the cursor, erase a finding's line or
 * change the colours.
 */
export function printable(text: string): string {
  let out = '';
  let from = 0;
  for (let at = 0; at < text.length; at++) {
    const code = text.charCodeAt(at);
    if (!isUnprintable(code)) continue;
    out += `${text.slice(from, at)}\\u${code.toString(16).padStart(4, '0')}`;
    from = at + 1;
  }
  return from === 0 ? text : out + text.slice(from);
}

function isUnprintable(code: number): boolean {
  return code < 0x20 || (code >= 0x7f && code <= 0x9f) || code === 0x061c || code === 0x200e || code === 0x200f || (code >= 0x202a && code <= 0x202e) || (code >= 0x2066 && code <= 0x2069);
}

/** `--format text`: findings grouped by file, an optional table for managers, then one summary line. */
export function textReporter(write: Write, options: { color: boolean; summary: boolean }): Reporter {
  const paint = options.color ? ansiPaint : noPaint;
  return {
    file(result) {
      const off = result.disabledRules ?? [];
      if (result.messages.length === 0 && off.length === 0) return;
      const out = [paint(4, printable(result.filePath))];
      const whereOf = (message: FileResult['messages'][number]) => `${message.line}:${message.column}`;
      const whereWidth = Math.max(...result.messages.map((message) => whereOf(message).length));
      const severityWidth = Math.max(...result.messages.map((message) => message.severity.length));
      for (const message of result.messages) {
        out.push(
          `  ${paint(2, whereOf(message).padEnd(whereWidth))}  ${paint(SEVERITY_COLOUR[message.severity], message.severity.padEnd(severityWidth))}  ${printable(message.message)}  ${paint(2, message.ruleId)}`,
        );
      }
      if (off.length > 0) out.push(`  ${paint(2, `turned off in this note: ${off.join(', ')}`)}`);
      write(`${out.join('\n')}\n\n`);
    },
    end(stats, errors) {
      if (options.summary) write(`${summaryTable(stats, paint)}\n\n`);
      write(`${summaryLine(stats, paint, errors.length)}\n`);
    },
  };
}

const COLUMNS: [(tally: NoteTally) => number, string][] = [
  [(tally) => tally.notes, 'notes'],
  ...TALLIED_RULES.map((rule): [(tally: NoteTally) => number, string] => [(tally) => tally.rules[rule.id], rule.summaryColumn!]),
  [(tally) => tally.notChecked, 'not checked'],
  [(tally) => tally.rulesOff, 'rules off'],
];

/** The manager's view (`--summary`): how many notes lack what, per folder and in all. */
export function summaryTable(stats: RunStats, paint: Paint = noPaint): string {
  const rows = [...stats.byFolder.entries()].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
  const firstWidth = Math.max('Folder'.length, 'All notes'.length, ...rows.map(([folder]) => folder.length));
  const widths = COLUMNS.map(([, title]) => title.length);
  const line = (name: string, tally: NoteTally) =>
    `${name.padEnd(firstWidth)}  ${COLUMNS.map(([count], index) => String(count(tally)).padStart(widths[index])).join('  ')}`;
  const header = `${'Folder'.padEnd(firstWidth)}  ${COLUMNS.map(([, title]) => title).join('  ')}`;
  const out = [paint(1, header)];
  for (const [folder, tally] of rows) out.push(line(printable(folder), tally));
  out.push(paint(1, line('All notes', stats.total)));
  const percent = (count: number) => (stats.total.notes === 0 ? '0%' : `${Math.round((100 * count) / stats.total.notes)}%`);
  const notesWith = (id: RuleId) => stats.total.rules[id] ?? 0;
  out.push(
    '',
    `${stats.total.notes} notes checked: ${notesWith('missing-objective')} (${percent(notesWith('missing-objective'))}) missing an objective, ` +
      `${notesWith('missing-outcome')} (${percent(notesWith('missing-outcome'))}) missing an outcome, ` +
      `${notesWith('self-focused-objective')} with a self-focused objective, ${notesWith('weak-outcome')} with a weak outcome` +
      (stats.total.rulesOff > 0 ? `, ${stats.total.rulesOff} turning rules off.` : '.'),
  );
  return out.join('\n');
}

/** The last line of the text output; `unreadable` files or folders (reported on stderr) are never a ✓. */
function summaryLine(stats: RunStats, paint: Paint, unreadable: number): string {
  const counts = stats.counts;
  const total = counts.error + counts.warning + counts.info + counts.hint;
  const notes = `${stats.notes} ${stats.notes === 1 ? 'note' : 'notes'} checked`;
  const off = stats.notesWithRulesOff === 0 ? '' : ` (${stats.notesWithRulesOff} turning rules off)`;
  const unread = unreadable === 0 ? '' : `; ${unreadable} ${unreadable === 1 ? 'file or folder' : 'files or folders'} could not be read`;
  if (total === 0) return unreadable === 0 ? paint(32, `✓ ${notes}, no problems${off}.`) : `${paint(31, '✖')} ${notes}, no problems${off}${unread}.`;
  const parts = [plural(counts.error, 'error'), plural(counts.warning, 'warning'), `${counts.info} info`, plural(counts.hint, 'hint')];
  const mark = counts.error + counts.warning > 0 || unreadable > 0 ? paint(31, '✖') : paint(36, 'ℹ');
  return `${mark} ${plural(total, 'problem')} (${parts.join(', ')}) in ${stats.notesWithProblems} of ${notes}${off}${unread}.`;
}

function plural(count: number, word: string): string {
  return `${count} ${word}${count === 1 ? '' : 's'}`;
}

const SARIF_LEVEL: Record<Severity, Sarif.ReportingConfiguration['level']> = {
  error: 'error',
  warning: 'warning',
  info: 'note',
  hint: 'note',
};

/** Every rule the CLI can report, for SARIF's tool.driver.rules (ids index into this list). */
const SARIF_RULES: Sarif.ReportingDescriptor[] = [
  ...RULES.map((rule) => ({ id: rule.id, severity: rule.defaultSeverity, description: rule.description })),
  { id: SKIPPED_FILE_ID, severity: 'info' as Severity, description: 'The file was not checked: it is over the size limit, or binary.' },
  { id: INVALID_ENCODING_ID, severity: 'warning' as Severity, description: 'The file is not valid UTF-8; it was checked with the bad bytes replaced.' },
].map(({ id, severity, description }) => ({
  id,
  name: id.replace(/(^|-)([a-z])/g, (_match, _dash: string, letter: string) => letter.toUpperCase()),
  shortDescription: { text: description },
  // No helpUri: the project has no public home yet; the page ships with the extension.
  help: { text: `See ${rulePagePath(id)} in the objective-outcome package.` },
  defaultConfiguration: { level: SARIF_LEVEL[severity] },
}));
const RULE_INDEX = new Map(SARIF_RULES.map((rule, index) => [rule.id, index]));

/**
 * `--format sarif`: a SARIF 2.1.0 log for GitHub code scanning and other viewers, streamed like
 * the JSON. Paths are relative to `%SRCROOT%` (where the command runs) when the file is inside it.
 */
export function sarifReporter(write: Write, options: { cwd: string; version: string }): Reporter {
  let first = true;
  const head: Sarif.Log = {
    $schema: 'https://json.schemastore.org/sarif-2.1.0.json',
    version: '2.1.0',
    runs: [
      {
        tool: { driver: { name: 'objective-outcome', version: options.version, rules: SARIF_RULES } },
        originalUriBaseIds: { '%SRCROOT%': { uri: directoryUri(options.cwd) } },
        columnKind: 'utf16CodeUnits',
        results: [],
      },
    ],
  };
  // Everything up to the results array, written once; results then stream; the tail closes it.
  const text = JSON.stringify(head);
  const resultsAt = text.lastIndexOf('"results":[]') + '"results":['.length;
  write(text.slice(0, resultsAt));
  return {
    file(result) {
      const location = artifactLocation(result.filePath);
      for (const message of result.messages) {
        const sarifResult: Sarif.Result = {
          ruleId: message.ruleId,
          ruleIndex: RULE_INDEX.get(message.ruleId),
          level: SARIF_LEVEL[message.severity],
          message: { text: message.message },
          locations: [
            {
              physicalLocation: {
                artifactLocation: location,
                region: { startLine: message.line, startColumn: message.column, endLine: message.endLine, endColumn: message.endColumn },
              },
            },
          ],
        };
        write(`${first ? '' : ','}${JSON.stringify(sarifResult)}`);
        first = false;
      }
    },
    end(_stats, errors) {
      const invocation: Sarif.Invocation = {
        executionSuccessful: errors.length === 0,
        toolExecutionNotifications: errors.map((error) => ({ level: 'error', message: { text: error } })),
      };
      write(`],"invocations":[${JSON.stringify(invocation)}]}]}\n`);
    },
  };
}

function artifactLocation(filePath: string): Sarif.ArtifactLocation {
  if (path.isAbsolute(filePath)) return { uri: fileUri(filePath) };
  return { uri: filePath.split(path.sep).map(encodeURIComponent).join('/'), uriBaseId: '%SRCROOT%' };
}

function fileUri(absolutePath: string): string {
  const posix = absolutePath.split(path.sep).join('/');
  return `file://${posix.startsWith('/') ? '' : '/'}${posix.split('/').map(encodeURIComponent).join('/')}`;
}

function directoryUri(absolutePath: string): string {
  const uri = fileUri(absolutePath);
  return uri.endsWith('/') ? uri : `${uri}/`;
}
