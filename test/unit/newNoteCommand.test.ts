import assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { beforeEach, test } from 'node:test';
import { lintNote } from '../../src/core';
import { ROOT } from '../helpers';
import { fake, installFakeVscode, Uri } from './fakes/vscode';

installFakeVscode();
// Loaded after the fake vscode is installed, hence require rather than import.
const { newMeetingNote } = require('../../src/extension/newMeetingNote') as typeof import('../../src/extension/newMeetingNote');

const extensionUri = Uri.file('/extension');
const today = new Date();
const iso = `${today.getFullYear()}-${String(today.getMonth() + 1).padStart(2, '0')}-${String(today.getDate()).padStart(2, '0')}`;

beforeEach(() => {
  fake.reset();
  fake.files.set(Uri.file('/extension/snippets/meeting-notes.code-snippets').toString(), fs.readFileSync(path.join(ROOT, 'snippets', 'meeting-notes.code-snippets')));
  fake.folders = [{ uri: Uri.file('/work/sales'), name: 'sales', index: 0 }];
});

// The fake's Uri stands in for vscode.Uri: the command only uses its shape.
// eslint-disable-next-line @typescript-eslint/no-explicit-any
const run = (args?: object) => newMeetingNote(extensionUri as any, args as any);

test('New Meeting Note creates meetings/<date>-<client>-<kind>.md and inserts the snippet with the client filled in', async () => {
  const uri = await run({ kind: 'first-meeting', client: 'Acme Dental' });
  assert.equal(uri?.path, `/work/sales/meetings/${iso}-acme-dental-first-meeting.md`);
  const [opened] = fake.opened;
  assert.equal(opened.uri.path, uri?.path);
  assert.match(opened.snippet!, /^---\nclient: \$\{1:Acme Dental\}\n/);
  assert.match(opened.snippet!, /\$\{2|\$\{3/, 'the other tab stops stay live');
});

test('New Meeting Note never overwrites: a taken name gets -2, then -3', async () => {
  const first = await run({ kind: 'call', client: 'Acme' });
  const second = await run({ kind: 'call', client: 'Acme' });
  const third = await run({ kind: 'call', client: 'Acme' });
  assert.deepEqual(
    [first, second, third].map((uri) => path.posix.basename(uri!.path)),
    [`${iso}-acme-call.md`, `${iso}-acme-call-2.md`, `${iso}-acme-call-3.md`],
  );
});

test('New Meeting Note refuses a folder setting that leaves the workspace folder', async () => {
  fake.settings['objectiveOutcome.newNote.folder'] = '../elsewhere';
  assert.equal(await run({ kind: 'call', client: 'Acme' }), undefined);
  assert.match(fake.errors[0], /would leave the workspace folder/);
  assert.equal(fake.opened.length, 0);
});

test('New Meeting Note follows the folder and file-name settings', async () => {
  fake.settings['objectiveOutcome.newNote.folder'] = 'clients/client';
  fake.settings['objectiveOutcome.newNote.fileName'] = 'kind-YYYY';
  const uri = await run({ kind: 'review', client: 'Zoë & Co.' });
  assert.equal(uri?.path, `/work/sales/clients/zoe-co/review-${today.getFullYear()}.md`);
});

test('in a multi-root workspace New Meeting Note asks which folder, and the prompts pick kind and client', async () => {
  fake.folders.push({ uri: Uri.file('/work/service'), name: 'service', index: 1 });
  fake.quickPicks.push((items) => items.find((item) => item.description === 'follow-up'));
  fake.inputs.push('   ', 'Contoso');
  fake.folderPicks.push(1);
  // The first name is refused by the input box's validation; a second run types a good one.
  assert.equal(await run(), undefined);
  assert.equal(fake.inputValidations[0], "Type the client's name.");
  fake.quickPicks.push((items) => items.find((item) => item.description === 'follow-up'));
  const uri = await run();
  assert.equal(uri?.path, `/work/service/meetings/${iso}-contoso-follow-up.md`);
});

test('with no folder open and arguments given, New Meeting Note opens an untitled note', async () => {
  fake.folders = [];
  const uri = await run({ kind: 'meeting', client: 'Acme' });
  assert.equal(uri?.scheme, 'untitled');
  assert.match(fake.opened[0].snippet!, /client: \$\{1:Acme\}/);
});

test('an unknown kind or an empty client name is a message, not a note', async () => {
  assert.equal(await run({ kind: 'lunch', client: 'Acme' }), undefined);
  assert.match(fake.errors[0], /no kind “lunch”. Kinds: meeting, call, first-meeting, follow-up, review/);
  assert.equal(await run({ kind: 'call', client: '' }), undefined);
  assert.match(fake.errors[1], /Type the client's name/);
});

test('a client name YAML would misread is quoted in the front matter, and the note parses once expanded', async () => {
  await run({ kind: 'call', client: 'Acme: Dental' });
  const snippet = fake.opened[0].snippet!;
  assert.match(snippet, /^---\nclient: "Acme: Dental"\n/);
  const expanded = snippet
    .replace(/\$\{\d+\|([^,|]*)[^|]*\|\}/g, '$1')
    .replace(/\$\{\d+:((?:\\.|[^}])*)\}/g, '$1')
    .replace(/\$\d+/g, '')
    .replace(/\$CURRENT_YEAR-\$CURRENT_MONTH-\$CURRENT_DATE/g, iso)
    .replace(/\\(.)/g, '$1');
  // Only the template's untouched examples are flagged: the quoted name itself reads back fine.
  assert.deepEqual(lintNote(expanded).map((finding) => finding.ruleId), ['missing-objective', 'missing-outcome']);
});

test('a note that appears between the check and the creation is not overwritten: the next name is used', async () => {
  const { workspace } = await import('./fakes/vscode');
  const original = workspace.applyEdit;
  let raced = false;
  workspace.applyEdit = async (edit) => {
    if (!raced) {
      raced = true;
      fake.files.set(edit.creates[0].uri.toString(), new TextEncoder().encode('written by someone else'));
    }
    return original(edit);
  };
  try {
    const uri = await run({ kind: 'call', client: 'Acme' });
    assert.equal(path.posix.basename(uri!.path), `${iso}-acme-call-2.md`);
    assert.equal(new TextDecoder().decode(fake.files.get(Uri.file(`/work/sales/meetings/${iso}-acme-call.md`).toString())), 'written by someone else');
  } finally {
    workspace.applyEdit = original;
  }
});

test('a file system that refuses to create the folder is a message, not a crash', async () => {
  const { workspace } = await import('./fakes/vscode');
  const original = workspace.fs.createDirectory;
  workspace.fs.createDirectory = async () => {
    throw new Error('read-only file system');
  };
  try {
    assert.equal(await run({ kind: 'call', client: 'Acme' }), undefined);
    assert.match(fake.errors[0], /could not create the note in \/work\/sales\/meetings: read-only file system/);
  } finally {
    workspace.fs.createDirectory = original;
  }
});
