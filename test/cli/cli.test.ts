import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { after, before, test } from 'node:test';
import { fixture, ROOT } from '../helpers';

const CLI = path.join(ROOT, 'dist', 'cli.js');
let workspace: string;

/** Runs the built CLI as a real process in the test workspace. */
function run(args: string[], env: Record<string, string> = {}) {
  const result = spawnSync(process.execPath, [CLI, ...args], { cwd: workspace, encoding: 'utf8', env: { ...process.env, ...env } });
  return { code: result.status, stdout: result.stdout, stderr: result.stderr };
}

function write(relative: string, text: string): void {
  const file = path.join(workspace, relative);
  fs.mkdirSync(path.dirname(file), { recursive: true });
  fs.writeFileSync(file, text);
}

before(() => {
  workspace = fs.mkdtempSync(path.join(os.tmpdir(), 'oo-cli-'));
  // A repository's root: no .gitignore or config in the folders above can change what is checked.
  fs.mkdirSync(path.join(workspace, '.git'));
  write('meetings/good.md', fixture('good.md'));
  write('meetings/self-focused.md', fixture('self-focused.md'));
  write('meetings/missing-outcome.md', fixture('missing-outcome.md'));
  write('meetings/README.md', '# How we write notes\n');
  write('docs/guide.md', '# A guide, not a note\n');
  write('clean/good.md', fixture('good.md'));
  write('weak/note.md', '---\nobjective: Understand their goals\noutcome: They liked it\n---\n');
});

after(() => fs.rmSync(workspace, { recursive: true, force: true }));

interface JsonResult {
  filePath: string;
  messages: { ruleId: string; severity: string; message: string; line: number; column: number; endLine: number; endColumn: number }[];
}

test('--format json prints one element per linted note with 1-based positions', () => {
  const { code, stdout } = run(['lint', '.', '--format', 'json']);
  assert.equal(code, 1);
  const results = JSON.parse(stdout) as JsonResult[];
  assert.deepEqual(
    results.map((result) => result.filePath),
    ['clean/good.md', 'meetings/good.md', 'meetings/missing-outcome.md', 'meetings/self-focused.md', 'weak/note.md'],
    'README.md and docs/guide.md are not notes; good notes are listed with no messages',
  );
  assert.deepEqual(results[0].messages, []);
  const selfFocused = results[3].messages[0];
  assert.deepEqual(
    { ...selfFocused, message: undefined },
    { ruleId: 'self-focused-objective', severity: 'warning', message: undefined, line: 4, column: 12, endLine: 4, endColumn: 31 },
  );
  assert.deepEqual(Object.keys(selfFocused), ['ruleId', 'severity', 'message', 'line', 'column', 'endLine', 'endColumn']);
});

test('text output groups findings by file and ends with a summary', () => {
  const { code, stdout } = run(['lint', 'meetings']);
  assert.equal(code, 1);
  assert.match(stdout, /^meetings\/missing-outcome\.md\n {2}1:1 +warning +No outcome.*missing-outcome$/m);
  assert.match(stdout, /^meetings\/self-focused\.md\n {2}4:12 +warning +“get the appointment”.*self-focused-objective$/m);
  assert.match(stdout, /✖ 2 problems \(0 errors, 2 warnings, 0 info, 0 hints\) in 2 of 3 notes checked\.$/m);
  assert.ok(!stdout.includes('\u001b['), 'no colour when stdout is not a terminal');
});

test('clean notes exit 0 with a reassuring summary', () => {
  const { code, stdout } = run(['lint', 'clean']);
  assert.equal(code, 0);
  assert.match(stdout, /✓ 1 note checked, no problems\./);
});

test('information findings alone do not fail the run', () => {
  const { code, stdout } = run(['lint', 'weak', '--format', 'json']);
  assert.equal(code, 0);
  assert.equal((JSON.parse(stdout) as JsonResult[])[0].messages[0].ruleId, 'weak-outcome');
});

