// Properties every input must keep, shared by `npm run fuzz` (100,000 cases) and the unit tests
// (2,000 cases): the core never throws, every range lies inside the text, the same input gives
// the same output, and judging left for another thread (as the CLI does) gives the same findings.
import * as fs from 'node:fs';
import * as path from 'node:path';
import fc from 'fast-check';
import { compareFindings, Config, Finding, finishJudging, lintMarkdown, lintNote, parseConfig, PendingJudgement, RULE_IDS } from '../../src/core';

const SEVERITIES = new Set(['error', 'warning', 'info', 'hint']);

/** The configs each input is linted under: the defaults and a team's config with aliases and phrases. */
export const FUZZ_CONFIGS: Config[] = [
  parseConfig('').config,
  parseConfig(
    [
      'rules: { weak-outcome: error, prospect-wording: off }',
      'fields: { objective: [goal, aim], outcome: [result] }',
      'phrases: { selfFocused: ["close the deal", "get"], allowed: ["get to know"] }',
      'include: ["**/*.md"]',
    ].join('\n'),
  ).config,
];

/** Checks one text against every property; throws (for fast-check) on the first broken one. */
export function checkNoteProperties(text: string): void {
  for (const config of FUZZ_CONFIGS) {
    const first = lintMarkdown(text, { config, path: 'meetings/fuzz.md' });
    const second = lintMarkdown(text, { config, path: 'meetings/fuzz.md' });
    if (JSON.stringify(first) !== JSON.stringify(second)) throw new Error('the same input gave different findings');
    const forced = lintNote(text, { config, severityOverrides: { 'self-focused-objective': 'error' } });
    for (const findings of [first ?? [], forced]) checkFindings(text, findings);
    checkDeferredJudging(text, config, first);
  }
}

/** Judging deferred, copied as between threads, then finished and merged: the findings of linting in one go. */
function checkDeferredJudging(text: string, config: Config, expected: Finding[] | undefined): void {
  const pending: PendingJudgement[] = [];
  const parsed = lintMarkdown(text, { config, path: 'meetings/fuzz.md', deferJudging: pending });
  if (parsed === undefined || expected === undefined) {
    if (parsed !== expected) throw new Error('deferring the judging changed whether the file is a note');
    return;
  }
  if (parsed.some((finding) => finding.ruleId === 'self-focused-objective' || finding.ruleId === 'weak-outcome')) {
    throw new Error('a judging rule ran although its judging was deferred');
  }
  const merged = [...parsed, ...finishJudging(structuredClone(pending))].sort(compareFindings);
  if (JSON.stringify(merged) !== JSON.stringify(expected)) throw new Error('judging deferred and finished gave other findings than judging in one go');
}

function checkFindings(text: string, findings: Finding[]): void {
  let previous = -1;
  for (const finding of findings) {
    const where = `${finding.ruleId} [${finding.start}, ${finding.end}) in a text of ${text.length}`;
    if (!Number.isInteger(finding.start) || !Number.isInteger(finding.end)) throw new Error(`a range is not whole numbers: ${where}`);
    if (!(finding.start >= 0 && finding.start <= finding.end && finding.end <= text.length)) throw new Error(`a range lies outside the text: ${where}`);
    if (!(RULE_IDS as readonly string[]).includes(finding.ruleId)) throw new Error(`unknown rule id: ${where}`);
    if (!SEVERITIES.has(finding.severity)) throw new Error(`unknown severity: ${where}`);
    if (typeof finding.message !== 'string' || finding.message.trim() === '') throw new Error(`an empty message: ${where}`);
    if (finding.start < previous) throw new Error(`findings out of order: ${where}`);
    previous = finding.start;
  }
}

const KEYS = ['objective', 'Objective', 'OUTCOME', 'outcome', 'goal', 'result', 'type', 'client', 'date', 'objective ', '"objective"', 'outcome?', ''];
const PHRASES = [
  'Understand how their front desk books patients today',
  'get the appointment',
  'close the deal',
  'They commit to a second meeting on Dec 4',
  'they liked it',
  'follow up',
  'TBD',
  '~',
  'null',
  '',
  '<objective>',
  'build rapport with the prospect',
  'get to know their team',
  'É café 😀 — “quoted”',
  '\t',
  'a: b',
  '# comment',
  '*alias',
  '&anchor value',
  '!!binary aGVsbG8=',
  '!!js/function "function () {}"',
  '|',
  '>-',
  '[a, b',
  '{x: 1}',
  '- item',
  "'single ''quoted'''",
  '"double \\"escaped\\" \\u00e9"',
  '%YAML 1.2',
  '...',
  '---',
];
const FENCES = ['---', '---yaml', '---js', '--- ', '----', '---\r', ';;;', '+++', ' ---', '\ufeff---'];
const NEWLINES = ['\n', '\r\n', '\r'];

