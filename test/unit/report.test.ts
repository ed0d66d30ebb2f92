import assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { test } from 'node:test';
import { DEFAULT_CONFIG, parseConfig, type Config } from '../../src/core';
import { buildReport, type ReportInput, type ReportOptions } from '../../src/core/report/build';
import { CSV_COLUMNS, csvField, reportCsv } from '../../src/core/report/csv';
import { dateFromFileName, isIsoDate, isoWeek } from '../../src/core/report/dates';
import type { Report, ReportNumbers } from '../../src/core/report/types';
import { ROOT } from '../helpers';

// The fixture team (test/fixtures/report): reps rep-a and rep-b by folder, Carol by `owner:`, three
// ISO weeks of November 2026, one September note, one undated note and a README that is no note.
// Every number below was counted by hand from the notes; the comments say which notes.
const FIXTURE = path.join(ROOT, 'test', 'fixtures', 'report');
const NOW = new Date('2026-11-30T12:00:00Z');

function fixtureInputs(): ReportInput[] {
  const inputs: ReportInput[] = [];
  const walk = (folder: string) => {
    for (const entry of fs.readdirSync(folder, { withFileTypes: true })) {
      const absolute = path.join(folder, entry.name);
      if (entry.isDirectory()) walk(absolute);
      else if (entry.name.endsWith('.md')) inputs.push({ file: path.relative(FIXTURE, absolute).split(path.sep).join('/'), text: fs.readFileSync(absolute, 'utf8'), base: 'notes' });
    }
  };
  walk(path.join(FIXTURE, 'notes'));
  return inputs;
}

const TEAM_CONFIG: Config = parseConfig(fs.readFileSync(path.join(FIXTURE, '.objective-outcome.yaml'), 'utf8')).config;

function report(options: Partial<ReportOptions> = {}, inputs = fixtureInputs()): Report {
  return buildReport(inputs, { config: TEAM_CONFIG, by: 'rep', minNotes: 5, now: NOW, ...options });
}

/** The numbers alone, in the JSON's order, for a compact comparison. */
function counts(numbers: ReportNumbers): number[] {
  return [numbers.notes, numbers.withObjective, numbers.withOutcome, numbers.selfFocused, numbers.weakOutcomes, numbers.reviewed, numbers.advances];
}

