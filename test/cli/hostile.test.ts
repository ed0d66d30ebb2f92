import assert from 'node:assert/strict';
import { spawnSync, SpawnSyncOptions } from 'node:child_process';
import { createHash } from 'node:crypto';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { after, before, test } from 'node:test';
import { ROOT } from '../helpers';

const CLI = path.join(ROOT, 'dist', 'cli.js');
const HOSTILE = path.join(ROOT, 'test', 'fixtures', 'hostile');
const GOOD = '---\nobjective: Understand how their front desk books patients today\noutcome: They commit to a second meeting on Dec 4\n---\n# Notes\n';
let workspace: string;
/** A copy of the CLI in a folder of its own that `nobody` can reach (the project may sit in a private folder). */
let cliForNobody: string;

interface JsonResult {
  filePath: string;
  messages: { ruleId: string; severity: string; message: string; line: number; column: number }[];
}

/** Runs the built CLI as a real process in the workspace (as `nobody` when `asNobody`). */
function run(args: string[], options: { asNobody?: boolean } = {}) {
  const spawnOptions: SpawnSyncOptions = { cwd: workspace, encoding: 'utf8', timeout: 60_000, maxBuffer: 64 * 1024 * 1024 };
  if (options.asNobody) Object.assign(spawnOptions, { uid: 65534, gid: 65534 });
  const result = spawnSync(process.execPath, [options.asNobody ? cliForNobody : CLI, ...args], spawnOptions);
  return { code: result.status, stdout: String(result.stdout), stderr: String(result.stderr) };
}

function json(stdout: string): JsonResult[] {
  return JSON.parse(stdout) as JsonResult[];
}

/** Every file's bytes and modification time under the workspace, to prove nothing was written. */
function snapshot(): Map<string, string> {
  const seen = new Map<string, string>();
  const walk = (folder: string) => {
    for (const entry of fs.readdirSync(folder, { withFileTypes: true })) {
      const file = path.join(folder, entry.name);
      if (entry.isDirectory()) walk(file);
      else if (entry.isFile()) {
        const stat = fs.statSync(file);
        seen.set(file, `${stat.mtimeMs}:${stat.size}:${createHash('sha256').update(fs.readFileSync(file)).digest('hex')}`);
      } else seen.set(file, fs.readlinkSync(file));
    }
  };
  walk(workspace);
  return seen;
}

const runningAsRoot = process.getuid?.() === 0;

before(() => {
  workspace = fs.mkdtempSync(path.join(os.tmpdir(), 'oo-hostile-'));
  fs.chmodSync(workspace, 0o755);
  // A repository's root: no .gitignore or config in the folders above can change what is checked.
  fs.mkdirSync(path.join(workspace, '.git'));
  const meetings = path.join(workspace, 'meetings');
  fs.mkdirSync(meetings);
  for (const name of fs.readdirSync(HOSTILE).filter((name) => name.endsWith('.md') && name !== 'README.md')) {
    fs.copyFileSync(path.join(HOSTILE, name), path.join(meetings, name));
  }
  fs.writeFileSync(path.join(meetings, 'good.md'), GOOD);
  // 10 MB: a pasted transcript. Front matter first, so it is recognisably a note.
  fs.writeFileSync(path.join(meetings, 'huge.md'), `${GOOD}${'They asked about pricing again. '.repeat(330_000)}\n`);
  fs.symlinkSync('loop-b.md', path.join(meetings, 'loop-a.md'));
  fs.symlinkSync('loop-a.md', path.join(meetings, 'loop-b.md'));
  fs.mkdirSync(path.join(meetings, 'x.md'));
  fs.writeFileSync(path.join(meetings, 'x.md', 'inside.md'), GOOD);
  fs.writeFileSync(path.join(meetings, 'unreadable.md'), GOOD);
  fs.chmodSync(path.join(meetings, 'unreadable.md'), 0o000);
  const cliFolder = fs.mkdtempSync(path.join(os.tmpdir(), 'oo-hostile-cli-'));
  fs.chmodSync(cliFolder, 0o755);
  cliForNobody = path.join(cliFolder, 'cli.js');
  fs.copyFileSync(CLI, cliForNobody);
});

