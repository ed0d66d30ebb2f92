import assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { afterEach, beforeEach, test } from 'node:test';
import { ROOT, runCli } from '../helpers';

// The real CLI on a copy of the fixture team (test/fixtures/report, counted by hand in
// test/unit/report.test.ts) in a temporary repository of its own.
const FIXTURE = path.join(ROOT, 'test', 'fixtures', 'report');
let workspace: string;

beforeEach(() => {
  workspace = fs.mkdtempSync(path.join(os.tmpdir(), 'oo-report-'));
  fs.cpSync(FIXTURE, workspace, { recursive: true });
  // A repository's root: no .gitignore or config above the temporary folder changes anything.
  fs.mkdirSync(path.join(workspace, '.git'));
});

afterEach(() => fs.rmSync(workspace, { recursive: true, force: true }));

const run = (args: string[], cwd = workspace) => runCli(cwd, args);

interface JsonReport {
  from: string | null;
  to: string | null;
  by: string;
  totals: { notes: number; selfFocused: number; weakOutcomes: number; reviewed: number; advances: number; advanceRate: number | null; weeks: { week: string }[] };
  groups: { key: string; notes: number; reviewed: number; advances: number; advanceRate: number | null; small: boolean; weeks: { week: string; notes: number }[] }[];
  stale: { client: string; reason: string; daysSince: number; lastFile: string }[];
  undated: string[];
  notesList: { file: string; rep: string | null }[];
}

function jsonReport(args: string[], cwd = workspace): JsonReport {
  const { code, stdout, stderr } = run(['report', ...args, '--format', 'json'], cwd);
  assert.equal(code, 0, stderr);
  return JSON.parse(stdout) as JsonReport;
}

test('report --format json prints the numbers of each rep and the stale clients to stdout', () => {
  const report = jsonReport(['notes', '--until', '2026-11-30']);
  assert.deepEqual(report.groups.map((group) => [group.key, group.notes, group.reviewed, group.advances, group.advanceRate]), [
    ['Carol', 1, 1, 1, null],
    ['rep-a', 6, 5, 2, 0.4],
    ['rep-b', 4, 2, 1, null],
  ]);
  assert.deepEqual([report.totals.notes, report.totals.reviewed, report.totals.advances, report.totals.advanceRate], [11, 8, 4, 0.5]);
  assert.deepEqual([report.from, report.to], ['2026-09-01', '2026-11-30']);
  assert.deepEqual(report.stale.map((client) => [client.client, client.reason, client.daysSince]), [['Foxtrot', 'quiet', 90], ['Birch', 'continuations', 12]]);
  assert.deepEqual(report.undated, ['notes/rep-b/echo-call.md']);
  assert.equal(fs.existsSync(path.join(workspace, 'objective-outcome-report.html')), false, 'JSON to stdout writes no file');
});

test('the report reads exactly the notes lint reads, honouring .gitignore and the config', () => {
  fs.writeFileSync(path.join(workspace, '.gitignore'), 'notes/rep-b/2026-09-*\n');
  const linted = JSON.parse(run(['lint', 'notes', '--format', 'json']).stdout) as { filePath: string }[];
  const report = jsonReport(['notes']);
  assert.deepEqual(report.notesList.map((note) => note.file), linted.map((result) => result.filePath));
  assert.equal(report.notesList.length, 10, 'the ignored Foxtrot note and the README are left out');
  assert.equal(jsonReport(['notes', '--no-ignore']).notesList.length, 11);
  // The team's config names Carol (fields.rep: [owner]); --config with another file does not.
  assert.equal(report.groups[0].key, 'Carol');
  fs.writeFileSync(path.join(workspace, 'plain.yaml'), 'rules: {}\n');
  assert.deepEqual(jsonReport(['notes', '--config', 'plain.yaml']).groups.map((group) => group.key), ['rep-a', 'rep-b']);
});