test('the report counts each rep’s notes, objectives, outcomes and advances as counted by hand', () => {
  const result = report();
  assert.deepEqual(result.groups.map((group) => group.key), ['Carol', 'rep-a', 'rep-b'], '“owner: Carol” names the rep; the others take their folder under notes/');
  const [carol, repA, repB] = result.groups;
  // rep-a: six notes. The 11-18 objective is TBD (not written); 11-12 has no outcome.
  // Self-focused: 11-04 "get the appointment". Weak: 11-04 liked the demo, 11-12 none, 11-16 follow up.
  // Reviewed: all but 11-12 (empty result), 11-16 through the team's `what_happened`. Advances: 11-02, 11-10.
  assert.deepEqual(counts(repA), [6, 5, 5, 1, 3, 5, 2]);
  assert.equal(repA.advanceRate, 0.4, '2 advances of 5 results');
  assert.equal(repA.small, false);
  assert.deepEqual(
    repA.weeks.map((week) => [week.week, ...counts(week), week.advanceRate]),
    [
      ['2026-W45', 2, 2, 2, 1, 1, 2, 1, null], // 11-02 (Mon), 11-04
      ['2026-W46', 2, 2, 1, 0, 1, 1, 1, null], // 11-10, 11-12
      ['2026-W47', 2, 1, 2, 0, 1, 2, 0, null], // 11-16 (Mon), 11-18
    ],
  );
  // Carol: one note with an advance; too few results for a rate.
  assert.deepEqual(counts(carol), [1, 1, 1, 0, 0, 1, 1]);
  assert.equal(carol.advanceRate, null);
  assert.equal(carol.small, true);
  // rep-b: 11-03 self-focused with an advance, the undated Echo call, Foxtrot (dated by its file name,
  // weak outcome), Golf (dated 11-20 in its front matter though its name says 11-19, a continuation).
  assert.deepEqual(counts(repB), [4, 4, 4, 1, 1, 2, 1]);
  assert.equal(repB.advanceRate, null);
  assert.deepEqual(repB.weeks.map((week) => week.week), ['2026-W36', '2026-W45', '2026-W47']);

  assert.deepEqual(counts(result.totals), [11, 10, 10, 2, 4, 8, 4], 'the README is no note');
  assert.equal(result.totals.advanceRate, 0.5);
  assert.deepEqual(
    result.totals.weeks.map((week) => [week.week, ...counts(week)]),
    [
      ['2026-W36', 1, 1, 1, 0, 1, 0, 0],
      ['2026-W45', 3, 3, 3, 2, 1, 3, 2],
      ['2026-W46', 3, 3, 2, 0, 1, 2, 2],
      ['2026-W47', 3, 2, 3, 0, 1, 3, 0],
    ],
    'the undated note is in no week',
  );
  assert.equal(result.from, '2026-09-01');
  assert.equal(result.to, '2026-11-20');
  assert.equal(result.generatedAt, '2026-11-30T12:00:00.000Z');
  assert.deepEqual(result.undated, ['notes/rep-b/echo-call.md']);
  assert.equal(result.notesList.length, 11);
  const golf = result.notesList.find((note) => note.client === 'Golf')!;
  assert.deepEqual(golf, {
    file: 'notes/rep-b/2026-11-19-golf.md', rep: 'rep-b', client: 'Golf', date: '2026-11-20', week: '2026-W47',
    hasObjective: true, hasOutcome: true, selfFocused: false, weakOutcome: false, reviewed: true, advance: false,
  });
});

test('stale clients: quiet for over 30 days before today, or three continuations in a row', () => {
  assert.deepEqual(report().stale, [
    // Foxtrot's only note is from 2026-09-01: 90 days before 2026-11-30.
    { client: 'Foxtrot', lastDate: '2026-09-01', lastFile: 'notes/rep-b/2026-09-01-foxtrot.md', reason: 'quiet', daysSince: 90 },
    // Birch: 11-04 think about it, 11-16 no decision yet, 11-18 liked the demo.
    { client: 'Birch', lastDate: '2026-11-18', lastFile: 'notes/rep-a/2026-11-18-birch.md', reason: 'continuations', daysSince: 12 },
  ]);
  assert.deepEqual(report({ staleDays: 95 }).stale.map((client) => client.client), ['Birch'], 'the number of days is a setting');
  const config = parseConfig('fields: { rep: [owner], result: [what_happened] }\nreport: { staleDays: 10 }\n').config;
  assert.deepEqual(
    report({ config }).stale.map((client) => [client.client, client.reason, client.daysSince]),
    [['Foxtrot', 'quiet', 90], ['Acme', 'quiet', 20], ['Delta', 'quiet', 19], ['Cedar', 'quiet', 18], ['Birch', 'quiet', 12]],
    'report.staleDays in the team config; a client both quiet and stuck is listed once, as quiet',
  );
});

test('--since and --until keep the dated notes between them, always the undated ones, and stale counts from --until', () => {
  const result = report({ since: '2026-11-03', until: '2026-11-15' });
  // 11-04 and 11-10 and 11-12 (rep-a), 11-03 (rep-b), 11-11 (Carol), and the undated Echo call.
  assert.deepEqual(result.notesList.map((note) => note.file), [
    'notes/rep-a/2026-11-04-birch.md', 'notes/rep-a/2026-11-10-acme.md', 'notes/rep-a/2026-11-12-cedar.md',
    'notes/rep-b/2026-11-03-delta.md', 'notes/rep-b/2026-11-11-delta.md', 'notes/rep-b/echo-call.md',
  ]);
  assert.equal(result.from, '2026-11-03');
  assert.equal(result.to, '2026-11-15');
  assert.deepEqual(result.stale, [], 'seen from 11-15, nobody is quiet yet and Birch has one result in range');
});

