import type { Config } from '../config';
import { findField, type Field } from '../fields';
import { judgeObjective, judgeOutcome, type JudgeVocabulary } from '../judge';
import { isMeetingNote } from '../noteDetection';
import { parseNote } from '../parse';
import { dateFromFileName, dateFromValue, daysBetween, isoDay, isoWeek } from './dates';
import type { Report, ReportGroup, ReportGroupNumbers, ReportNote, ReportNumbers, ReportWeek, StaleClient } from './types';

/** One Markdown file for the report: its text and where it is. */
export interface ReportInput {
  /** Path relative to the report's base folder, forward slashes (shown, linked, and the `folder` key). */
  file: string;
  text: string;
  /** The config that applies to this file, when it is not `options.config` (the nearest `.objective-outcome.yaml`). */
  config?: Config;
  /** The path the config's include/exclude globs see (relative to the config's folder); default `file`. */
  notePath?: string;
  /** Counted as a note even if it does not look like one (a file named on the command line). */
  explicit?: boolean;
  /**
   * The part of `file` that is the folder the user named (`notes/`), so a rep taken from the path
   * is the first folder under it (`notes/rep-07/…` → `rep-07`); default none.
   */
  base?: string;
}

export interface ReportOptions {
  config: Config;
  by: 'rep' | 'client' | 'folder';
  /** First and last day counted, `YYYY-MM-DD` (validated by the caller); undated notes are always counted. */
  since?: string;
  until?: string;
  /** Below this many reviewed notes an advance rate is `null` and a group is `small` (default 5). */
  minNotes: number;
  /** A client whose latest note is older than this many days is stale (default: the config's report.staleDays). */
  staleDays?: number;
  now: Date;
}

/** The key of notes without a rep, client or folder. */
export const NO_KEY = '(none)';
/** How many continuations in a row make a client stale. */
const CONTINUATIONS_IN_A_ROW = 3;
const CLIENT_FIELD = ['client'];
const DATE_FIELD = ['date'];

/** The coaching report over a set of Markdown files: files that are no meeting note are left out. */
export function buildReport(inputs: readonly ReportInput[], options: ReportOptions): Report {
  const notes: ReportNote[] = [];
  for (const input of inputs) {
    const note = readReportNote(input, options.config);
    if (note) notes.push(note);
  }
  return summarizeReport(notes, options);
}

/**
 * What the report needs of one file: its rep, client, date, and the judge's verdicts on its
 * objective, outcome and result; undefined when it is no meeting note. The verdicts are the judge's
 * own, whatever the rules' severities or a note's disable comments say: a manager's numbers do not
 * change because a warning was turned off.
 */
export function readReportNote(input: ReportInput, defaultConfig: Config): ReportNote | undefined {
  const facts = readNoteFacts(input, defaultConfig);
  return facts && judgeNoteFacts(facts);
}

/**
 * A note's facts before judging: plain data, so the CLI can read and parse on one thread and
 * judge (the larger share of the work) on another.
 */
export interface NoteFacts {
  note: Omit<ReportNote, 'selfFocused' | 'weakOutcome' | 'advance'>;
  objectives: string[];
  outcomes: string[];
  results: string[];
  /** The team's phrases, when it has some. */
  phrases?: JudgeVocabulary;
}

