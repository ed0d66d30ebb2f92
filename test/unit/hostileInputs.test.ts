import assert from 'node:assert/strict';
import { test } from 'node:test';
import fc from 'fast-check';
import { isPlaceholder, lintMarkdown, lintNote, matchesAny, MAX_PHRASES, parseConfig, parseSeverity } from '../../src/core';
import { compileGlob } from '../../src/core/glob';
import { commandLineGlob, isTheFolderItself } from '../shippedGlob';

// Each input below is sized so that the quadratic or exponential patterns it once met take minutes
// (a hang), where a linear pass takes well under a second. Nothing here measures speed: that is
// `npm run bench`'s job.

test('an objective of 200,000 spaces and one word is read at once, and spaces alone are empty', { timeout: 10_000 }, () => {
  const spaces = ' '.repeat(200_000);
  const findings = lintNote(`---\nobjective: "${spaces}x"\noutcome: They sign the order on Friday\n---\n`);
  assert.ok(!findings.some((finding) => finding.ruleId === 'missing-objective'));
  assert.equal(isPlaceholder(`${spaces}TBD${spaces}`), true);
  assert.equal(isPlaceholder(`${spaces}x${spaces}y`), false);
  assert.equal(isPlaceholder(`\t~\n`), true);
});

test('front matter that is a list with 200,000 blank lines is no note, found at once', { timeout: 10_000 }, () => {
  const text = `---\n- x${'\n'.repeat(200_000)}\n---\n# A page\n`;
  assert.equal(lintMarkdown(text, { path: 'docs/page.md' }), undefined);
  // A broken block that names a field is still a note, so it gets its error.
  assert.notEqual(lintMarkdown(`---\n- x\n  "Objective" : y\n${'\n'.repeat(1000)}---\n`, { path: 'docs/page.md' }), undefined);
});

test('a glob with many stars against a long file name answers at once', { timeout: 10_000 }, () => {
  const glob = '**/a*a*a*a*a*a*a*a*b.md';
  assert.equal(matchesAny(`notes/${'a'.repeat(90)}.md`, [glob]), false);
  assert.equal(matchesAny(`notes/${'a'.repeat(90)}b.md`, [glob]), true);
  const { config } = parseConfig(`exclude: ["${glob}"]\n`);
  assert.notEqual(lintMarkdown('---\nobjective: x\n---\n', { config, path: `meetings/${'a'.repeat(5000)}.md` }), undefined);
});

/** A glob as the team file reads it. */
function teamGlob(glob: string, dot: boolean): (path: string) => boolean {
  const compiled = compileGlob(glob, { dot, nocase: true });
  return compiled.ok ? compiled.match : () => false;
}

test('the linear glob matcher agrees with the command line’s picomatch on random globs and paths (seed 20261201)', () => {
  const part = fc.array(fc.constantFrom('a', 'b', 'A', '.', '*', '?', '[ab]', '[!a]', '[a-c]', '-', 'é', '\\*'), { maxLength: 4 }).map((chars) => chars.join(''));
  const glob = fc
    .array(fc.oneof(part, fc.constant('**'), fc.constant('{a,b}'), fc.constant('x{1..2}')), { minLength: 1, maxLength: 4 })
    .map((parts) => parts.join('/'))
    // An empty name (`a//b`) is `a/b` in the team file and two slashes to picomatch: not a glob anyone writes.
    .filter((text) => !text.split('/').some((name) => name === '.' || name === '..' || name === ''));
  const name = fc.array(fc.constantFrom('a', 'b', 'A', '.', 'x', '-', '1', 'é', 'B', '*'), { minLength: 1, maxLength: 4 }).map((chars) => chars.join(''));
  const pathArbitrary = fc.array(name.filter((text) => text !== '.' && text !== '..'), { minLength: 1, maxLength: 4 }).map((names) => names.join('/'));
  for (const dot of [true, false]) {
    fc.assert(
      fc.property(glob, fc.array(pathArbitrary, { minLength: 1, maxLength: 6 }), (pattern, paths) => {
        const expected = commandLineGlob(pattern, { dot, nocase: true });
        const compiled = compileGlob(pattern, { dot, nocase: true });
        assert.ok(compiled.ok);
        for (const path of paths) {
          if (isTheFolderItself(pattern, path, (folder) => teamGlob(folder, dot))) continue;
          assert.equal(compiled.match(path), expected(path), `${pattern} against ${path} (dot: ${dot})`);
        }
      }),
      { numRuns: 2_000, seed: 20261201 },
    );
  }
});

