import { isMap, Lexer } from 'yaml';
import { Config, DEFAULT_CONFIG } from './config';
import { findField } from './fields';
import { isMeetingNote } from './noteDetection';
import { parseNote, ParsedNote } from './parse';
import { NoteContext, RULES } from './rules';
import type { Finding, RuleId, Severity, SeveritySetting } from './types';

export interface LintOptions {
  config?: Config;
  /** The note's path, posix, relative to the config's folder (or workspace); used for include/exclude. */
  path?: string;
  /** Lint even if the file does not look like a note (a file named on the command line). */
  force?: boolean;
  /** Per-user severity overrides (editor settings), applied over the config's. */
  severityOverrides?: Partial<Record<RuleId, SeveritySetting>>;
  /**
   * When given, receives the ids of the rules this note turns off with a disable comment (those that
   * would otherwise run), so a report can say so instead of calling the note clean.
   */
  turnedOff?: RuleId[];
}

/** The key of the note's client, whose name a suggestion uses. */
const CLIENT_FIELD = ['client'];

const RULE_ORDER = new Map(RULES.map((rule, index) => [rule.id, index]));

/** The order findings are reported in: by place, then in the order of the rules. */
export function compareFindings(a: { start: number; end: number; ruleId: RuleId }, b: { start: number; end: number; ruleId: RuleId }): number {
  return a.start - b.start || a.end - b.end || RULE_ORDER.get(a.ruleId)! - RULE_ORDER.get(b.ruleId)!;
}

/** A disable comment in the front matter: `# objective-outcome-disable rule-id, rule-id` (no ids: every rule). */
const DISABLE_COMMENT = /^#[ \t]*objective-outcome-disable\b(.*)$/;

/** A disable comment as found in the front matter: where it starts and ends in the YAML block, and the ids after it. */
export interface DisableComment {
  start: number;
  end: number;
  ids: string[];
}

/**
 * The disable comments of a YAML block, each on a line of its own. Read with YAML's own lexer, so
 * a line of a block scalar or a quoted value that starts with `#` is the rep's text, not a comment.
 */
export function findDisableComments(yamlText: string): DisableComment[] {
  if (!yamlText.includes('objective-outcome-disable')) return [];
  const comments: DisableComment[] = [];
  let offset = 0;
  for (const token of new Lexer().lex(yamlText)) {
    // The lexer also yields markers of no width (document start, scalar start): they are not in the source.
    if (!yamlText.startsWith(token, offset)) continue;
    const start = offset;
    offset += token.length;
    if (token[0] !== '#') continue;
    const match = DISABLE_COMMENT.exec(token);
    if (!match || yamlText.slice(yamlText.lastIndexOf('\n', start - 1) + 1, start).trim() !== '') continue;
    comments.push({ start, end: offset, ids: match[1].split(/[\s,]+/).filter(Boolean) });
  }
  return comments;
}

/**
 * Lints a Markdown file: undefined when it is not a meeting note (README, docs, ...), otherwise its
 * findings sorted by position.
 */
export function lintMarkdown(text: string, options: LintOptions = {}): Finding[] | undefined {
  return lintParsedMarkdown(parseNote(text), options);
}

/** lintMarkdown on a note already parsed, which the host keeps for quick fixes and hovers (parse a note once per lint). */
export function lintParsedMarkdown(note: ParsedNote, options: LintOptions = {}): Finding[] | undefined {
  const config = options.config ?? DEFAULT_CONFIG;
  if (!options.force && !isMeetingNote(note, config, options.path)) return undefined;
  return lintParsedNote(note, config, options.severityOverrides, options.turnedOff);
}

/** Lints text known to be a meeting note. */
export function lintNote(text: string, options: LintOptions = {}): Finding[] {
  return lintParsedNote(parseNote(text), options.config ?? DEFAULT_CONFIG, options.severityOverrides, options.turnedOff);
}

