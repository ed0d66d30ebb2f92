import assert from 'node:assert/strict';
import { test } from 'node:test';
import fc from 'fast-check';
import { isMap, isScalar, isSeq, Node } from 'yaml';
import { applyEdits, Finding, fixAll, fixesForFinding, lintNote, NoteFix, parseNote, selectionAfterEdits } from '../../src/core';
import { noteArbitrary } from '../property/notes';

// 2,000 notes keep `npm run test:unit` quick; FIXES_PROPERTY_RUNS=20000 for a deeper run before a release.
const RUNS = Number(process.env.FIXES_PROPERTY_RUNS ?? 2000);
// Fixed, so every run checks the same notes; FIXES_PROPERTY_SEED tries others.
const SEED = Number(process.env.FIXES_PROPERTY_SEED ?? 20261127);
let fixesChecked = 0;
const fixesByKind = new Map<string, number>();

/** Every scalar value of the front matter's top level (list items one by one), as plain strings. */
function frontMatterValues(text: string): string[] {
  const contents = parseNote(text).frontMatter?.document?.contents;
  if (!isMap(contents)) return [];
  const values: string[] = [];
  const visit = (node: unknown) => {
    // An empty value (`!!str` alone) is nothing the rep wrote: a placeholder may take its place.
    if (isScalar(node) && node.value !== null && node.value !== '') values.push(String(node.value));
    else if (isSeq(node)) for (const item of node.items) visit(item);
  };
  for (const pair of contents.items) visit(pair.value as Node);
  return values;
}

function wordCharacters(text: string): Map<string, number> {
  const counts = new Map<string, number>();
  for (const character of text.replace(/[^\p{L}\p{N}]/gu, '')) counts.set(character, (counts.get(character) ?? 0) + 1);
  return counts;
}

/** The note's body after its front matter, byte for byte (the whole text, BOM aside, when there is none). */
function bodyOf(text: string): string {
  const frontMatter = parseNote(text).frontMatter;
  if (!frontMatter) return text.replace(/^\ufeff/, '');
  if (frontMatter.closeStart === undefined) return '';
  return text.slice(frontMatter.closeStart + 3);
}