/** Reads a note's fields for the report, without judging them; undefined when it is no meeting note. */
export function readNoteFacts(input: ReportInput, defaultConfig: Config): NoteFacts | undefined {
  const config = input.config ?? defaultConfig;
  const parsed = parseNote(input.text);
  if (!input.explicit && !isMeetingNote(parsed, config, input.notePath ?? input.file)) return undefined;
  // Front matter that cannot be read holds no fields: the note counts, with nothing written.
  const frontMatter = parsed.problems.length > 0 ? undefined : parsed.frontMatter;
  const text = parsed.text;
  const read = (names: readonly string[]): Field => findField(frontMatter, text, names);

  const objective = read(config.fields.objective);
  const outcome = read(config.fields.outcome);
  const result = read(resultNames(config));
  const client = firstText(read(CLIENT_FIELD));
  const rep = firstText(read(config.fields.rep)) ?? repFromPath(input.file, input.base);
  const dateValue = firstText(read(DATE_FIELD));
  const date = (dateValue === null ? undefined : dateFromValue(dateValue)) ?? dateFromFileName(input.file) ?? null;
  const facts: NoteFacts = {
    note: {
      file: input.file,
      rep,
      // The snippet's own "Client name" is no client.
      client: client !== null && /^client name$/i.test(client) ? null : client,
      date,
      week: date === null ? null : isoWeek(date),
      hasObjective: written(objective),
      hasOutcome: written(outcome),
      reviewed: written(result),
    },
    objectives: objective.texts.map((item) => item.text),
    outcomes: outcome.texts.map((item) => item.text),
    results: result.texts.map((item) => item.text),
  };
  // As lint does: the team's phrases only when it has some (the judge caches per phrases object).
  if (config.phrases.selfFocused.length + config.phrases.allowed.length > 0) facts.phrases = config.phrases;
  return facts;
}

/** The judge's verdicts on a note's facts: the note as the report counts it. */
export function judgeNoteFacts(facts: NoteFacts): ReportNote {
  const { note, phrases } = facts;
  const context = note.client === null ? {} : { client: note.client };
  // Spelled out, in the order of the JSON contract.
  return {
    file: note.file,
    rep: note.rep,
    client: note.client,
    date: note.date,
    week: note.week,
    hasObjective: note.hasObjective,
    hasOutcome: note.hasOutcome,
    selfFocused: facts.objectives.some((text) => judgeObjective(text, phrases, context).selfFocused),
    // Like weak-outcome, any weak item makes the outcome weak; no outcome is no commitment either.
    weakOutcome: !note.hasOutcome || facts.outcomes.some((text) => judgeOutcome(text, phrases, context).weak),
    reviewed: note.reviewed,
    // What happened after the meeting: one thing the client agreed to is an advance.
    advance: note.reviewed ? facts.results.some((text) => !judgeOutcome(text, phrases, context).weak) : null,
  };
}

/**
 * The result field's names, less any the team already reads as its objective or outcome (a team
 * that wrote `outcome: [result]` before the report existed keeps its meaning).
 */
function resultNames(config: Config): string[] {
  const taken = new Set([...config.fields.objective, ...config.fields.outcome].map((name) => name.toLowerCase()));
  return config.fields.result.filter((name) => !taken.has(name.toLowerCase()));
}

function written(field: Field): boolean {
  return field.shape === 'text' || field.shape === 'list';
}

function firstText(field: Field): string | null {
  const value = field.texts[0]?.text.trim();
  return value ? value : null;
}

/** The first folder of `file` under `base`: `rep-07` for `notes/rep-07/2026-11-02-acme.md` under `notes`. */
export function repFromPath(file: string, base = ''): string | null {
  const prefix = base.replace(/\/+$/, '');
  const inside = prefix !== '' && file.startsWith(`${prefix}/`) ? file.slice(prefix.length + 1) : file;
  const slash = inside.indexOf('/');
  return slash > 0 ? inside.slice(0, slash) : null;
}

/** The numbers, groups, stale clients and undated notes over notes already read. */
export function summarizeReport(allNotes: readonly ReportNote[], options: ReportOptions): Report {
  const { since, until, minNotes } = options;
  const notes = allNotes
    .filter((note) => note.date === null || ((since === undefined || note.date >= since) && (until === undefined || note.date <= until)))
    .sort((a, b) => compareText(a.file, b.file));
  const dates = notes.flatMap((note) => (note.date === null ? [] : [note.date])).sort();
  const from = since ?? dates[0] ?? null;
  const to = until ?? dates[dates.length - 1] ?? null;

  const byKey = new Map<string, ReportNote[]>();
  for (const note of notes) {
    const key = groupKey(note, options.by);
    const list = byKey.get(key);
    if (list) list.push(note);
    else byKey.set(key, [note]);
  }
  const groups: ReportGroup[] = [...byKey.keys()]
    .sort((a, b) => (a === NO_KEY ? 1 : b === NO_KEY ? -1 : compareText(a, b)))
    .map((key) => {
      const numbers = groupNumbers(byKey.get(key)!, minNotes);
      return { key, ...numbers, small: numbers.reviewed < minNotes };
    });

  return {
    generatedAt: options.now.toISOString(),
    from,
    to,
    by: options.by,
    minNotes,
    totals: groupNumbers(notes, minNotes),
    groups,
    stale: staleClients(notes, until ?? isoDay(options.now), options.staleDays ?? options.config.report.staleDays),
    undated: notes.filter((note) => note.date === null).map((note) => note.file),
    notesList: notes,
  };
}

