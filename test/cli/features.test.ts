import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { after, before, test } from 'node:test';
import Ajv from 'ajv-draft-04';
import type * as Sarif from 'sarif';
import { fixture, ROOT } from '../helpers';

const CLI = path.join(ROOT, 'dist', 'cli.js');
let workspace: string;

function run(args: string[], env: Record<string, string | undefined> = {}) {
  const merged: Record<string, string | undefined> = { ...process.env, NO_COLOR: undefined, FORCE_COLOR: undefined, ...env };
  for (const key of Object.keys(merged)) if (merged[key] === undefined) delete merged[key];
  const result = spawnSync(process.execPath, [CLI, ...args], { cwd: workspace, encoding: 'utf8', env: merged as NodeJS.ProcessEnv });
  return { code: result.status, stdout: result.stdout, stderr: result.stderr };
}

function write(relative: string, text: string): void {
  const file = path.join(workspace, relative);
  fs.mkdirSync(path.dirname(file), { recursive: true });
  fs.writeFileSync(file, text);
}

function filePaths(stdout: string): string[] {
  return (JSON.parse(stdout) as { filePath: string }[]).map((result) => result.filePath);
}

before(() => {
  workspace = fs.mkdtempSync(path.join(os.tmpdir(), 'oo-features-'));
  fs.mkdirSync(path.join(workspace, '.git'));
  write('.gitignore', 'drafts/\n*.tmp.md\n');
  write('notes/ana/meetings/good.md', fixture('good.md'));
  write('notes/ana/meetings/self-focused.md', fixture('self-focused.md'));
  write('notes/ana/meetings/scratch.tmp.md', fixture('self-focused.md'));
  write('notes/ben/meetings/missing-outcome.md', fixture('missing-outcome.md'));
  write('notes/ben/meetings/broken.md', fixture('invalid-yaml.md'));
  write('notes/ben/meetings/weak.md', '---\nobjective: Understand their goals\noutcome: They liked it\n---\n');
  write('notes/ben/drafts/draft.md', fixture('missing-outcome.md'));
  write('notes/ben/.gitignore', 'private/\n!keep.tmp.md\n');
  write('notes/ben/private/secret.md', fixture('missing-outcome.md'));
  write('notes/ben/meetings/keep.tmp.md', fixture('good.md'));
});

after(() => fs.rmSync(workspace, { recursive: true, force: true }));

test('what .gitignore files ignore is skipped, at the root and in subfolders, unless --no-ignore', () => {
  assert.deepEqual(filePaths(run(['lint', 'notes', '--format', 'json']).stdout), [
    'notes/ana/meetings/good.md',
    'notes/ana/meetings/self-focused.md',
    'notes/ben/meetings/broken.md',
    'notes/ben/meetings/keep.tmp.md',
    'notes/ben/meetings/missing-outcome.md',
    'notes/ben/meetings/weak.md',
  ]);
  const all = filePaths(run(['lint', 'notes', '--format', 'json', '--no-ignore']).stdout);
  assert.ok(all.includes('notes/ben/drafts/draft.md') && all.includes('notes/ben/private/secret.md') && all.includes('notes/ana/meetings/scratch.tmp.md'));
  assert.deepEqual(filePaths(run(['lint', 'notes/ben/drafts/draft.md', '--format', 'json']).stdout), ['notes/ben/drafts/draft.md'], 'a file named explicitly is always checked');
  assert.deepEqual(filePaths(run(['lint', 'notes/**/drafts/*.md', '--format', 'json']).stdout), [], 'globs honour .gitignore too');
});

test('a glob that names folders searches each of them, and still skips what .gitignore ignores', () => {
  const whole = filePaths(run(['lint', 'notes', '--format', 'json']).stdout);
  assert.deepEqual(filePaths(run(['lint', 'notes/*', '--format', 'json']).stdout), whole);
  const meetings = run(['lint', 'notes/*/meetings', '--format', 'json']);
  assert.deepEqual(filePaths(meetings.stdout), whole, 'every note that is not ignored sits in a meetings folder');
  assert.equal(meetings.stderr, '');
  assert.deepEqual(filePaths(run(['lint', 'notes/*/drafts', '--format', 'json']).stdout), [], 'an ignored folder stays skipped when a glob names it');
});

