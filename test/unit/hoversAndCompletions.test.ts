import assert from 'node:assert/strict';
import { test } from 'node:test';
import { DEFAULT_CONFIG } from '../../src/core';
import { CompletionItem, FakeDocument, Hover, installFakeVscode, Position, Uri } from './fakes/vscode';

installFakeVscode();
// Loaded after the fake vscode is installed, hence require rather than import.
const { NoteHoverProvider } = require('../../src/extension/hovers') as typeof import('../../src/extension/hovers');
const { FrontMatterCompletionProvider } = require('../../src/extension/completions') as typeof import('../../src/extension/completions');

const configs = { forDocument: async () => ({ config: DEFAULT_CONFIG, root: Uri.file('/work') }) };
const { lintDocument } = require('../../src/extension/lintDocument') as typeof import('../../src/extension/lintDocument');
/** Lints each request afresh, as a linter holding no result yet does. */
// eslint-disable-next-line @typescript-eslint/no-explicit-any -- the fakes stand in for vscode's document and the ConfigLoader
const lints = { lintFor: (document: any) => lintDocument(document, configs as any) };
const token = { isCancellationRequested: false };
// The fakes stand in for vscode's classes: the providers only use their shape.
/* eslint-disable @typescript-eslint/no-explicit-any */
const hovers = new NoteHoverProvider(lints);
const completions = new FrontMatterCompletionProvider(lints);

const note = (text: string) => new FakeDocument(Uri.file('/work/meetings/note.md'), text);
const hoverAt = async (document: FakeDocument, line: number, character: number) =>
  (await hovers.provideHover(document as any, new Position(line, character) as any, token as any)) as unknown as Hover | undefined;
const completeAt = async (document: FakeDocument, line: number, character: number) =>
  ((await completions.provideCompletionItems(document as any, new Position(line, character) as any, token as any)) ?? []) as unknown as CompletionItem[];
/* eslint-enable @typescript-eslint/no-explicit-any */

test('hovering the objective key explains objective vs outcome with the seed’s example', async () => {
  const hover = await hoverAt(note('---\nObjective: Understand them\noutcome: They sign\n---\n'), 1, 3);
  assert.match(hover!.contents.value, /about your client/);
  assert.match(hover!.contents.value, /To inspire, impact, provide free value and build rapport and trust/);
  const outcome = await hoverAt(note('---\nObjective: Understand them\noutcome: They sign\n---\n'), 2, 2);
  assert.match(outcome!.contents.value, /Have them commit to your sales process and set a 2nd appointment/);
});

test('hovering a flagged phrase says why and links to the rule’s page', async () => {
  const hover = await hoverAt(note('---\nobjective: get the appointment\noutcome: They sign\n---\n'), 1, 14);
  assert.match(hover!.contents.value, /self-focused-objective/);
  assert.match(hover!.contents.value, /\(command:objectiveOutcome\.openRulePage\?%5B%22self-focused-objective%22%5D\)/);
  assert.equal(await hoverAt(note('---\nobjective: Understand them\n---\n'), 1, 14), undefined, 'nothing on an unflagged value');
});

test('a README gets no hover', async () => {
  assert.equal(await hoverAt(new FakeDocument(Uri.file('/work/README.md'), '# objective\n'), 0, 3), undefined);
});

test('in a note’s front matter, the keys it does not have yet are offered, with today’s date', async () => {
  const items = await completeAt(note('---\nclient: Acme\nobjective: Understand them\n\n---\n# Notes\n'), 3, 0);
  const labels = items.map((item) => item.label);
  assert.deepEqual(labels, ['date', 'type', 'outcome', 'result', 'attendees', 'next_step']);
  const today = new Date();
  assert.match(items[0].insertText!.value, new RegExp(`^date: \\$\\{1:${today.getFullYear()}-\\d\\d-\\d\\d\\}$`));
  assert.deepEqual(await completeAt(note('---\nclient: Acme\n---\n\n'), 3, 0), [], 'nothing in the body');
});

test('after “objective: ” the starters are about the client, after “outcome: ” they are commitments', async () => {
  const objective = await completeAt(note('---\nobjective: \n---\n'), 1, 11);
  assert.ok(objective.some((item) => item.label === 'Understand …'));
  assert.ok(objective.every((item) => !/commit|appointment/i.test(item.insertText!.value)));
  const outcome = await completeAt(note('---\nobjective: x\noutcome: \n---\n'), 2, 9);
  assert.ok(outcome.some((item) => item.label === 'They agree to a second meeting on …'));
});

test('a space typed inside the rep’s own objective opens no starters (the next Tab moves on), Ctrl+Space still does', async () => {
  const document = note('---\nobjective: engagement letter \n---\n');
  const typed = await completions.provideCompletionItems(document as any, new Position(1, 29) as any, token as any, { triggerKind: 1, triggerCharacter: ' ' } as any); // eslint-disable-line @typescript-eslint/no-explicit-any
  assert.equal(typed, undefined);
  const afterKey = await completions.provideCompletionItems(note('---\nobjective: \n---\n') as any, new Position(1, 11) as any, token as any, { triggerKind: 1, triggerCharacter: ' ' } as any); // eslint-disable-line @typescript-eslint/no-explicit-any
  assert.ok((afterKey as unknown as CompletionItem[]).length > 0, 'right after the key the starters come up');
  assert.ok((await completeAt(document, 1, 29)).length > 0, 'asked for (Ctrl+Space), they come up');
});

test('a flagged phrase’s hover does not repeat the message and keeps ordinary spaces, so lines wrap between words', async () => {
  const text = '---\nclient: Birch Insurance\nobjective: Understand their renewals\noutcome: They liked the demo\n---\n';
  const hover = await hoverAt(note(text), 3, 16);
  assert.ok(hover, 'a hover on the weak outcome');
  const value = hover.contents.value;
  assert.doesNotMatch(value, /&nbsp;|\u00a0/);
  const { lintNote } = require('../../src/core') as typeof import('../../src/core');
  const message = lintNote(text).find((finding) => finding.ruleId === 'weak-outcome')!.message;
  assert.ok(!value.includes(message), 'VS Code shows the message above the hover: it is not repeated');
  assert.match(value, /\*\*Why:\*\* /);
});

test('a Markdown file that is not a meeting note gets no completions', async () => {
  const blog = new FakeDocument(Uri.file('/work/blog/post.md'), '---\ntitle: Hello\n\n---\n');
  assert.deepEqual(await completeAt(blog, 2, 0), []);
});
