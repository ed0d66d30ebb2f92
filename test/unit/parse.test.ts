import assert from 'node:assert/strict';
import { test } from 'node:test';
import { lintMarkdown, parseNote } from '../../src/core';
import { fixture, lintWithText, ruleIds } from '../helpers';

test('a well-formed note has no findings', () => {
  assert.deepEqual(ruleIds(fixture('good.md')), []);
});

test('CRLF line endings and a byte-order mark still give exact ranges', () => {
  const text = fixture('crlf-bom.md');
  assert.ok(text.startsWith('\ufeff---\r\n'));
  const findings = lintWithText(text);
  assert.deepEqual(
    findings.map((finding) => [finding.ruleId, finding.underlined]),
    [
      ['self-focused-objective', 'get the appointment'],
      ['prospect-wording', 'prospect'],
    ],
  );
});

test('the YAML block is everything between the two fence lines, whatever the line endings', () => {
  const blocks: Record<string, string> = {
    'crlf-bom.md': '\r\nclient: Fabrikam\r\nobjective: get the appointment\r\noutcome: They agree to a first meeting on Tuesday',
    'dashes-in-body.md': '\nclient: Litware\nobjective: Understand their hiring plan for next year\noutcome: They send the three open job descriptions by Friday',
  };
  for (const [name, block] of Object.entries(blocks)) {
    const text = fixture(name);
    const note = parseNote(text);
    assert.equal(text.slice(note.frontMatter!.yamlStart, note.frontMatter!.yamlEnd), block, name);
  }
});

test('a fence that names another language is refused, even over an empty block or a one-letter name', () => {
  // gray-matter read `---x` over an empty block as YAML (it dropped the name's last letter): 15,825
  // of 200,000 random fences were judged differently from the same fence over a filled block.
  for (const text of ['---x\n---\n# Notes\n', '---Y\r\n---\r\n', '---js\n---\n', '---x\nobjective: a\noutcome: b\n---\n']) {
    const findings = lintWithText(text);
    assert.deepEqual(findings.map((finding) => finding.ruleId), ['invalid-front-matter'], JSON.stringify(text));
    assert.match(findings[0].message, /is refused: only YAML is read/);
  }
  for (const text of ['---yaml\n---\n', '--- yml \n---\n', '---\n---\n']) {
    assert.ok(!ruleIds(text).includes('invalid-front-matter'), JSON.stringify(text));
  }
});

test('a --- later in the body is not front matter', () => {
  assert.deepEqual(ruleIds(fixture('dashes-in-body.md')), []);
});

test('front matter with only comments means both fields are missing', () => {
  assert.deepEqual(ruleIds(fixture('comments-only.md')), ['missing-objective', 'missing-outcome']);
});

test('keys are matched whatever their case, and each list item is judged', () => {
  const findings = lintWithText(fixture('list-objective.md'));
  assert.deepEqual(
    findings.map((finding) => [finding.ruleId, finding.underlined]),
    [['self-focused-objective', 'close the deal']],
  );
});

test('a repeated objective is reported at the second key and the first one counts', () => {
  const findings = lintWithText(fixture('duplicate-keys.md'));
  assert.deepEqual(
    findings.map((finding) => [finding.ruleId, finding.underlined]),
    [['invalid-front-matter', 'Objective']],
  );
  assert.match(findings[0].message, /only the first “objective” counts/);
});

test('a number is read as text and a map is not an outcome', () => {
  const findings = lintWithText(fixture('non-string.md'));
  assert.deepEqual(
    findings.map((finding) => [finding.ruleId, finding.underlined]),
    [['missing-outcome', 'outcome']],
  );
  assert.match(findings[0].message, /should be a sentence/);
});

test('empty, null and placeholder values count as missing', () => {
  const findings = lintWithText(fixture('empty-fields.md'));
  assert.deepEqual(
    findings.map((finding) => [finding.ruleId, finding.underlined]),
    [
      ['missing-objective', 'objective'],
      ['missing-outcome', 'outcome'],
    ],
  );
  for (const value of ['~', 'null', '""', "''", '...', 'TODO', '<your objective>', '"[objective]"', 'N/A']) {
    assert.deepEqual(ruleIds(`---\nobjective: ${value}\noutcome: They sign the SOW by Friday\n---\n`), ['missing-objective'], value);
  }
});

test('broken YAML is one error on the broken line, and nothing else is guessed', () => {
  const findings = lintWithText(fixture('invalid-yaml.md'));
  assert.equal(findings.length, 1);
  assert.equal(findings[0].ruleId, 'invalid-front-matter');
  assert.equal(findings[0].severity, 'error');
  assert.match(findings[0].message, /“\[” opened here is never closed/);
});

test('front matter that is never closed is reported on the opening fence', () => {
  const findings = lintWithText(fixture('unclosed.md'));
  assert.deepEqual(
    findings.map((finding) => [finding.ruleId, finding.underlined]),
    [['invalid-front-matter', '---']],
  );
  assert.match(findings[0].message, /never closed/);
});

test('front matter that is a list, not key: value lines, is an error', () => {
  assert.deepEqual(ruleIds('---\n- objective\n- outcome\n---\n'), ['invalid-front-matter']);
});

test('a note without front matter is missing both fields, reported on the first line', () => {
  const findings = lintWithText('# Call with Acme\n\nThey were busy.\n');
  assert.deepEqual(
    findings.map((finding) => [finding.ruleId, finding.underlined]),
    [
      ['missing-objective', '# Call with Acme'],
      ['missing-outcome', '# Call with Acme'],
    ],
  );
});

test('an alias resolves to its anchor and an alias bomb is never expanded', { timeout: 10_000 }, () => {
  const text = '---\nbase: &a Understand their goals\nobjective: *a\noutcome: They book the second meeting for Monday\n---\n';
  assert.deepEqual(ruleIds(text), []);
  const bomb = ['---', 'a: &a ["x","x","x","x","x","x","x","x","x"]'];
  for (let level = 1; level < 10; level++) bomb.push(`${String.fromCharCode(97 + level)}: &${String.fromCharCode(97 + level)} [${Array(9).fill(`*${String.fromCharCode(96 + level)}`).join(',')}]`);
  bomb.push('objective: *j', 'outcome: They sign', '---', '');
  const findings = lintMarkdown(bomb.join('\n'), { force: true }) ?? [];
  assert.deepEqual(findings.map((finding) => finding.ruleId), ['invalid-front-matter'], 'a bomb is named as such, not judged as a field');
  assert.match(findings[0].message, /aliases \(\*name\) 82 times.*billion laughs/);
});
