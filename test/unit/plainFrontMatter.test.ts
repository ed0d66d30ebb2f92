import { test } from 'node:test';
import assert from 'node:assert/strict';
import fc from 'fast-check';
import { DEFAULT_CONFIG, findField, isMeetingNote, parseConfig, parseNote, type FrontMatter } from '../../src/core';
import { readPlainEntries, readSimpleLines, type PlainScalar } from '../../src/core/plainFrontMatter';
import { anyNote, entriesOfDocument } from '../fuzz/noteProperties';

// Plain front matter is read without building a YAML document; these tests hold that reading to
// the full parse: whatever it accepts must read exactly as parseDocument reads it.

test('plain lines are read as the full parse reads them: values, types and ranges', () => {
  const yaml = '\nclient: Acme\ndate: 2026-01-17\ncount: 12\nrate: 1.50\nok: true\nnone: ~\n"quoted": "a \\"b\\" c" # note\nsingle: \'it\'\'s\'\nempty:\nattendees:\n  - Dr. Lee, owner\n  -\n  - Sam\n# a comment\n\nnext: Send the agenda  ';
  const plain = readPlainEntries(yaml);
  assert.ok(plain, 'read as plain');
  assert.deepEqual(plain, entriesOfDocument(yaml));
  assert.deepEqual(
    plain.map((entry) => entry.key.value),
    ['client', 'date', 'count', 'rate', 'ok', 'none', 'quoted', 'single', 'empty', 'attendees', 'next'],
  );
  const count = plain[2].value as PlainScalar;
  assert.equal(count.value, 12);
  assert.equal(yaml.slice(count.range[0], count.range[1]), '12');
  assert.equal((plain[3].value as PlainScalar).value, 1.5);
  assert.equal((plain[6].value as PlainScalar).value, 'a "b" c');
  assert.equal((plain[7].value as PlainScalar).value, "it's");
});

test('anything but plain lines is left to the full parse', () => {
  for (const yaml of [
    '\nobjective: &a get the appointment\noutcome: *a',
    '\nobjective: !!str x',
    '\nobjective: [a, b]',
    '\nobjective: {a: b}',
    '\nobjective: |\n  get the appointment',
    '\nobjective: get the\n  appointment',
    '\n\tobjective: x',
    '\nobjective:\tx',
    '\nclient:\n  name: Acme',
    '\nlist:\n  - a\n    - b',
    '\nlist:\n  - a\n - b',
    '\nlist:\n  - a\n\n  - b',
    '\nlist:\n  - a: b',
    '\n  objective: x',
    '\nobjective: x: y',
    '\nobjective: "unclosed',
    '\nobjective: @mention',
    '\n? objective\n: x',
    '\n%YAML 1.2\n---\nobjective: x',
    '\nobjective: x\n...',
    `\n${'k'.repeat(1100)}: x`,
  ]) {
    assert.equal(readPlainEntries(yaml), undefined, JSON.stringify(yaml));
  }
});

