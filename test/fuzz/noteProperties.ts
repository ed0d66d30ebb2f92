// Properties every input must keep, shared by `npm run fuzz` (100,000 cases) and the unit tests
// (2,000 cases): the core never throws, every range lies inside the text, the same input gives
// the same output, the one path from a file's bytes or text to its findings (lintFile) agrees, and
// every fix applies cleanly: valid YAML stays valid, and no comment, anchor or tag is lost; front
// matter read as plain lines (plainFrontMatter.ts) reads as the full YAML parse does. Long
// runs (10,000 to 100,000 characters) of the shapes that once made a pattern backtrack are among
// the inputs; `npm run fuzz` fails a case that takes longer than its time budget.
import * as fs from 'node:fs';
import * as path from 'node:path';
import fc from 'fast-check';
import { isMap, isScalar, isSeq, Lexer, parseDocument, type Node, type Pair } from 'yaml';
import { applyEdits, Config, findField, Finding, fixesForFinding, fixAll, lintFile, lintMarkdown, lintNote, parseConfig, parseNote, RULE_IDS } from '../../src/core';
import type { PlainEntry, PlainScalar } from '../../src/core/plainFrontMatter';

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
    checkFilePipeline(text, config, first);
  }
  checkFixes(text);
  checkPlainReading(text);
}

/** The top-level entries as the full parse gives them, in PlainEntry's shape (ranges relative to the block). */
export function entriesOfDocument(yaml: string): PlainEntry[] | 'not a plain map' {
  const document = parseDocument(yaml, { uniqueKeys: false, prettyErrors: false, strict: false });
  if (document.errors.length > 0) return 'not a plain map';
  if (document.contents === null) return [];
  if (!isMap(document.contents)) return 'not a plain map';
  const scalar = (node: Node | null): PlainScalar | null => {
    if (node === null || (isScalar(node) && node.value === null && node.range![0] === node.range![1])) return null;
    if (!isScalar(node)) throw new Error('not a scalar');
    return { value: node.value, type: node.type as PlainScalar['type'], range: [node.range![0], node.range![1]] };
  };
  return (document.contents.items as Pair<Node, Node | null>[]).map((pair) => ({
    key: scalar(pair.key)!,
    value: isSeq(pair.value) ? (pair.value.items as (Node | null)[]).map(scalar) : scalar(pair.value),
  }));
}

/** Front matter the note reads as plain lines holds exactly the entries the full parse finds, and gives the same fields. */
function checkPlainReading(text: string): void {
  const frontMatter = parseNote(text).frontMatter;
  if (frontMatter?.plain === undefined) return;
  const yaml = text.slice(frontMatter.yamlStart, frontMatter.yamlEnd);
  if (JSON.stringify(frontMatter.plain) !== JSON.stringify(entriesOfDocument(yaml))) throw new Error('front matter read as plain lines differs from the full parse');
  // The same front matter without its plain entries: findField reads the (lazily parsed) document.
  const parsed = { ...frontMatter, plain: undefined };
  for (const names of FIELD_NAMES) {
    if (JSON.stringify(findField(frontMatter, text, names)) !== JSON.stringify(findField(parsed, text, names))) throw new Error(`the field ${names[0]} reads otherwise from plain lines than from the document`);
  }
}
const FIELD_NAMES = [['objective'], ['outcome'], ['result'], ['client'], ['type'], ['goal', 'aim'], ['date'], ['attendees']];

/** Fixes checked per note: each one parses the note again, so a note with thousands of findings would cost their square. */
const FIXES_PER_NOTE = 12;

/** Every fix of every finding (the first few), applied: in range, no overlap, valid YAML kept valid, every comment, anchor and tag kept. */
function checkFixes(text: string): void {
  const findings = lintNote(text);
  const before = parseNote(text);
  const marks = before.problems.length === 0 ? yamlMarks(text) : undefined;
  for (const finding of findings.slice(0, FIXES_PER_NOTE)) {
    for (const fix of fixesForFinding(text, finding, { findings })) {
      const after = applyEdits(text, fix.edits);
      if (!marks) continue;
      const parsed = parseNote(after);
      if (parsed.problems.length > 0) throw new Error(`${fix.kind} for ${finding.ruleId} broke valid front matter: ${parsed.problems[0].message}`);
      const kept = [...yamlMarks(after)];
      for (const mark of marks) {
        // The wording fix may change “prospect” inside a comment, and the disable fix adds ids to a
        // disable comment; every other mark stays as written.
        if (kept.includes(mark) || (fix.kind.endsWith('wording') && /prospect/i.test(mark))) continue;
        if (fix.kind === 'disable-rule' && kept.some((other) => other.startsWith(mark))) continue;
        throw new Error(`${fix.kind} for ${finding.ruleId} lost “${mark}”`);
      }
    }
  }
  const fixed = fixAll(text);
  if (fixAll(fixed) !== fixed) throw new Error('fix-all is not idempotent');
}