test('under --min-notes the advance rate is null, for groups, weeks and totals', () => {
  const two = report({ minNotes: 2 });
  const [carol, repA, repB] = two.groups;
  assert.equal(carol.advanceRate, null, 'one result');
  assert.equal(repB.advanceRate, 0.5, '11-03 advance, Golf continuation');
  assert.equal(repB.small, false);
  assert.deepEqual(repA.weeks.map((week) => week.advanceRate), [0.5, null, 0]);
  assert.equal(report({ minNotes: 9 }).totals.advanceRate, null, '8 results');
  const none = report({ minNotes: 0 }, fixtureInputs().filter((input) => input.file.includes('echo')));
  assert.equal(none.totals.advanceRate, null, 'no result at all is no rate, even with --min-notes 0');
});

test('without the team’s config, “owner” and “what_happened” are just other keys', () => {
  const result = report({ config: DEFAULT_CONFIG });
  assert.deepEqual(result.groups.map((group) => group.key), ['rep-a', 'rep-b']);
  assert.equal(result.groups[0].reviewed, 4, 'the 11-16 result under what_happened is not read');
  assert.equal(result.groups[1].notes, 5, 'Carol’s note is in rep-b’s folder');
});

test('--by client and --by folder group the same notes differently', () => {
  const byClient = report({ by: 'client' });
  assert.deepEqual(byClient.groups.map((group) => [group.key, group.notes]), [['Acme', 2], ['Birch', 3], ['Cedar', 1], ['Delta', 2], ['Echo', 1], ['Foxtrot', 1], ['Golf', 1]]);
  const byFolder = report({ by: 'folder' });
  assert.deepEqual(byFolder.groups.map((group) => [group.key, group.notes]), [['notes/rep-a', 6], ['notes/rep-b', 5]]);
  assert.deepEqual(counts(byFolder.totals), counts(byClient.totals));
});

test('a note without a rep, client or folder is counted under “(none)”, listed last', () => {
  const inputs: ReportInput[] = [
    { file: 'loose.md', text: '---\nobjective: Learn what worries their CFO about renewal season\n---\n' },
    { file: 'team/2026-11-02.md', text: '---\nrep: Zoe\noutcome: They send their last three statements by Friday\n---\n' },
  ];
  const result = report({}, inputs);
  assert.deepEqual(result.groups.map((group) => group.key), ['Zoe', '(none)']);
  assert.deepEqual(report({ by: 'client' }, inputs).groups.map((group) => [group.key, group.notes]), [['(none)', 2]]);
  assert.deepEqual(report({ by: 'folder' }, inputs).groups.map((group) => group.key), ['.', 'team']);
});

test('ISO weeks follow ISO 8601 around New Year: weeks belong to the year of their Thursday', () => {
  assert.equal(isoWeek('2026-11-02'), '2026-W45');
  assert.equal(isoWeek('2025-12-29'), '2026-W01', 'Monday of the week of Thursday 2026-01-01');
  assert.equal(isoWeek('2026-01-04'), '2026-W01');
  assert.equal(isoWeek('2026-12-28'), '2026-W53', '2026 starts on a Thursday: 53 weeks');
  assert.equal(isoWeek('2026-12-31'), '2026-W53');
  assert.equal(isoWeek('2027-01-03'), '2026-W53', 'a Sunday in January can be in last year’s week');
  assert.equal(isoWeek('2027-01-04'), '2027-W01');
  assert.equal(isoWeek('2024-12-29'), '2024-W52');
  assert.equal(isoWeek('2024-12-30'), '2025-W01', 'a Monday in December can be in next year’s week');
  assert.equal(isoWeek('2021-01-03'), '2020-W53', 'leap year 2020 has 53 weeks');
  assert.equal(isoWeek('2021-01-04'), '2021-W01');
  // In a report: a note of 2027-01-02 and one of 2026-12-28 share a week.
  const inputs = ['2026-12-28', '2027-01-02', '2027-01-04'].map((date) => ({ file: `rep-x/${date}-acme.md`, text: '---\nobjective: Learn what worries their CFO about renewal season\n---\n' }));
  assert.deepEqual(report({}, inputs).totals.weeks.map((week) => [week.week, week.notes]), [['2026-W53', 2], ['2027-W01', 1]]);
});

