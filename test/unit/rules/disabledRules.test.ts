import assert from 'node:assert/strict';
import { test } from 'node:test';
import { DEFAULT_CONFIG, fixesForFinding, lintNote, RuleId } from '../../../src/core';

const BROKEN = '---\n# objective-outcome-disable invalid-front-matter\nclient: Acme Dental\nobjective: "Understand their booking\noutcome: They sign\n---\n';

test('turning invalid-front-matter off for a note whose fields cannot be read still reports it', () => {
  const findings = lintNote(BROKEN);
  assert.deepEqual(findings.map((finding) => [finding.ruleId, finding.severity]), [['invalid-front-matter', 'error']]);
});

test('a note whose fields cannot be read is reported even when every rule is off for it, or the team turned the rule off', () => {
  assert.deepEqual(lintNote(BROKEN.replace(' invalid-front-matter', '')).map((finding) => finding.ruleId), ['invalid-front-matter']);
  const config = { ...DEFAULT_CONFIG, rules: { ...DEFAULT_CONFIG.rules, 'invalid-front-matter': 'off' as const } };
  assert.deepEqual(lintNote(BROKEN, { config }).map((finding) => [finding.ruleId, finding.severity]), [['invalid-front-matter', 'error']]);
});

test('a broken note is not offered "turn off invalid-front-matter", which could not hide it', () => {
  const [finding] = lintNote(BROKEN);
  assert.ok(!fixesForFinding(BROKEN, finding).some((fix) => fix.kind === 'disable-rule'));
});

test('a repeated key can still be turned off: the note is readable', () => {
  const text = '---\nobjective: Understand their goals\nObjective: Learn their budget\noutcome: They sign the SOW on Friday\n---\n';
  const [finding] = lintNote(text);
  assert.equal(finding.ruleId, 'invalid-front-matter');
  assert.ok(fixesForFinding(text, finding).some((fix) => fix.kind === 'disable-rule'));
});

test('the rules a note turns off are counted, so a report can say the note is not clean', () => {
  const turnedOff: RuleId[] = [];
  assert.deepEqual(lintNote('---\n# objective-outcome-disable\ntype: meeting\n---\n', { turnedOff }), []);
  assert.deepEqual(turnedOff, ['invalid-front-matter', 'missing-objective', 'missing-outcome', 'self-focused-objective', 'weak-outcome', 'prospect-wording', 'unjudged-language']);
  const some: RuleId[] = [];
  lintNote('---\n# objective-outcome-disable weak-outcome\nobjective: Learn their goals\noutcome: They liked it\n---\n', { turnedOff: some });
  assert.deepEqual(some, ['weak-outcome']);
});
