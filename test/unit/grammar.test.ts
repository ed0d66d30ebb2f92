import assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { test } from 'node:test';
import * as oniguruma from 'vscode-oniguruma';
import { INITIAL, IGrammar, Registry } from 'vscode-textmate';
import { ROOT } from '../helpers';

const GRAMMARS: Record<string, string> = {
  'text.html.markdown': require.resolve('tm-grammars/grammars/markdown.json'),
  'source.yaml': require.resolve('tm-grammars/grammars/yaml.json'),
  'objective-outcome.frontmatter.injection': path.join(ROOT, 'syntaxes', 'objective-outcome.injection.tmLanguage.json'),
};

/** Loads VS Code's Markdown grammar with our injection, through the real TextMate engine. */
async function loadMarkdownGrammar(): Promise<IGrammar> {
  const wasm = fs.readFileSync(require.resolve('vscode-oniguruma/release/onig.wasm')).buffer;
  await oniguruma.loadWASM(wasm);
  const registry = new Registry({
    onigLib: Promise.resolve({ createOnigScanner: (sources) => new oniguruma.OnigScanner(sources), createOnigString: (text) => new oniguruma.OnigString(text) }),
    loadGrammar: async (scopeName) => (GRAMMARS[scopeName] ? JSON.parse(fs.readFileSync(GRAMMARS[scopeName], 'utf8')) : null),
    getInjections: (scopeName) => (scopeName === 'text.html.markdown' ? ['objective-outcome.frontmatter.injection'] : []),
  });
  const grammar = await registry.loadGrammar('text.html.markdown');
  assert.ok(grammar);
  return grammar;
}

/** The scopes of each token, keyed by line and token text. */
function tokenize(grammar: IGrammar, text: string): { line: number; text: string; scopes: string[] }[] {
  const tokens: { line: number; text: string; scopes: string[] }[] = [];
  let state = INITIAL;
  text.split('\n').forEach((line, index) => {
    const result = grammar.tokenizeLine(line, state);
    for (const token of result.tokens) tokens.push({ line: index, text: line.slice(token.startIndex, token.endIndex), scopes: token.scopes });
    state = result.ruleStack;
  });
  return tokens;
}

function scopesOf(tokens: ReturnType<typeof tokenize>, line: number, text: string): string[] {
  const token = tokens.find((candidate) => candidate.line === line && candidate.text === text);
  assert.ok(token, `no token “${text}” on line ${line}: ${JSON.stringify(tokens.filter((t) => t.line === line).map((t) => t.text))}`);
  return token.scopes;
}

test('objective and outcome keys and values get their own scopes inside front matter only', async () => {
  const grammar = await loadMarkdownGrammar();
  const note = [
    '---',
    'client: Acme Dental',
    'Objective: Understand how their front desk books patients',
    'outcome: They commit to a second appointment # by Dec 4',
    'attendees:',
    '  - Dr. Lee',
    '---',
    'objective: this is the body',
  ].join('\n');
  const tokens = tokenize(grammar, note);
  assert.ok(scopesOf(tokens, 2, 'Objective').includes('keyword.other.objective-outcome.objective'));
  assert.ok(scopesOf(tokens, 2, 'Understand how their front desk books patients').includes('string.unquoted.objective-outcome.objective'));
  assert.ok(scopesOf(tokens, 3, 'outcome').includes('keyword.other.objective-outcome.outcome'));
  assert.ok(scopesOf(tokens, 3, 'They commit to a second appointment').includes('string.unquoted.objective-outcome.outcome'));
  const comment = tokens.find((token) => token.line === 3 && token.text.includes('by Dec 4'));
  assert.ok(comment?.scopes.some((scope) => scope.startsWith('comment.line')), 'a trailing comment stays a comment');
  assert.ok(!tokens.filter((token) => token.line === 1).some((token) => token.scopes.some((scope) => scope.includes('objective-outcome'))), 'other keys are untouched');
  assert.ok(!tokens.filter((token) => token.line === 7).some((token) => token.scopes.some((scope) => scope.includes('objective-outcome'))), 'the body is untouched');
});

test('list items under objective are highlighted as objective values', async () => {
  const grammar = await loadMarkdownGrammar();
  const tokens = tokenize(grammar, ['---', 'objective:', '  - Understand their goals', 'outcome: They sign', '---'].join('\n'));
  assert.ok(scopesOf(tokens, 2, 'Understand their goals').includes('string.unquoted.objective-outcome.objective'));
  assert.ok(scopesOf(tokens, 3, 'They sign').includes('string.unquoted.objective-outcome.outcome'));
});