test('a date comes from the front matter, else from the file name; anything else is no date', () => {
  assert.equal(isIsoDate('2026-02-28'), true);
  assert.equal(isIsoDate('2026-02-30'), false);
  assert.equal(isIsoDate('2026-2-3'), false);
  assert.equal(isIsoDate('2026-11-02x'), false);
  assert.equal(dateFromFileName('rep-07/2026-11-02-acme.md'), '2026-11-02');
  assert.equal(dateFromFileName('2026-11-02/acme.md'), undefined, 'only the file’s own name');
  assert.equal(dateFromFileName('rep/12026-11-02.md'), undefined);
  const dated = (frontMatter: string, file = 'rep/acme.md') => report({}, [{ file, text: `---\nobjective: Learn what worries their CFO\n${frontMatter}---\n` }]).notesList[0].date;
  assert.equal(dated('date: 2026-11-02\n'), '2026-11-02');
  assert.equal(dated('date: "2026-11-02 10:30"\n'), '2026-11-02');
  assert.equal(dated('date: 2026-11-02T10:30:00Z\n'), '2026-11-02');
  assert.equal(dated('date: next Tuesday\n', 'rep/2026-11-03-acme.md'), '2026-11-03', 'a date that is none falls back to the file name');
  assert.equal(dated('date: 2026-13-01\n'), null);
  assert.equal(dated(''), null);
});

test('the judge decides as lint does: the team’s phrases count, disable comments and severities do not', () => {
  const objective = 'Walk them through the price list so they know what each option includes';
  const text = (extra = '') => `---\n${extra}objective: ${objective}\noutcome: they liked the demo\n---\n`;
  assert.equal(report({}, [{ file: 'r/a.md', text: text() }]).totals.selfFocused, 0);
  const team = parseConfig('phrases:\n  selfFocused: ["price list"]\nrules:\n  self-focused-objective: off\n  weak-outcome: off\n').config;
  const withTeam = report({ config: team }, [{ file: 'r/a.md', text: text('# objective-outcome-disable\n') }]);
  assert.equal(withTeam.totals.selfFocused, 1, 'the team’s own phrase makes it self-focused, even with the rule off');
  assert.equal(withTeam.totals.weakOutcomes, 1);
});

test('a result is an advance when the outcome judge finds a commitment; an empty one is no result', () => {
  const note = (result: string) => report({}, [{ file: 'r/a.md', text: `---\nobjective: Learn what worries their CFO\nresult: ${result}\n---\n` }]).notesList[0];
  assert.deepEqual([note('They signed the order for 40 seats').reviewed, note('They signed the order for 40 seats').advance], [true, true]);
  assert.deepEqual([note('they liked the demo').reviewed, note('they liked the demo').advance], [true, false]);
  assert.deepEqual([note('').reviewed, note('').advance], [false, null]);
  assert.deepEqual([note('TBD').reviewed, note('TBD').advance], [false, null]);
  assert.equal(note('\n  - they liked the demo\n  - They agreed to a pilot starting Dec 15').advance, true, 'one thing agreed is an advance');
  // A team that already reads `result` as its outcome keeps that meaning.
  const old = parseConfig('fields:\n  outcome: [result]\n').config;
  const kept = report({ config: old }, [{ file: 'r/a.md', text: '---\nresult: They send their last three statements by Friday\n---\n' }]).notesList[0];
  assert.deepEqual([kept.hasOutcome, kept.reviewed], [true, false]);
});

