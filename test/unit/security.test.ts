import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { test } from 'node:test';
import { findField, lintMarkdown, parseNote } from '../../src/core';
import { fixture, ROOT } from '../helpers';

test('a ---js note that would write a file writes nothing, in the core and in the CLI', () => {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'oo-security-'));
  // A repository's root: no config or .gitignore in the folders above can change what is checked.
  fs.mkdirSync(path.join(dir, '.git'));
  try {
    const marker = path.join(dir, 'pwned');
    const text = fixture('executable.md');
    process.env.OO_PWNED_PATH = marker;
    const findings = lintMarkdown(text, { path: 'meetings/executable.md' });
    assert.deepEqual(findings?.map((finding) => finding.ruleId), ['invalid-front-matter']);
    assert.equal(fs.existsSync(marker), false, 'the core ran the front matter');

    fs.writeFileSync(path.join(dir, 'executable.md'), text);
    const cli = spawnSync(process.execPath, [path.join(ROOT, 'dist', 'cli.js'), 'lint', dir, '--format', 'json'], {
      env: { ...process.env, OO_PWNED_PATH: marker },
      encoding: 'utf8',
    });
    assert.equal(cli.status, 1);
    assert.deepEqual(JSON.parse(cli.stdout)[0].messages.map((message: { ruleId: string }) => message.ruleId), ['invalid-front-matter']);
    assert.equal(fs.existsSync(marker), false, 'the CLI ran the front matter');
  } finally {
    delete process.env.OO_PWNED_PATH;
    fs.rmSync(dir, { recursive: true, force: true });
  }
});

test('YAML tags that other loaders execute are left as plain values', () => {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'oo-tag-'));
  try {
    const marker = path.join(dir, 'pwned');
    // js-yaml's unsafe schema would turn this into a function; read as text, it asks for the appointment.
    const source = `function () { require('fs').writeFileSync(${JSON.stringify(marker)}, 'x') } // get the appointment`;
    const text = `---\nobjective: !!js/function ${JSON.stringify(source)}\noutcome: !!js/undefined They sign by Friday\n---\n`;
    const findings = lintMarkdown(text, { force: true });
    assert.deepEqual(
      findings?.map((finding) => [finding.ruleId, text.slice(finding.start, finding.end)]),
      [['self-focused-objective', 'get the appointment']],
      'both tagged values were judged as the plain text they hold',
    );
    const note = parseNote(text);
    assert.equal(findField(note.frontMatter, text, ['objective']).texts[0].text, source);
    assert.equal(findField(note.frontMatter, text, ['outcome']).texts[0].text, 'They sign by Friday');
    assert.equal(fs.existsSync(marker), false, 'the tag ran');
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
});