after(() => {
  fs.rmSync(workspace, { recursive: true, force: true });
  fs.rmSync(path.dirname(cliForNobody), { recursive: true, force: true });
});

test('a YAML alias bomb is named, not expanded, and fails the check', () => {
  const { code, stdout } = run(['lint', 'meetings/alias-bomb.md', '--format', 'json']);
  assert.equal(code, 1);
  const [message] = json(stdout)[0].messages;
  assert.equal(message.ruleId, 'invalid-front-matter');
  assert.match(message.message, /billion laughs/);
});

test('front matter nested thousands of levels deep is refused quickly with one finding', () => {
  const started = Date.now();
  const { code, stdout } = run(['lint', 'meetings/deeply-nested.md', '--format', 'json']);
  assert.equal(code, 1);
  assert.deepEqual(
    json(stdout)[0].messages.map((message) => [message.ruleId, /nests more than 64 levels/.test(message.message)]),
    [['invalid-front-matter', true]],
  );
  assert.ok(Date.now() - started < 10_000);
});

test('a 10 MB note is skipped with an information message, and a flag can lower the limit', () => {
  const { code, stdout } = run(['lint', 'meetings/huge.md', '--format', 'json']);
  assert.equal(code, 0, 'information does not fail the run');
  assert.deepEqual(json(stdout)[0].messages.map((message) => [message.ruleId, message.severity, message.line, message.column]), [['skipped-file', 'info', 1, 1]]);
  assert.match(json(stdout)[0].messages[0].message, /over the 2 MB limit/);
  const lowered = run(['lint', 'meetings/good.md', '--max-file-size', '10b', '--format', 'json']);
  assert.equal(json(lowered.stdout)[0].messages[0].ruleId, 'skipped-file');
  const bad = run(['lint', 'meetings/good.md', '--max-file-size', 'huge']);
  assert.equal(bad.code, 2);
  assert.match(bad.stderr, /--max-file-size needs a size/);
});

test('a maxFileSize in the config applies to the notes under it', () => {
  fs.mkdirSync(path.join(workspace, 'small'), { recursive: true });
  fs.writeFileSync(path.join(workspace, 'small', '.objective-outcome.yaml'), 'maxFileSize: 20 bytes\n');
  fs.writeFileSync(path.join(workspace, 'small', 'note.md'), GOOD);
  const { stdout } = run(['lint', 'small/note.md', '--format', 'json']);
  assert.match(json(stdout)[0].messages[0].message, /over the 20 bytes limit/);
});

test('a binary file named .md is skipped with a clear message, not linted as garbage', () => {
  const { code, stdout } = run(['lint', 'meetings/binary.md', '--format', 'json']);
  assert.equal(code, 0);
  const messages = json(stdout)[0].messages;
  assert.deepEqual(messages.map((message) => message.ruleId), ['skipped-file']);
  assert.match(messages[0].message, /binary data/);
});

test('invalid UTF-8 is reported where it starts, and the note is still checked', () => {
  const { code, stdout } = run(['lint', 'meetings/invalid-utf8.md', '--format', 'json']);
  assert.equal(code, 1);
  const messages = json(stdout)[0].messages;
  assert.deepEqual(messages.map((message) => [message.ruleId, message.line, message.column]), [['invalid-encoding', 2, 12]]);
  assert.match(messages[0].message, /not valid UTF-8/);
});

test('a loop of symbolic links is an I/O error with a plain message', () => {
  const { code, stderr } = run(['lint', 'meetings/loop-a.md', '--format', 'json']);
  assert.equal(code, 2);
  assert.equal(stderr.trim(), 'objective-outcome: cannot read meetings/loop-a.md: too many symbolic links (a loop?)');
});

test('a folder named x.md is searched like any folder', () => {
  const { code, stdout, stderr } = run(['lint', 'meetings/x.md', '--format', 'json']);
  assert.equal(code, 0);
  assert.equal(stderr, '');
  assert.deepEqual(json(stdout).map((result) => result.filePath), ['meetings/x.md/inside.md']);
});

