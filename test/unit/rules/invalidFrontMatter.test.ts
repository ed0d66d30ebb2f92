import assert from 'node:assert/strict';
import { test } from 'node:test';
import { lintWithText } from '../../helpers';

test('front matter in another language than YAML is refused as an error', () => {
  for (const language of ['js', 'javascript', 'coffee', 'toml', 'json']) {
    const findings = lintWithText(`---${language}\n{objective: "x"}\n---\n`);
    assert.deepEqual(findings.map((finding) => [finding.ruleId, finding.severity, finding.underlined]), [['invalid-front-matter', 'error', `---${language}`]], language);
    assert.match(findings[0].message, /only YAML is read/);
  }
});

test('---yaml is YAML', () => {
  assert.deepEqual(lintWithText('---yaml\nobjective: Understand their goals\noutcome: They sign the SOW Friday\n---\n'), []);
});

test('a tab-indented or badly nested block is reported, not thrown', () => {
  const findings = lintWithText('---\nobjective: Understand\n\toutcome: x\n---\n');
  assert.equal(findings[0].ruleId, 'invalid-front-matter');
});
