import { isUtf8 } from 'node:buffer';
import * as fs from 'node:fs';
import * as path from 'node:path';
import type { JudgeVocabulary } from '../core/judge';
import { compareFindings, FileNotice, fileTooLargeNotice, Finding, finishJudging, LineIndex, lintMarkdown, PendingJudgement, RuleId, SKIPPED_FILE_ID } from '../core';
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
  /** The rules the note turns off with `# objective-outcome-disable` (only when it does: an additive field). */
  disabledRules?: string[];
}

/**
 * What became of one file: linted (or skipped with a notice), not a note, or unreadable. A result
 * may still have judging to do (`deferred`), when linted with `deferJudging`: see finishFile.
 */
export type FileOutcome = { kind: 'result'; result: FileResult; deferred?: DeferredJudging } | { kind: 'not-a-note' } | { kind: 'error'; message: string };

/** The judging a file's result still needs, and where its findings go among the messages. Plain data. */
export interface DeferredJudging {
  pending: PendingJudgement[];
  /** The note up to the end of the last text to judge: enough to turn the findings' offsets into lines. */
  head: string;
  /** [start, end] offsets of the finding behind each message after the first `skip` ones. */
  places: number[];
  /** Messages that come first whatever their place (the invalid-encoding warning). */
  skip: number;
}

/** The id of the warning for a note that is not valid UTF-8 (it is still checked). */
export const INVALID_ENCODING_ID = 'invalid-encoding';

// fatal: false keeps going past bad bytes (shown as U+FFFD); ignoreBOM keeps the BOM the parser expects.
// Without `stream`, each decode() stands alone, so one decoder serves every file.
const DECODER = new TextDecoder('utf-8', { fatal: false, ignoreBOM: true });

/** How much of a skipped file is read to tell whether it is a note at all. */
const HEAD_BYTES = 64 * 1024;

export interface LintFileOptions {
  cwd: string;
  configs: ConfigFinder;
  /** Overrides each config's maxFileSize (the --max-file-size flag). */
  maxFileSize?: number;
  /** Reused between files, so reading 10,000 notes does not allocate 10,000 buffers. */
  scratch?: ReadScratch;
  /** Leave the judging rules' work in the outcome, for finishFile on another thread. */
  deferJudging?: boolean;
}

/** A read buffer one lint loop reuses; it grows to the largest file read (at most the size limit). */
export class ReadScratch {
  buffer = Buffer.allocUnsafe(64 * 1024);
}

/** A file's bytes as read (only the head when it is over the size limit), or why it could not be read. */
export type ReadFile = { kind: 'error'; message: string } | { kind: 'read'; bytes: Uint8Array; tooLarge?: FileNotice };

/**
 * Reads and lints one file. Never throws for anything a file can be: too large, binary, not UTF-8,
 * a folder, a loop of links or unreadable each become a notice or an error line. Never writes.
 */
export function lintFile(file: FileToLint, options: LintFileOptions): FileOutcome {
  const read = readFile(file, options);
  return read.kind === 'error' ? read : lintBytes(file, read, options);
}

/**
 * Reads a file for linting. Without a scratch buffer the bytes get an ArrayBuffer of their own,
 * which can be handed to a worker thread without a copy.
 */
export function readFile(file: FileToLint, options: LintFileOptions): ReadFile {
  const { config } = options.configs.forFile(file.absolutePath);
  const maxFileSize = options.maxFileSize ?? config.maxFileSize;
  try {
    const fd = fs.openSync(file.absolutePath, 'r');
    try {
      const stat = fs.fstatSync(fd);
      if (stat.isDirectory()) return { kind: 'error', message: `cannot read ${displayPath(file.absolutePath, options.cwd)}: it is a folder` };
      const tooLarge = fileTooLargeNotice(stat.size, maxFileSize);
      // Over the limit only the head is read: enough to tell a note from a README, never the whole file.
      const bytes = readHead(fd, tooLarge ? Math.min(stat.size, HEAD_BYTES) : stat.size, options.scratch);
      return tooLarge ? { kind: 'read', bytes, tooLarge } : { kind: 'read', bytes };
    } finally {
      fs.closeSync(fd);
    }
  } catch (error) {
    return { kind: 'error', message: `cannot read ${displayPath(file.absolutePath, options.cwd)}: ${describeIoError(error)}` };
  }
}

