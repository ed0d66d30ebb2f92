import assert from 'node:assert/strict';
import { test } from 'node:test';
import matter from 'gray-matter';
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

test('the YAML block is the one gray-matter splits off', () => {
  for (const name of ['good.md', 'crlf-bom.md', 'list-objective.md', 'dashes-in-body.md']) {
    const text = fixture(name);
    const note = parseNote(text);
    const split = matter(text, { language: 'yaml', engines: { yaml: () => ({}) } });
    assert.equal(text.slice(note.frontMatter!.yamlStart, note.frontMatter!.yamlEnd), split.matter.replace(/\r$/, ''), name);
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
