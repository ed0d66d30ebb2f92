import { test } from 'node:test';
import assert from 'node:assert/strict';
import { Minimatch } from 'minimatch';
import { DEFAULT_CONFIG, matchesAny } from '../../src/core';

// matchesAny answers with each glob's regular expression, which is much cheaper than minimatch's
// match(); this proves the two agree on the globs and paths notes have.
const GLOBS = [
  ...DEFAULT_CONFIG.include,
  ...DEFAULT_CONFIG.exclude,
  'archive/**',
  '**/*.draft.md',
  'notes/{ana,ben}/**',
  '*.md',
  'meetings/**/2025-*',
  '**/[Dd]rafts/**',
  '**/templates/*.md',
  '**/.obsidian/**',
  'clients/*/calls/**/*.markdown',
  '**/Équipe/**',
  '!archive/**',
  '#not a glob',
  'notes/?-*.md',
  '**/{old,older}/**',
];
const PATHS = [
  'note.md',
  'README.md',
  'readme.md',
  'docs/README.md',
  'meetings/2026-01-02-acme.md',
  'notes/ana/meetings/acme.md',
  'notes/ana/MEETINGS/acme.md',
  'notes/ben/calls/2025-12-01.md',
  'notes/cleo/call-notes/x.md',
  'notes/a-first.md',
  'notes/ab-first.md',
  'archive/2024/old.md',
  'archive.md',
  'node_modules/pkg/README.md',
  'deep/node_modules/x/meetings/a.md',
  '.obsidian/templates/meeting.md',
  'vault/.obsidian/x.md',
  'meetings/.hidden/note.md',
  'drafts/plan.md',
  'Drafts/plan.md',
  'x/plan.draft.md',
  'templates/call.md',
  'a/templates/call.md',
  'clients/acme/calls/2026/q1/intro.markdown',
  'clients/acme/calls/intro.md',
  'Équipe/réunions/compte-rendu.md',
  'équipe/réunions/compte-rendu.md',
  'meetings/2025-11-03/acme.md',
  'reps/old/a.md',
  'reps/older/meetings/b.md',
  'CHANGELOG.md',
  'sub/changelog.md',
  '/home/rep/notes/meetings/abs.md',
  '/tmp/node_modules/a.md',
];

test('matchesAny agrees with minimatch’s match() for every glob and path', () => {
  for (const glob of GLOBS) {
    const matcher = new Minimatch(glob, { dot: true, nocase: true, matchBase: false });
    for (const path of PATHS) {
      assert.equal(matchesAny(path, [glob]), matcher.match(path), `${glob} against ${path}`);
    }
  }
});

test('the default excludes leave notes in and README, CHANGELOG and node_modules out', () => {
  assert.equal(matchesAny('notes/ana/meetings/acme.md', DEFAULT_CONFIG.exclude), false);
  assert.equal(matchesAny('notes/ana/README.md', DEFAULT_CONFIG.exclude), true);
  assert.equal(matchesAny('CHANGELOG.md', DEFAULT_CONFIG.exclude), true);
  assert.equal(matchesAny('tools/node_modules/pkg/meetings/a.md', DEFAULT_CONFIG.exclude), true);
});
