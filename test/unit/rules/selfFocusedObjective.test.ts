import assert from 'node:assert/strict';
import { test } from 'node:test';
import { fixture, lintWithText } from '../../helpers';

test('an objective that only asks for the appointment is self-focused, underlined on the phrase', () => {
  const findings = lintWithText(fixture('self-focused.md'));
  assert.deepEqual(findings.map((finding) => [finding.ruleId, finding.underlined]), [['self-focused-objective', 'get the appointment']]);
  assert.equal(findings[0].severity, 'warning');
  assert.match(findings[0].message, /get the appointment/);
  assert.match(findings[0].message, /outcome/);
});

test('a client-focused objective is not flagged', () => {
  assert.deepEqual(lintWithText(fixture('good.md')), []);
});

test('a quoted objective is underlined inside the quotes', () => {
  const findings = lintWithText('---\nobjective: "Get the appointment"\noutcome: They book a demo for Monday\n---\n');
  assert.deepEqual(findings.map((finding) => finding.underlined), ['Get the appointment']);
});

test('a folded objective still points at the phrase when it is written on one line', () => {
  const text = '---\nobjective: >\n  Share two ideas and\n  get the appointment\noutcome: They book a demo for Monday\n---\n';
  const findings = lintWithText(text);
  assert.deepEqual(findings.map((finding) => [finding.ruleId, finding.underlined]), [['self-focused-objective', 'get the appointment']]);
});
