import assert from 'node:assert/strict';
import { test } from 'node:test';
import { fixture, lintWithText } from '../../helpers';

test('"prospect" in the note is a hint to say "client", but not inside code blocks', () => {
  const findings = lintWithText(fixture('prospect.md'));
  assert.deepEqual(
    findings.map((finding) => [finding.ruleId, finding.severity, finding.underlined]),
    [
      ['prospect-wording', 'info', 'prospect'],
      ['prospect-wording', 'info', 'Prospects'],
    ],
  );
  assert.match(findings[1].message, /“clients”/);
  assert.equal(findings[1].data?.suggestion, 'Clients');
});

test('prospecting and prospective are other words', () => {
  assert.deepEqual(lintWithText('---\nobjective: Understand their prospective hires\noutcome: They send the list by Friday\n---\nprospecting call\n'), []);
});

test('a disable comment in the front matter turns named rules off for that note', () => {
  assert.deepEqual(lintWithText(fixture('disabled.md')), []);
  const all = '---\n# objective-outcome-disable\nobjective: get the appointment\n---\n';
  assert.deepEqual(lintWithText(all), []);
});