test('an unreadable file is an I/O error with a plain message', (context) => {
  // root reads a file whatever its mode, so as root the CLI runs as `nobody` for this check.
  if (runningAsRoot && !canRunAsNobody()) {
    context.skip('running as root and cannot switch to nobody: chmod 000 does not stop root');
    return;
  }
  const { code, stderr } = run(['lint', 'meetings/unreadable.md'], { asNobody: runningAsRoot });
  assert.equal(code, 2);
  assert.equal(stderr.trim(), 'objective-outcome: cannot read meetings/unreadable.md: permission denied');
});

test('with every hostile file in one folder, every other note is still checked and nothing is written', () => {
  const before = snapshot();
  const asNobody = runningAsRoot && canRunAsNobody();
  // Root reads a `chmod 000` file: when the CLI cannot run as `nobody`, that note is simply checked.
  const unreadableIsUnreadable = asNobody || !canRead(path.join(workspace, 'meetings', 'unreadable.md'));
  const { code, stdout, stderr } = run(['lint', 'meetings', '--format', 'json'], { asNobody });
  assert.equal(code, 2, 'I/O errors (the loop, the unreadable file) win the exit code');
  const byFile = new Map(json(stdout).map((result) => [result.filePath, result.messages.map((message) => message.ruleId)]));
  assert.deepEqual(Object.fromEntries(byFile), {
    'meetings/alias-bomb.md': ['invalid-front-matter'],
    'meetings/binary.md': ['skipped-file'],
    'meetings/deeply-nested.md': ['invalid-front-matter'],
    'meetings/good.md': [],
    'meetings/huge.md': ['skipped-file'],
    'meetings/invalid-utf8.md': ['invalid-encoding'],
    ...(unreadableIsUnreadable ? {} : { 'meetings/unreadable.md': [] }),
    'meetings/x.md/inside.md': [],
  });
  const lines = stderr.trim().split('\n').sort();
  assert.deepEqual(lines.filter((line) => line.includes('loop')), [
    'objective-outcome: cannot read meetings/loop-a.md: too many symbolic links (a loop?)',
    'objective-outcome: cannot read meetings/loop-b.md: too many symbolic links (a loop?)',
  ]);
  assert.equal(lines.includes('objective-outcome: cannot read meetings/unreadable.md: permission denied'), unreadableIsUnreadable);
  assert.deepEqual(snapshot(), before, 'no file was written, moved or touched');
});

test('a config that cannot be read is a clear warning, not “no config”, and the notes under it get the default rules', (context) => {
  // As root the CLI runs as `nobody` for this check: chmod 000 does not stop root.
  if (runningAsRoot && !canRunAsNobody()) {
    context.skip('running as root and cannot switch to nobody: chmod 000 does not stop root');
    return;
  }
  fs.mkdirSync(path.join(workspace, 'locked', 'meetings'), { recursive: true });
  fs.writeFileSync(path.join(workspace, 'locked', '.objective-outcome.yaml'), 'rules:\n  missing-outcome: off\n');
  fs.chmodSync(path.join(workspace, 'locked', '.objective-outcome.yaml'), 0o000);
  fs.writeFileSync(path.join(workspace, 'locked', 'meetings', 'a.md'), '---\nobjective: Understand how their front desk books patients today\n---\n');
  const { code, stdout, stderr } = run(['lint', 'locked', '--format', 'json'], { asNobody: runningAsRoot });
  assert.equal(code, 1);
  assert.deepEqual(json(stdout).map((result) => [result.filePath, result.messages.map((message) => message.ruleId)]), [['locked/meetings/a.md', ['missing-outcome']]]);
  assert.equal(stderr.trim(), 'objective-outcome: warning: locked/.objective-outcome.yaml: not read: permission denied; the notes under it are checked with the default rules.');
});

/** Whether this process can read a file (root can, whatever its mode). */
function canRead(file: string): boolean {
  try {
    fs.closeSync(fs.openSync(file, 'r'));
    return true;
  } catch {
    return false;
  }
}

let nobodyWorks: boolean | undefined;
/** Whether this machine lets root start a process as `nobody` that can reach the workspace and the copy of the CLI. */
function canRunAsNobody(): boolean {
  if (nobodyWorks === undefined) {
    const probe = spawnSync(process.execPath, [cliForNobody, '--version'], { cwd: workspace, uid: 65534, gid: 65534, encoding: 'utf8' });
    nobodyWorks = probe.status === 0;
  }
  return nobodyWorks;
}
