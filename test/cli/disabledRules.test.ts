import assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { after, before, test } from 'node:test';
import { runCli } from '../helpers';
import { RULE_IDS } from '../../src/core';

// A note that hides its problems with disable comments is not "clean": the CLI says which rules it turns off.
let workspace: string;

const run = (args: string[]) => runCli(workspace, args);

before(() => {
  workspace = fs.mkdtempSync(path.join(os.tmpdir(), 'oo-disabled-'));
  fs.mkdirSync(path.join(workspace, '.git'));
  fs.mkdirSync(path.join(workspace, 'meetings'));
  fs.writeFileSync(path.join(workspace, 'meetings', 'silenced.md'), '---\n# objective-outcome-disable\ntype: meeting\n---\n# Notes\n');
  fs.writeFileSync(path.join(workspace, 'meetings', 'broken.md'), '---\n# objective-outcome-disable invalid-front-matter\nobjective: "Understand their booking\noutcome: They sign\n---\n');
});

after(() => fs.rmSync(workspace, { recursive: true, force: true }));

test('a note that turns every rule off is listed with the rules it turns off, and the summary counts it', () => {
  const { code, stdout } = run(['lint', 'meetings/silenced.md', '--summary']);
  assert.equal(code, 0);
  assert.match(stdout, /^meetings\/silenced\.md\n {2}turned off in this note: invalid-front-matter, missing-objective, missing-outcome, /m);
  assert.match(stdout, /^All notes +1 +0 +0 +0 +0 +0 +0 +1$/m);
  assert.match(stdout, /✓ 1 note checked, no problems \(1 turning rules off\)\.\n$/);
});

test('JSON gains disabledRules only for a note that turns rules off', () => {
  const results = JSON.parse(run(['lint', 'meetings', '--format', 'json']).stdout) as { filePath: string; disabledRules?: string[] }[];
  const silenced = results.find((result) => result.filePath.endsWith('silenced.md'))!;
  assert.equal(silenced.disabledRules?.length, RULE_IDS.length);
  const broken = results.find((result) => result.filePath.endsWith('broken.md'))!;
  assert.equal('disabledRules' in broken, false);
});

test('turning invalid-front-matter off does not make a broken note pass', () => {
  const { code, stdout } = run(['lint', 'meetings/broken.md']);
  assert.equal(code, 1);
  assert.match(stdout, /error .* invalid-front-matter/);
  assert.doesNotMatch(stdout, /no problems/);
});
