import assert from 'node:assert/strict';
import { test } from 'node:test';
import * as posix from 'node:path/posix';
import { configFileRefusal, configFromFile, DEFAULT_CONFIG, lintMarkdown, MAX_CONFIG_BYTES, parseConfig, searchConfigSync } from '../../src/core';
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

/** Runs the config search over an imagined tree: folders are posix paths, `git` lists repository roots. */
function searchIn(tree: { configs: Record<string, string>; git?: string[]; workspaceTop?: string }, start: string) {
  const bounds = {
    parent: (folder: string) => (folder === '/' ? undefined : posix.dirname(folder)),
    isWorkspaceTop: (folder: string) => folder === tree.workspaceTop,
  };
  const asked: string[] = [];
  const end = searchConfigSync(start, bounds, (folder) => {
    asked.push(folder);
    const text = tree.configs[folder];
    return { config: text === undefined ? { kind: 'missing' } : { kind: 'text', text }, holdsGit: tree.git?.includes(folder) ?? false };
  });
  return { folder: end.folder, found: end.found?.kind, asked };
}

test('the config search takes the nearest config and asks about no folder above it', () => {
  assert.deepEqual(searchIn({ configs: { '/w/team': '', '/w': '' } }, '/w/team/meetings'), { folder: '/w/team', found: 'text', asked: ['/w/team/meetings', '/w/team'] });
});

test('the config search stops at a repository root or the workspace top, whichever comes first, never above', () => {
  const configs = { '/': 'rules: {}', '/home': 'rules: {}' };
  assert.deepEqual(searchIn({ configs, git: ['/home/rep/notes'] }, '/home/rep/notes/meetings'), {
    folder: '/home/rep/notes',
    found: undefined,
    asked: ['/home/rep/notes/meetings', '/home/rep/notes'],
  });
  assert.deepEqual(searchIn({ configs, workspaceTop: '/home/rep' }, '/home/rep/notes/meetings'), {
    folder: '/home/rep',
    found: undefined,
    asked: ['/home/rep/notes/meetings', '/home/rep/notes', '/home/rep'],
  });
  assert.deepEqual(searchIn({ configs: {} }, '/a').asked, ['/a', '/'], 'with no bound at all, up to the file-system root');
});

test('a config file the host refuses ends the search with the defaults and a clear problem', () => {
  assert.deepEqual(configFromFile({ kind: 'refused', reason: 'permission denied' }, 'team/.objective-outcome.yaml'), {
    config: DEFAULT_CONFIG,
    problems: ['team/.objective-outcome.yaml: not read: permission denied; the notes under it are checked with the default rules.'],
  });
  assert.equal(configFileRefusal({ isFile: true, isFolder: false, size: MAX_CONFIG_BYTES }), undefined);
  assert.match(configFileRefusal({ isFile: true, isFolder: false, size: MAX_CONFIG_BYTES + 1 })!, /over the 1 MB limit/);
  assert.match(configFileRefusal({ isFile: false, isFolder: false, size: 0 })!, /not a regular file/);
});