test('--quiet reports errors only, as ESLint does: warnings neither shown nor failing the run', () => {
  const quiet = run(['lint', 'notes', '--quiet']);
  assert.equal(quiet.code, 1, 'the broken front matter is an error');
  assert.doesNotMatch(quiet.stdout, /^ +\d+:\d+ +warning/m);
  assert.match(quiet.stdout, /✖ 1 problem \(1 error, 0 warnings, 0 info, 0 hints\) in 1 of 6 notes checked\.$/m);
  assert.equal(run(['lint', 'notes/ana', '--quiet']).code, 0);
  const json = JSON.parse(run(['lint', 'notes/ana', '--quiet', '--format', 'json']).stdout) as { messages: unknown[] }[];
  assert.deepEqual(json.map((result) => result.messages), [[], []], 'every checked note is still listed, without its warnings');
});

test('--summary adds a table a manager can read, by folder, before the last line', () => {
  const { stdout } = run(['lint', 'notes', '--summary']);
  const lines = stdout.trimEnd().split('\n');
  assert.match(lines[lines.length - 1], /^✖ \d+ problems .* in 4 of 6 notes checked\.$/);
  assert.match(stdout, /^Folder +notes +no objective +no outcome +self-focused +weak outcome +broken +not checked +rules off$/m);
  assert.match(stdout, /^notes\/ana\/meetings +2 +0 +0 +1 +0 +0 +0 +0$/m);
  assert.match(stdout, /^notes\/ben\/meetings +4 +0 +1 +0 +1 +1 +0 +0$/m);
  assert.match(stdout, /^All notes +6 +0 +1 +1 +1 +1 +0 +0$/m);
  assert.match(stdout, /6 notes checked: 0 \(0%\) missing an objective, 1 \(17%\) missing an outcome, 1 with a self-focused objective, 1 with a weak outcome\./);
  assert.ok(!run(['lint', 'notes']).stdout.includes('All notes'), 'no table unless asked');
});

test('colour only on a terminal or when forced; NO_COLOR and --no-color turn it off', () => {
  const paintsRed = new RegExp(String.raw`\u001b\[31m`);
  assert.ok(!paintsRed.test(run(['lint', 'notes']).stdout), 'a pipe gets no colour');
  assert.match(run(['lint', 'notes'], { FORCE_COLOR: '1' }).stdout, paintsRed);
  assert.ok(!paintsRed.test(run(['lint', 'notes'], { FORCE_COLOR: '0' }).stdout));
  assert.match(run(['lint', 'notes', '--color']).stdout, paintsRed);
  assert.ok(!paintsRed.test(run(['lint', 'notes', '--color', '--no-color']).stdout));
  assert.ok(!paintsRed.test(run(['lint', 'notes'], { NO_COLOR: '1' }).stdout));
});

test('--format sarif is valid SARIF 2.1.0 with each finding, its rule and its place', () => {
  const { code, stdout } = run(['lint', 'notes', '--format', 'sarif']);
  assert.equal(code, 1);
  const log = JSON.parse(stdout) as Sarif.Log;
  const schema = JSON.parse(fs.readFileSync(path.join(ROOT, 'test', 'fixtures', 'sarif', 'sarif-2.1.0-rtm.5.json'), 'utf8')) as object;
  const validate = new Ajv({ allErrors: true, strict: false, unicodeRegExp: false }).compile(schema);
  assert.ok(validate(log), JSON.stringify(validate.errors, null, 2));
  const sarifRun = log.runs[0];
  assert.equal(sarifRun.tool.driver.name, 'objective-outcome');
  const rules = sarifRun.tool.driver.rules!;
  const selfFocused = sarifRun.results!.find((result) => result.ruleId === 'self-focused-objective')!;
  assert.equal(rules[selfFocused.ruleIndex!].id, 'self-focused-objective');
  assert.equal(selfFocused.level, 'warning');
  assert.deepEqual(selfFocused.locations![0].physicalLocation, {
    artifactLocation: { uri: 'notes/ana/meetings/self-focused.md', uriBaseId: '%SRCROOT%' },
    region: { startLine: 4, startColumn: 12, endLine: 4, endColumn: 31 },
  });
  assert.equal(sarifRun.results!.find((result) => result.ruleId === 'weak-outcome')!.level, 'note');
  assert.equal(sarifRun.invocations![0].executionSuccessful, true);
  assert.equal(sarifRun.columnKind, 'utf16CodeUnits');
});

test('SARIF carries I/O errors as tool notifications and the run still exits 2', () => {
  const { code, stdout } = run(['lint', 'notes/ana', 'missing-folder', '--format', 'sarif']);
  assert.equal(code, 2);
  const invocation = (JSON.parse(stdout) as Sarif.Log).runs[0].invocations![0];
  assert.equal(invocation.executionSuccessful, false);
  assert.equal(invocation.toolExecutionNotifications![0].message.text, 'no such file or folder: missing-folder');
});