test('files that are no meeting note are left out, unless named explicitly', () => {
  const readme = { file: 'rep/README.md', text: '# How we work\n' };
  assert.equal(report({}, [readme]).totals.notes, 0);
  assert.equal(report({}, [{ ...readme, explicit: true }]).totals.notes, 1);
  assert.equal(report({}, [{ file: 'rep/broken.md', text: '---\nobjective: [unclosed\n---\n', explicit: true }]).totals.withObjective, 0, 'front matter that cannot be read holds nothing');
});

test('the CSV holds the JSON’s numbers: a row per group and week, then the totals', () => {
  const result = report({ minNotes: 2 });
  const rows = parseCsv(reportCsv(result));
  assert.deepEqual(rows[0], [...CSV_COLUMNS]);
  const expected: string[][] = [];
  const cells = (numbers: ReportNumbers) => [...counts(numbers).map(String), numbers.advanceRate === null ? '' : String(numbers.advanceRate)];
  for (const group of result.groups) {
    expected.push(['group', group.key, '', ...cells(group), String(group.small)]);
    for (const week of group.weeks) expected.push(['group', group.key, week.week, ...cells(week), '']);
  }
  expected.push(['total', '', '', ...cells(result.totals), '']);
  for (const week of result.totals.weeks) expected.push(['total', '', week.week, ...cells(week), '']);
  assert.deepEqual(rows.slice(1), expected);
  assert.equal(rows.length, 1 + 3 + 7 + 1 + 4, 'the header, 3 groups and their 7 weeks (Carol 1, rep-a 3, rep-b 3), the totals and their 4 weeks');
});

test('CSV fields are quoted as RFC 4180 says, and never start a spreadsheet formula', () => {
  assert.equal(csvField('Acme, Inc.'), '"Acme, Inc."');
  assert.equal(csvField('the "big" one'), '"the ""big"" one"');
  assert.equal(csvField('two\nlines'), '"two\nlines"');
  assert.equal(csvField('=HYPERLINK("x")'), '"\'=HYPERLINK(""x"")"');
  assert.equal(csvField('-0.5'), '-0.5');
  assert.match(reportCsv(report()), /\r\n$/);
});

/** A small RFC 4180 reader, enough to read the report back. */
function parseCsv(text: string): string[][] {
  const rows: string[][] = [];
  let row: string[] = [];
  let field = '';
  let quoted = false;
  for (let index = 0; index < text.length; index++) {
    const character = text[index];
    if (quoted) {
      if (character === '"' && text[index + 1] === '"') {
        field += '"';
        index++;
      } else if (character === '"') quoted = false;
      else field += character;
    } else if (character === '"') quoted = true;
    else if (character === ',') {
      row.push(field);
      field = '';
    } else if (character === '\r' && text[index + 1] === '\n') {
      row.push(field);
      rows.push(row);
      row = [];
      field = '';
      index++;
    } else field += character;
  }
  return rows;
}

test('the config takes rep and result aliases and report.staleDays, and explains mistakes in them', () => {
  const { config, problems } = parseConfig('fields:\n  rep: owner\n  result: [what_happened, Result]\n  client: [account]\nreport:\n  staleDays: 45\n');
  assert.deepEqual(config.fields.rep, ['rep', 'owner']);
  assert.deepEqual(config.fields.result, ['result', 'what_happened']);
  assert.equal(config.report.staleDays, 45);
  assert.deepEqual(problems, ['fields: only objective, outcome, rep, result can have other names, not “client”.']);
  for (const [text, message] of [
    ['report:\n  staleDays: 0\n', 'report.staleDays should be a whole number of days from 1 to 3650, not “0”; using 30.'],
    ['report:\n  staleDays: soon\n', 'report.staleDays should be a whole number of days from 1 to 3650, not “soon”; using 30.'],
    ['report:\n  stale: 10\n', 'report: “stale” is not known (use staleDays).'],
    ['report: 10\n', 'report should be a map of report settings (staleDays).'],
  ]) {
    const read = parseConfig(text);
    assert.deepEqual(read.problems, [message]);
    assert.equal(read.config.report.staleDays, 30);
  }
  assert.equal(DEFAULT_CONFIG.report.staleDays, 30);
});