/** Lints a file from the bytes readFile gave. */
export function lintBytes(file: FileToLint, read: { bytes: Uint8Array; tooLarge?: FileNotice }, options: LintFileOptions): FileOutcome {
  const shown = displayPath(file.absolutePath, options.cwd);
  const { config, root } = options.configs.forFile(file.absolutePath);
  const lintOptions = { config, path: globPath(file.absolutePath, root), force: file.explicit };
  const { bytes, tooLarge } = read;

  const binary = bytes.includes(0);
  const validUtf8 = isUtf8(bytes);
  const text = DECODER.decode(bytes);
  if (tooLarge || binary) {
    if (!file.explicit && lintMarkdown(text, lintOptions) === undefined) return { kind: 'not-a-note' };
    const message = tooLarge
      ? tooLarge.message
      : 'Not checked: this file holds binary data (NUL bytes), not text. Is it really a Markdown note?';
    return { kind: 'result', result: { filePath: shown, messages: [{ ruleId: SKIPPED_FILE_ID, severity: 'info', message, line: 1, column: 1, endLine: 1, endColumn: 1 }] } };
  }

  const pending: PendingJudgement[] | undefined = options.deferJudging ? [] : undefined;
  const turnedOff: RuleId[] = [];
  const findings = lintMarkdown(text, { ...lintOptions, deferJudging: pending, turnedOff });
  if (findings === undefined) return { kind: 'not-a-note' };
  const lines = findings.length > 0 || !validUtf8 ? new LineIndex(text) : undefined;
  const messages = findings.map((finding) => toMessage(lines!, finding.ruleId, finding.severity, finding.message, finding.start, finding.end));
  if (!validUtf8) {
    const at = Math.max(0, text.indexOf('\uFFFD'));
    messages.unshift(
      toMessage(lines!, INVALID_ENCODING_ID, 'warning', 'This file is not valid UTF-8: bytes that are no character are shown as “\uFFFD” and were checked as such. Save the note as UTF-8.', at, Math.min(at + 1, text.length)),
    );
  }
  const result: FileResult = turnedOff.length > 0 ? { filePath: shown, messages, disabledRules: turnedOff } : { filePath: shown, messages };
  if (pending === undefined || pending.length === 0) return { kind: 'result', result };
  let headEnd = 0;
  for (const work of pending) for (const item of work.items) headEnd = Math.max(headEnd, item.end);
  const places: number[] = [];
  for (const finding of findings) places.push(finding.start, finding.end);
  return { kind: 'result', result, deferred: { pending, head: text.slice(0, headEnd), places, skip: validUtf8 ? 0 : 1 } };
}

/**
 * Does the judging a result still has to do and puts its messages where lintFile would have:
 * the same messages in the same order as linting in one go.
 */
export function finishFile(outcome: FileOutcome): FileOutcome {
  if (outcome.kind !== 'result' || outcome.deferred === undefined) return outcome;
  const { pending, head, places, skip } = outcome.deferred;
  for (const work of pending) if (work.phrases) work.phrases = sharedPhrases(work.phrases);
  const judged = finishJudging(pending);
  const messages = outcome.result.messages;
  if (judged.length === 0) return { kind: 'result', result: outcome.result };
  const lines = new LineIndex(head);
  const placed: { start: number; end: number; ruleId: RuleId; message: CliMessage }[] = [];
  for (let index = skip; index < messages.length; index++) {
    const message = messages[index];
    placed.push({ start: places[2 * (index - skip)], end: places[2 * (index - skip) + 1], ruleId: message.ruleId as RuleId, message });
  }
  for (const finding of judged) {
    placed.push({ ...finding, message: toMessage(lines, finding.ruleId, finding.severity, finding.message, finding.start, finding.end) });
  }
  placed.sort(compareFindings);
  return { kind: 'result', result: { ...outcome.result, messages: [...messages.slice(0, skip), ...placed.map((entry) => entry.message)] } };
}

// Each result crosses threads as a copy, phrases included; the judge compiles a team's phrases once
// per phrases object, so every copy of the same phrases is swapped for one shared object.
const SHARED_PHRASES = new Map<string, JudgeVocabulary>();
function sharedPhrases(phrases: JudgeVocabulary): JudgeVocabulary {
  const key = JSON.stringify(phrases);
  let shared = SHARED_PHRASES.get(key);
  if (shared === undefined) {
    shared = phrases;
    SHARED_PHRASES.set(key, shared);
  }
  return shared;
}

/** Reads up to `length` bytes from the start (stat's size may be stale: a file can grow or shrink). */
function readHead(fd: number, length: number, scratch: ReadScratch | undefined): Uint8Array {
  let buffer: Uint8Array;
  if (scratch) {
    if (scratch.buffer.length < length) scratch.buffer = Buffer.allocUnsafe(length);
    buffer = scratch.buffer;
  } else buffer = new Uint8Array(length);
  let filled = 0;
  while (filled < length) {
    const read = fs.readSync(fd, buffer, filled, length - filled, filled);
    if (read === 0) break;
    filled += read;
  }
  return filled === buffer.length ? buffer : buffer.subarray(0, filled);
}

function toMessage(lines: LineIndex, ruleId: string, severity: Finding['severity'], message: string, startOffset: number, endOffset: number): CliMessage {
  const start = lines.positionAt(startOffset);
  const end = lines.positionAt(endOffset);
  return { ruleId, severity, message, line: start.line + 1, column: start.character + 1, endLine: end.line + 1, endColumn: end.character + 1 };
}

/** The path shown to the user: relative to where the command runs when inside it. */
export function displayPath(absolutePath: string, cwd: string): string {
  const inside = pathInside(absolutePath, cwd);
  if (inside !== undefined) return inside;
  const relative = path.relative(cwd, absolutePath);
  return relative.startsWith('..') || path.isAbsolute(relative) ? absolutePath : relative;
}

/** The posix path that include/exclude globs see: relative to the config's folder when inside it. */
function globPath(absolutePath: string, root: string): string {
  const inside = pathInside(absolutePath, root);
  if (inside !== undefined) return path.sep === '/' ? inside : inside.split(path.sep).join('/');
  const relative = path.relative(root, absolutePath);
  const chosen = relative.startsWith('..') || path.isAbsolute(relative) ? absolutePath : relative;
  return chosen.split(path.sep).join('/').replace(/^\/+/, '');
}

/**
 * The path of a file below `folder`, relative to it, by cutting the prefix; undefined when the file
 * is not below it as written. Both are normalised absolute paths, so this is what path.relative
 * gives, without its work for every one of thousands of files.
 */
function pathInside(absolutePath: string, folder: string): string | undefined {
  const prefix = folder.endsWith(path.sep) ? folder : folder + path.sep;
  return absolutePath.length > prefix.length && absolutePath.startsWith(prefix) ? absolutePath.slice(prefix.length) : undefined;
}
