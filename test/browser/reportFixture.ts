/**
 * A hand-built coaching report: five reps over eight ISO weeks (one rep with too few reviewed
 * notes), undated notes, clients gone quiet, and, when asked, hostile names. The notes are made
 * by a seeded generator (seed FIXTURE_SEED, printed by the tests that use it) and the numbers are
 * counted here by plain loops, independently of the product's report builder.
 */
import type { Report, ReportGroup, ReportGroupNumbers, ReportNote, ReportNumbers, ReportWeek, StaleClient } from '../../src/core/report/types';

export const FIXTURE_SEED = 20261109;
export const FIXTURE_MIN_NOTES = 5;

/** A small, well-known PRNG (mulberry32): the same notes on every run and every machine. */
function random(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** `YYYY-MM-DD` → its ISO week, `"2026-W45"`. */
export function isoWeek(date: string): string {
  const d = new Date(`${date}T00:00:00Z`);
  const day = (d.getUTCDay() + 6) % 7; // Monday 0
  d.setUTCDate(d.getUTCDate() - day + 3); // the Thursday of this week decides the year
  const year = d.getUTCFullYear();
  const firstThursday = new Date(Date.UTC(year, 0, 4));
  firstThursday.setUTCDate(firstThursday.getUTCDate() - ((firstThursday.getUTCDay() + 6) % 7) + 3);
  const week = 1 + Math.round((d.getTime() - firstThursday.getTime()) / (7 * 86400000));
  return `${year}-W${String(week).padStart(2, '0')}`;
}

function addDays(date: string, days: number): string {
  const d = new Date(`${date}T00:00:00Z`);
  d.setUTCDate(d.getUTCDate() + days);
  return d.toISOString().slice(0, 10);
}

function daysBetween(from: string, to: string): number {
  return Math.round((Date.parse(`${to}T00:00:00Z`) - Date.parse(`${from}T00:00:00Z`)) / 86400000);
}

const slug = (s: string) => s.toLowerCase().replace(/[^a-z0-9]+/g, '-').replace(/^-|-$/g, '');

const CLIENTS = [
  'Acme Dental', 'Brightside Insurance', 'Northwind Traders', 'Harbor & Vine Wealth', 'Kestrel Logistics',
  'Maple Street Clinic', 'Orion Freight', 'Pinecrest Realty', 'Quill & Co. Accountants', 'Riverside Vets',
  'Summit Roofing', 'Tidewater Marine', 'Blue Fern Studio', 'Granite Peak Credit Union',
];

interface RepProfile {
  rep: string;
  folder: string;
  perWeek: number;
  /** Chance of a self-focused objective in the first and in the last week (it changes linearly). */
  selfFocused: [number, number];
  advance: [number, number];
  weeks: number;
}

const FIRST_MONDAY = '2026-09-14'; // 2026-W38
const WEEKS = 8;
export const FIXTURE_TO = '2026-11-08';
export const FIXTURE_HOSTILE_CLIENT = `Evil "Co" </style><script>window.pwned=1</script><img src=x onerror="window.pwned=2">`;
export const FIXTURE_HOSTILE_REP = `Mallory 'Rep' </title><b>`;
export const FIXTURE_HOSTILE_FILE = `mallory/2026-10-21 <img src=x onerror=alert(1)> #1 ?50%.md`;

/** Counts the numbers of `notes` as the report's JSON contract defines them. */
export function countNumbers(notes: readonly ReportNote[], minNotes: number): ReportNumbers {
  const n = { notes: notes.length, withObjective: 0, withOutcome: 0, selfFocused: 0, weakOutcomes: 0, reviewed: 0, advances: 0 };
  for (const note of notes) {
    if (note.hasObjective) n.withObjective++;
    if (note.hasOutcome) n.withOutcome++;
    if (note.selfFocused) n.selfFocused++;
    if (note.weakOutcome) n.weakOutcomes++;
    if (note.reviewed) n.reviewed++;
    if (note.advance === true) n.advances++;
  }
  return { ...n, advanceRate: n.reviewed >= minNotes ? n.advances / n.reviewed : null };
}

function countGroup(notes: readonly ReportNote[], minNotes: number): ReportGroupNumbers {
  const weeks = [...new Set(notes.map((n) => n.week).filter((w): w is string => w !== null))].sort();
  const perWeek: ReportWeek[] = weeks.map((week) => ({ week, ...countNumbers(notes.filter((n) => n.week === week), minNotes) }));
  return { ...countNumbers(notes, minNotes), weeks: perWeek };
}

/** The fixture report; `hostile` adds a rep, a client and a file name made to break HTML. */
export function buildFixtureReport(options: { hostile: boolean }): Report {
  const next = random(FIXTURE_SEED);
  const profiles: RepProfile[] = [
    { rep: 'Ana López', folder: 'ana-lopez', perWeek: 3, selfFocused: [0.35, 0.05], advance: [0.45, 0.75], weeks: WEEKS },
    { rep: 'Ben Okafor', folder: 'ben-okafor', perWeek: 2, selfFocused: [0.55, 0.45], advance: [0.3, 0.35], weeks: WEEKS },
    { rep: 'Chloé Martin', folder: 'chloe-martin', perWeek: 3, selfFocused: [0.1, 0.05], advance: [0.7, 0.8], weeks: WEEKS },
    { rep: 'Dev Patel', folder: 'dev-patel', perWeek: 2, selfFocused: [0.4, 0.15], advance: [0.4, 0.55], weeks: WEEKS },
    // Joined two weeks ago: too few reviewed notes to rank.
    { rep: 'Farah Haddad', folder: 'farah-haddad', perWeek: 2, selfFocused: [0.2, 0.2], advance: [0.5, 0.5], weeks: 2 },
  ];
  const notes: ReportNote[] = [];
  const used = new Set<string>();
  for (const [p, profile] of profiles.entries()) {
    for (let w = WEEKS - profile.weeks; w < WEEKS; w++) {
      const progress = w / (WEEKS - 1);
      for (let k = 0; k < profile.perWeek; k++) {
        let date = addDays(FIRST_MONDAY, w * 7 + Math.floor(next() * 5));
        // Quiet clients: Tidewater Marine and Blue Fern Studio are only seen in the first weeks;
        // Orion Freight's last meetings are the three continuations below.
        const pool = w < 3 ? CLIENTS : CLIENTS.filter((c) => c !== 'Tidewater Marine' && c !== 'Blue Fern Studio' && c !== 'Orion Freight');
        const client = pool[(p * 5 + w * 3 + k * 7 + Math.floor(next() * 3)) % pool.length];
        let file = `${profile.folder}/${date}-${slug(client)}.md`;
        while (used.has(file)) {
          date = addDays(date, 1);
          file = `${profile.folder}/${date}-${slug(client)}.md`;
        }
        used.add(file);
        const hasObjective = next() > 0.04;
        const hasOutcome = next() > 0.06;
        const selfFocused = hasObjective && next() < profile.selfFocused[0] + (profile.selfFocused[1] - profile.selfFocused[0]) * progress;
        // As the contract says: a missing outcome is no commitment either.
        const weakOutcome = !hasOutcome || next() < 0.2;
        // The last week's meetings mostly have no result written yet.
        const reviewed = w < WEEKS - 1 ? next() > 0.12 : next() > 0.7;
        const advance = reviewed ? next() < profile.advance[0] + (profile.advance[1] - profile.advance[0]) * progress : null;
        notes.push({ file, rep: profile.rep, client, date, week: isoWeek(date), hasObjective, hasOutcome, selfFocused, weakOutcome, reviewed, advance });
      }
    }
  }
  // Orion Freight: three continuations in a row at the end.
  for (const [i, date] of ['2026-10-19', '2026-10-27', '2026-11-04'].entries()) {
    const file = `ben-okafor/${date}-orion-freight-${i + 1}.md`;
    notes.push({ file, rep: 'Ben Okafor', client: 'Orion Freight', date, week: isoWeek(date), hasObjective: true, hasOutcome: true, selfFocused: false, weakOutcome: i > 0, reviewed: true, advance: false });
  }
  const undated: ReportNote[] = [
    { file: 'ben-okafor/call-with-summit-roofing.md', rep: 'Ben Okafor', client: 'Summit Roofing', date: null, week: null, hasObjective: true, hasOutcome: false, selfFocused: true, weakOutcome: true, reviewed: false, advance: null },
    { file: 'dev-patel/granite peak intro call.md', rep: 'Dev Patel', client: 'Granite Peak Credit Union', date: null, week: null, hasObjective: true, hasOutcome: true, selfFocused: false, weakOutcome: false, reviewed: true, advance: true },
  ];
  notes.push(...undated);
  if (options.hostile) {
    notes.push(
      { file: FIXTURE_HOSTILE_FILE, rep: FIXTURE_HOSTILE_REP, client: FIXTURE_HOSTILE_CLIENT, date: '2026-10-21', week: isoWeek('2026-10-21'), hasObjective: true, hasOutcome: true, selfFocused: true, weakOutcome: false, reviewed: true, advance: false },
      { file: 'mallory/<script>alert(1)</script>.md', rep: FIXTURE_HOSTILE_REP, client: FIXTURE_HOSTILE_CLIENT, date: null, week: null, hasObjective: false, hasOutcome: true, selfFocused: false, weakOutcome: true, reviewed: false, advance: null },
    );
    undated.push(notes[notes.length - 1]);
  }
  notes.sort((a, b) => (a.file < b.file ? -1 : 1));

  const reps = [...new Set(notes.map((n) => n.rep ?? '(none)'))].sort();
  const groups: ReportGroup[] = reps.map((key) => {
    const numbers = countGroup(notes.filter((n) => (n.rep ?? '(none)') === key), FIXTURE_MIN_NOTES);
    return { key, ...numbers, small: numbers.reviewed < FIXTURE_MIN_NOTES };
  });

  const stale: StaleClient[] = [];
  for (const client of [...new Set(notes.map((n) => n.client).filter((c): c is string => c !== null))].sort()) {
    const dated = notes.filter((n) => n.client === client && n.date !== null).sort((a, b) => (a.date! < b.date! ? -1 : a.date! > b.date! ? 1 : a.file < b.file ? -1 : 1));
    if (dated.length === 0) continue;
    const last = dated[dated.length - 1];
    const daysSince = daysBetween(last.date!, FIXTURE_TO);
    const lastThree = dated.filter((n) => n.reviewed).slice(-3);
    if (daysSince > 30) stale.push({ client, lastDate: last.date!, lastFile: last.file, reason: 'quiet', daysSince });
    else if (lastThree.length === 3 && lastThree.every((n) => n.advance === false)) stale.push({ client, lastDate: last.date!, lastFile: last.file, reason: 'continuations', daysSince });
  }

  return {
    generatedAt: '2026-11-09T08:30:00.000Z',
    from: FIRST_MONDAY,
    to: FIXTURE_TO,
    by: 'rep',
    minNotes: FIXTURE_MIN_NOTES,
    totals: countGroup(notes, FIXTURE_MIN_NOTES),
    groups,
    stale,
    undated: undated.map((n) => n.file).sort(),
    notesList: notes,
  };
}

/** A note file's text for the fixture's folder, so each link has a real file to open. */
export function fixtureNoteText(note: ReportNote): string {
  return ['---', `client: ${JSON.stringify(note.client)}`, `rep: ${JSON.stringify(note.rep)}`, note.date ? `date: ${note.date}` : null, 'objective: Understand how they work today', 'outcome: They agree to a second meeting', '---', '# Notes', ''].filter((l) => l !== null).join('\n');
}
