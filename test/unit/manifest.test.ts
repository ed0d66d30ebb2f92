import assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { test } from 'node:test';
import { RULE_IDS, lintNote } from '../../src/core';
import { SNIPPET_EXAMPLES } from '../../src/core/snippetExamples';
import { ROOT } from '../helpers';

const rawManifest = fs.readFileSync(path.join(ROOT, 'package.json'), 'utf8');
const nls = JSON.parse(fs.readFileSync(path.join(ROOT, 'package.nls.json'), 'utf8')) as Record<string, string>;
/** The manifest as the Marketplace and VS Code show it in English: `%key%` strings resolved through package.nls.json. */
const manifest = resolveNls(JSON.parse(rawManifest));
const contributes = manifest.contributes;

function resolveNls(value: unknown): any { // eslint-disable-line @typescript-eslint/no-explicit-any -- a JSON manifest of any shape
  if (typeof value === 'string') {
    const match = /^%([^%]+)%$/.exec(value);
    if (!match) return value;
    assert.ok(match[1] in nls, `package.nls.json has “${match[1]}”`);
    return nls[match[1]];
  }
  if (Array.isArray(value)) return value.map(resolveNls);
  if (value && typeof value === 'object') return Object.fromEntries(Object.entries(value).map(([key, inner]) => [key, resolveNls(inner)]));
  return value;
}

test('the extension activates on Markdown only, never at startup, and runs untrusted and virtual', () => {
  // Not on plain text either: VS Code opens plain-text documents of its own at startup.
  assert.deepEqual(manifest.activationEvents, ['onLanguage:markdown']);
  // Everything runs in an untrusted workspace, but a cloned repository's settings must not choose
  // where New Meeting Note writes: VS Code ignores their workspace values there.
  assert.equal(manifest.capabilities.untrustedWorkspaces.supported, 'limited');
  assert.deepEqual(manifest.capabilities.untrustedWorkspaces.restrictedConfigurations, ['objectiveOutcome.newNote.folder', 'objectiveOutcome.newNote.fileName']);
  assert.equal(manifest.capabilities.virtualWorkspaces, true);
  assert.equal(manifest.engines.vscode, '^1.90.0');
  assert.match(manifest.devDependencies['@types/vscode'], /^[\^~]?1\.90\.0$/);
  assert.ok(manifest.main && manifest.browser, 'a Node entry and a browser entry');
});

test('every setting is documented with a markdownDescription and a scope', () => {
  const properties = contributes.configuration.properties as Record<string, { markdownDescription?: string; scope?: string; enum?: string[]; enumDescriptions?: string[] }>;
  for (const [name, setting] of Object.entries(properties)) {
    assert.ok(name.startsWith('objectiveOutcome.'), name);
    assert.ok(setting.markdownDescription && setting.markdownDescription.length > 20, `${name} has a markdownDescription`);
    assert.ok(setting.scope, `${name} has a scope`);
    if (setting.enum) assert.equal(setting.enumDescriptions?.length, setting.enum.length, `${name} describes every value`);
  }
  const severity = properties['objectiveOutcome.severity'] as unknown as { properties: Record<string, unknown> };
  assert.deepEqual(Object.keys(severity.properties).sort(), [...RULE_IDS].sort(), 'the severity setting knows every rule');
});

test('every manifest string is in package.nls.json, and every entry there is used', () => {
  for (const key of Object.keys(nls)) assert.ok(rawManifest.includes(`"%${key}%"`), `${key} is used in package.json`);
  const manifestJson = JSON.parse(rawManifest);
  assert.match(manifestJson.displayName, /^%.+%$/);
  assert.match(manifestJson.contributes.commands[0].title, /^%.+%$/);
});