test('a rep without a rep field is the first folder under the path named on the command line', () => {
  assert.deepEqual(jsonReport(['notes']).groups.map((group) => group.key), ['Carol', 'rep-a', 'rep-b']);
  assert.deepEqual(jsonReport(['notes/rep-*']).groups.map((group) => group.key), ['Carol', 'rep-a', 'rep-b'], 'a glob: under its fixed folders');
  assert.deepEqual(jsonReport([]).groups.map((group) => group.key), ['Carol', 'notes'], 'from the top, the first folder is notes/');
  assert.deepEqual(jsonReport(['notes/rep-a', 'notes/rep-b']).groups.map((group) => [group.key, group.notes]), [['Carol', 1], ['(none)', 10]]);
  const inside = jsonReport(['.'], path.join(workspace, 'notes'));
  assert.deepEqual(inside.groups.map((group) => group.key), ['Carol', 'rep-a', 'rep-b']);
  assert.equal(inside.notesList[0].file, 'rep-a/2026-11-02-acme.md', 'files are shown relative to where the command runs');
});

test('--by client and --by folder, --since and --until, --min-notes and --stale-days', () => {
  assert.deepEqual(jsonReport(['notes', '--by', 'client']).groups.map((group) => group.key), ['Acme', 'Birch', 'Cedar', 'Delta', 'Echo', 'Foxtrot', 'Golf']);
  assert.deepEqual(jsonReport(['notes', '--by', 'folder']).groups.map((group) => [group.key, group.notes]), [['notes/rep-a', 6], ['notes/rep-b', 5]]);
  const window = jsonReport(['notes', '--since', '2026-11-03', '--until', '2026-11-15']);
  assert.equal(window.totals.notes, 6, 'five dated notes in the window and the undated one');
  assert.deepEqual([window.from, window.to], ['2026-11-03', '2026-11-15']);
  assert.deepEqual(window.stale, []);
  const two = jsonReport(['notes', '--min-notes', '2']);
  assert.deepEqual(two.groups.map((group) => [group.advanceRate, group.small]), [[null, true], [0.4, false], [0.5, false]]);
  assert.deepEqual(jsonReport(['notes', '--until', '2026-11-30', '--stale-days', '95']).stale.map((client) => client.client), ['Birch']);
});

test('report --format csv prints the same numbers as the JSON, RFC 4180 with CRLF', () => {
  const report = jsonReport(['notes', '--min-notes', '2']);
  const { code, stdout } = run(['report', 'notes', '--min-notes', '2', '--format', 'csv']);
  assert.equal(code, 0);
  assert.match(stdout, /\r\n$/);
  const rows = stdout.trimEnd().split('\r\n').map((line) => line.split(','));
  const header = rows[0];
  const column = (row: string[], name: string) => row[header.indexOf(name)];
  for (const group of report.groups) {
    const row = rows.find((candidate) => column(candidate, 'row') === 'group' && column(candidate, 'key') === group.key && column(candidate, 'week') === '')!;
    assert.deepEqual(
      [column(row, 'notes'), column(row, 'reviewed'), column(row, 'advances'), column(row, 'advanceRate'), column(row, 'small')],
      [String(group.notes), String(group.reviewed), String(group.advances), group.advanceRate === null ? '' : String(group.advanceRate), String(group.small)],
    );
    for (const week of group.weeks) {
      const weekRow = rows.find((candidate) => column(candidate, 'key') === group.key && column(candidate, 'week') === week.week)!;
      assert.equal(column(weekRow, 'notes'), String(week.notes));
    }
  }
  const total = rows.find((row) => column(row, 'row') === 'total' && column(row, 'week') === '')!;
  assert.deepEqual([column(total, 'notes'), column(total, 'advances')], [String(report.totals.notes), String(report.totals.advances)]);
  assert.equal(rows.filter((row) => column(row, 'row') === 'total').length, 1 + report.totals.weeks.length);
});

