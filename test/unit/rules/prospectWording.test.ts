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

test('code blocks as the rep sees them: fences after up to three spaces, of either kind, closed by their own kind, lines ending at \\n', () => {
  const text = [
    '---', 'objective: Understand their week', 'outcome: They sign by Friday', '---',
    'prospect 1',
    '```prospect', 'prospect', '~~~', 'prospect', '```  prospect',
    'prospect 2',
    '    ```',
    'prospect 3',
    '   ~~~~ info', 'Prospects', '~~~ prospect',
    'half\r```',
    'PROSPECT 4',
    'x\r\n   ```\r', 'prospect\r', '```\r',
    'prospects 5\r',
    '```', 'prospect',
  ].join('\n');
  // Each finding with what follows it, so every flagged word says which one it is.
  assert.deepEqual(
    lintWithText(text).filter((finding) => finding.ruleId === 'prospect-wording').map((finding) => finding.underlined + text.slice(finding.end, finding.end + 2)),
    ['prospect 1', 'prospect 2', 'prospect 3', 'PROSPECT 4', 'prospects 5'],
  );
});

test('prospecting and prospective are other words', () => {
  assert.deepEqual(lintWithText('---\nobjective: Understand their prospective hires\noutcome: They send the list by Friday\n---\nprospecting call\n'), []);
});

test('a disable comment in the front matter turns named rules off for that note', () => {
  assert.deepEqual(lintWithText(fixture('disabled.md')), []);
  const all = '---\n# objective-outcome-disable\nobjective: get the appointment\n---\n';
  assert.deepEqual(lintWithText(all), []);
});
