import assert from 'node:assert/strict';
import { test } from 'node:test';
import { lintWithText } from '../../helpers';

const note = (outcome: string) => `---\nobjective: Understand their goals for next year\noutcome: ${outcome}\n---\n`;

test('an outcome that is only a feeling is weak, as information', () => {
  const findings = lintWithText(note('They liked the demo'));
  assert.deepEqual(findings.map((finding) => finding.ruleId), ['weak-outcome']);
  assert.equal(findings[0].severity, 'info');
});

test('a specific client commitment is not weak', () => {
  assert.deepEqual(lintWithText(note('They commit to a second appointment on Dec 4 with the office manager')), []);
});

test('each outcome in a list is judged on its own', () => {
  const text = '---\nobjective: Understand their goals\noutcome:\n  - They sign the SOW by Friday\n  - keep in touch\n---\n';
  const findings = lintWithText(text);
  assert.deepEqual(findings.map((finding) => finding.ruleId), ['weak-outcome']);
  assert.ok(text.slice(findings[0].start, findings[0].end).length <= 'keep in touch'.length);
  assert.ok(findings[0].start >= text.indexOf('keep'), 'the finding is on the weak item');
});