test('report writes one self-contained HTML file with relative links to the notes, and replaces only its own', () => {
  const first = run(['report', 'notes']);
  assert.equal(first.code, 0, first.stderr);
  assert.match(first.stdout, /^Wrote objective-outcome-report\.html: 11 notes, 3 reps\.\n$/);
  const file = path.join(workspace, 'objective-outcome-report.html');
  const html = fs.readFileSync(file, 'utf8');
  assert.ok(html.startsWith('<!DOCTYPE html>'));
  for (const key of ['Carol', 'rep-a', 'rep-b']) assert.ok(html.includes(key), key);
  const notes = jsonReport(['notes']).notesList.map((note) => note.file);
  for (const note of notes) assert.ok(html.includes(`<a href="${note}" data-file="${note}">`), note);
  assert.doesNotMatch(html, /https?:\/\//, 'nothing is fetched from the network');

  assert.equal(run(['report', 'notes']).code, 0, 'the earlier report is replaced');
  fs.mkdirSync(path.join(workspace, 'reports'));
  assert.equal(run(['report', 'notes', '--out', 'reports/team.html']).code, 0);
  const elsewhere = fs.readFileSync(path.join(workspace, 'reports', 'team.html'), 'utf8');
  assert.ok(elsewhere.includes('<a href="../notes/rep-a/2026-11-02-acme.md" data-file="../notes/rep-a/2026-11-02-acme.md">'), 'links are relative to the report file');
  assert.deepEqual(fs.readdirSync(path.join(workspace, 'reports')), ['team.html'], 'nothing else is written');
});

test('report never overwrites a file that is not an earlier report of the same format', () => {
  const readme = path.join(workspace, 'notes', 'README.md');
  const before = fs.readFileSync(readme, 'utf8');
  for (const args of [['--out', 'notes/README.md'], ['--format', 'json', '--out', 'notes/README.md'], ['--format', 'csv', '--out', 'notes/README.md']]) {
    const { code, stderr } = run(['report', 'notes', ...args]);
    assert.equal(code, 2);
    assert.match(stderr, /^objective-outcome: will not write notes\/README\.md: the file exists and is not an earlier (HTML|JSON|CSV) report; choose another --out or move the file away\.\n$/);
  }
  assert.equal(fs.readFileSync(readme, 'utf8'), before);
  assert.equal(run(['report', 'notes', '--format', 'json', '--out', 'team.json']).code, 0);
  assert.equal(run(['report', 'notes', '--format', 'json', '--out', 'team.json']).code, 0, 'an earlier JSON report is replaced');
  assert.equal(run(['report', 'notes', '--format', 'csv', '--out', 'team.json']).code, 2, 'but not by a CSV one');
  assert.equal(run(['report', 'notes', '--out', 'notes']).code, 2, 'a folder is no file');
  assert.equal(run(['report', 'notes', '--out', 'missing/team.html']).code, 2);
  assert.deepEqual(fs.readdirSync(workspace).sort(), ['.git', '.objective-outcome.yaml', 'notes', 'team.json']);
});

test('bad flags exit with 2 and one line that says what to write instead', () => {
  for (const [args, message] of [
    [['--format', 'pdf'], 'unknown format “pdf” (use html, json, csv).'],
    [['--by', 'team'], '--by needs rep, client or folder, not “team”.'],
    [['--since', '2026-02-30'], '--since needs a date as YYYY-MM-DD, such as 2026-11-02, not “2026-02-30”.'],
    [['--until', 'friday'], '--until needs a date as YYYY-MM-DD, such as 2026-11-02, not “friday”.'],
    [['--since', '2026-11-20', '--until', '2026-11-01'], '--since 2026-11-20 is after --until 2026-11-01: no day is in both.'],
    [['--min-notes=-1'], '--min-notes needs a whole number of 0 or more, not “-1”.'],
    [['--min-notes', ''], '--min-notes needs a whole number of 0 or more, not “”.'],
    [['--stale-days', '0'], '--stale-days needs a whole number from 1 to 3650, not “0”.'],
  ] as const) {
    const { code, stdout, stderr } = run(['report', 'notes', ...args]);
    assert.equal(code, 2, args.join(' '));
    assert.equal(stderr, `objective-outcome: ${message}\n`);
    assert.equal(stdout, '');
  }
  for (const args of [['--colour'], ['--min-notes', '-1'], ['--since']]) {
    const unknown = run(['report', ...args]);
    assert.equal(unknown.code, 2);
    assert.match(unknown.stderr, /^objective-outcome: [^\n]+ Run “objective-outcome report --help” for usage\.\n$/, args.join(' '));
  }
  assert.equal(fs.existsSync(path.join(workspace, 'objective-outcome-report.html')), false);
  const missing = run(['report', 'nowhere', '--format', 'json']);
  assert.equal(missing.code, 2);
  assert.equal(missing.stderr, 'objective-outcome: no such file or folder: nowhere\n');
  assert.equal((JSON.parse(missing.stdout) as JsonReport).totals.notes, 0, 'the report still covers what could be read');
});

test('report --help describes the command', () => {
  const { code, stdout } = run(['report', '--help']);
  assert.equal(code, 0);
  assert.match(stdout, /^Usage: objective-outcome report/);
  assert.match(run(['--help']).stdout, /objective-outcome report/);
});

test('over many notes (judged on other threads) the numbers are the same as counted note by note', () => {
  const many = path.join(workspace, 'many');
  // 600 notes, past the point where the report judges on worker threads; by construction every
  // third result is an advance, every fourth objective self-focused, every fifth outcome weak.
  for (let index = 0; index < 600; index++) {
    const rep = path.join(many, `rep-${index % 4}`);
    fs.mkdirSync(rep, { recursive: true });
    const objective = index % 4 === 0 ? 'get the appointment' : 'Learn what worries their CFO about renewal season';
    const outcome = index % 5 === 0 ? 'they liked the demo' : 'They send their last three statements by Friday';
    const result = index % 3 === 0 ? 'They signed the order for 40 seats' : 'they said they would think about it';
    fs.writeFileSync(path.join(rep, `2026-11-${String((index % 28) + 1).padStart(2, '0')}-client-${index}.md`), `---\nclient: Client ${index}\nobjective: ${objective}\noutcome: ${outcome}\nresult: ${result}\n---\n`);
  }
  const report = jsonReport(['many']);
  assert.deepEqual(
    [report.totals.notes, report.totals.reviewed, report.totals.advances, report.totals.selfFocused, report.totals.weakOutcomes],
    [600, 600, 200, 150, 120],
  );
  assert.deepEqual(report.groups.map((group) => [group.key, group.notes, group.advances]), [['rep-0', 150, 50], ['rep-1', 150, 50], ['rep-2', 150, 50], ['rep-3', 150, 50]]);
  assert.equal(report.notesList.length, 600);
  assert.ok(report.notesList.every((note, index) => index === 0 || report.notesList[index - 1].file < note.file), 'the notes in file order, whichever thread judged them');
});

test('a note over the size limit or binary is left out with a warning; a big file that is no note is left out quietly', () => {
  const padding = `\n${'They book by phone only and lose about 12% of appointments to no-shows.\n'.repeat(40)}`;
  fs.writeFileSync(path.join(workspace, 'notes', 'rep-a', '2026-11-20-big.md'), `---\nclient: Big\nobjective: Learn what worries their CFO\n---\n${padding}`);
  fs.writeFileSync(path.join(workspace, 'notes', 'GUIDE.md'), `# How we write notes\n${padding}`);
  fs.writeFileSync(path.join(workspace, 'notes', 'rep-b', '2026-11-21-binary.md'), '---\nobjective: Learn what worries their CFO\n---\n\u0000');
  const { code, stdout, stderr } = run(['report', 'notes', '--format', 'json', '--max-file-size', '1KB']);
  assert.equal(code, 0);
  assert.equal(
    stderr,
    'objective-outcome: warning: notes/rep-a/2026-11-20-big.md is left out of the report: it is 2.9 KB, over the 1 KB limit (maxFileSize)\n' +
      'objective-outcome: warning: notes/rep-b/2026-11-21-binary.md is left out of the report: it holds binary data (NUL bytes), not text\n',
  );
  assert.equal((JSON.parse(stdout) as JsonReport).totals.notes, 11);
});
