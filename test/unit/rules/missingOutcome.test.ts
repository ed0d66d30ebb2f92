import assert from 'node:assert/strict';
import { test } from 'node:test';
import { fixture, lintWithText } from '../../helpers';

test('a note with no outcome key is flagged on the opening fence', () => {
  const findings = lintWithText(fixture('missing-outcome.md'));
  assert.deepEqual(findings.map((finding) => [finding.ruleId, finding.underlined]), [['missing-outcome', '---']]);
  assert.match(findings[0].message, /No outcome/);
});

test('an outcome that is an empty list is missing', () => {
  const findings = lintWithText('---\nobjective: Understand their goals\noutcome: []\n---\n');
  assert.deepEqual(findings.map((finding) => [finding.ruleId, finding.underlined]), [['missing-outcome', 'outcome']]);
});

test('filling the outcome clears the finding', () => {
  const before = fixture('missing-outcome.md');
  const after = before.replace('---\n# Call', 'outcome: They book a first meeting for Tuesday\n---\n# Call');
  assert.notEqual(before, after);
  assert.deepEqual(lintWithText(after), []);
});
