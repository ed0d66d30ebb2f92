import assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { after, before, test } from 'node:test';
import { runCli } from '../helpers';

// `lint --explain`: the judge's reasons under each note, so a false alarm is traced in one step.
let workspace: string;

const run = (args: string[]) => runCli(workspace, args);

before(() => {
  workspace = fs.mkdtempSync(path.join(os.tmpdir(), 'oo-explain-'));
  fs.mkdirSync(path.join(workspace, '.git'));
  fs.mkdirSync(path.join(workspace, 'meetings'));
  fs.writeFileSync(path.join(workspace, 'meetings', 'a.md'), "---\nobjective: don't leave without the signed PO\noutcome: They sign the renewal on Dec 4\n---\n");
  fs.writeFileSync(path.join(workspace, 'meetings', 'team.md'), '---\nobjective: understand their goals and land the logo\noutcome: They sign the renewal on Dec 4\n---\n');
  fs.writeFileSync(path.join(workspace, 'meetings', 'clauses.md'), '---\nobjective: understand how their kitchen runs on a busy night so we can position the larger unit\noutcome: great meeting, very positive, lots of interest but they booked the site visit\n---\n');
  fs.writeFileSync(path.join(workspace, 'meetings', 'part.md'), '---\nobjective: learn how their kitchen runs on a busy night\noutcome: she loved the samples — signed the PO for 40 cases on the spot\n---\n');
  fs.writeFileSync(path.join(workspace, '.objective-outcome.yaml'), 'phrases:\n  selfFocused: ["land the logo"]\n');
});

after(() => fs.rmSync(workspace, { recursive: true, force: true }));

test('--explain shows, under each note, the score, the signals and the features behind each verdict', () => {
  const { code, stdout } = run(['lint', '--explain', 'meetings/a.md']);
  assert.equal(code, 1);
  assert.match(stdout, /^ {2}objective “don't leave without the signed PO”\n {4}score -?\d+\.\d\d > -?\d+\.\d\d: self-focused\n {4}signals: .*must-get “don't leave without” [+-]\d/m);
  // The signal that touches the phrase gives the warning its words, whatever its own small share.
  assert.match(stdout, /warning {2}“don't leave without the signed PO” is what you must get before you leave/);
  assert.match(stdout, /^ {4}features: /m);
  assert.match(stdout, /^ {2}outcome “They sign the renewal on Dec 4”\n {4}score -?\d+\.\d\d ≤ -?\d+\.\d\d: an advance/m);
});

test('--explain says when the team’s phrase decided instead of the model', () => {
  const { stdout } = run(['lint', '--explain', 'meetings/team.md']);
  assert.match(stdout, /self-focused: on the team's list of self-focused phrases/);
});

test('--explain shows a purpose or contrast clause read by itself, and whether it decided', () => {
  const { stdout } = run(['lint', '--explain', 'meetings/clauses.md']);
  assert.match(stdout, /^ {4}purpose clause “so we can position the larger unit” read alone: -?\d+\.\d\d − 2\.00 = -?\d+\.\d\d, which decides$/m);
  assert.match(stdout, /^ {4}contrast clause “but they booked the site visit” read alone: -?\d+\.\d\d \+ 0\.50 = -?\d+\.\d\d, which decides$/m);
  assert.match(stdout, /outcome “great meeting[^”]*”\n {4}score -?\d+\.\d\d ≤ -?\d+\.\d\d: an advance/);
});

test('--explain shows an outcome’s part after a dash read by itself', () => {
  const { code, stdout } = run(['lint', '--explain', 'meetings/part.md']);
  assert.equal(code, 0, stdout);
  assert.match(stdout, /^ {4}part after the break “signed the PO for 40 cases on the spot” read alone: -?\d+\.\d\d \+ 0\.50 = -?\d+\.\d\d, which decides$/m);
});

test('--explain goes with text output only', () => {
  const { code, stderr } = run(['lint', '--explain', '--format', 'json', 'meetings/a.md']);
  assert.equal(code, 2);
  assert.match(stderr, /--explain goes with --format text/);
});
