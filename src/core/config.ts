import { parseDocument } from 'yaml';
import { compileGlob } from './glob';
import type { JudgeVocabulary } from './judge/types';
import { RULE_IDS, RuleId, SeveritySetting } from './types';

/** The name of the team's shared configuration file, found by walking up from a note. */
export const CONFIG_FILE_NAME = '.objective-outcome.yaml';

/** Everything that changes how notes are linted; shared by the editor and the CLI. */
export interface Config {
  /** Severity per rule id; missing ids use the rule's default. */
  rules: Partial<Record<RuleId, SeveritySetting>>;
  /** Globs (relative to the config's folder or the workspace) of Markdown files that are notes. */
  include: string[];
  /** Globs of Markdown files that are never notes; they win over everything but an explicit CLI path. */
  exclude: string[];
  /**
   * Key names read as each field, the canonical name first. `rep` and `result` are read by the
   * coaching report only (`result`: what happened after the meeting; no rule checks it).
   */
  fields: { objective: string[]; outcome: string[]; rep: string[]; result: string[] };
  /** The team's own self-focused and allowed phrases. */
  phrases: Required<JudgeVocabulary>;
  /** Largest note, in bytes, that is linted; bigger ones get one information finding. */
  maxFileSize: number;
  /** The coaching report's settings. */
  report: ReportSettings;
}

export interface ReportSettings {
  /** A client whose latest note is older than this many days is listed as gone quiet. */
  staleDays: number;
}

/** Where the stale-days setting stops: beyond ten years nobody is "quiet", they are gone. */
export const MAX_STALE_DAYS = 3650;

export const DEFAULT_CONFIG: Config = Object.freeze({
  rules: {},
  include: ['**/meetings/**', '**/calls/**', '**/meeting-notes/**', '**/call-notes/**'],
  exclude: ['**/node_modules/**', '**/README.md', '**/CHANGELOG.md'],
  fields: { objective: ['objective'], outcome: ['outcome'], rep: ['rep'], result: ['result'] },
  phrases: { selfFocused: [], allowed: [] },
  maxFileSize: 2 * 1024 * 1024,
  report: { staleDays: 30 },
}) as Config;

/** The fields that can have other names, in the order messages list them. */
const ALIASED_FIELDS = ['objective', 'outcome', 'rep', 'result'] as const;

// A Map, not an object: `constructor` or `__proto__` must not read as a severity from the prototype.
const SEVERITY_WORDS: ReadonlyMap<string, SeveritySetting> = new Map(
  Object.entries({
  off: 'off',
  false: 'off',
  none: 'off',
  hint: 'hint',
  info: 'info',
  information: 'info',
  warn: 'warning',
  warning: 'warning',
    error: 'error',
  } satisfies Record<string, SeveritySetting>),
);

/** Reads a severity word as written in a config or a setting; undefined when it is not one. */
export function parseSeverity(value: unknown): SeveritySetting | undefined {
  if (value === false) return 'off';
  return typeof value === 'string' ? SEVERITY_WORDS.get(value.trim().toLowerCase()) : undefined;
}

export interface ConfigResult {
  config: Config;
  /** Plain-words problems with the file; the rest of the file still applies. */
  problems: string[];
}

