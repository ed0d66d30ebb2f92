import assert from 'node:assert/strict';
import { spawn, spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { after, before, test } from 'node:test';
import { ROOT } from '../helpers';

const CLI = path.join(ROOT, 'dist', 'cli.js');
const GOOD = '---\nobjective: Understand how their front desk books patients today\noutcome: They commit to a second meeting on Dec 4\n---\n';
let workspace: string;

function run(args: string[], cwd = workspace) {
  const result = spawnSync(process.execPath, [CLI, ...args], { cwd, encoding: 'utf8', timeout: 60_000 });
  return { code: result.status, stdout: result.stdout, stderr: result.stderr };
}

function write(relative: string, text: string): void {
  const file = path.join(workspace, relative);
  fs.mkdirSync(path.dirname(file), { recursive: true });
  fs.writeFileSync(file, text);
}

before(() => {
  // A repository of its own with a marker config at the top: no .gitignore or config above the
  // temporary folder is read.
  workspace = fs.mkdtempSync(path.join(os.tmpdir(), 'oo-hostile-inputs-'));
  fs.mkdirSync(path.join(workspace, '.git'));
  write('.objective-outcome.yaml', 'rules: {}\n');
});

after(() => fs.rmSync(workspace, { recursive: true, force: true }));

test('a reader that stops early (| head -1) ends the run quietly, with the exit code of what was found', async () => {
  for (let index = 0; index < 3000; index++) write(`many/meetings/note-${String(index).padStart(4, '0')}.md`, GOOD);
  const child = spawn(process.execPath, [CLI, 'lint', 'many', '--format', 'json', '--concurrency', '1'], { cwd: workspace });
  let stderr = '';
  child.stderr.setEncoding('utf8').on('data', (chunk: string) => (stderr += chunk));
  // Read one chunk, then close the pipe as `head` does.
  child.stdout.once('data', () => child.stdout.destroy());
  const code = await new Promise<number | null>((resolve) => child.on('close', (exitCode) => resolve(exitCode)));
  assert.equal(stderr, '');
  assert.equal(code, 0);
});

test('--concurrency has an upper bound, and --max-warnings needs digits', () => {
  const many = run(['lint', '.', '--concurrency', '999']);
  assert.equal(many.code, 2);
  assert.equal(many.stderr.trim(), 'objective-outcome: --concurrency needs auto or a whole number from 1 to 64, not “999”.');
  for (const value of ['', ' ', '1e3', '0x1']) {
    const result = run(['lint', '.', '--max-warnings', value]);
    assert.equal(result.code, 2, JSON.stringify(value));
    assert.match(result.stderr, /--max-warnings needs a whole number of 0 or more/);
  }
  const tooSmall = run(['lint', '.', '--max-file-size', '0.5']);
  assert.equal(tooSmall.code, 2);
  assert.match(tooSmall.stderr, /--max-file-size needs a size from 1 byte to 1GB/);
});

test('control characters in file names and field words reach the terminal as escapes', () => {
  write('ctl/meetings/\u001b[2Kerased.md', '---\nobjective: get the appointment\n---\n');
  const result = run(['lint', 'ctl', '--no-color']);
  assert.equal(result.code, 1);
  assert.ok(!result.stdout.includes('\u001b'), result.stdout);
  assert.match(result.stdout, /\\u001b\[2Kerased\.md/);
  assert.match(result.stdout, /missing-outcome/);
});

test('a severity read from Object (constructor, __proto__) is refused, and the rest of the config applies', () => {
  write('proto/.objective-outcome.yaml', 'rules:\n  weak-outcome: constructor\n  missing-outcome: __proto__\n  self-focused-objective: error\n');
  write('proto/meetings/a.md', '---\nobjective: get the appointment\noutcome: They liked it\n---\n');
  for (const format of ['text', 'json', 'sarif']) {
    const result = run(['lint', 'proto', '--format', format]);
    assert.equal(result.code, 1, format);
    assert.match(result.stderr, /warning: .*Rule weak-outcome: “constructor” is not a severity/, format);
    assert.match(result.stderr, /warning: .*Rule missing-outcome: “__proto__” is not a severity/, format);
    assert.ok(!/\n\s+at /.test(result.stderr), result.stderr);
    if (format === 'json') {
      const [file] = JSON.parse(result.stdout) as { messages: { ruleId: string; severity: string }[] }[];
      assert.deepEqual(
        file.messages.map((message) => [message.ruleId, message.severity]),
        [
          ['self-focused-objective', 'error'],
          ['weak-outcome', 'info'],
        ],
      );
    }
    if (format === 'sarif') assert.ok(!result.stdout.includes('undefined'));
  }
});

test('a glob with many stars, in the config or on the command line, against a long file name ends at once', { timeout: 30_000 }, () => {
  const name = `${'a'.repeat(90)}.md`;
  write(`globs/meetings/${name}`, '---\nobjective: x\n---\n');
  write('globs/.objective-outcome.yaml', 'exclude: ["**/a*a*a*a*a*a*a*a*b.md"]\n');
  const config = run(['lint', 'globs', '--format', 'json']);
  assert.equal((JSON.parse(config.stdout) as unknown[]).length, 1);
  const argument = run(['lint', 'globs/**/a*a*a*a*a*a*a*a*a.md', '--format', 'json']);
  assert.equal(argument.code, 1);
  assert.deepEqual(
    (JSON.parse(argument.stdout) as { filePath: string }[]).map((file) => path.basename(file.filePath)),
    [name],
  );
});

test('a command-line glob too long to match safely is refused with a message; the other arguments are linted', () => {
  write('long/meetings/ok.md', GOOD);
  const glob = `long/${'*a'.repeat(300)}.md`;
  const result = run(['lint', glob, 'long', '--format', 'json']);
  assert.equal(result.code, 2);
  assert.match(result.stderr, /^objective-outcome: cannot use the glob “long\/\*a\*a.*…”: it is 603 characters long, more than 500\.$/m);
  assert.equal((JSON.parse(result.stdout) as unknown[]).length, 1);
});

test('command-line globs still name files and folders as before', () => {
  write('shapes/meetings/rep-ana/a.md', GOOD);
  write('shapes/meetings/rep-ben/b.markdown', GOOD);
  write('shapes/meetings/.hidden/c.md', GOOD);
  write('shapes/node_modules/meetings/d.md', GOOD);
  const names = (args: string[]) =>
    (JSON.parse(run(['lint', ...args, '--format', 'json']).stdout) as { filePath: string }[]).map((file) => path.relative(workspace, path.resolve(workspace, file.filePath))).sort();
  assert.deepEqual(names(['shapes/meetings/rep-*']), ['shapes/meetings/rep-ana/a.md', 'shapes/meetings/rep-ben/b.markdown']);
  assert.deepEqual(names(['shapes/**/*.md']), ['shapes/meetings/rep-ana/a.md']);
  assert.deepEqual(names(['shapes/meetings/{rep-ana,.hidden}/*.md']), ['shapes/meetings/.hidden/c.md', 'shapes/meetings/rep-ana/a.md']);
  assert.deepEqual(names([`${workspace}/shapes/*/rep-b?n/*`]), ['shapes/meetings/rep-ben/b.markdown']);
});