test('--max-warnings lets a team allow some warnings', () => {
  assert.equal(run(['lint', 'meetings', '--max-warnings', '2']).code, 0);
  assert.equal(run(['lint', 'meetings', '--max-warnings', '1']).code, 1);
  const bad = run(['lint', 'meetings', '--max-warnings', 'many']);
  assert.equal(bad.code, 2);
  assert.match(bad.stderr, /--max-warnings needs a whole number/);
});

test('a file named explicitly is linted even outside the note folders', () => {
  const { stdout } = run(['lint', 'docs/guide.md', '--format', 'json']);
  assert.deepEqual((JSON.parse(stdout) as JsonResult[])[0].messages.map((message) => message.ruleId), ['missing-objective', 'missing-outcome']);
});

test('globs are expanded by the CLI', () => {
  const { stdout } = run(['lint', 'meetings/*.md', '--format', 'json']);
  assert.deepEqual(
    (JSON.parse(stdout) as JsonResult[]).map((result) => result.filePath),
    ['meetings/good.md', 'meetings/missing-outcome.md', 'meetings/self-focused.md'],
  );
});

test('a missing path is an error with one line on stderr, and the other files are still linted', () => {
  const { code, stdout, stderr } = run(['lint', 'nope', 'meetings/self-focused.md', '--format', 'json']);
  assert.equal(code, 2);
  assert.equal(stderr.trim(), 'objective-outcome: no such file or folder: nope');
  assert.equal((JSON.parse(stdout) as JsonResult[]).length, 1);
});

test('a path that cannot be read is never a ✓: the last line says how many could not be read', () => {
  const nothing = run(['lint', 'nope', '--no-color']);
  assert.equal(nothing.code, 2);
  assert.equal(nothing.stdout, '✖ 0 notes checked, no problems; 1 file or folder could not be read.\n');
  const clean = run(['lint', 'nope', 'also-nope', 'clean/good.md', '--no-color']);
  assert.equal(clean.code, 2);
  assert.match(clean.stdout, /^✖ 1 note checked, no problems; 2 files or folders could not be read\.\n$/m);
  // An info alone would be marked ℹ: with a path unread it is ✖.
  const found = run(['lint', 'nope', 'weak/note.md', '--no-color']);
  assert.match(found.stdout, /^✖ 1 problem \(0 errors, 0 warnings, 1 info, 0 hints\) in 1 of 1 note checked; 1 file or folder could not be read\.\n$/m);
});

test('the nearest .objective-outcome.yaml applies, and --config overrides it', () => {
  write('team/meetings/a.md', '---\nobjective: Understand their goals\noutcome: They liked it\n---\n');
  write('team/.objective-outcome.yaml', 'rules:\n  weak-outcome: error\n');
  write('lenient.yaml', 'rules:\n  weak-outcome: off\n');
  const nearest = run(['lint', 'team', '--format', 'json']);
  assert.equal(nearest.code, 1);
  assert.equal((JSON.parse(nearest.stdout) as JsonResult[])[0].messages[0].severity, 'error');
  const overridden = run(['lint', 'team', '--format', 'json', '--config', 'lenient.yaml']);
  assert.equal(overridden.code, 0);
  assert.deepEqual((JSON.parse(overridden.stdout) as JsonResult[])[0].messages, []);
});

test('usage mistakes exit 2 with a message', () => {
  assert.equal(run(['lint', '--format', 'xml']).code, 2);
  assert.equal(run(['frobnicate']).code, 2);
  assert.equal(run(['lint', '--config', 'missing.yaml']).code, 2);
  const help = run(['--help']);
  assert.equal(help.code, 0);
  assert.match(help.stdout, /Usage: objective-outcome lint/);
});

