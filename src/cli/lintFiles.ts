import { isUtf8 } from 'node:buffer';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { fileTooLargeNotice, Finding, LineIndex, lintMarkdown, SKIPPED_FILE_ID } from '../core';
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

/** What became of one file: linted (or skipped with a notice), not a note, or unreadable. */
export type FileOutcome = { kind: 'result'; result: FileResult } | { kind: 'not-a-note' } | { kind: 'error'; message: string };

/** The id of the warning for a note that is not valid UTF-8 (it is still checked). */
export const INVALID_ENCODING_ID = 'invalid-encoding';

/** How much of a skipped file is read to tell whether it is a note at all. */
const HEAD_BYTES = 64 * 1024;

export interface LintFileOptions {
  cwd: string;
  configs: ConfigFinder;
  /** Overrides each config's maxFileSize (the --max-file-size flag). */
  maxFileSize?: number;
  /** Reused between files, so reading 10,000 notes does not allocate 10,000 buffers. */
  scratch?: ReadScratch;
}

/** A read buffer one lint loop reuses; it grows to the largest file read (at most the size limit). */
export class ReadScratch {
  buffer = Buffer.allocUnsafe(64 * 1024);
}

/**
 * Reads and lints one file. Never throws for anything a file can be: too large, binary, not UTF-8,
 * a folder, a loop of links or unreadable each become a notice or an error line. Never writes.
 */
export function lintFile(file: FileToLint, options: LintFileOptions): FileOutcome {
  const shown = displayPath(file.absolutePath, options.cwd);
  const { config, root } = options.configs.forFile(file.absolutePath);
  const lintOptions = { config, path: globPath(file.absolutePath, root), force: file.explicit };
  const maxFileSize = options.maxFileSize ?? config.maxFileSize;

  let bytes: Buffer;
  let tooLarge;
  try {
    const fd = fs.openSync(file.absolutePath, 'r');
    try {
      const stat = fs.fstatSync(fd);
      if (stat.isDirectory()) return { kind: 'error', message: `cannot read ${shown}: it is a folder` };
      tooLarge = fileTooLargeNotice(stat.size, maxFileSize);
      // Over the limit only the head is read: enough to tell a note from a README, never the whole file.
      bytes = readHead(fd, tooLarge ? Math.min(stat.size, HEAD_BYTES) : stat.size, options.scratch);
    } finally {
      fs.closeSync(fd);
    }
  } catch (error) {
    return { kind: 'error', message: `cannot read ${shown}: ${describeIoError(error)}` };
  }

  const binary = bytes.indexOf(0) !== -1;
  const validUtf8 = isUtf8(bytes);
  // fatal: false keeps going past bad bytes (shown as U+FFFD); ignoreBOM keeps the BOM the parser expects.
  const text = new TextDecoder('utf-8', { fatal: false, ignoreBOM: true }).decode(bytes);
  if (tooLarge || binary) {
    if (!file.explicit && lintMarkdown(text, lintOptions) === undefined) return { kind: 'not-a-note' };
    const message = tooLarge
      ? tooLarge.message
      : 'Not checked: this file holds binary data (NUL bytes), not text. Is it really a Markdown note?';
    return { kind: 'result', result: { filePath: shown, messages: [{ ruleId: SKIPPED_FILE_ID, severity: 'info', message, line: 1, column: 1, endLine: 1, endColumn: 1 }] } };
  }

  const findings = lintMarkdown(text, lintOptions);
  if (findings === undefined) return { kind: 'not-a-note' };
  const lines = findings.length > 0 || !validUtf8 ? new LineIndex(text) : undefined;
  const messages = findings.map((finding) => toMessage(lines!, finding.ruleId, finding.severity, finding.message, finding.start, finding.end));
  if (!validUtf8) {
    const at = Math.max(0, text.indexOf('\uFFFD'));
    messages.unshift(
      toMessage(lines!, INVALID_ENCODING_ID, 'warning', 'This file is not valid UTF-8: bytes that are no character are shown as “\uFFFD” and were checked as such. Save the note as UTF-8.', at, Math.min(at + 1, text.length)),
    );
  }
  return { kind: 'result', result: { filePath: shown, messages } };
}

/** Reads up to `length` bytes from the start (stat's size may be stale: a file can grow or shrink). */
function readHead(fd: number, length: number, scratch: ReadScratch | undefined): Buffer {
  let buffer: Buffer;
  if (scratch) {
    if (scratch.buffer.length < length) scratch.buffer = Buffer.allocUnsafe(length);
    buffer = scratch.buffer;
  } else buffer = Buffer.allocUnsafe(length);
  let filled = 0;
  while (filled < length) {
    const read = fs.readSync(fd, buffer, filled, length - filled, filled);
    if (read === 0) break;
    filled += read;
  }
  return buffer.subarray(0, filled);
}

function toMessage(lines: LineIndex, ruleId: string, severity: Finding['severity'], message: string, startOffset: number, endOffset: number): CliMessage {
  const start = lines.positionAt(startOffset);
  const end = lines.positionAt(endOffset);
  return { ruleId, severity, message, line: start.line + 1, column: start.character + 1, endLine: end.line + 1, endColumn: end.character + 1 };
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