// Lines close to plain ones, and some just past them, so both answers are exercised.
const KEY = fc.oneof(
  { weight: 4, arbitrary: fc.constantFrom('objective', 'Objective', 'outcome', 'type', 'client', 'date', '"objective"', "'outcome'", 'a b', 'é', '123', 'true', '~', 'null', 'x-y') },
  { weight: 1, arbitrary: fc.constantFrom('k:', '-', '#k', '"k', '', 'k ', '? k', '&a k') },
);
const VALUE = fc.oneof(
  {
    weight: 6,
    arbitrary: fc.constantFrom(
      'get the appointment', 'They commit to a second meeting on Dec 4', 'call', 'first-meeting', '12', '+12', '0x1F', '0o17', '1e3', '1.50',
      '.inf', '-.Inf', '.NaN', 'true', 'False', 'null', '~', '', '"a \\"b\\""', '"\\u00e9"', "'it''s'", 'a#c', 'é 😀 “q”', 'a  b', 'a-b', '3 p.m.',
    ),
  },
  { weight: 2, arbitrary: fc.constantFrom('"bad \\q"', "'unclosed", '"unclosed', 'a: b', 'a #c', '#c', '@x', '`x', '%x', '!x', '&a x', '*a', '[a]', '{a: 1}', '|', '>', '- a', '? a') },
  { weight: 1, arbitrary: fc.string({ maxLength: 12, unit: fc.constantFrom('a', ' ', ':', '#', '-', '"', "'", '\\', '\t', 'é', '[', '&', '*', '!', '|', '>', '?', '%', '@', '`') }) },
);
const SPACE = fc.oneof({ weight: 8, arbitrary: fc.constant(' ') }, { weight: 1, arbitrary: fc.constantFrom('  ', '', '\t', ' \t') });
const TAIL = fc.oneof({ weight: 8, arbitrary: fc.constant('') }, { weight: 1, arbitrary: fc.constantFrom(' ', '  # note', ' #', '\t') });
const INDENT = fc.oneof({ weight: 8, arbitrary: fc.constant('  ') }, { weight: 2, arbitrary: fc.constantFrom('', '    ') }, { weight: 1, arbitrary: fc.constantFrom(' ', '\t') });
const DASH = fc.oneof({ weight: 8, arbitrary: fc.constant('- ') }, { weight: 1, arbitrary: fc.constantFrom('-', '-  ', '- - ') });
const LINE = fc.oneof(
  { weight: 8, arbitrary: fc.tuple(KEY, SPACE, VALUE, TAIL).map(([key, space, value, tail]) => `${key}:${space}${value}${tail}`) },
  {
    weight: 2,
    arbitrary: fc
      .tuple(KEY, INDENT, fc.array(fc.tuple(fc.oneof({ weight: 6, arbitrary: fc.constant('') }, { weight: 1, arbitrary: INDENT }), DASH, VALUE), { minLength: 1, maxLength: 3 }))
      .map(([key, indent, items]) => [`${key}:`, ...items.map(([other, dash, value]) => `${other || indent}${dash}${value}`)].join('\n')),
  },
  { weight: 1, arbitrary: fc.constantFrom('', '# comment', '  # indented comment', '   ', '  indented: x', '---', '...', '- item', 'plain text') },
);
/** The generated inputs' seed: fixed, so every run checks the same ones. */
const SEED = 20261127;
const BLOCK = fc.tuple(fc.array(LINE, { maxLength: 8 }), fc.constantFrom('\n', '\r\n')).map(([lines, newline]) => newline + lines.join('\n').replace(/\n/g, newline));

test('over 20,000 generated blocks, whatever is read as plain reads exactly as the full parse', (context) => {
  context.diagnostic(`seed ${SEED}`);
  let accepted = 0;
  let refused = 0;
  fc.assert(
    fc.property(BLOCK, (yaml) => {
      const plain = readPlainEntries(yaml);
      if (plain === undefined) {
        refused++;
        return;
      }
      accepted++;
      assert.deepEqual(plain, entriesOfDocument(yaml), JSON.stringify(yaml));
    }),
    { numRuns: 20_000, seed: SEED },
  );
  // Both answers must be common, or the comparison proves little.
  assert.ok(accepted > 4_000 && refused > 4_000, `accepted ${accepted}, refused ${refused}`);
});

test('over 2,000 random and mutated notes, fields and note detection are the same read either way', (context) => {
  context.diagnostic(`seed ${SEED}`);
  const team = parseConfig('fields: { objective: [goal, aim], outcome: [result] }\ninclude: ["**/*.md"]').config;
  fc.assert(
    fc.property(anyNote, (text) => {
      const note = parseNote(text);
      const frontMatter = note.frontMatter;
      if (frontMatter?.plain === undefined) return;
      // The same note as the full parse gives it: the spread reads the lazily parsed document.
      const parsed: FrontMatter = { ...frontMatter, plain: undefined };
      assert.equal(parsed.document!.errors.length, 0);
      for (const names of [['objective'], ['outcome'], ['type'], ['goal', 'aim'], ['result'], ['client']]) {
        assert.deepEqual(findField(frontMatter, text, names), findField(parsed, text, names), `${names} in ${JSON.stringify(text)}`);
      }
      for (const config of [DEFAULT_CONFIG, team]) {
        assert.equal(isMeetingNote(note, config), isMeetingNote({ ...note, frontMatter: parsed }, config));
      }
    }),
    { numRuns: 2_000, seed: SEED },
  );
});

