// One path from a file to its findings, for every host: the CLI (Node's fs), the open editor (the
// buffer's text) and Check All (vscode.workspace.fs). Hosts differ only in how they read a file;
// whether it is a note, the size and binary notices, the encoding warning, the front matter and
// every rule are decided here, so they agree on every file.
import type { Config } from './config';
import { type FileNotice, fileTooLargeNotice, INVALID_ENCODING_ID, lintParsedMarkdown, type LintOptions, SKIPPED_FILE_ID } from './lint';
import { isMeetingNote } from './noteDetection';
import { parseNote, type ParsedNote } from './parse';
import type { Finding, RuleId } from './types';

/** How much of a file over the size limit is read (or looked at): enough to tell a note from a README. */
export const NOTE_HEAD_BYTES = 64 * 1024;

/**
 * A file as its host read it: its bytes (from disk; only the head when it is over the size limit,
 * with `size` its whole size), or the text of an open buffer, already decoded by the editor.
 */
export type FileContent = { bytes: Uint8Array; size?: number } | { text: string };

export interface FileLintOptions {
  config: Config;
  /** The note's path, posix, relative to the config's folder (or workspace); used for include/exclude. */
  path?: string;
  /** Lint even if the file does not look like a note (a file named on the command line). */
  force?: boolean;
  /** Per-user severity overrides (editor settings), applied over the config's. */
  severityOverrides?: LintOptions['severityOverrides'];
  /** Overrides the config's maxFileSize (the CLI's --max-file-size). */
  maxFileSize?: number;
}

/** What a file is: no meeting note, or a note with its notices (shown first) and findings. */
export type FileLint =
  | { kind: 'not-a-note' }
  | {
      kind: 'note';
      /** The text the findings' offsets point into (empty when the file was not checked). */
      text: string;
      /** About the file: skipped (then there are no findings) or not valid UTF-8. */
      notices: FileNotice[];
      findings: Finding[];
      /** The rules the note turns off with `# objective-outcome-disable` (those that would otherwise run). */
      turnedOff: RuleId[];
      /** The parsed note the findings came from, for quick fixes and hovers; absent when the file was not checked. */
      note?: ParsedNote;
    };

// fatal: false keeps going past bad bytes (shown as U+FFFD); ignoreBOM keeps the BOM the parser expects.
// Without `stream`, each decode() stands alone, so one decoder serves every file.
const DECODER = new TextDecoder('utf-8', { fatal: false, ignoreBOM: true });
const STRICT_DECODER = new TextDecoder('utf-8', { fatal: true, ignoreBOM: true });

const BINARY_MESSAGE = 'Not checked: this file holds binary data (NUL bytes), not text. Is it really a Markdown note?';
const ENCODING_MESSAGE = 'This file is not valid UTF-8: bytes that are no character are shown as “\uFFFD” and were checked as such. Save the note as UTF-8.';

/**
 * Lints one file from what its host read. Never throws for anything a file can hold: too large,
 * binary or not UTF-8 each become a notice. Pure: the host does every read.
 */
export function lintFile(content: FileContent, options: FileLintOptions): FileLint {
  const { config } = options;
  const maxFileSize = options.maxFileSize ?? config.maxFileSize;
  const fromDisk = 'bytes' in content;
  const size = fromDisk ? (content.size ?? content.bytes.length) : utf8Length(content.text, maxFileSize);
  const tooLarge = fileTooLargeNotice(size, maxFileSize);
  const text = fromDisk ? DECODER.decode(tooLarge && content.bytes.length > NOTE_HEAD_BYTES ? content.bytes.subarray(0, NOTE_HEAD_BYTES) : content.bytes) : content.text;
  const binary = fromDisk ? content.bytes.includes(0) : text.includes('\0');
  if (tooLarge || binary) {
    if (!options.force && !isMeetingNote(parseNote(tooLarge ? text.slice(0, NOTE_HEAD_BYTES) : text), config, options.path)) return { kind: 'not-a-note' };
    const notice: FileNotice = tooLarge ?? { ruleId: SKIPPED_FILE_ID, severity: 'info', message: BINARY_MESSAGE, start: 0, end: 0 };
    return { kind: 'note', text: '', notices: [notice], findings: [], turnedOff: [] };
  }
  const turnedOff: RuleId[] = [];
  const note = parseNote(text);
  const findings = lintParsedMarkdown(note, { config, path: options.path, force: options.force, severityOverrides: options.severityOverrides, turnedOff });
  if (findings === undefined) return { kind: 'not-a-note' };
  const notices: FileNotice[] = [];
  // The editor decoded an open buffer itself; only bytes can be told not to be UTF-8.
  if (fromDisk && !isValidUtf8(content.bytes, text)) {
    const at = Math.max(0, text.indexOf('\uFFFD'));
    notices.push({ ruleId: INVALID_ENCODING_ID, severity: 'warning', message: ENCODING_MESSAGE, start: at, end: Math.min(at + 1, text.length) });
  }
  return { kind: 'note', text, notices, findings, turnedOff, note };
}

/** Whether bytes are valid UTF-8, given their lenient decoding: only a decoding holding U+FFFD may not be. */
function isValidUtf8(bytes: Uint8Array, decoded: string): boolean {
  if (!decoded.includes('\uFFFD')) return true;
  try {
    STRICT_DECODER.decode(bytes);
    return true;
  } catch {
    return false;
  }
}

/** The UTF-8 size of a text; not walked when it is surely within the limit (each UTF-16 unit is at most 3 bytes). */
function utf8Length(text: string, limit: number): number {
  if (text.length * 3 <= limit) return text.length;
  let bytes = 0;
  for (let index = 0; index < text.length; index++) {
    const unit = text.charCodeAt(index);
    if (unit < 0x80) bytes += 1;
    else if (unit < 0x800) bytes += 2;
    else if (unit >= 0xd800 && unit <= 0xdbff && index + 1 < text.length) {
      const next = text.charCodeAt(index + 1);
      if (next >= 0xdc00 && next <= 0xdfff) {
        bytes += 4;
        index++;
      } else bytes += 3;
    } else bytes += 3;
  }
  return bytes;
}
