import assert from 'node:assert/strict';
import { test } from 'node:test';
import { fixture, lintWithText } from '../../helpers';

test('a note with no objective key is flagged on the opening fence, with an example', () => {
  const findings = lintWithText(fixture('missing-objective.md')).filter((finding) => finding.ruleId === 'missing-objective');
  assert.equal(findings.length, 1);
  assert.equal(findings[0].underlined, '---');
  assert.equal(findings[0].severity, 'warning');
  assert.match(findings[0].message, /No objective/);
  assert.equal(findings[0].data?.keyAbsent, true);
});

test('an empty objective is flagged on its key', () => {
  const findings = lintWithText('---\nobjective:   \noutcome: They sign the SOW by Friday\n---\n');
  assert.deepEqual(findings.map((finding) => [finding.ruleId, finding.underlined, finding.data?.keyAbsent]), [['missing-objective', 'objective', false]]);
  assert.match(findings[0].message, /empty/);
});

test('an objective under a team alias counts', () => {
  const text = '---\ngoal: Understand their hiring plan\noutcome: They send the job descriptions by Friday\n---\n';
  assert.deepEqual(lintWithText(text).map((finding) => finding.ruleId), ['missing-objective']);
  const config = { ...require('../../../src/core').DEFAULT_CONFIG, fields: { objective: ['objective', 'goal'], outcome: ['outcome'] } };
  assert.deepEqual(lintWithText(text, { config }), []);
});