const value: fc.Arbitrary<string> = fc.oneof(
  fc.constantFrom(...PHRASES),
  fc.array(fc.constantFrom(...PHRASES), { maxLength: 3 }).map((items) => items.map((item) => `\n  - ${item}`).join('')),
  fc.string({ maxLength: 40 }),
  fc.string({ maxLength: 20, unit: 'binary' }),
);
const line: fc.Arbitrary<string> = fc.oneof(
  { weight: 4, arbitrary: fc.tuple(fc.constantFrom(...KEYS), fc.constantFrom(':', ': ', ' :', '=', ''), value).map(([key, colon, text]) => `${key}${colon}${text}`) },
  { weight: 1, arbitrary: fc.constantFrom('# objective-outcome-disable', '# objective-outcome-disable weak-outcome, missing-outcome', '  indented: x', '', '-', '  - nested') },
  { weight: 1, arbitrary: fc.string({ maxLength: 30 }) },
);

/** Notes shaped like real ones: a fence (sometimes odd), key lines (sometimes broken), a body. */
export const structuredNote: fc.Arbitrary<string> = fc
  .tuple(fc.constantFrom(...FENCES), fc.array(line, { maxLength: 8 }), fc.boolean(), fc.constantFrom(...NEWLINES), fc.string({ maxLength: 60 }))
  .map(([fence, lines, closed, newline, body]) => [fence, ...lines, ...(closed ? ['---'] : []), body].join(newline));

/** Anything at all: random code units (lone surrogates, NUL, control characters included). */
export const randomText: fc.Arbitrary<string> = fc.oneof(
  fc.string({ maxLength: 200 }),
  fc.string({ maxLength: 100, unit: 'binary' }),
  fc.string({ maxLength: 100, unit: fc.integer({ min: 0, max: 0xffff }).map((code) => String.fromCharCode(code)) }),
  fc.string({ maxLength: 100, unit: fc.constantFrom('-', '\n', '\r', ':', ' ', '#', '[', ']', '{', '}', '&', '*', '!', '|', '>', '"', "'", 'o', 'objective', 'outcome', '\t', '\ufeff') }),
);

const SEEDS = fs
  .readdirSync(path.join(__dirname, '..', '..', '..', 'test', 'fixtures', 'notes'))
  .filter((name) => name.endsWith('.md'))
  .sort()
  .map((name) => fs.readFileSync(path.join(__dirname, '..', '..', '..', 'test', 'fixtures', 'notes', name), 'utf8'));

const INSERTS = ['\n', '\r\n', '---', '\n---\n', ':', '- ', '  ', '#', '"', "'", '&a', '*a', '[', '{', '\u0000', '\ud800', '😀', '\ufeff', 'objective: ', 'outcome: ', '|\n', 'get the appointment'];
type Mutation = { kind: 'insert'; at: number; text: string } | { kind: 'delete'; at: number; length: number } | { kind: 'duplicate'; at: number; length: number };
const mutation: fc.Arbitrary<Mutation> = fc.oneof(
  fc.record({ kind: fc.constant('insert' as const), at: fc.nat(), text: fc.oneof(fc.constantFrom(...INSERTS), fc.string({ maxLength: 8, unit: 'binary' })) }),
  fc.record({ kind: fc.constant('delete' as const), at: fc.nat(), length: fc.integer({ min: 1, max: 20 }) }),
  fc.record({ kind: fc.constant('duplicate' as const), at: fc.nat(), length: fc.integer({ min: 1, max: 40 }) }),
);

function mutate(text: string, step: Mutation): string {
  const at = text.length === 0 ? 0 : step.at % (text.length + 1);
  if (step.kind === 'insert') return text.slice(0, at) + step.text + text.slice(at);
  if (step.kind === 'delete') return text.slice(0, at) + text.slice(at + step.length);
  return text.slice(0, at) + text.slice(at, at + step.length) + text.slice(at);
}

/** The project's fixture notes with a few random edits each: close to real, broken in new ways. */
export const mutatedNote: fc.Arbitrary<string> = fc
  .tuple(fc.constantFrom(...SEEDS), fc.array(mutation, { minLength: 1, maxLength: 6 }))
  .map(([seed, steps]) => steps.reduce(mutate, seed));

/** Every kind of input, in the proportions the fuzzer uses. */
export const anyNote: fc.Arbitrary<string> = fc.oneof(
  { weight: 2, arbitrary: structuredNote },
  { weight: 2, arbitrary: mutatedNote },
  { weight: 1, arbitrary: randomText },
);

/** Runs the properties over `numRuns` inputs; fast-check prints the seed and the shrunk input on failure. */
export function fuzzNotes(numRuns: number, seed?: number): void {
  fc.assert(
    fc.property(anyNote, (text) => {
      checkNoteProperties(text);
    }),
    { numRuns, seed, endOnFailure: false },
  );
}