/** Parses `.objective-outcome.yaml` text (never evaluated) into a config merged over the defaults. */
export function parseConfig(text: string): ConfigResult {
  const problems: string[] = [];
  let raw: unknown;
  try {
    // parseDocument, not parse: parse() prints the YAML warnings as Node process warnings; here
    // they become problems the user reads beside the others.
    const document = parseDocument(text, { prettyErrors: false });
    if (document.errors.length > 0) throw document.errors[0];
    for (const warning of document.warnings.slice(0, 5)) problems.push(`${CONFIG_FILE_NAME}: ${warning.message.split('\n')[0]}`);
    raw = document.toJS({ maxAliasCount: 50 });
  } catch (error) {
    const message = error instanceof Error ? error.message.split('\n')[0] : String(error);
    return { config: DEFAULT_CONFIG, problems: [`${CONFIG_FILE_NAME} is not valid YAML (${message}); using the defaults.`] };
  }
  if (raw === null || raw === undefined) return { config: DEFAULT_CONFIG, problems };
  if (typeof raw !== 'object' || Array.isArray(raw)) {
    return { config: DEFAULT_CONFIG, problems: [`${CONFIG_FILE_NAME} should be a map of settings; using the defaults.`] };
  }
  const input = raw as Record<string, unknown>;
  const config: Config = {
    rules: {},
    include: DEFAULT_CONFIG.include,
    exclude: DEFAULT_CONFIG.exclude,
    fields: { ...DEFAULT_CONFIG.fields },
    phrases: { selfFocused: [], allowed: [] },
    maxFileSize: DEFAULT_CONFIG.maxFileSize,
    report: { ...DEFAULT_CONFIG.report },
  };

  for (const [key, value] of Object.entries(input)) {
    switch (key) {
      case 'rules':
        readRules(value, config, problems);
        break;
      case 'include':
      case 'exclude': {
        const globs = stringList(value, key, problems);
        if (globs) config[key] = usableGlobs(globs, key, problems);
        break;
      }
      case 'fields':
        readFields(value, config, problems);
        break;
      case 'phrases':
        readPhrases(value, config, problems);
        break;
      case 'maxFileSize': {
        const size = parseSize(value);
        if (size === undefined) problems.push(`maxFileSize should be a size such as 2MB or 500KB, not “${String(value)}”; using 2 MB.`);
        else if (!isUsableFileSize(size)) {
          problems.push(`maxFileSize should be a whole number of bytes from 1 byte to 1 GB, not “${String(value)}”; using 2 MB.`);
        }
        else config.maxFileSize = size;
        break;
      }
      case 'report':
        readReport(value, config, problems);
        break;
      default:
        problems.push(`Unknown setting “${key}” (known: rules, include, exclude, fields, phrases, maxFileSize, report).`);
    }
  }
  return { config, problems };
}

function readRules(value: unknown, config: Config, problems: string[]): void {
  if (!isRecord(value)) {
    problems.push('rules should map rule ids to a severity (off, hint, info, warning, error).');
    return;
  }
  for (const [id, setting] of Object.entries(value)) {
    if (!(RULE_IDS as readonly string[]).includes(id)) {
      problems.push(`Unknown rule “${id}” (known: ${RULE_IDS.join(', ')}).`);
      continue;
    }
    const severity = parseSeverity(setting);
    if (severity === undefined) problems.push(`Rule ${id}: “${String(setting)}” is not a severity (off, hint, info, warning, error).`);
    else config.rules[id as RuleId] = severity;
  }
}

function readFields(value: unknown, config: Config, problems: string[]): void {
  if (!isRecord(value)) {
    problems.push('fields should map objective, outcome, rep or result to lists of other key names.');
    return;
  }
  for (const [name, aliases] of Object.entries(value)) {
    if (!(ALIASED_FIELDS as readonly string[]).includes(name)) {
      problems.push(`fields: only ${ALIASED_FIELDS.join(', ')} can have other names, not “${name}”.`);
      continue;
    }
    const field = name as (typeof ALIASED_FIELDS)[number];
    const list = stringList(aliases, `fields.${field}`, problems);
    if (list) config.fields[field] = [field, ...list.filter((alias) => alias.toLowerCase() !== field)];
  }
}

function readReport(value: unknown, config: Config, problems: string[]): void {
  if (!isRecord(value)) {
    problems.push('report should be a map of report settings (staleDays).');
    return;
  }
  for (const [name, setting] of Object.entries(value)) {
    if (name !== 'staleDays') {
      problems.push(`report: “${name}” is not known (use staleDays).`);
      continue;
    }
    if (typeof setting === 'number' && Number.isInteger(setting) && setting >= 1 && setting <= MAX_STALE_DAYS) config.report.staleDays = setting;
    else problems.push(`report.staleDays should be a whole number of days from 1 to ${MAX_STALE_DAYS}, not “${String(setting)}”; using ${DEFAULT_CONFIG.report.staleDays}.`);
  }
}