/** A fresh repository of its own (a folder holding `.git`), removed after the test. */
function freshProject(context: { after: (fn: () => void) => void }): { root: string; put: (relative: string, text: string) => string } {
  const root = fs.mkdtempSync(path.join(os.tmpdir(), 'oo-cli-project-'));
  fs.mkdirSync(path.join(root, '.git'));
  context.after(() => fs.rmSync(root, { recursive: true, force: true }));
  const put = (relative: string, text: string) => {
    const file = path.join(root, relative);
    fs.mkdirSync(path.dirname(file), { recursive: true });
    fs.writeFileSync(file, text);
    return file;
  };
  return { root, put };
}

/** Runs the CLI in a folder, killed after 30 s: a config that blocks or never ends must not hang the suite. */
function runIn(cwd: string, args: string[]) {
  const result = spawnSync(process.execPath, [CLI, ...args], { cwd, encoding: 'utf8', timeout: 30_000, stdio: ['pipe', 'pipe', 'pipe'] });
  assert.equal(result.error, undefined, `the CLI finished (${String(result.error)})`);
  return { code: result.status, stdout: result.stdout, stderr: result.stderr };
}

const ruleIdsByFile = (stdout: string) => Object.fromEntries((JSON.parse(stdout) as JsonResult[]).map((result) => [result.filePath, result.messages.map((message) => message.ruleId)]));
const LENIENT = 'rules:\n  missing-outcome: off\n';
const onPosix = process.platform !== 'win32';

test('a config above the repository root is never read: only the repository’s folders count', (context) => {
  const { root, put } = freshProject(context);
  put('.objective-outcome.yaml', LENIENT);
  fs.mkdirSync(path.join(root, 'project', '.git'), { recursive: true });
  put('project/meetings/a.md', fixture('missing-outcome.md'));
  const { code, stdout, stderr } = runIn(path.join(root, 'project'), ['lint', '.', '--format', 'json']);
  assert.equal(stderr, '');
  assert.equal(code, 1);
  assert.deepEqual(ruleIdsByFile(stdout), { 'meetings/a.md': ['missing-outcome'] });
  const named = runIn(path.join(root, 'project'), ['lint', '.', '--format', 'json', '--config', '../.objective-outcome.yaml']);
  assert.deepEqual(ruleIdsByFile(named.stdout), { 'meetings/a.md': [] }, 'named with --config, it applies');
});

test('a config that is a folder is a clear warning, and the notes under it get the default rules', (context) => {
  const { root, put } = freshProject(context);
  put('.objective-outcome.yaml', LENIENT);
  fs.mkdirSync(path.join(root, 'team', '.objective-outcome.yaml'), { recursive: true });
  put('team/meetings/a.md', fixture('missing-outcome.md'));
  const { code, stdout, stderr } = runIn(root, ['lint', 'team', '--format', 'json']);
  assert.equal(code, 1, 'not the lenient parent config: the team’s own file was meant');
  assert.deepEqual(ruleIdsByFile(stdout), { 'team/meetings/a.md': ['missing-outcome'] });
  assert.equal(stderr.trim(), 'objective-outcome: warning: team/.objective-outcome.yaml: not read: it is a folder, not a file; the notes under it are checked with the default rules.');
});

for (const [kind, make] of [
  ['a link to /dev/zero', (file: string) => fs.symlinkSync('/dev/zero', file)],
  ['a link to /dev/stdin', (file: string) => fs.symlinkSync('/dev/stdin', file)],
  ['a FIFO', (file: string) => assert.equal(spawnSync('mkfifo', [file]).status, 0, 'mkfifo')],
] as const) {
  test(`a config that is ${kind} is refused at once with a clear warning, not read forever`, { skip: !onPosix && 'POSIX devices and FIFOs' }, (context) => {
    const { root, put } = freshProject(context);
    put('.objective-outcome.yaml', LENIENT);
    fs.mkdirSync(path.join(root, 'team'));
    make(path.join(root, 'team', '.objective-outcome.yaml'));
    put('team/meetings/a.md', fixture('missing-outcome.md'));
    const { code, stdout, stderr } = runIn(root, ['lint', 'team', '--format', 'json']);
    assert.equal(code, 1);
    assert.deepEqual(ruleIdsByFile(stdout), { 'team/meetings/a.md': ['missing-outcome'] });
    assert.equal(
      stderr.trim(),
      'objective-outcome: warning: team/.objective-outcome.yaml: not read: it is not a regular file (a device, a pipe or a socket?); the notes under it are checked with the default rules.',
    );
    const named = runIn(root, ['lint', 'team', '--config', 'team/.objective-outcome.yaml']);
    assert.equal(named.code, 2);
    assert.equal(named.stderr.trim(), 'objective-outcome: cannot read the config team/.objective-outcome.yaml: it is not a regular file (a device, a pipe or a socket?)');
  });
}

