import * as fs from 'node:fs';
import * as path from 'node:path';
import { parseArgs } from 'node:util';
import { isDynamicPattern } from 'tinyglobby';
import { CONFIG_FILE_NAME, formatBytes, isUsableFileSize, MAX_STALE_DAYS, parseSize } from '../core';
import { judgeNoteFacts, readNoteFacts, summarizeReport, type ReportInput, type ReportOptions } from '../core/report/build';
import { CSV_COLUMNS, reportCsv } from '../core/report/csv';
import { isIsoDate } from '../core/report/dates';
import { renderReportHtml } from '../core/report/html';
import type { Report, ReportNote } from '../core/report/types';
import { collectFiles } from './collectFiles';
import { ConfigFinder, describeIoError } from './configFinder';
import { printable } from './formatters';
import type { CliIo } from './main';
import { MIN_FILES_FOR_REPORT_WORKERS, ReportJudges, reportWorkerCount } from './reportWorkers';

export const REPORT_USAGE = `Usage: objective-outcome report [files, folders or globs ...] [options]

The coaching report for managers: per rep (or client, or folder) and per ISO week, how many notes
have an objective and an outcome, how many objectives are self-focused and outcomes weak, and how
many results (the "result:" written after the meeting) are advances; and which clients went quiet.
Reads the same notes, .objective-outcome.yaml and .gitignore as lint; writes nothing but the report.

Options:
  --format html|json|csv  html (default) is one self-contained file, written to
                          objective-outcome-report.html; json and csv go to stdout
  --out FILE              Write the report to FILE ("-" for stdout). An existing file is only
                          replaced when it is an earlier report of the same format
  --by rep|client|folder  What a row of the report is (default: rep). A note's rep is its "rep:"
                          field, else the first folder under the folder named on the command line
  --since YYYY-MM-DD      Leave out notes dated before this day (notes without a date are kept)
  --until YYYY-MM-DD      Leave out notes dated after this day; clients are stale as of this day
                          (default: today)
  --min-notes N           Results a group needs before its advance rate is shown (default: 5)
  --stale-days N          Days without a note after which a client is stale (default: report.staleDays
                          in the config, else 30)
  --config FILE           Use this config instead of the nearest .objective-outcome.yaml
  --no-ignore             Also read files that .gitignore ignores
  --max-file-size SIZE    Leave out notes bigger than this, with a warning (default: maxFileSize, else 2MB)
  -h, --help              Show this help

Exit codes: 0 report written, 2 usage or I/O error (the report still covers every note that could be read).`;

const FORMATS = ['html', 'json', 'csv'] as const;
const GROUPINGS = ['rep', 'client', 'folder'] as const;
export const DEFAULT_HTML_FILE = 'objective-outcome-report.html';
/** The first line of every HTML report this command writes: how it knows a file it may replace. */
const HTML_MARK = '<!-- objective-outcome report: running the report again replaces this file -->';
/** A previous report is read back only this far to recognise it. */
const RECOGNISE_BYTES = 64 * 1024;