function lintParsedNote(
  note: ParsedNote,
  config: Config,
  overrides: Partial<Record<RuleId, SeveritySetting>> | undefined,
  turnedOff?: RuleId[],
): Finding[] {
  const frontMatter = note.frontMatter;
  const context: NoteContext = {
    note,
    config,
    objective: findField(frontMatter, note.text, config.fields.objective),
    outcome: findField(frontMatter, note.text, config.fields.outcome),
    client: findField(frontMatter, note.text, CLIENT_FIELD).texts[0]?.text,
    anchor: frontMatter
      ? { start: frontMatter.openStart, end: frontMatter.openEnd }
      : { start: 0, end: firstLineEnd(note.text) },
  };
  // Plain front matter is a map by construction (reading `document` would parse it).
  const broken =
    note.problems.length > 0 ||
    (frontMatter?.plain === undefined && frontMatter?.document !== undefined && !isMap(frontMatter.document.contents) && frontMatter.document.contents !== null);
  if (broken && note.problems.length === 0) {
    note.problems.push({
      message: 'The front matter should be “key: value” lines (a YAML map), not a list or a single value.',
      start: frontMatter!.openStart,
      end: frontMatter!.openEnd,
    });
  }
  const disabled = disabledRules(note);
  let findings: Finding[] = [];
  for (const rule of RULES) {
    // Broken front matter gets its error alone: "missing objective" would only repeat it.
    if (broken && !rule.runsOnBrokenFrontMatter) continue;
    let severity = severityOf(rule.id, rule.defaultSeverity, config, overrides);
    // A note whose fields cannot be read is never clean: no comment or setting hides that it is broken.
    const unreadable = broken && rule.id === 'invalid-front-matter';
    if (disabled === 'all' || disabled.has(rule.id)) {
      if (!unreadable) {
        if (severity !== 'off') turnedOff?.push(rule.id);
        continue;
      }
    }
    if (unreadable && severity === 'off') severity = rule.defaultSeverity;
    if (severity === 'off') continue;
    const found = rule.check(context, severity);
    // Usually one rule finds all there is: its array is taken as it is, not copied.
    if (found.length > 0) findings = findings.length === 0 ? found : findings.concat(found);
  }
  // Findings are mostly in order already (one rule, finding in text order): a pass checks, and only disorder is sorted.
  return inOrder(findings) ? findings : findings.sort(compareFindings);
}

function inOrder(findings: readonly Finding[]): boolean {
  for (let index = 1; index < findings.length; index++) if (compareFindings(findings[index - 1], findings[index]) > 0) return false;
  return true;
}

function severityOf(
  id: RuleId,
  fallback: Severity,
  config: Config,
  overrides: Partial<Record<RuleId, SeveritySetting>> | undefined,
): SeveritySetting {
  return overrides?.[id] ?? config.rules[id] ?? fallback;
}

/** Rules turned off for this note by a YAML comment in its front matter. */
export function disabledRules(note: ParsedNote): Set<string> | 'all' {
  const rules = new Set<string>();
  const frontMatter = note.frontMatter;
  if (!frontMatter) return rules;
  for (const comment of findDisableComments(note.text.slice(frontMatter.yamlStart, frontMatter.yamlEnd))) {
    if (comment.ids.length === 0) return 'all';
    for (const id of comment.ids) rules.add(id);
  }
  return rules;
}

/** The id of the notice given instead of findings when a file is not checked (too large, binary). */
export const SKIPPED_FILE_ID = 'skipped-file';

/** The id of the warning for a note that is not valid UTF-8 (it is still checked). */
export const INVALID_ENCODING_ID = 'invalid-encoding';

/** A notice about the file itself rather than its fields: not checked (too large, binary), or not UTF-8. */
export interface FileNotice {
  ruleId: typeof SKIPPED_FILE_ID | typeof INVALID_ENCODING_ID;
  severity: Severity;
  message: string;
  start: number;
  end: number;
}

/**
 * The notice for a note over the size limit, or undefined when it is within it. Checked before
 * parsing so a huge file never freezes the editor or the CLI.
 */
export function fileTooLargeNotice(sizeBytes: number, maxFileSize: number): FileNotice | undefined {
  if (sizeBytes <= maxFileSize) return undefined;
  return {
    ruleId: SKIPPED_FILE_ID,
    severity: 'info',
    message: `Not checked: this file is ${formatBytes(sizeBytes)}, over the ${formatBytes(maxFileSize)} limit (maxFileSize in .objective-outcome.yaml).`,
    start: 0,
    end: 0,
  };
}

/** 2 MB, 512 KB, 900 bytes: the way a person writes a size. */
export function formatBytes(bytes: number): string {
  if (bytes >= 1024 * 1024) return `${trimZero(bytes / (1024 * 1024))} MB`;
  if (bytes >= 1024) return `${trimZero(bytes / 1024)} KB`;
  return `${bytes} bytes`;
}

function trimZero(value: number): string {
  return value.toFixed(1).replace(/\.0$/, '');
}

function firstLineEnd(text: string): number {
  const newline = text.search(/\r?\n/);
  return newline === -1 ? text.length : newline;
}