function groupKey(note: ReportNote, by: ReportOptions['by']): string {
  if (by === 'rep') return note.rep ?? NO_KEY;
  if (by === 'client') return note.client ?? NO_KEY;
  const slash = note.file.lastIndexOf('/');
  return slash === -1 ? '.' : note.file.slice(0, slash);
}

/** The numbers of a set of notes, and per ISO week (oldest first) for the dated ones. */
function groupNumbers(notes: readonly ReportNote[], minNotes: number): ReportGroupNumbers {
  const byWeek = new Map<string, ReportNote[]>();
  for (const note of notes) {
    if (note.week === null) continue;
    const list = byWeek.get(note.week);
    if (list) list.push(note);
    else byWeek.set(note.week, [note]);
  }
  const weeks: ReportWeek[] = [...byWeek.keys()].sort().map((week) => ({ week, ...numbers(byWeek.get(week)!, minNotes) }));
  return { ...numbers(notes, minNotes), weeks };
}

function numbers(notes: readonly ReportNote[], minNotes: number): ReportNumbers {
  const counts = { notes: notes.length, withObjective: 0, withOutcome: 0, selfFocused: 0, weakOutcomes: 0, reviewed: 0, advances: 0 };
  for (const note of notes) {
    if (note.hasObjective) counts.withObjective++;
    if (note.hasOutcome) counts.withOutcome++;
    if (note.selfFocused) counts.selfFocused++;
    if (note.weakOutcome) counts.weakOutcomes++;
    if (note.reviewed) counts.reviewed++;
    if (note.advance === true) counts.advances++;
  }
  // A rate over a handful of results says more about luck than about the rep.
  const advanceRate = counts.reviewed > 0 && counts.reviewed >= minNotes ? counts.advances / counts.reviewed : null;
  return { ...counts, advanceRate };
}

/**
 * Clients gone quiet: their latest dated note is more than `staleDays` before `reference`, or their
 * last three results were all continuations. Most days since first.
 */
function staleClients(notes: readonly ReportNote[], reference: string, staleDays: number): StaleClient[] {
  const byClient = new Map<string, ReportNote[]>();
  for (const note of notes) {
    if (note.client === null || note.date === null) continue;
    const list = byClient.get(note.client);
    if (list) list.push(note);
    else byClient.set(note.client, [note]);
  }
  const stale: StaleClient[] = [];
  for (const [client, list] of byClient) {
    list.sort((a, b) => compareText(a.date!, b.date!) || compareText(a.file, b.file));
    const latest = list[list.length - 1];
    const daysSince = daysBetween(latest.date!, reference);
    const lastResults = list.filter((note) => note.advance !== null).slice(-CONTINUATIONS_IN_A_ROW);
    const continuations = lastResults.length === CONTINUATIONS_IN_A_ROW && lastResults.every((note) => note.advance === false);
    const reason = daysSince > staleDays ? 'quiet' : continuations ? 'continuations' : undefined;
    if (reason) stale.push({ client, lastDate: latest.date!, lastFile: latest.file, reason, daysSince });
  }
  return stale.sort((a, b) => b.daysSince - a.daysSince || compareText(a.client, b.client));
}

/** Code-unit order: the same on every machine and locale. */
function compareText(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}
