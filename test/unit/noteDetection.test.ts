import { test } from 'node:test';
import assert from 'node:assert/strict';
import { DEFAULT_CONFIG, matchesAny } from '../../src/core';
import { commandLineGlob, isTheFolderItself } from '../shippedGlob';

// matchesAny is the team file's own linear matcher (src/core/glob.ts); this proves a glob means in
// .objective-outcome.yaml what it means on the command line, on the globs and paths notes have.
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

test('a glob in the team file matches the paths it matches on the command line', () => {
  for (const glob of GLOBS) {
    const onCommandLine = commandLineGlob(glob, { dot: true, nocase: true });
    for (const path of PATHS) {
      if (isTheFolderItself(glob, path, (folder) => (candidate) => matchesAny(candidate, [folder]))) continue;
      assert.equal(matchesAny(path, [glob]), onCommandLine(path), `${glob} against ${path}`);
    }
  }
  // The one difference, on purpose: a file named like the folder is not under it.
  assert.equal(matchesAny('archive', ['archive/**']), false);
  assert.equal(commandLineGlob('archive/**', { dot: true, nocase: true })('archive'), true);
});

test('the default excludes leave notes in and README, CHANGELOG and node_modules out', () => {
  assert.equal(matchesAny('notes/ana/meetings/acme.md', DEFAULT_CONFIG.exclude), false);
  assert.equal(matchesAny('notes/ana/README.md', DEFAULT_CONFIG.exclude), true);
  assert.equal(matchesAny('CHANGELOG.md', DEFAULT_CONFIG.exclude), true);
  assert.equal(matchesAny('tools/node_modules/pkg/meetings/a.md', DEFAULT_CONFIG.exclude), true);
});