/** `objective-outcome report ...`: returns the exit code. */
export async function reportMain(argv: readonly string[], io: CliIo, now = new Date()): Promise<number> {
  let parsed;
  try {
    parsed = parseArgs({
      args: [...argv],
      allowPositionals: true,
      options: {
        format: { type: 'string', default: 'html' },
        out: { type: 'string' },
        by: { type: 'string', default: 'rep' },
        since: { type: 'string' },
        until: { type: 'string' },
        'min-notes': { type: 'string', default: '5' },
        'stale-days': { type: 'string' },
        config: { type: 'string' },
        'no-ignore': { type: 'boolean' },
        'max-file-size': { type: 'string' },
        help: { type: 'boolean', short: 'h' },
      },
    });
  } catch (error) {
    // parseArgs explains over several lines; the first says it all.
    const message = (error instanceof Error ? error.message : String(error)).split('\n')[0];
    return usageError(io, `${message} Run “objective-outcome report --help” for usage.`);
  }
  const { values, positionals } = parsed;
  if (values.help) {
    io.stdout(`${REPORT_USAGE}\n`);
    return 0;
  }
  const format = values.format as string;
  if (!(FORMATS as readonly string[]).includes(format)) return usageError(io, `unknown format “${format}” (use ${FORMATS.join(', ')}).`);
  const by = values.by as string;
  if (!(GROUPINGS as readonly string[]).includes(by)) return usageError(io, `--by needs rep, client or folder, not “${by}”.`);
  for (const flag of ['since', 'until'] as const) {
    const value = values[flag];
    if (value !== undefined && !isIsoDate(value)) return usageError(io, `--${flag} needs a date as YYYY-MM-DD, such as 2026-11-02, not “${value}”.`);
  }
  if (values.since !== undefined && values.until !== undefined && values.since > values.until) {
    return usageError(io, `--since ${values.since} is after --until ${values.until}: no day is in both.`);
  }
  const minNotes = wholeNumber(values['min-notes'] as string, 0, 1_000_000);
  if (minNotes === undefined) return usageError(io, `--min-notes needs a whole number of 0 or more, not “${values['min-notes']}”.`);
  let staleDays: number | undefined;
  if (values['stale-days'] !== undefined) {
    staleDays = wholeNumber(values['stale-days'], 1, MAX_STALE_DAYS);
    if (staleDays === undefined) return usageError(io, `--stale-days needs a whole number from 1 to ${MAX_STALE_DAYS}, not “${values['stale-days']}”.`);
  }
  let maxFileSize: number | undefined;
  if (values['max-file-size'] !== undefined) {
    maxFileSize = parseSize(values['max-file-size']);
    if (maxFileSize === undefined || !isUsableFileSize(maxFileSize)) {
      return usageError(io, `--max-file-size needs a size from 1 byte to 1GB such as 2MB or 500KB, not “${values['max-file-size']}”.`);
    }
  }
  const out = values.out ?? (format === 'html' ? DEFAULT_HTML_FILE : '-');
  const outPath = out === '-' ? undefined : path.resolve(io.cwd, out);
  // Refused before any note is read: a long run must not end in "cannot write".
  if (outPath !== undefined) {
    const refusal = replaceRefusal(outPath, format as Format);
    if (refusal) return usageError(io, `will not write ${out}: ${refusal}.`);
  }

  const problems = new Set<string>();
  let explicitConfig;
  if (values.config !== undefined) {
    try {
      const loaded = ConfigFinder.load(values.config, io.cwd);
      explicitConfig = loaded.found;
      for (const problem of loaded.problems) problems.add(problem);
    } catch (error) {
      return usageError(io, (error as Error).message);
    }
  }
  const configs = new ConfigFinder(io.cwd, explicitConfig);
  const errors: string[] = [];
  const warnings: string[] = [];
  const collected = await collectFiles(positionals, io.cwd, { gitignore: !values['no-ignore'] });
  errors.push(...collected.errors);
  const bases = positionals.length === 0 ? [io.cwd] : positionals.map((arg) => baseOf(arg, io.cwd));

  // Each note is read and judged at once and only its facts kept: the texts of 10,000 notes are
  // never all in memory.
  let notes: ReportNote[] = [];
  const defaultConfig = configs.forFile(path.join(bases[0], CONFIG_FILE_NAME)).config;
  const workerCount = reportWorkerCount();
  const judges = io.workerScript && workerCount > 0 && collected.files.length >= MIN_FILES_FOR_REPORT_WORKERS ? new ReportJudges(workerCount, io.workerScript) : undefined;
  for (const file of collected.files) {
    const { config, root } = configs.forFile(file.absolutePath);
    const shown = relativePath(file.absolutePath, io.cwd);
    const read = readNote(file.absolutePath, maxFileSize ?? config.maxFileSize);
    if (read.kind === 'error') {
      errors.push(`cannot read ${shown}: ${read.message}`);
      continue;
    }
    const base = bases.filter((folder) => isInside(file.absolutePath, folder)).sort((a, b) => b.length - a.length)[0];
    const input: ReportInput = { file: shown, text: read.text, config, notePath: relativePath(file.absolutePath, root), explicit: file.explicit };
    if (base !== undefined) input.base = relativePath(base, io.cwd);
    const facts = readNoteFacts(input, defaultConfig);
    if (!facts) continue;
    // Said only of notes: a big or binary file that is no note is none of the report's business.
    if (read.skipped) {
      warnings.push(`${shown} is left out of the report: ${read.skipped}`);
      continue;
    }
    if (judges) judges.add(facts);
    else notes.push(judgeNoteFacts(facts));
  }
  if (judges) notes = await judges.finish();
  for (const problem of configs.problems) problems.add(problem);

  // The settings of the whole report (staleDays) come from the config of the first folder named.
  const options: ReportOptions = { config: defaultConfig, by: by as ReportOptions['by'], minNotes, now };
  if (values.since !== undefined) options.since = values.since;
  if (values.until !== undefined) options.until = values.until;
  if (staleDays !== undefined) options.staleDays = staleDays;
  const report = summarizeReport(notes, options);

  const text = render(report, format as Format, outPath === undefined ? io.cwd : path.dirname(outPath), io.cwd);
  for (const problem of problems) io.stderr(`objective-outcome: warning: ${printable(problem)}`);
  for (const warning of warnings) io.stderr(`objective-outcome: warning: ${printable(warning)}`);
  for (const error of errors) io.stderr(`objective-outcome: ${printable(error)}`);
  if (outPath === undefined) io.stdout(text);
  else {
    const written = writeReport(outPath, text, format as Format);
    if (written !== undefined) {
      io.stderr(`objective-outcome: cannot write ${out}: ${written}`);
      return 2;
    }
    io.stdout(`Wrote ${out}: ${report.totals.notes} notes, ${report.groups.length} ${by === 'rep' ? 'reps' : by === 'client' ? 'clients' : 'folders'}.\n`);
  }
  return errors.length > 0 ? 2 : 0;
}

