import assert from 'node:assert/strict';
import { test } from 'node:test';
import { checkClientName, expandPattern, fillClientName, notePath, slugify, withSuffix } from '../../src/core';
import { yamlScalar } from '../../src/core/newNote';

const parts = { date: new Date(2026, 10, 7), client: 'Zoë & Co. Dental', kind: 'first-meeting' };

test('a client’s name becomes a lower-case slug without accents, any script kept', () => {
  assert.equal(slugify('Zoë & Co. Dental'), 'zoe-co-dental');
  assert.equal(slugify('  ../../etc/passwd '), 'etc-passwd');
  assert.equal(slugify('株式会社 山田'), '株式会社-山田');
  assert.equal(slugify('!!!'), '');
});

test('the default pattern names the note by date, client and kind', () => {
  assert.equal(expandPattern('YYYY-MM-DD-client-kind.md', parts), '2026-11-07-zoe-co-dental-first-meeting.md');
  assert.equal(expandPattern('meetings/YYYY/MM', parts), 'meetings/2026/11');
  assert.equal(expandPattern('clients.md', parts), 'clients.md', 'a token only counts on its own');
});

test('the note lands inside the workspace folder, or the pattern is refused', () => {
  assert.deepEqual(notePath('meetings', 'YYYY-MM-DD-client-kind.md', parts), { segments: ['meetings', '2026-11-07-zoe-co-dental-first-meeting.md'] });
  assert.deepEqual(notePath('', 'client', parts), { segments: ['zoe-co-dental.md'] }, '.md is added');
  for (const [folder, fileName] of [
    ['../outside', 'x.md'],
    ['/etc', 'x.md'],
    ['C:/notes', 'x.md'],
    ['meetings', '../x.md'],
    ['meetings', 'a\\b.md'],
    ['meetings/../..', 'x.md'],
    ['~/notes', 'x.md'],
  ]) {
    assert.ok('refused' in notePath(folder, fileName, parts), `${folder} + ${fileName} is refused`);
  }
});

test('a taken name gets -2, -3 before its extension', () => {
  assert.equal(withSuffix('2026-11-07-acme-call.md', 1), '2026-11-07-acme-call.md');
  assert.equal(withSuffix('2026-11-07-acme-call.md', 2), '2026-11-07-acme-call-2.md');
  assert.equal(withSuffix('notes', 3), 'notes-3');
});

test('a client’s name must hold a letter or digit and not be a paragraph', () => {
  assert.equal(checkClientName(''), 'empty');
  assert.equal(checkClientName('   '), 'empty');
  assert.equal(checkClientName('---'), 'no-letters');
  assert.equal(checkClientName('x'.repeat(200)), 'too-long');
  assert.equal(checkClientName('Acme Dental'), undefined);
});

test('the snippet gets the client’s name pre-filled, quoted in YAML only when it must be', () => {
  const body = 'client: ${1:Client name}\n# ${1:Client name}: ${7:topic}';
  assert.equal(fillClientName(body, 'Acme Dental'), 'client: ${1:Acme Dental}\n# ${1:Acme Dental}: ${7:topic}');
  assert.equal(fillClientName(body, 'Acme: Dental $5}'), 'client: "Acme: Dental \\$5\\}"\n# ${1:Acme: Dental \\$5\\}}: ${7:topic}');
  assert.equal(yamlScalar('#1 Dental'), '"#1 Dental"');
  assert.equal(yamlScalar("O'Brien & Sons"), "O'Brien & Sons");
});
