import * as fs from 'node:fs';
import * as path from 'node:path';
import { Finding, INVALID_ENCODING_ID, LineIndex, lintFile, NOTE_HEAD_BYTES } from '../core';
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

/** What became of one file: linted (or skipped with a notice), not a note, or unreadable. Plain data, so it crosses threads. */
export type FileOutcome = { kind: 'result'; result: FileResult } | { kind: 'not-a-note' } | { kind: 'error'; message: string };

export { INVALID_ENCODING_ID };

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

/** A file's bytes as read (only the head when it is over the size limit, with `size` its whole size), or why it could not be read. */
export type ReadFile = { kind: 'error'; message: string } | { kind: 'read'; bytes: Uint8Array; size: number };

/**
 * Reads and lints one file. Never throws for anything a file can be: too large, binary, not UTF-8,
 * a folder, a loop of links or unreadable each become a notice or an error line. Never writes.
 */
export function lintFileOnDisk(file: FileToLint, options: LintFileOptions): FileOutcome {
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
      // Over the limit only the head is read: enough to tell a note from a README, never the whole file.
      const bytes = readHead(fd, stat.size > maxFileSize ? Math.min(stat.size, NOTE_HEAD_BYTES) : stat.size, options.scratch);
      return { kind: 'read', bytes, size: Math.max(stat.size, bytes.length) };
    } finally {
      fs.closeSync(fd);
    }
  } catch (error) {
    return { kind: 'error', message: `cannot read ${displayPath(file.absolutePath, options.cwd)}: ${describeIoError(error)}` };
  }
}

/** Lints a file from the bytes readFile gave, with the core's one path from a file to its findings. */
export function lintBytes(file: FileToLint, read: { bytes: Uint8Array; size: number }, options: LintFileOptions): FileOutcome {
  const { config, root } = options.configs.forFile(file.absolutePath);
  const linted = lintFile(read, { config, path: globPath(file.absolutePath, root), force: file.explicit, maxFileSize: options.maxFileSize });
  if (linted.kind === 'not-a-note') return linted;
  const { text, notices, findings, turnedOff } = linted;
  const lines = findings.length > 0 || notices.some((notice) => notice.start > 0) ? new LineIndex(text) : undefined;
  const messages: CliMessage[] = [];
  for (const found of [...notices, ...findings]) messages.push(toMessage(lines, found.ruleId, found.severity, found.message, found.start, found.end));
  const filePath = displayPath(file.absolutePath, options.cwd);
  return { kind: 'result', result: turnedOff.length > 0 ? { filePath, messages, disabledRules: turnedOff } : { filePath, messages } };
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

function toMessage(lines: LineIndex | undefined, ruleId: string, severity: Finding['severity'], message: string, startOffset: number, endOffset: number): CliMessage {
  // No line index is built for a file whose only message sits at its very start.
  const start = lines?.positionAt(startOffset) ?? { line: 0, character: 0 };
  const end = lines?.positionAt(endOffset) ?? { line: 0, character: 0 };
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