type Format = (typeof FORMATS)[number];

function usageError(io: CliIo, message: string): number {
  io.stderr(`objective-outcome: ${message}`);
  return 2;
}

function wholeNumber(text: string, min: number, max: number): number | undefined {
  // Digits only: Number('') is 0, and "1e3" or " 5" are no way to write a count.
  if (!/^\d{1,9}$/.test(text)) return undefined;
  const value = Number(text);
  return value >= min && value <= max ? value : undefined;
}

/** The report in its format; in HTML the note links are made relative to the folder the file goes to. */
function render(report: Report, format: Format, outFolder: string, cwd: string): string {
  if (format === 'json') return `${JSON.stringify(report, null, 2)}\n`;
  if (format === 'csv') return reportCsv(report);
  const relink = (file: string) => (outFolder === cwd ? file : relativePath(path.resolve(cwd, file), outFolder, true));
  const linked: Report = {
    ...report,
    notesList: report.notesList.map((note) => ({ ...note, file: relink(note.file) })),
    stale: report.stale.map((client) => ({ ...client, lastFile: relink(client.lastFile) })),
    undated: report.undated.map(relink),
  };
  const html = renderReportHtml(linked, { title: 'Coaching report' });
  // The mark goes right after the doctype, so the file still starts with it.
  return html.replace(/^(<!DOCTYPE html>)\r?\n?/i, `$1\n${HTML_MARK}\n`);
}

/**
 * Why an existing file may not be replaced; undefined when it may: it does not exist, or it is an
 * earlier report of the same format (the default HTML file is made again on every run).
 */
function replaceRefusal(file: string, format: Format): string | undefined {
  let stat: fs.Stats;
  try {
    stat = fs.statSync(file);
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    if (code === 'ENOENT') return fs.existsSync(path.dirname(file)) ? undefined : 'its folder does not exist';
    return describeIoError(error);
  }
  if (!stat.isFile()) return 'it exists and is not a regular file';
  let head: string;
  try {
    const fd = fs.openSync(file, 'r');
    try {
      const buffer = Buffer.alloc(Math.min(stat.size, RECOGNISE_BYTES));
      head = buffer.toString('utf8', 0, fs.readSync(fd, buffer, 0, buffer.length, 0));
    } finally {
      fs.closeSync(fd);
    }
  } catch (error) {
    return describeIoError(error);
  }
  if (isEarlierReport(head, format, stat.size)) return undefined;
  return `the file exists and is not an earlier ${format.toUpperCase()} report; choose another --out or move the file away`;
}

