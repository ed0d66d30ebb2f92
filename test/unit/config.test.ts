import assert from 'node:assert/strict';
import { test } from 'node:test';
import { DEFAULT_CONFIG, lintMarkdown, parseConfig } from '../../src/core';
import { lintWithText } from '../helpers';

test('a team config sets severities, turns rules off and adds field names', () => {
  const { config, problems } = parseConfig(
    'rules:\n  weak-outcome: warning\n  prospect-wording: off\nfields:\n  objective: [goal]\n  outcome: [result]\n',
  );
  assert.deepEqual(problems, []);
  const text = '---\ngoal: Understand their goals\nresult: They liked it\n---\nthe prospect\n';
  assert.deepEqual(
    lintWithText(text, { config }).map((finding) => [finding.ruleId, finding.severity]),
    [['weak-outcome', 'warning']],
  );
});

test('mistakes in the config are explained and the rest still applies', () => {
  const { config, problems } = parseConfig('rules:\n  weak-outcome: loud\n  no-such-rule: error\n  missing-outcome: error\ncolour: red\n');
  assert.equal(problems.length, 3);
  assert.match(problems.join('\n'), /“loud” is not a severity/);
  assert.match(problems.join('\n'), /Unknown rule “no-such-rule”/);
  assert.match(problems.join('\n'), /Unknown setting “colour”/);
  assert.equal(config.rules['missing-outcome'], 'error');
});

test('a config that is not YAML falls back to the defaults with one clear problem', () => {
  const { config, problems } = parseConfig('rules: [unclosed\n');
  assert.equal(config, DEFAULT_CONFIG);
  assert.equal(problems.length, 1);
  assert.match(problems[0], /not valid YAML/);
});

test('include and exclude decide which Markdown files are notes', () => {
  const plain = '# Just notes\n';
  assert.equal(lintMarkdown(plain, { path: 'docs/guide.md' }), undefined);
  assert.notEqual(lintMarkdown(plain, { path: 'team/Meetings/2026-11-27-acme.md' }), undefined);
  assert.equal(lintMarkdown(plain, { path: 'meetings/README.md' }), undefined);
  const { config } = parseConfig('include: ["clients/**"]\nexclude: ["clients/archive/**"]\n');
  assert.notEqual(lintMarkdown(plain, { path: 'clients/acme/call.md', config }), undefined);
  assert.equal(lintMarkdown(plain, { path: 'clients/archive/old.md', config }), undefined);
});

test('front matter with an objective, an outcome or a meeting type makes any file a note', () => {
  assert.notEqual(lintMarkdown('---\noutcome: They sign\n---\n', { path: 'anywhere/x.md' }), undefined);
  assert.notEqual(lintMarkdown('---\ntype: Discovery Call\n---\n', { path: 'anywhere/x.md' }), undefined);
  assert.equal(lintMarkdown('---\ntype: blog-post\n---\n', { path: 'anywhere/x.md' }), undefined);
  assert.notEqual(lintMarkdown('---js\nobjective: 1\n---\n', { path: 'anywhere/x.md' }), undefined, 'a broken note is still a note');
});

test('severities accept common spellings', () => {
  const { config } = parseConfig('rules:\n  weak-outcome: Information\n  missing-outcome: warn\n  prospect-wording: false\n');
  assert.deepEqual(config.rules, { 'weak-outcome': 'info', 'missing-outcome': 'warning', 'prospect-wording': 'off' });
});