test('every runtime message in the extension is in the l10n bundle, so a translation is one file away', () => {
  const ts = require('typescript') as typeof import('typescript');
  assert.equal(JSON.parse(rawManifest).l10n, './l10n');
  const bundle = JSON.parse(fs.readFileSync(path.join(ROOT, 'l10n', 'bundle.l10n.json'), 'utf8')) as Record<string, string>;
  const dir = path.join(ROOT, 'src', 'extension');
  const messages = new Set<string>();
  for (const file of fs.readdirSync(dir).filter((name) => name.endsWith('.ts'))) {
    const source = ts.createSourceFile(file, fs.readFileSync(path.join(dir, file), 'utf8'), ts.ScriptTarget.ES2022, true);
    const visit = (node: import('typescript').Node): void => {
      if (ts.isCallExpression(node) && node.expression.getText(source).endsWith('l10n.t')) {
        const [first] = node.arguments;
        assert.ok(first && ts.isStringLiteralLike(first), `${file}: l10n.t takes a literal message`);
        messages.add(first.text);
      }
      ts.forEachChild(node, visit);
    };
    visit(source);
  }
  assert.deepEqual([...messages].sort(), Object.keys(bundle).sort(), 'l10n/bundle.l10n.json matches the messages in src/extension');
});

test('the commands are New Meeting Note, Go to First Problem, Check All Meeting Notes, Read About a Rule and Show Coaching Report, and the walkthrough has three steps with their media', () => {
  const ids = (contributes.commands as { command: string }[]).map((command) => command.command);
  assert.deepEqual(ids, ['objectiveOutcome.newMeetingNote', 'objectiveOutcome.showFirstProblem', 'objectiveOutcome.checkAllNotes', 'objectiveOutcome.openRulePage', 'objectiveOutcome.startNoteHere', 'objectiveOutcome.showCoachingReport']);
  const [walkthrough] = contributes.walkthroughs as { steps: { media: { markdown: string } }[] }[];
  assert.equal(walkthrough.steps.length, 3);
  for (const step of walkthrough.steps) assert.ok(fs.existsSync(path.join(ROOT, step.media.markdown)), step.media.markdown);
  const settings = contributes.configuration.properties as Record<string, { default: unknown }>;
  assert.equal(settings['objectiveOutcome.newNote.folder'].default, 'meetings');
  assert.equal(settings['objectiveOutcome.newNote.fileName'].default, 'YYYY-MM-DD-client-kind.md');
});

