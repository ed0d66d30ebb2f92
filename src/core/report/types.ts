/**
 * The coaching report's data: what `objective-outcome report --format json` prints and what the
 * HTML report and the editor's webview draw. The JSON names are a public contract (README,
 * DESIGN.md): add fields, never rename or drop one.
 */

/** The counts for one group of notes (a rep, a client, a folder, a week, or all of them). */
export interface ReportNumbers {
  /** Notes counted (dated or not, within --since/--until when dated). */
  notes: number;
  /** Notes with a non-empty objective. */
  withObjective: number;
  /** Notes with a non-empty outcome. */
  withOutcome: number;
  /** Objectives the judge calls self-focused. */
  selfFocused: number;
  /** Outcomes the judge calls weak (no commitment, or empty). */
  weakOutcomes: number;
  /** Notes with a non-empty `result` (written after the meeting). */
  reviewed: number;
  /** Results the outcome judge calls an advance. */
  advances: number;
  /** `advances / reviewed`, or `null` when `reviewed` is below `--min-notes`. */
  advanceRate: number | null;
}

/** One ISO week's numbers, keyed like `"2026-W45"`. */
export interface ReportWeek extends ReportNumbers {
  week: string;
}

/** The numbers for a group and per ISO week, oldest week first. */
export interface ReportGroupNumbers extends ReportNumbers {
  weeks: ReportWeek[];
}

/** One note behind a number: where it is and what the judge said. */
export interface ReportNote {
  /** Path relative to the report's base folder, with forward slashes (also the link target). */
  file: string;
  rep: string | null;
  client: string | null;
  /** `YYYY-MM-DD`, or `null` when neither the front matter nor the file name gives a date. */
  date: string | null;
  /** ISO week of `date`, like `"2026-W45"`, or `null`. */
  week: string | null;
  hasObjective: boolean;
  hasOutcome: boolean;
  selfFocused: boolean;
  weakOutcome: boolean;
  /** Whether the note has a non-empty `result`. */
  reviewed: boolean;
  /** Whether the result is an advance; `null` when there is no result. */
  advance: boolean | null;
}

export interface ReportGroup extends ReportGroupNumbers {
  /** The rep, client or folder; `"(none)"` for notes without one. */
  key: string;
  /** True when the group has fewer than `--min-notes` reviewed notes: shown greyed, not ranked. */
  small: boolean;
}

/** A client gone quiet: the latest note is old, or the last three results were continuations. */
export interface StaleClient {
  client: string;
  /** Date and file of the client's latest note. */
  lastDate: string;
  lastFile: string;
  reason: 'quiet' | 'continuations';
  /** Days between the latest note and the report's `to` date. */
  daysSince: number;
}

export interface Report {
  /** ISO 8601 timestamp of when the report was made. */
  generatedAt: string;
  /** The first and last dates covered (`--since`/`--until`, else the notes' own range); null when no note is dated. */
  from: string | null;
  to: string | null;
  /** What the groups are keyed by. */
  by: 'rep' | 'client' | 'folder';
  minNotes: number;
  totals: ReportGroupNumbers;
  groups: ReportGroup[];
  stale: StaleClient[];
  /** Notes with no date, by file; counted in the numbers, not in any week. */
  undated: string[];
  /** Every note counted, so each number can list the notes behind it. */
  notesList: ReportNote[];
}
