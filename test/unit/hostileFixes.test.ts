import assert from 'node:assert/strict';
import { test } from 'node:test';
import { parseDocument } from 'yaml';
import { applyEdits, disabledRules, Finding, fixAll, fixesForFinding, FixKind, lintNote, parseNote } from '../../src/core';

/** The first fix of a kind for the first finding of a rule, applied; the fix too, to check its flags. */
function applyFix(text: string, ruleId: Finding['ruleId'], kind: FixKind) {
  const finding = lintNote(text).find((candidate) => candidate.ruleId === ruleId);
  assert.ok(finding, `${ruleId} is reported`);
  const fix = fixesForFinding(text, finding).find((candidate) => candidate.kind === kind);
  assert.ok(fix, `${kind} is offered`);
  return { after: applyEdits(text, fix.edits), fix };
}

/** The front matter of a note, parsed: its errors and its values. */
function yamlOf(note: string) {
  const document = parseDocument(note.split('\n---')[0].replace(/^---\n/, ''));
  return { errors: document.errors.map((error) => error.message), values: document.toJS() as Record<string, unknown> };
}

const BLOCK_HEADERS = ['|', '|-', '|+', '>', '>-', '>+', '|2', '| # why I want this', '>- # note'];

test('“Add this to the outcome” on a block-scalar objective keeps the next key, the header comment and valid YAML', () => {
  for (const header of BLOCK_HEADERS) {
    const text = `---\nobjective: ${header}\n  get the appointment\n  with the owner\noutcome: They agree to a demo on Friday\nclient: Acme\n---\n`;
    const { after } = applyFix(text, 'self-focused-objective', 'move-to-outcome');
    const { errors, values } = yamlOf(after);
    assert.deepEqual(errors, [], `${header}: ${after}`);
    assert.equal(values.client, 'Acme', header);
    assert.match(String(values.objective), /^<about the client/, header);
    assert.ok(after.includes(`objective: ${header}\n  <about the client`), `${header} keeps its header: ${after}`);
    assert.equal((values.outcome as string[])[0], 'They agree to a demo on Friday', header);
    assert.match((values.outcome as string[])[1], /get the appointment/, header);
    const comment = /#.*/.exec(header)?.[0];
    if (comment) assert.ok(after.includes(comment), `${header} keeps its comment: ${after}`);
  }
});

test('a field added to front matter that ends with ... goes before the marker', () => {
  const text = '---\nclient: Acme\nobjective: Understand their week\n...\n---\n';
  const { after } = applyFix(text, 'missing-outcome', 'insert-field');
  assert.deepEqual(yamlOf(after).errors, []);
  assert.match(after, /\noutcome: <[^>]+>\n\.\.\.\n---\n$/);
  const noObjective = '---\nclient: Acme\n...\n---\n';
  const added = applyFix(noObjective, 'missing-objective', 'insert-field').after;
  assert.deepEqual(yamlOf(added).errors, []);
  assert.match(added, /\nobjective: <[^>]+>\n\.\.\.\n---\n$/);
});