test('one thread and many give the same output, byte for byte, in every format', () => {
  // On many threads the main thread reads and the workers lint: every kind of finding, place and
  // config must come out as it does on one thread.
  const NOTES: (string | Buffer)[] = [
    fixture('good.md'),
    fixture('self-focused.md'),
    fixture('list-objective.md'),
    fixture('prospect.md'),
    Buffer.concat([Buffer.from('---\nobjective: get the appointment '), Buffer.from([0xff, 0xfe]), Buffer.from('\noutcome: they liked it\n---\nA prospect.\n')]),
    '---\nobjective: >\n  get the\n  appointment today\noutcome: follow up\n---\n',
    '---\nobjective: "Pitch our \\"premium\\" plan, and demo it"\noutcome: They sign on Friday\n---\n',
    fixture('disabled.md'),
    fixture('crlf-bom.md'),
    '---\nobjective: get the prospect to sign, then get to know their team\noutcome: they liked the demo\n---\n',
    fixture('invalid-yaml.md'),
    fixture('missing-outcome.md'),
  ];
  write('many/team/.objective-outcome.yaml', 'rules: { self-focused-objective: error }\nphrases: { selfFocused: ["demo"], allowed: ["get to know"] }\n');
  const named: string[] = [];
  for (let index = 0; index < 450; index++) {
    const folder = index % 3 === 0 ? 'many/team/meetings' : 'many/meetings';
    named.push(`${folder}/note-${String(index).padStart(3, '0')}.md`);
    const file = path.join(workspace, named[index]);
    fs.mkdirSync(path.dirname(file), { recursive: true });
    fs.writeFileSync(file, NOTES[index % NOTES.length]);
  }
  // The main thread reads for the workers: what cannot be read, or is not text, must come out the same.
  write('many/meetings/binary.md', '---\nobjective: x\n---\n\u0000\u0001');
  write('many/meetings/big.md', `---\nobjective: get the appointment\noutcome: follow up\n---\n${'A long paragraph. '.repeat(20_000)}\n`);
  fs.symlinkSync('loop.md', path.join(workspace, 'many/meetings/loop.md'));
  fs.mkdirSync(path.join(workspace, 'many/meetings/folder.md'));
  named.push('many/meetings/binary.md', 'many/meetings/big.md', 'many/meetings/loop.md', 'many/meetings/folder.md');
  // A folder starts the workers before the walk; 450 files named one by one start them after it.
  const runs = [[['many'], ['--format', 'json']], [['many'], ['--format', 'sarif']], [['many'], ['--summary']], [['many'], ['--max-file-size', '100KB']], [named, ['--format', 'json']]];
  for (const [args, format] of runs) {
    const single = run(['lint', ...args, ...format, '--concurrency', '1']);
    const parallel = run(['lint', ...args, ...format, '--concurrency', '2']);
    assert.equal(parallel.code, single.code);
    assert.equal(parallel.stdout, single.stdout, `${args.length} arguments, ${format.join(' ')}: the output differs`);
    assert.equal(parallel.stderr, single.stderr);
  }
  const parallel = run(['lint', 'many', '--format', 'json', '--concurrency', '2', '--max-file-size', '100KB']);
  assert.match(parallel.stderr, /cannot read many\/meetings\/loop\.md/);
  assert.equal(parallel.code, 2);
  const results = JSON.parse(parallel.stdout) as { messages: { ruleId: string; severity: string }[] }[];
  assert.equal(results.length, 452);
  const rules = new Set(results.flatMap((result) => result.messages.map((message) => `${message.ruleId}:${message.severity}`)));
  for (const expected of ['self-focused-objective:warning', 'self-focused-objective:error', 'weak-outcome:info', 'prospect-wording:info', 'invalid-encoding:warning', 'invalid-front-matter:error', 'missing-outcome:warning', 'skipped-file:info']) {
    assert.ok(rules.has(expected), `no ${expected} among ${[...rules].join(', ')}`);
  }
  assert.equal(run(['lint', 'many', '--concurrency', 'zero']).code, 2);
});

test('--only-notes lets a pre-commit hook name every staged file: only meeting notes are checked', () => {
  write('README.md', '# Our notes\n');
  const named = ['README.md', 'notes/ben/meetings/missing-outcome.md'];
  assert.deepEqual(filePaths(run(['lint', ...named, '--format', 'json']).stdout), ['README.md', 'notes/ben/meetings/missing-outcome.md'], 'named files are notes by default');
  const hook = run(['lint', '--only-notes', ...named, '--format', 'json']);
  assert.deepEqual(filePaths(hook.stdout), ['notes/ben/meetings/missing-outcome.md']);
  assert.equal(hook.code, 1);
});