/** The comments, anchors and tags of a note's front matter, as written (lexed as YAML does). */
function yamlMarks(text: string): Set<string> {
  const frontMatter = parseNote(text).frontMatter;
  const marks = new Set<string>();
  if (!frontMatter) return marks;
  for (const token of new Lexer().lex(text.slice(frontMatter.yamlStart, frontMatter.yamlEnd))) {
    if (token[0] === '#' || token[0] === '&' || token[0] === '!') marks.add(token.trimEnd());
  }
  return marks;
}

/** The one path from a file to its findings (from its UTF-8 bytes, as the CLI and Check All read it, or as an open buffer's text) gives what linting the text gives. */
function checkFilePipeline(text: string, config: Config, expected: Finding[] | undefined): void {
  const options = { config: { ...config, maxFileSize: Number.MAX_SAFE_INTEGER }, path: 'meetings/fuzz.md' };
  const fromText = lintFile({ text }, options);
  const fromBytes = lintFile({ bytes: new TextEncoder().encode(text) }, options);
  for (const [how, linted] of [['text', fromText], ['bytes', fromBytes]] as const) {
    // A NUL makes a file binary, which is a notice instead of findings, by design; a lone surrogate has no UTF-8 bytes.
    if (text.includes('\0') || (how === 'bytes' && /[\uD800-\uDFFF]/.test(text.replace(/[\uD800-\uDBFF][\uDC00-\uDFFF]/g, '')))) continue;
    const findings = linted.kind === 'note' ? linted.findings : undefined;
    if (JSON.stringify(findings) !== JSON.stringify(expected)) throw new Error(`lintFile from its ${how} gave other findings than lintMarkdown`);
  }
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
  '|\n  get the appointment',
  '| # why\n  close the deal\n  this week',
  '>-\n  Understand\n\n  their week',
  '|+\n  keep\n\n',
  '>2 # note\n    indented',
  '&o',
  '!!str # fill in',
  '&a !!str get the appointment',
  '&b # fill in',
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

/** What a long run repeats: each made some pattern backtrack once (spaces, dots, blank lines, fences...). */
const RUN_UNITS = [' ', '.', '-', '\n', '- ', '\t', '#', 'a*', 'get the appointment ', 'prospect ', '```\nprospect\n```\n', '<!-- prospect -->', ': ', '"'];
/**
 * Where a long run goes. The outcome is left out in the unit tests' run: its words go through the
 * judge, whose empty-value check is not linear yet (src/core/judge/outcome.ts); `npm run fuzz`
 * puts runs there too, with the time budget that finds it.
 */
const RUN_PLACES: ((run: string) => string)[] = [
  (run) => `---\nobjective: "${run}x"\noutcome: They sign by Friday\n---\n`,
  (run) => `---\nobjective: x${run}y\n---\n`,
  (run) => `---\n- x${run}\n---\n`,
  (run) => `---\nobjective: Understand their week\noutcome: They sign by Friday\n---\n${run}`,
  (run) => `---\nclient: x${run}y\nobjective: Understand their week\n---\n`,
  (run) => `---\nobjective: |\n  ${run.replace(/\n/g, '\n  ')}\noutcome: They sign by Friday\n---\n`,
];
const OUTCOME_RUN_PLACES: ((run: string) => string)[] = [
  (run) => `---\nobjective: Understand their week\noutcome: x${run}y\n---\n`,
  (run) => `---\nobjective: Understand their week\noutcome: "${run}y"\n---\n`,
];

/** A note holding one run of 10,000 to 100,000 characters of one shape. */
function longRunNote(places: readonly ((run: string) => string)[]): fc.Arbitrary<string> {
  return fc
    .tuple(fc.constantFrom(...RUN_UNITS), fc.integer({ min: 10_000, max: 100_000 }), fc.nat({ max: places.length - 1 }))
    .map(([unit, length, place]) => places[place](unit.repeat(Math.ceil(length / unit.length))));
}

export interface FuzzOptions {
  /** Fail a case whose lint (one, in the editor's defaults) takes longer than this, in milliseconds; none in the unit tests, which never time. */
  budgetMs?: number;
  /** Also put long runs in the outcome (see RUN_PLACES). */
  outcomeRuns?: boolean;
}

/** Every kind of input, in the proportions the fuzzer uses. */
export function anyNoteOf(options: FuzzOptions = {}): fc.Arbitrary<string> {
  return fc.oneof(
    { weight: 40, arbitrary: structuredNote },
    { weight: 40, arbitrary: mutatedNote },
    { weight: 20, arbitrary: randomText },
    { weight: 1, arbitrary: longRunNote(options.outcomeRuns ? [...RUN_PLACES, ...OUTCOME_RUN_PLACES] : RUN_PLACES) },
  );
}
export const anyNote: fc.Arbitrary<string> = anyNoteOf();

/** Runs the properties over `numRuns` inputs; fast-check prints the seed and the shrunk input on failure. */
export function fuzzNotes(numRuns: number, seed?: number, options: FuzzOptions = {}): void {
  fc.assert(
    fc.property(anyNoteOf(options), (text) => {
      if (options.budgetMs !== undefined) {
        // One lint, as the editor runs on every pause: the checks below lint and fix many times over.
        const started = performance.now();
        lintMarkdown(text, { path: 'meetings/fuzz.md' });
        const took = performance.now() - started;
        if (took > options.budgetMs) throw new Error(`linting a case of ${text.length} characters took ${took.toFixed(0)} ms, over the budget of ${options.budgetMs} ms`);
      }
      checkNoteProperties(text);
    }),
    // A slow case is slow again while shrinking: stop at the first one found.
    { numRuns, seed, endOnFailure: options.budgetMs !== undefined },
  );
}

/** Config values a hostile repository could commit: names from Object, odd numbers, long globs, huge lists. */
const CONFIG_VALUES = ['constructor', '__proto__', 'toString', 'off', 'warning', 'Error', '1', '0', '0.5', '-1', '.inf', '-.inf', '.nan', 'null', '~', '[]', '{}', '""', '"0"', '2MB', '1e400', '[a, b]'];
const configText: fc.Arbitrary<string> = fc
  .tuple(
    fc.array(fc.tuple(fc.constantFrom(...RULE_IDS, 'constructor', '__proto__'), fc.constantFrom(...CONFIG_VALUES)), { maxLength: 4 }),
    fc.constantFrom(...CONFIG_VALUES),
    fc.array(
      fc.oneof(
        fc.constantFrom('**/meetings/**', '**/+(a|b)/**', '[[:alpha:]]*', '{a,b}{c,d}{e,f}{g,h}{i,j}{k,l}{m,n}', '!**/x/**', '#c', '\\', '[', '{', '**'),
        fc.tuple(fc.constantFrom('*a', '**/', '{a,b}', '?'), fc.integer({ min: 1, max: 400 })).map(([unit, count]) => unit.repeat(count)),
      ),
      { maxLength: 4 },
    ),
    fc.integer({ min: 0, max: 3000 }),
  )
  .map(([rules, size, globs, phrases]) =>
    [
      `rules: {${rules.map(([id, value]) => `${id}: ${value}`).join(', ')}}`,
      `maxFileSize: ${size}`,
      `exclude: [${globs.map((glob) => JSON.stringify(glob)).join(', ')}]`,
      `phrases: { selfFocused: [${Array.from({ length: phrases }, (_, index) => `"p${index}"`).join(', ')}] }`,
    ].join('\n'),
  );

const LONG_PATH = `meetings/${'a'.repeat(200)}/${'a'.repeat(250)}.md`;

/**
 * Configs: parsing never throws, what it keeps is usable (known severities, a finite whole-byte
 * size, globs that match a long path at once, capped phrase lists), and a note lints under it.
 */
export function fuzzConfigs(numRuns: number, seed?: number, options: FuzzOptions = {}): void {
  fc.assert(
    fc.property(configText, (text) => {
      const started = performance.now();
      const { config, problems } = parseConfig(text);
      for (const [id, severity] of Object.entries(config.rules)) {
        if (!['off', 'hint', 'info', 'warning', 'error'].includes(severity as string)) throw new Error(`rule ${id} kept the severity ${String(severity)}`);
      }
      if (!Number.isInteger(config.maxFileSize) || config.maxFileSize < 1 || config.maxFileSize > 1024 ** 3) throw new Error(`maxFileSize ${config.maxFileSize}`);
      if (config.phrases.selfFocused.length > 500) throw new Error('phrase list not capped');
      if (problems.some((problem) => typeof problem !== 'string' || problem === '')) throw new Error('an empty problem');
      lintMarkdown('---\nobjective: get the appointment\noutcome: They sign by Friday\n---\nthe prospect\n', { config, path: LONG_PATH });
      const took = performance.now() - started;
      if (options.budgetMs !== undefined && took > options.budgetMs) throw new Error(`a config took ${took.toFixed(0)} ms, over the budget of ${options.budgetMs} ms:\n${text.slice(0, 300)}`);
    }),
    { numRuns, seed, endOnFailure: options.budgetMs !== undefined },
  );
}