test('globs the matcher cannot promise to match quickly are refused with a message, the rest of the list applies', () => {
  const { config, problems } = parseConfig(`exclude: ["**/+(old|older)/**", "${'*a'.repeat(300)}", "archive/**", "{a,b}{c,d}{e,f}{g,h}{i,j}{k,l}{m,n}/x"]\n`);
  assert.deepEqual(config.exclude, ['archive/**']);
  assert.equal(problems.length, 3);
  assert.match(problems[0], /exclude: the glob “\*\*\/\+\(old\|older\)\/\*\*” is not used: patterns such as \+\(a\|b\) are not supported; write \{a,b\} instead\./);
  assert.match(problems[1], /600 characters long, more than 500/);
  assert.match(problems[2], /braces make more than 64 globs/);
});

test('“prospect” in a note with 100,000 code fences is checked in one pass', { timeout: 10_000 }, () => {
  const text = `---\nobjective: x\n---\n${'```\nprospect\n```\nthe prospect\n'.repeat(100_000)}`;
  const findings = lintNote(text).filter((finding) => finding.ruleId === 'prospect-wording');
  assert.equal(findings.length, 100_000);
  assert.ok(findings.every((finding) => text.slice(finding.start - 4, finding.start) === 'the '));
});

test('constructor, __proto__ and other names from Object are not severities', () => {
  for (const word of ['constructor', '__proto__', 'toString', 'hasOwnProperty', 'valueOf']) {
    assert.equal(parseSeverity(word), undefined, word);
    const { config, problems } = parseConfig(`rules:\n  weak-outcome: ${word}\n  missing-outcome: error\n`);
    assert.equal(config.rules['weak-outcome'], undefined, word);
    assert.equal(config.rules['missing-outcome'], 'error');
    assert.match(problems.join('\n'), new RegExp(`“${word}” is not a severity`));
  }
  assert.equal(parseSeverity('Warning'), 'warning');
});

test('maxFileSize must be a real limit: infinite, zero and fractions of a byte are refused', () => {
  for (const written of ['.inf', '"0"', '0', '0.5', '-1', '.nan', '"5 GB"']) {
    const { config, problems } = parseConfig(`maxFileSize: ${written}\n`);
    assert.equal(config.maxFileSize, 2 * 1024 * 1024, written);
    assert.equal(problems.length, 1, written);
    assert.match(problems[0], /maxFileSize should be .*using 2 MB\./, written);
  }
  assert.equal(parseConfig('maxFileSize: 1.5KB\n').config.maxFileSize, 1536);
  assert.equal(parseConfig('maxFileSize: 20 bytes\n').config.maxFileSize, 20);
});

test('a team list of 100,000 phrases is cut to the first 500, with a message', () => {
  const phrases = Array.from({ length: 100_000 }, (_, index) => `"phrase ${index}"`).join(', ');
  const { config, problems } = parseConfig(`phrases:\n  selfFocused: [${phrases}]\n  allowed: ["${'x'.repeat(300)}", "get to know"]\nrules: { weak-outcome: error }\n`);
  assert.equal(config.phrases.selfFocused.length, MAX_PHRASES);
  assert.deepEqual(config.phrases.allowed, ['get to know']);
  assert.equal(config.rules['weak-outcome'], 'error');
  assert.deepEqual(problems, [
    'phrases.selfFocused has 100000 phrases; only the first 500 are used.',
    'phrases.allowed: 1 phrase(s) longer than 200 characters were left out.',
  ]);
});

test('YAML warnings in the config are problems to read, not Node process warnings', async () => {
  const warnings: Error[] = [];
  const onWarning = (warning: Error) => warnings.push(warning);
  process.on('warning', onWarning);
  try {
    const { config, problems } = parseConfig('%FOO bar\n---\nrules: { weak-outcome: error }\n');
    await new Promise((resolve) => setImmediate(resolve));
    assert.deepEqual(warnings, []);
    assert.equal(config.rules['weak-outcome'], 'error');
    assert.equal(problems.length, 1);
    assert.match(problems[0], /^\.objective-outcome\.yaml: .*FOO/);
  } finally {
    process.off('warning', onWarning);
  }
});

test('front matter over 64 KB is not parsed: one clear error, and the file is still known as a note', () => {
  const text = `---\nobjective: Understand their week\nnotes: "${'-\n'.repeat(50_000)}"\n---\n# Body\n`;
  const findings = lintMarkdown(text, { path: 'docs/big.md' })!;
  assert.deepEqual(findings.map((finding) => finding.ruleId), ['invalid-front-matter']);
  assert.equal(findings[0].message, 'The front matter is 98 KB, more than 64 KB, so it was not read. A note needs only a few plain fields.');
});
