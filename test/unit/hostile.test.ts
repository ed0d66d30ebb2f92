import assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { test } from 'node:test';
import { fileTooLargeNotice, lintMarkdown, parseConfig } from '../../src/core';
import { ROOT } from '../helpers';

const HOSTILE = path.join(ROOT, 'test', 'fixtures', 'hostile');
const hostile = (name: string) => fs.readFileSync(path.join(HOSTILE, name), 'utf8');

test('an alias bomb gets one clear error and is never expanded', { timeout: 5_000 }, () => {
  const findings = lintMarkdown(hostile('alias-bomb.md'), { force: true })!;
  assert.deepEqual(findings.map((finding) => finding.ruleId), ['invalid-front-matter']);
  assert.match(findings[0].message, /billion laughs/);
});

test('a few aliases, as a person might use them, are fine', () => {
  const text = '---\nbase: &goal Understand their goals\nobjective: *goal\noutcome: They book the second meeting for Monday\n---\n';
  assert.deepEqual(lintMarkdown(text, { force: true }), []);
});

test('front matter nested thousands of levels deep is refused at once, flow or block', { timeout: 5_000 }, () => {
  const flow = lintMarkdown(hostile('deeply-nested.md'), { force: true })!;
  assert.deepEqual(flow.map((finding) => finding.ruleId), ['invalid-front-matter']);
  assert.match(flow[0].message, /nests more than 64 levels/);
  const block = `---\nobjective: Understand\nx:\n${Array.from({ length: 3000 }, (_, depth) => `${' '.repeat(depth + 1)}- `).join('\n')}\n---\n`;
  assert.match(lintMarkdown(block, { force: true })![0].message, /nests more than 64 levels/);
  const maps = `---\nobjective: Understand\n${Array.from({ length: 3000 }, (_, depth) => `${' '.repeat(depth)}k${depth}:`).join('\n')}\n---\n`;
  assert.match(lintMarkdown(maps, { force: true })![0].message, /nests more than 64 levels/);
});

test('ordinary nesting (attendees, a block of notes) is not mistaken for a bomb', () => {
  const text = [
    '---',
    'objective: Understand how their front desk books patients today',
    'outcome: They commit to a second meeting on Dec 4',
    'attendees:',
    '  - name: Dr. Lee',
    '    roles: [owner, "decision maker", {budget: yes}]',
    'notes: |',
    '  First line',
    '    indented',
    '      more',
    '---',
  ].join('\n');
  assert.deepEqual(lintMarkdown(text, { force: true }), []);
});

test('broken YAML reports at most five errors, however many the parser finds', () => {
  const text = `---\nobjective: Understand\n${'bad: [unclosed\n'.repeat(2000)}---\n`;
  const findings = lintMarkdown(text, { force: true })!;
  assert.ok(findings.length >= 1 && findings.length <= 5);
});

test('NUL bytes and lone surrogates in a note do not break the lint', () => {
  const text = '---\nobjective: Understand\u0000 their \ud800 goals\noutcome: They sign by Friday \udc00\n---\n\u0000\u0000';
  const findings = lintMarkdown(text, { force: true })!;
  for (const finding of findings) assert.ok(finding.start >= 0 && finding.end <= text.length);
});

test('a note over the size limit gets an information notice instead of being parsed', () => {
  const limit = parseConfig('maxFileSize: 2MB\n').config.maxFileSize;
  assert.equal(fileTooLargeNotice(limit, limit), undefined);
  const notice = fileTooLargeNotice(10 * 1024 * 1024, limit)!;
  assert.deepEqual({ ...notice, message: undefined }, { ruleId: 'skipped-file', severity: 'info', message: undefined, start: 0, end: 0 });
  assert.equal(notice.message, 'Not checked: this file is 10 MB, over the 2 MB limit (maxFileSize in .objective-outcome.yaml).');
  assert.equal(parseConfig('maxFileSize: 900 bytes\n').config.maxFileSize, 900);
});