function checkFix(text: string, finding: Finding, fix: NoteFix, findingsBefore: readonly Finding[]): void {
  fixesChecked++;
  fixesByKind.set(fix.kind, (fixesByKind.get(fix.kind) ?? 0) + 1);
  const sorted = [...fix.edits].sort((a, b) => a.start - b.start);
  for (let index = 1; index < sorted.length; index++) assert.ok(sorted[index - 1].end <= sorted[index].start, 'edits never overlap');
  const after = applyEdits(text, fix.edits);
  const before = parseNote(text);

  // A BOM and the line breaks stay as they were.
  assert.equal(after.startsWith('\ufeff'), text.startsWith('\ufeff'), 'the BOM is kept');
  if (text.includes('\r\n') && !/(^|[^\r])\n/.test(text)) assert.doesNotMatch(after, /(^|[^\r])\n/, 'a CRLF note stays CRLF');
  if (!text.includes('\r')) assert.doesNotMatch(after, /\r/, 'an LF note stays LF');

  if (fix.kind !== 'replace-wording' && fix.kind !== 'replace-all-wording') {
    // Field fixes touch only the front matter: the body is byte for byte the same.
    assert.ok(after.endsWith(bodyOf(text)), 'the body is unchanged');
    // Nothing the rep wrote is dropped: every letter and digit is still there, every value still a value.
    const lettersAfter = wordCharacters(after);
    for (const [character, count] of wordCharacters(text)) assert.ok((lettersAfter.get(character) ?? 0) >= count, `keeps every “${character}”`);
    const valuesAfter = frontMatterValues(after);
    if (fix.kind === 'strengthen-outcome') {
      // A rewrite only inserts after the rep's words: each value is still there, at the start of its new self.
      for (const edit of fix.edits) assert.equal(edit.start, edit.end, 'a rewrite only inserts');
      for (const value of frontMatterValues(text)) {
        const kept = value.replace(/[\s.!]+$/, '');
        assert.ok(valuesAfter.some((after) => after.startsWith(kept)), `keeps the value “${value}”`);
      }
    } else for (const value of frontMatterValues(text)) assert.ok(valuesAfter.includes(value), `keeps the value “${value}”`);
  } else {
    for (const edit of fix.edits) assert.match(text.slice(edit.start, edit.end), /^prospects?$/i, 'only the word “prospect” is replaced');
  }

  // Valid YAML in, valid YAML out.
  const parsedAfter = parseNote(after);
  if (before.problems.length === 0) assert.deepEqual(parsedAfter.problems, [], `the front matter is still valid YAML:\n${after}`);

  const findingsAfter = lintNote(after);
  const same = (other: Finding) => other.ruleId === finding.ruleId;
  switch (fix.kind) {
    case 'insert-field': {
      assert.ok(!findingsAfter.some((other) => same(other) && other.data?.keyAbsent === true), 'the field is no longer absent');
      assert.ok(fix.selection, 'the cursor is placed to type');
      // Typing a real sentence over the selection clears the finding.
      const range = selectionAfterEdits(fix.edits, fix.selection);
      const words = finding.ruleId === 'missing-objective' ? 'Understand what worries their CFO' : 'They commit to a second meeting on Dec 4';
      const typed = after.slice(0, range.start) + words + after.slice(range.end);
      assert.ok(!lintNote(typed).some(same), `typing over the placeholder clears ${finding.ruleId}:\n${typed}`);
      break;
    }
    case 'move-to-outcome':
    case 'swap-fields': {
      const selfFocused = (other: Finding) => other.ruleId === 'self-focused-objective';
      assert.ok(findingsAfter.filter(selfFocused).length < findingsBefore.filter(selfFocused).length, 'fewer self-focused phrases in the objective');
      break;
    }
    case 'strengthen-outcome': {
      const range = selectionAfterEdits(fix.edits, fix.selection!);
      assert.match(after.slice(range.start, range.end), /^<[^>]+>$/, 'a placeholder is selected to type over');
      break;
    }
    case 'replace-wording':
      assert.ok(!findingsAfter.some((other) => same(other) && other.start === finding.start), 'that “prospect” is gone');
      break;
    case 'replace-all-wording':
      assert.equal(findingsAfter.filter(same).length, findingsBefore.filter(same).length - fix.edits.length);
      break;
    case 'disable-rule':
      assert.ok(!findingsAfter.some(same), `${finding.ruleId} is off for this note:\n${after}`);
      break;
  }
}

test('every quick fix on thousands of generated notes changes only what it means to, keeps every word and leaves valid YAML', (context) => {
  context.diagnostic(`seed ${SEED}, ${RUNS} notes`);
  fc.assert(
    fc.property(noteArbitrary, (text) => {
      const findings = lintNote(text);
      for (const finding of findings) {
        for (const fix of fixesForFinding(text, finding, { findings })) checkFix(text, finding, fix, findings);
      }
    }),
    { numRuns: RUNS, seed: SEED },
  );
  assert.ok(fixesChecked > RUNS, `checked ${fixesChecked} fixes`);
  for (const kind of ['insert-field', 'move-to-outcome', 'swap-fields', 'replace-wording', 'replace-all-wording', 'disable-rule']) {
    assert.ok((fixesByKind.get(kind) ?? 0) > RUNS / 100, `the notes exercise ${kind} (${fixesByKind.get(kind) ?? 0} times)`);
  }
  if (process.env.FIXES_PROPERTY_REPORT) console.log(`${RUNS} notes, ${fixesChecked} fixes:`, Object.fromEntries(fixesByKind));
});

test('fix-all on generated notes only ever turns “prospect” into “client” and is idempotent', (context) => {
  context.diagnostic(`seed ${SEED}, ${RUNS} notes`);
  fc.assert(
    fc.property(noteArbitrary, (text) => {
      const fixed = fixAll(text);
      const wordsAsOne = (note: string) => note.replace(/\b(?:prospect|client)s?\b/gi, 'W');
      assert.equal(wordsAsOne(fixed), wordsAsOne(text), 'only “prospect” → “client” changes');
      assert.equal(fixAll(fixed), fixed, 'a second pass changes nothing');
      assert.equal(parseNote(fixed).problems.length, parseNote(text).problems.length);
    }),
    { numRuns: RUNS, seed: SEED },
  );
});