// The simplest lines are read by a line reader before the lexer is tried; odd characters in keys,
// values and items, so that it accepts many blocks and turns many away.
const CHARACTER = fc.constantFrom(
  'a', 'b', 'e', 'x', '1', '0', '.', '+', '~', ' ', ' ', ':', '#', '-', ',', '"', "'", '\\', '\t', '\r', '[', ']', '{', '}',
  '&', '*', '!', '|', '>', '?', '%', '@', '`', 'é', '“', '😀', '\u00a0', '\u200b', '\ufeff', '\u2028',
);
const WORD = fc.string({ maxLength: 10, unit: CHARACTER });
const SIMPLE_KEY = fc.oneof(fc.constantFrom('objective', 'outcome', 'a', 'true', 'null', 'Yes', 'x-y', '_k', 'on', '1a'), WORD);
const SIMPLE_LINE = fc.oneof(
  fc.tuple(SIMPLE_KEY, fc.constantFrom(': ', ':', ':  '), WORD, fc.constantFrom('', ' ', '  ')).map(([key, colon, value, tail]) => key + colon + value + tail),
  fc.tuple(fc.constantFrom('', ' ', '  ', '    '), fc.constantFrom('- ', '-', '-  '), WORD).map(([indent, dash, value]) => indent + dash + value),
  fc.tuple(SIMPLE_KEY, fc.array(WORD, { maxLength: 3 })).map(([key, items]) => [`${key}:`, ...items.map((item) => `  - ${item}`)].join('\n')),
  WORD.map((comment) => `#${comment}`),
  fc.constantFrom('', '  ', ' # c', '---', '...'),
);
const SIMPLE_BLOCK = fc.tuple(fc.array(SIMPLE_LINE, { maxLength: 8 }), fc.constantFrom('\n', '\r\n')).map(([lines, newline]) => newline + lines.join(newline));

test('over 30,000 blocks of odd characters, whatever the line reader accepts reads exactly as the full parse', (context) => {
  context.diagnostic(`seed ${SEED}`);
  let accepted = 0;
  fc.assert(
    fc.property(SIMPLE_BLOCK, (yaml) => {
      const simple = readSimpleLines(yaml);
      if (simple === undefined) return;
      accepted++;
      assert.deepEqual(simple, entriesOfDocument(yaml), JSON.stringify(yaml));
    }),
    { numRuns: 30_000, seed: SEED },
  );
  context.diagnostic(`the line reader accepted ${accepted} of 30,000`);
  assert.ok(accepted > 3_000 && accepted < 27_000, `accepted ${accepted} of 30,000`);
});

test('the line reader takes the front matter a note usually has, and leaves the rest to the lexer', () => {
  const usual = '\nclient: Acme Dental\ndate: 2026-03-04\nobjective: Learn what worries their CFO\noutcome: They commit to a second meeting on Dec 4\nattendees:\n  - Dr. Lee, owner\n  - Sam\nresult:\n';
  assert.deepEqual(readSimpleLines(usual), entriesOfDocument(usual));
  assert.deepEqual(readSimpleLines(usual.replace(/\n/g, '\r\n')), entriesOfDocument(usual.replace(/\n/g, '\r\n')));
  // Quotes and comments after a value are read by the lexer, still as plain.
  for (const yaml of ['\nobjective: "Learn: what"', '\noutcome: booked # by phone', "\nlist:\n  - 'a'"]) {
    assert.equal(readSimpleLines(yaml), undefined, yaml);
    assert.deepEqual(readPlainEntries(yaml), entriesOfDocument(yaml), yaml);
  }
});