test('an anchor or a tag on an empty field stays an anchor or a tag, and its comment stays a comment', () => {
  const cases: [string, RegExp][] = [
    ['outcome: &o', /\noutcome: &o <[^>]+>\n/],
    ['outcome: !!str # fill in', /\noutcome: !!str <[^>]+> # fill in\n/],
    ['outcome: &o !!str # fill in', /\noutcome: &o !!str <[^>]+> # fill in\n/],
  ];
  for (const [line, expected] of cases) {
    const text = `---\nobjective: Understand their week\n${line}\nclient: Acme\n---\n`;
    const { after } = applyFix(text, 'missing-outcome', 'insert-field');
    assert.match(after, expected, line);
    assert.deepEqual(yamlOf(after).errors, [], line);
  }
});

test('fix-all says client only in prose: never in names, other keys’ values, code, comments or link definitions', () => {
  const text = [
    '---',
    'client: Prospect Park Dental',
    'stage: prospect',
    'objective: Understand how the prospect books patients',
    '---',
    'We met the prospect at Prospect Park Dental.',
    'Prospects like this need time.',
    '',
    '    prospect = load()',
    '<!-- prospect list',
    'prospect -->',
    '[prospect]: https://example.com/list',
    '- the prospect asked about pricing',
    '',
  ].join('\n');
  assert.equal(
    fixAll(text),
    [
      '---',
      'client: Prospect Park Dental',
      'stage: prospect',
      'objective: Understand how the client books patients',
      '---',
      'We met the client at Prospect Park Dental.',
      'Clients like this need time.',
      '',
      '    prospect = load()',
      '<!-- prospect list',
      'prospect -->',
      '[prospect]: https://example.com/list',
      '- the client asked about pricing',
      '',
    ].join('\n'),
  );
});

test('“Replace with client” is preferred only for a plain word, not in a key, a link target, an address or a URL', () => {
  const text = '---\nobjective: Understand the prospect\nprospect: Jo\n---\nThe prospect. [list](prospects.md) jo.prospect@x.com https://x.com/prospect\n';
  const preferred = lintNote(text)
    .filter((finding) => finding.ruleId === 'prospect-wording')
    .map((finding) => [text.slice(finding.start, finding.end + 4), fixesForFinding(text, finding).find((fix) => fix.kind === 'replace-wording')?.isPreferred]);
  assert.deepEqual(preferred, [
    ['prospect\npro', true],
    ['prospect: Jo', false],
    ['prospect. [l', true],
    ['prospects.md)', false],
    ['prospect@x.c', false],
    ['prospect\n', false],
  ]);
});

test('a line of a block scalar that starts with # objective-outcome-disable is text, not a disable comment', () => {
  const text = '---\nobjective: |\n  # objective-outcome-disable\n  get the appointment\noutcome: They liked it\n---\n';
  assert.deepEqual(disabledRules(parseNote(text)), new Set());
  const findings = lintNote(text);
  assert.ok(findings.some((finding) => finding.ruleId === 'self-focused-objective'));
  const finding = findings.find((candidate) => candidate.ruleId === 'weak-outcome')!;
  const disable = fixesForFinding(text, finding).find((fix) => fix.kind === 'disable-rule')!;
  const after = applyEdits(text, disable.edits);
  assert.match(after, /^---\n# objective-outcome-disable weak-outcome\nobjective: \|\n {2}# objective-outcome-disable\n {2}get the appointment\n/);
  // A real comment is still read, and the fix adds to it.
  const commented = '---\n# objective-outcome-disable prospect-wording\nobjective: x\n---\n';
  assert.deepEqual(disabledRules(parseNote(commented)), new Set(['prospect-wording']));
});

test('a field added after a kept block scalar (|+) or a blank last line adds no line break to the value above', () => {
  for (const text of ['---\nobjective: |+\n  Understand their week\n\n---\n', '---\nobjective: Understand their week\n\n---\n', '---\r\nobjective: |+\r\n  Understand their week\r\n\r\n---\r\n']) {
    const before = yamlOf(text.replace(/\r/g, '')).values.objective;
    const { after } = applyFix(text, 'missing-outcome', 'insert-field');
    const { errors, values } = yamlOf(after.replace(/\r/g, ''));
    assert.deepEqual(errors, []);
    assert.equal(values.objective, before, JSON.stringify(text));
    assert.match(String(values.outcome), /^<what you want them/);
  }
});

test('found by the fuzzer: a rule id in a disable comment is no wording, and fix-all on one long line is done in one pass', () => {
  const commented = '---\n# objective-outcome-disable \u0000prospect-wording, missing-outcome\nobjective: Understand the prospect’s current coverage\n---\n';
  const wording = lintNote(commented).filter((finding) => finding.ruleId === 'prospect-wording');
  assert.deepEqual(wording.map((finding) => commented.slice(finding.start, finding.end + 2)), ['prospect’s']);
  const long = `---\nobjective: "${'prospect '.repeat(2000)}x"\noutcome: They sign by Friday\n---\n`;
  const fixed = fixAll(long);
  assert.equal(fixAll(fixed), fixed);
  assert.ok(!/prospect/.test(fixed));
});

test('found by the fuzzer: a fence such as ---{ is refused even over an empty block, so no fix adds a field under it', () => {
  const text = '---{\n---\nobjective: 42\n---\n';
  const findings = lintNote(text);
  assert.deepEqual(findings.map((finding) => finding.ruleId), ['invalid-front-matter']);
  for (const finding of findings) {
    for (const fix of fixesForFinding(text, finding)) assert.ok(!fix.edits.some((edit) => /objective|outcome/.test(edit.newText)), fix.kind);
  }
  // A bare fence over the same empty block is YAML, and the field goes where it is read.
  const bare = '---\n---\n# Notes\n';
  const missing = lintNote(bare).find((finding) => finding.ruleId === 'missing-objective');
  assert.ok(missing);
  for (const fix of fixesForFinding(bare, missing)) assert.deepEqual(parseNote(applyEdits(bare, fix.edits)).problems, [], fix.kind);
});