test('--config /dev/zero is a usage error with a clear message, not a hang', { skip: !onPosix && 'POSIX devices' }, (context) => {
  const { root, put } = freshProject(context);
  put('meetings/a.md', fixture('good.md'));
  const { code, stdout, stderr } = runIn(root, ['lint', '.', '--config', '/dev/zero']);
  assert.equal(code, 2);
  assert.equal(stdout, '');
  assert.equal(stderr.trim(), 'objective-outcome: cannot read the config /dev/zero: it is not a regular file (a device, a pipe or a socket?)');
});

test('a config over 1 MB is not read, with a warning; one just under is', (context) => {
  const { root, put } = freshProject(context);
  put('.objective-outcome.yaml', LENIENT);
  // A real team file padded with comments: the rules are in it, but the file is too big to be read.
  const padded = (size: number) => `rules:\n  weak-outcome: error\n${'#'.repeat(size - 30)}\n`.padEnd(size, '#');
  put('big/.objective-outcome.yaml', padded(1024 * 1024 + 1));
  put('big/meetings/a.md', fixture('missing-outcome.md'));
  put('fits/.objective-outcome.yaml', padded(1024 * 1024));
  put('fits/meetings/a.md', '---\nobjective: Understand their goals\noutcome: They liked it\n---\n');
  const { stdout, stderr } = runIn(root, ['lint', 'big', 'fits', '--format', 'json']);
  assert.deepEqual(ruleIdsByFile(stdout), { 'big/meetings/a.md': ['missing-outcome'], 'fits/meetings/a.md': ['weak-outcome'] });
  assert.equal(stderr.trim(), 'objective-outcome: warning: big/.objective-outcome.yaml: not read: it is over the 1 MB limit; the notes under it are checked with the default rules.');
  assert.equal((JSON.parse(stdout) as JsonResult[])[1].messages[0].severity, 'error', 'the file under the cap applies');
});

test('a .gitignore that cannot be read is an I/O error with a clear message, and its files are still checked', { skip: !onPosix && 'POSIX FIFOs' }, (context) => {
  const { root, put } = freshProject(context);
  fs.mkdirSync(path.join(root, 'a', '.gitignore'), { recursive: true });
  put('a/meetings/x.md', fixture('missing-outcome.md'));
  fs.mkdirSync(path.join(root, 'b'));
  assert.equal(spawnSync('mkfifo', [path.join(root, 'b', '.gitignore')]).status, 0, 'mkfifo');
  put('b/meetings/y.md', fixture('good.md'));
  const { code, stdout, stderr } = runIn(root, ['lint', '.', '--format', 'json']);
  assert.equal(code, 2);
  assert.deepEqual(ruleIdsByFile(stdout), { 'a/meetings/x.md': ['missing-outcome'], 'b/meetings/y.md': [] });
  assert.deepEqual(stderr.trim().split('\n').sort(), [
    'objective-outcome: cannot read a/.gitignore: it is a folder, not a file; the files it would ignore are checked',
    'objective-outcome: cannot read b/.gitignore: it is not a regular file (a device, a pipe or a socket?); the files it would ignore are checked',
  ]);
});
