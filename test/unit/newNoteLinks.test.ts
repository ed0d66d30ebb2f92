import assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { beforeEach, test } from 'node:test';
import { ROOT } from '../helpers';
import { fake, installFakeVscode, Uri } from './fakes/vscode';

installFakeVscode();
// Loaded after the fake vscode is installed, hence require rather than import.
const { newMeetingNote } = require('../../src/extension/newMeetingNote') as typeof import('../../src/extension/newMeetingNote');

beforeEach(() => {
  fake.reset();
  fake.files.set(Uri.file('/extension/snippets/meeting-notes.code-snippets').toString(), fs.readFileSync(path.join(ROOT, 'snippets', 'meeting-notes.code-snippets')));
  fake.folders = [{ uri: Uri.file('/work/sales'), name: 'sales', index: 0 }];
});

// The fake's Uri stands in for vscode.Uri: the command only uses its shape.
// eslint-disable-next-line @typescript-eslint/no-explicit-any
const run = (args?: object) => newMeetingNote(Uri.file('/extension') as any, args as any);

test('New Meeting Note refuses a folder on the way that is a symbolic link, which could lead outside the workspace', async () => {
  fake.links.add(Uri.file('/work/sales/meetings').toString());
  const uri = await run({ kind: 'call', client: 'Acme' });
  assert.equal(uri, undefined);
  assert.equal(fake.opened.length, 0);
  assert.equal(fake.errors.length, 1);
  assert.match(fake.errors[0], /^New Meeting Note: \/work\/sales\/meetings is a link to another place/);
  assert.ok(![...fake.files.keys()].some((key) => key.includes('/work/sales/meetings/')), 'no file is created');
});

test('a link deeper in the configured folder is refused too; plain folders are not', async () => {
  fake.settings['objectiveOutcome.newNote.folder'] = 'reps/ana/calls';
  fake.files.set(Uri.file('/work/sales/reps/ana/old.md').toString(), new Uint8Array());
  fake.links.add(Uri.file('/work/sales/reps/ana/calls').toString());
  assert.equal(await run({ kind: 'call', client: 'Acme' }), undefined);
  assert.match(fake.errors[0], /reps\/ana\/calls is a link/);
  fake.links.clear();
  const uri = await run({ kind: 'call', client: 'Acme' });
  assert.match(uri!.path, /^\/work\/sales\/reps\/ana\/calls\/.*-acme-call\.md$/);
});