function isEarlierReport(head: string, format: Format, size: number): boolean {
  if (format === 'html') return head.split(/\r?\n/, 2)[1] === HTML_MARK;
  if (format === 'csv') return head.startsWith(`${CSV_COLUMNS.join(',')}\r\n`);
  // JSON: read whole only when small enough to have been recognised from its head.
  if (size > RECOGNISE_BYTES || !head.startsWith('{')) return /^\{\s*"generatedAt":/.test(head);
  try {
    const value = JSON.parse(head) as Record<string, unknown>;
    return typeof value.generatedAt === 'string' && typeof value.totals === 'object' && Array.isArray(value.groups);
  } catch {
    return false;
  }
}

/** Writes the report next to its place and renames it there, so an interrupted run leaves the old report whole. */
function writeReport(file: string, text: string, format: Format): string | undefined {
  // Checked again just before: the file may have appeared while the notes were read.
  const refusal = replaceRefusal(file, format);
  if (refusal) return refusal;
  const temporary = path.join(path.dirname(file), `.${path.basename(file)}.${process.pid}.tmp`);
  try {
    fs.writeFileSync(temporary, text, { flag: 'wx' });
    fs.renameSync(temporary, file);
    return undefined;
  } catch (error) {
    fs.rmSync(temporary, { force: true });
    return describeIoError(error);
  }
}

/** A file's text, or only its head with why it is not counted (too large, binary), or why it cannot be read. */
type ReadNote = { kind: 'read'; text: string; skipped?: string } | { kind: 'error'; message: string };

const DECODER = new TextDecoder('utf-8', { fatal: false, ignoreBOM: true });

function readNote(file: string, maxFileSize: number): ReadNote {
  try {
    const fd = fs.openSync(file, 'r');
    try {
      const stat = fs.fstatSync(fd);
      if (stat.isDirectory()) return { kind: 'error', message: 'it is a folder' };
      if (stat.size > maxFileSize) {
        // Only the head is read: enough to tell a note from a README, never the whole file.
        const head = Buffer.alloc(Math.min(stat.size, RECOGNISE_BYTES));
        const length = fs.readSync(fd, head, 0, head.length, 0);
        return { kind: 'read', text: DECODER.decode(head.subarray(0, length)), skipped: `it is ${formatBytes(stat.size)}, over the ${formatBytes(maxFileSize)} limit (maxFileSize)` };
      }
      const bytes = fs.readFileSync(fd);
      const text = DECODER.decode(bytes);
      return bytes.includes(0) ? { kind: 'read', text, skipped: 'it holds binary data (NUL bytes), not text' } : { kind: 'read', text };
    } finally {
      fs.closeSync(fd);
    }
  } catch (error) {
    return { kind: 'error', message: describeIoError(error) };
  }
}

/** The folder a command-line argument names notes under: a folder itself, a glob's fixed folders, a file's folder. */
function baseOf(arg: string, cwd: string): string {
  if (isDynamicPattern(arg)) {
    const parts = arg.split('/');
    let fixed = 0;
    while (fixed < parts.length - 1 && !isDynamicPattern(parts[fixed])) fixed++;
    return path.resolve(cwd, parts.slice(0, fixed).join('/') || '.');
  }
  const absolute = path.resolve(cwd, arg);
  try {
    return fs.statSync(absolute).isDirectory() ? absolute : path.dirname(absolute);
  } catch {
    return absolute;
  }
}

function isInside(file: string, folder: string): boolean {
  return file.startsWith(folder.endsWith(path.sep) ? folder : folder + path.sep);
}

/** A path relative to a folder with forward slashes; the absolute path when it is outside (unless `always`). */
function relativePath(absolute: string, folder: string, always = false): string {
  const relative = path.relative(folder, absolute);
  const chosen = !always && (relative.startsWith('..') || path.isAbsolute(relative)) ? absolute : relative;
  return chosen.split(path.sep).join('/');
}