function readPhrases(value: unknown, config: Config, problems: string[]): void {
  if (!isRecord(value)) {
    problems.push('phrases should have selfFocused and/or allowed lists.');
    return;
  }
  for (const [name, list] of Object.entries(value)) {
    if (name !== 'selfFocused' && name !== 'allowed') {
      problems.push(`phrases: “${name}” is not known (use selfFocused or allowed).`);
      continue;
    }
    const phrases = stringList(list, `phrases.${name}`, problems);
    if (phrases) config.phrases[name] = cappedPhrases(phrases.filter((phrase) => phrase.trim() !== ''), `phrases.${name}`, problems);
  }
}

/**
 * Every phrase is looked for in every objective on every lint: a list of 100,000 cost seconds per
 * note. A team's real list is a few dozen phrases of a few words.
 */
export const MAX_PHRASES = 500;
export const MAX_PHRASE_LENGTH = 200;

function cappedPhrases(phrases: string[], name: string, problems: string[]): string[] {
  const short = phrases.filter((phrase) => phrase.length <= MAX_PHRASE_LENGTH);
  if (short.length < phrases.length) problems.push(`${name}: ${phrases.length - short.length} phrase(s) longer than ${MAX_PHRASE_LENGTH} characters were left out.`);
  if (short.length <= MAX_PHRASES) return short;
  problems.push(`${name} has ${short.length} phrases; only the first ${MAX_PHRASES} are used.`);
  return short.slice(0, MAX_PHRASES);
}

/** A team's globs, less those refused (too long, too many braces, unsupported syntax), each with a message. */
export const MAX_GLOBS = 100;

function usableGlobs(globs: string[], name: string, problems: string[]): string[] {
  if (globs.length > MAX_GLOBS) problems.push(`${name} has ${globs.length} globs; only the first ${MAX_GLOBS} are used.`);
  return globs.slice(0, MAX_GLOBS).filter((glob) => {
    const compiled = compileGlob(glob, { dot: true, nocase: true });
    if (!compiled.ok) problems.push(`${name}: ${compiled.problem}`);
    return compiled.ok;
  });
}

function stringList(value: unknown, name: string, problems: string[]): string[] | undefined {
  if (typeof value === 'string') return [value];
  if (Array.isArray(value) && value.every((item) => typeof item === 'string')) return value as string[];
  problems.push(`${name} should be a list of strings.`);
  return undefined;
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

const SIZE = /^\s*(\d+(?:\.\d+)?)\s*(bytes?|b|kb|k|mb|m|gb|g)?\s*$/i;
const UNIT: Record<string, number> = { b: 1, byte: 1, bytes: 1, k: 1024, kb: 1024, m: 1024 ** 2, mb: 1024 ** 2, g: 1024 ** 3, gb: 1024 ** 3 };

/** The largest maxFileSize: a limit that protects nothing (`.inf`) is refused. */
const MAX_FILE_SIZE = 1024 ** 3;

/** Whether a size can be a maxFileSize: whole bytes, at least 1 (0 or 0.5 would skip every note), at most 1 GB. */
export function isUsableFileSize(size: number): boolean {
  return Number.isInteger(size) && size >= 1 && size <= MAX_FILE_SIZE;
}

/**
 * Reads `2MB`, `500 KB`, `900 bytes` or a number of bytes, as written (`0.5` stays a fraction, so
 * the caller refuses it rather than skip every note); undefined when it is not a size at all.
 */
export function parseSize(value: unknown): number | undefined {
  if (typeof value === 'number') return Number.isFinite(value) ? value : undefined;
  const match = typeof value === 'string' && value.length <= 40 ? SIZE.exec(value) : null;
  if (!match) return undefined;
  const unit = UNIT[(match[2] ?? 'b').toLowerCase()];
  // 1.5KB rounds to whole bytes; 0.5 bytes stays a fraction.
  return unit === 1 ? Number(match[1]) : Math.round(Number(match[1]) * unit);
}