test('the walkthrough reads cleanly: no literal backticks, titles that fit, code blocks narrow enough for its media pane', () => {
  const nls = JSON.parse(fs.readFileSync(path.join(ROOT, 'package.nls.json'), 'utf8')) as Record<string, string>;
  for (const [key, text] of Object.entries(nls).filter(([name]) => name.startsWith('walkthrough.'))) {
    // Step descriptions render links, bold and nothing else: `code` shows its backticks.
    assert.doesNotMatch(text, /`/, key);
    if (key.endsWith('.title')) assert.ok(text.length <= 34, `${key} fits without being cut: “${text}” (${text.length})`);
  }
  for (const step of (contributes.walkthroughs as { steps: { media: { markdown: string } }[] }[])[0].steps) {
    const media = fs.readFileSync(path.join(ROOT, step.media.markdown), 'utf8');
    for (const block of media.match(/```[\s\S]*?```/g) ?? []) {
      for (const line of block.split('\n')) assert.ok(line.length <= 40, `${step.media.markdown}: “${line}” is cut off in the media pane`);
    }
  }
});

test('every command has a title and a category', () => {
  for (const command of (contributes.commands ?? []) as { command: string; title: string; category?: string }[]) {
    assert.ok(command.title, command.command);
    assert.ok(command.category, `${command.command} has a category`);
  }
});

test('every rule has a documentation page that starts with its id', () => {
  for (const id of RULE_IDS) {
    const page = fs.readFileSync(path.join(ROOT, 'docs', 'rules', `${id}.md`), 'utf8');
    assert.ok(page.startsWith(`# ${id}\n`), id);
  }
});

test('the grammar injects into Markdown under the scope name it declares', () => {
  const [grammar] = contributes.grammars as { scopeName: string; path: string; injectTo: string[] }[];
  const file = JSON.parse(fs.readFileSync(path.join(ROOT, grammar.path), 'utf8'));
  assert.equal(file.scopeName, grammar.scopeName);
  assert.deepEqual(grammar.injectTo, ['text.html.markdown']);
});

/** Expands a snippet body the way VS Code does for the parts our snippets use: tab stops, choices, date variables. */
function expandSnippet(body: string[], date: Date): string {
  const pad = (value: number) => String(value).padStart(2, '0');
  const variables: Record<string, string> = {
    CURRENT_YEAR: String(date.getFullYear()),
    CURRENT_MONTH: pad(date.getMonth() + 1),
    CURRENT_DATE: pad(date.getDate()),
  };
  let text = body.join('\n');
  for (let previous = ''; previous !== text; ) {
    previous = text;
    text = text
      .replace(/\$\{\d+\|((?:\\.|[^|\\])*)\|\}/g, (_all, choices: string) => choices.split(/(?<!\\),/)[0].replace(/\\(.)/g, '$1'))
      .replace(/\$\{\d+:([^${}]*)\}/g, '$1')
      .replace(/\$\{\d+\}|\$\d+/g, '')
      .replace(/\$([A-Z_]+)/g, (all, name: string) => variables[name] ?? all);
  }
  return text;
}

test('every snippet parses and scaffolds a complete note with today’s date; left untouched it is not written yet, once written it is clean', () => {
  const [contribution] = contributes.snippets as { language: string; path: string }[];
  assert.equal(contribution.language, 'markdown');
  const snippets = JSON.parse(fs.readFileSync(path.join(ROOT, contribution.path), 'utf8')) as Record<string, { prefix: string[]; body: string[]; description: string }>;
  const prefixes = Object.values(snippets).flatMap((snippet) => snippet.prefix);
  for (const wanted of ['meeting', 'call', 'first-meeting', 'follow-up']) assert.ok(prefixes.includes(wanted), wanted);
  const today = new Date();
  for (const [name, snippet] of Object.entries(snippets)) {
    assert.ok(snippet.description, name);
    const note = expandSnippet(snippet.body, today);
    assert.doesNotMatch(note, /\$/, `${name} leaves no snippet syntax behind`);
    for (const key of ['client', 'date', 'type', 'objective', 'outcome', 'result', 'attendees', 'next_step']) {
      assert.match(note, new RegExp(`^${key}:`, 'm'), `${name} has ${key}`);
    }
    const iso = `${today.getFullYear()}-${String(today.getMonth() + 1).padStart(2, '0')}-${String(today.getDate()).padStart(2, '0')}`;
    assert.match(note, new RegExp(`^date: ${iso}$`, 'm'));
    assert.match(note, /^result:$/m, `${name}: the result stays empty until after the meeting`);
    // Left as scaffolded, the note is not written yet: both fields say so, and nothing else is flagged.
    const findings = lintNote(note);
    assert.deepEqual(findings.map((finding) => finding.ruleId), ['missing-objective', 'missing-outcome'], `${name}:\n${note}`);
    for (const finding of findings) assert.match(finding.message, /still the template’s example/);
    // Once the rep writes their own words, the note is clean.
    const written = note
      .replace(/^objective: .*$/m, 'objective: Learn how Birch Insurance renews its fleet policies today')
      .replace(/^outcome: .*$/m, 'outcome: They send us last year’s claims history by Friday');
    assert.deepEqual(lintNote(written), [], `${name} once written:\n${written}`);
  }
});

test('the snippets’ objective and outcome examples are exactly the ones the check knows as not yet written', () => {
  const snippets = JSON.parse(fs.readFileSync(path.join(ROOT, 'snippets', 'meeting-notes.code-snippets'), 'utf8')) as Record<string, { body: string[] }>;
  const found: Record<'objective' | 'outcome', string[]> = { objective: [], outcome: [] };
  for (const snippet of Object.values(snippets)) {
    for (const line of snippet.body) {
      const match = /^(objective|outcome): \$\{\d+:([^}]*)\}$/.exec(line);
      // A choice (${3|a,b|}) would bring back the "No suggestions" trap when the rep types their own words.
      assert.doesNotMatch(line, /^(objective|outcome): \$\{\d+\|/, 'objective and outcome are plain placeholders');
      if (match) found[match[1] as 'objective' | 'outcome'].push(match[2]);
    }
  }
  assert.deepEqual([...found.objective].sort(), [...SNIPPET_EXAMPLES.objective].sort());
  assert.deepEqual([...found.outcome].sort(), [...SNIPPET_EXAMPLES.outcome].sort());
});
