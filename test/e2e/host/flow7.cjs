// Flow 7 (issue 3, for issue 5): every quick fix and the New Meeting Note command, in the real
// extension host. Each fix is taken from 'vscode.executeCodeActionProvider' exactly as the light
// bulb gets it, applied with vscode.workspace.applyEdit, followed by its command (the one that
// selects the placeholder), and then checked on the whole document text: the bytes the fix did not
// mean to touch are unchanged. Notes are written by the tests themselves so that their exact bytes
// (CRLF, BOM) sit next to what is expected of them.
'use strict';
/* global require, module, __dirname */
/* eslint-disable @typescript-eslint/no-require-imports -- the extension host loads this file with require() */
const assert = require('node:assert/strict');
const fs = require('node:fs');
const path = require('node:path');
const { pathToFileURL } = require('node:url');
const vscode = require('vscode');

/** What an inserted field holds until the rep types over it (docs/commands.md: "The hint `<...>` is selected"). */
const OBJECTIVE_HINT = '<about the client, e.g. understand how they work today and share one idea they can use>';
const OUTCOME_HINT = '<what you want them to commit to, e.g. a second meeting on a set date>';
const FIX_ALL_KIND = 'source.fixAll.objectiveOutcome';

module.exports = function registerFlow7(test, h) {
  const { waitFor, ourDiagnostics, ruleId, describe, findingsOf, workspaceUri, extensionId } = h;

  /** Writes a note into the workspace's meetings/fixes folder (byte for byte) and opens it. */
  async function openNote(name, text) {
    const uri = workspaceUri(`meetings/fixes/${name}`);
    fs.mkdirSync(path.dirname(uri.fsPath), { recursive: true });
    fs.writeFileSync(uri.fsPath, text);
    const document = await vscode.workspace.openTextDocument(uri);
    const editor = await vscode.window.showTextDocument(document, { preview: false });
    return { document, editor, uri };
  }

  const rulesOf = (uri) => ourDiagnostics(uri).map(ruleId).sort();

  /** The code actions VS Code offers for a diagnostic's range, as the light bulb asks for them. */
  async function actionsAt(uri, range, kind) {
    const actions = await vscode.commands.executeCommand('vscode.executeCodeActionProvider', uri, range, kind);
    return actions ?? [];
  }

  /**
   * Applies the quick fix titled `title`, offered for `rule`'s finding, the way VS Code does: the
   * edit, then its command. Returns the action.
   */
  async function applyFix(document, rule, title) {
    const [finding] = await findingsOf(document.uri, rule);
    const actions = await actionsAt(document.uri, finding.range);
    const action = actions.find((a) => a.title === title);
    assert.ok(action, `"${title}" is offered for ${rule} (offered: ${JSON.stringify(actions.map((a) => a.title))})`);
    assert.equal(action.kind?.value, vscode.CodeActionKind.QuickFix.value, `"${title}" is a quick fix`);
    assert.ok(action.edit, `"${title}" has an edit`);
    assert.equal(await vscode.workspace.applyEdit(action.edit), true, `"${title}" applied`);
    if (action.command) await vscode.commands.executeCommand(action.command.command, ...(action.command.arguments ?? []));
    return action;
  }

  /** The active editor's selection covers exactly `expected`, found once in the text at `at`. */
  function assertSelected(document, expectedText, at) {
    const editor = vscode.window.activeTextEditor;
    assert.ok(editor && editor.document === document, 'the note is still the active editor');
    const { selection } = editor;
    assert.equal(document.getText(selection), expectedText, 'the selection covers the hint');
    assert.equal(document.offsetAt(selection.start), at, 'the selection starts where the hint is');
    assert.equal(document.offsetAt(selection.end), at + expectedText.length, 'and ends where it ends');
  }

  /** Types over the selection like a rep (the editor's own `type` command), and checks it landed. */
  async function typeOverSelection(document, words) {
    const before = document.getText();
    const { selection } = vscode.window.activeTextEditor;
    const expected = before.slice(0, document.offsetAt(selection.start)) + words + before.slice(document.offsetAt(selection.end));
    await vscode.commands.executeCommand('type', { text: words });
    await waitFor('the typed words in the note', () => document.getText() === expected, 5000);
  }

  async function waitForRules(uri, expected) {
    await waitFor(`exactly ${JSON.stringify(expected)} on ${path.basename(uri.path)} (has ${describe(ourDiagnostics(uri))})`, () => JSON.stringify(rulesOf(uri)) === JSON.stringify(expected));
  }

  async function saveActive(document) {
    await vscode.commands.executeCommand('workbench.action.files.save');
    await waitFor('the note to be saved', () => !document.isDirty, 10_000);
  }

  async function revertAndCloseAll() {
    for (let i = 0; i < 10 && vscode.window.activeTextEditor; i++) {
      await vscode.commands.executeCommand('workbench.action.files.revert');
      await vscode.commands.executeCommand('workbench.action.closeActiveEditor');
    }
  }

  test('flow 7: "Add the outcome" inserts it after the objective, selects the hint; typing a real outcome clears missing-outcome', async () => {
    const before = '---\nclient: Acme Dental\nobjective: Understand how their front desk books patients today\ndate: 2026-11-27\n---\n# Notes\n';
    const { document, uri } = await openNote('add-outcome.md', before);
    await waitForRules(uri, ['missing-outcome']);
    await applyFix(document, 'missing-outcome', 'Add the outcome');
    const expected = before.replace('today\n', `today\noutcome: ${OUTCOME_HINT}\n`);
    assert.equal(document.getText(), expected);
    assertSelected(document, OUTCOME_HINT, expected.indexOf(OUTCOME_HINT));
    // Until the rep types, the hint counts as empty: the warning stays honest.
    await waitForRules(uri, ['missing-outcome']);
    await typeOverSelection(document, 'They book a second meeting with the office manager on Dec 4');
    await waitForRules(uri, []);
    assert.equal(document.getText(), before.replace('today\n', 'today\noutcome: They book a second meeting with the office manager on Dec 4\n'));
    await revertAndCloseAll();
  });

  test('flow 7: "Add the objective" in a CRLF note goes before the outcome, in CRLF, and the saved file keeps CRLF', async () => {
    const before = '---\r\nclient: Birch & Sons\r\noutcome: They commit to a second meeting on Dec 4\r\n---\r\n# Notes\r\n- They use paper.\r\n';
    const { document, uri } = await openNote('add-objective-crlf.md', before);
    assert.equal(document.eol, vscode.EndOfLine.CRLF, 'VS Code reads the note as CRLF');
    await waitForRules(uri, ['missing-objective']);
    await applyFix(document, 'missing-objective', 'Add the objective');
    const expected = before.replace('outcome:', `objective: ${OBJECTIVE_HINT}\r\noutcome:`);
    assert.equal(document.getText(), expected);
    assertSelected(document, OBJECTIVE_HINT, expected.indexOf(OBJECTIVE_HINT));
    await typeOverSelection(document, 'Understand how they handle renewals today');
    await waitForRules(uri, []);
    await saveActive(document);
    const saved = fs.readFileSync(uri.fsPath, 'utf8');
    assert.equal(saved, before.replace('outcome:', 'objective: Understand how they handle renewals today\r\noutcome:'), 'the file on disk');
    assert.doesNotMatch(saved, /[^\r]\n/, 'every line break on disk is still CRLF');
    await revertAndCloseAll();
  });

  test('flow 7: "Add front matter with an objective and an outcome" for a note without front matter (with a BOM): offered once, hint selected, saved with its BOM', async () => {
    const body = '# Call with Cedar Street Bakery\n\n- They bake for three cafés.\n';
    const { document, uri } = await openNote('no-front-matter.md', `\uFEFF${body}`);
    await waitForRules(uri, ['missing-objective', 'missing-outcome']);
    const all = await actionsAt(uri, new vscode.Range(0, 0, document.lineCount, 0));
    assert.equal(all.filter((a) => a.title === 'Add front matter with an objective and an outcome').length, 1, `offered once for both findings (offered: ${JSON.stringify(all.map((a) => a.title))})`);
    await applyFix(document, 'missing-objective', 'Add front matter with an objective and an outcome');
    const frontMatter = `---\nobjective: ${OBJECTIVE_HINT}\noutcome: ${OUTCOME_HINT}\n---\n`;
    assert.equal(document.getText(), frontMatter + body, 'VS Code hides the BOM: the front matter is the first text');
    const hint = document.getText(vscode.window.activeTextEditor.selection);
    assert.ok(hint === OBJECTIVE_HINT || hint === OUTCOME_HINT, `a hint is selected (got ${JSON.stringify(hint)})`);
    assertSelected(document, hint, (frontMatter + body).indexOf(hint));
    const sentence = hint === OBJECTIVE_HINT ? 'Understand which cafés order every week' : 'They agree to a tasting on Dec 9';
    await typeOverSelection(document, sentence);
    await waitForRules(uri, [hint === OBJECTIVE_HINT ? 'missing-outcome' : 'missing-objective']);
    await saveActive(document);
    const saved = fs.readFileSync(uri.fsPath);
    assert.deepEqual([...saved.subarray(0, 3)], [0xef, 0xbb, 0xbf], 'the BOM is still first on disk');
    assert.equal(saved.subarray(3).toString('utf8'), frontMatter.replace(hint, sentence) + body, 'the file on disk');
    await revertAndCloseAll();
  });

  test('flow 7: "Write the objective" for an empty objective selects the hint it inserts', async () => {
    const before = '---\nclient: Acme Dental\nobjective:\noutcome: They book a demo for Dec 4\n---\n';
    const { document, uri } = await openNote('empty-objective.md', before);
    await waitForRules(uri, ['missing-objective']);
    await applyFix(document, 'missing-objective', 'Write the objective');
    const expected = before.replace('objective:\n', `objective: ${OBJECTIVE_HINT}\n`);
    assert.equal(document.getText(), expected);
    assertSelected(document, OBJECTIVE_HINT, expected.indexOf(OBJECTIVE_HINT));
    await typeOverSelection(document, 'Understand what slows their front desk down');
    await waitForRules(uri, []);
    await revertAndCloseAll();
  });

  test('flow 7: "Move the objective to the outcome" with an empty outcome swaps the keys, keeps the words, selects the new objective\'s hint', async () => {
    const before = '---\nclient: Birch & Sons Insurance\nobjective: get the appointment # from the call list\noutcome:\nnext_step: Send the agenda\n---\n# Notes\n';
    const { document, uri } = await openNote('move-objective.md', before);
    await findingsOf(uri, 'self-focused-objective');
    await applyFix(document, 'self-focused-objective', 'Move the objective to the outcome (and write a new one)');
    const expected = before.replace('objective: get', 'outcome: get').replace('outcome:\nnext_step', `objective: ${OBJECTIVE_HINT}\nnext_step`);
    assert.equal(document.getText(), expected, 'the words and their comment moved untouched; nothing else changed');
    assertSelected(document, OBJECTIVE_HINT, expected.indexOf(OBJECTIVE_HINT));
    await typeOverSelection(document, 'Understand how they choose an insurer today');
    await waitForRules(uri, []);
    await revertAndCloseAll();
  });

  test('flow 7: "Swap objective and outcome" when both are written the wrong way round', async () => {
    const before = '---\nclient: Acme Dental\nobjective: get the appointment\noutcome: Understand their goals and worries # asked twice\n---\n# Notes\n';
    const { document, uri } = await openNote('swap.md', before);
    await findingsOf(uri, 'self-focused-objective');
    const action = await applyFix(document, 'self-focused-objective', 'Swap objective and outcome');
    assert.equal(action.command, undefined, 'nothing to select after a swap');
    assert.equal(document.getText(), '---\nclient: Acme Dental\noutcome: get the appointment\nobjective: Understand their goals and worries # asked twice\n---\n# Notes\n');
    await waitForRules(uri, []);
    await revertAndCloseAll();
  });

  test('flow 7: "Replace with “client”" replaces that one word, in its case and number', async () => {
    const before = '---\nobjective: Understand their hiring plans for next year\noutcome: They agree to a second meeting on Dec 4\n---\n# Notes\n- Prospects like this one often ask about the prospect list.\n';
    const { document, uri } = await openNote('wording.md', before);
    const findings = await waitFor('two prospect-wording findings', () => {
      const found = ourDiagnostics(uri).filter((d) => ruleId(d) === 'prospect-wording');
      return found.length === 2 ? found : undefined;
    });
    const plural = findings.find((d) => document.getText(d.range) === 'Prospects');
    assert.ok(plural, `one finding is on "Prospects" (${describe(findings)})`);
    const actions = await actionsAt(uri, plural.range);
    const replace = actions.find((a) => a.title === 'Replace with “Clients”');
    assert.ok(replace, `offered: ${JSON.stringify(actions.map((a) => a.title))}`);
    assert.equal(await vscode.workspace.applyEdit(replace.edit), true);
    assert.equal(document.getText(), before.replace('Prospects', 'Clients'));
    await waitFor('one prospect-wording finding left', () => rulesOf(uri).join() === 'prospect-wording');
    await applyFix(document, 'prospect-wording', 'Replace with “client”');
    assert.equal(document.getText(), before.replace('Prospects', 'Clients').replace('the prospect list', 'the client list'));
    await waitForRules(uri, []);
    await revertAndCloseAll();
  });

  test('flow 7: "Turn off <rule> for this note" adds the YAML comment (then adds to it); the finding disappears, the others stay', async () => {
    const before = '---\nclient: Acme Dental\nobjective: get the appointment\n---\n# Notes\n';
    const { document, uri } = await openNote('turn-off.md', before);
    await waitForRules(uri, ['missing-outcome', 'self-focused-objective']);
    await applyFix(document, 'self-focused-objective', 'Turn off self-focused-objective for this note');
    const once = '---\n# objective-outcome-disable self-focused-objective\nclient: Acme Dental\nobjective: get the appointment\n---\n# Notes\n';
    assert.equal(document.getText(), once);
    await waitForRules(uri, ['missing-outcome']);
    await applyFix(document, 'missing-outcome', 'Turn off missing-outcome for this note');
    assert.equal(document.getText(), once.replace('self-focused-objective\n', 'self-focused-objective missing-outcome\n'));
    await waitForRules(uri, []);
    await revertAndCloseAll();
  });

  test('flow 7: fix-all on save (editor.codeActionsOnSave in workspace settings) says "client" in the saved file, and only where safe', async () => {
    const editorConfig = vscode.workspace.getConfiguration('editor');
    await editorConfig.update('codeActionsOnSave', { [FIX_ALL_KIND]: 'explicit' }, vscode.ConfigurationTarget.Workspace);
    try {
      const settingsFile = workspaceUri('.vscode/settings.json').fsPath;
      assert.match(fs.readFileSync(settingsFile, 'utf8'), /source\.fixAll\.objectiveOutcome/, 'the setting is in the workspace settings file');
      const before = '---\nobjective: Understand what the prospect needs this quarter\noutcome: They agree to a second meeting on Dec 4\n---\n# Notes\n- Prospects compare us with two others; see [the list](prospects.md) and `prospect` in the CRM.\n';
      const { document, uri } = await openNote('fix-all-on-save.md', before);
      const phrases = () => ourDiagnostics(uri).filter((d) => ruleId(d) === 'prospect-wording').map((d) => document.getText(d.range));
      await waitFor(`four prospect-wording findings (has ${JSON.stringify(phrases())})`, () => phrases().length === 4);
      // VS Code now and then answers [] although the provider returned the action (about one run
      // in five here, with the provider logging what it returned): ask again, as a rep would.
      const fixAll = await waitFor('the fix-all source action to be offered', async () => {
        const offered = await actionsAt(uri, new vscode.Range(0, 0, document.lineCount, 0), FIX_ALL_KIND);
        return offered.length > 0 ? offered : undefined;
      }, 5000);
      assert.deepEqual(fixAll.map((a) => a.kind?.value), [FIX_ALL_KIND], 'the fix-all source action is offered');
      // An edit so that saving has something to write, as a rep would have typed.
      await vscode.window.activeTextEditor.edit((b) => b.insert(document.positionAt(document.getText().length), '- Call back Tuesday.\n'));
      await saveActive(document);
      const expected = '---\nobjective: Understand what the client needs this quarter\noutcome: They agree to a second meeting on Dec 4\n---\n# Notes\n- Clients compare us with two others; see [the list](prospects.md) and `prospect` in the CRM.\n- Call back Tuesday.\n';
      assert.equal(fs.readFileSync(uri.fsPath, 'utf8'), expected, 'the saved file says "client" in prose, and leaves the link target and inline code alone');
      assert.equal(document.getText(), expected, 'the editor shows what was saved');
      await revertAndCloseAll();
    } finally {
      await editorConfig.update('codeActionsOnSave', undefined, vscode.ConfigurationTarget.Workspace);
    }
  });

  // New Meeting Note.
  const pad = (n) => String(n).padStart(2, '0');
  const today = () => { const d = new Date(); return `${d.getFullYear()}-${pad(d.getMonth() + 1)}-${pad(d.getDate())}`; };

  /** What the note should hold: the kind's snippet from the installed extension, with the client's name for its placeholder, expanded. */
  async function expectedNote(prefix, client) {
    const extension = vscode.extensions.getExtension(extensionId);
    const snippets = JSON.parse(fs.readFileSync(path.join(extension.extensionPath, 'snippets', 'meeting-notes.code-snippets'), 'utf8'));
    const snippet = Object.values(snippets).find((s) => [].concat(s.prefix).includes(prefix));
    assert.ok(snippet, `the installed extension has a ${prefix} snippet`);
    const body = [].concat(snippet.body).join('\n').replaceAll('${1:Client name}', `\${1:${client}}`);
    const { expandSnippet } = await import(pathToFileURL(path.join(__dirname, '..', 'snippet.mjs')).href);
    return expandSnippet(body);
  }

  async function newNote(args) {
    return vscode.commands.executeCommand('objectiveOutcome.newMeetingNote', args);
  }

  test('flow 7: New Meeting Note creates meetings/<today>-<client-slug>-<kind>.md, opens it with the snippet and the client filled in, tab stops live', async () => {
    const uri = await newNote({ kind: 'first-meeting', client: 'Zoë Dental Care' });
    assert.ok(uri instanceof vscode.Uri, 'the command returns the new note\'s URI');
    assert.equal(uri.fsPath, workspaceUri(`meetings/${today()}-zoe-dental-care-first-meeting.md`).fsPath);
    assert.ok(fs.existsSync(uri.fsPath), 'the file exists on disk');
    const editor = vscode.window.activeTextEditor;
    assert.equal(editor?.document.uri.toString(), uri.toString(), 'the new note is the active editor');
    const expected = await expectedNote('first-meeting', 'Zoë Dental Care');
    assert.equal(editor.document.getText(), expected, 'the note holds the first-meeting snippet with the client filled in');
    assert.match(expected, new RegExp(`^client: Zoë Dental Care$[\\s\\S]*^date: ${today()}$[\\s\\S]*^type: first-meeting$`, 'm'));
    // The snippet is live: the client's name is the first tab stop, Tab goes on to the objective.
    assert.equal(editor.document.getText(editor.selection), 'Zoë Dental Care', 'the client\'s name is selected first');
    await vscode.commands.executeCommand('jumpToNextSnippetPlaceholder');
    const objectiveLine = editor.document.lineAt(editor.selection.start.line).text;
    assert.match(objectiveLine, /^objective: /, `Tab moves to the objective (now on ${JSON.stringify(objectiveLine)})`);
    assert.equal(editor.document.getText(editor.selection), objectiveLine.slice('objective: '.length), 'the objective is selected');
    await vscode.commands.executeCommand('leaveSnippet');
    await saveActive(editor.document);
    assert.equal(fs.readFileSync(uri.fsPath, 'utf8'), expected, 'saved as shown');
    await vscode.commands.executeCommand('workbench.action.closeActiveEditor');
  });

  test('flow 7: New Meeting Note for the same client and kind again creates -2 and leaves the first note\'s bytes alone', async () => {
    const first = workspaceUri(`meetings/${today()}-zoe-dental-care-first-meeting.md`).fsPath;
    const firstBytes = fs.readFileSync(first);
    assert.ok(firstBytes.length > 100, 'the first note was saved by the previous test');
    const meetings = path.dirname(first);
    const listing = fs.readdirSync(meetings).sort();
    const uri = await newNote({ kind: 'first-meeting', client: 'Zoë Dental Care' });
    assert.equal(uri?.fsPath, first.replace(/\.md$/, '-2.md'));
    assert.equal(vscode.window.activeTextEditor?.document.uri.toString(), uri.toString(), 'the -2 note is open');
    assert.equal(vscode.window.activeTextEditor.document.getText(), await expectedNote('first-meeting', 'Zoë Dental Care'));
    assert.deepEqual(fs.readFileSync(first), firstBytes, 'the first note is byte for byte unchanged');
    assert.deepEqual(fs.readdirSync(meetings).sort(), [...listing, path.basename(uri.fsPath)].sort(), 'exactly one new file');
    await revertAndCloseAll();
  });

  test('flow 7: New Meeting Note quotes a client name YAML would misread ("Acme: Dental #2"), so the front matter reads it back exactly', async () => {
    const client = 'Acme: Dental #2';
    const uri = await newNote({ kind: 'call', client });
    assert.equal(uri?.fsPath, workspaceUri(`meetings/${today()}-acme-dental-2-call.md`).fsPath);
    const text = vscode.window.activeTextEditor.document.getText();
    const expected = (await expectedNote('call', client)).replace(`client: ${client}\n`, `client: "${client}"\n`);
    assert.equal(text, expected, 'the call snippet, the client quoted in the front matter and plain in the heading');
    const { parse } = require('yaml');
    assert.equal(parse(text.split('---\n')[1]).client, client, 'YAML reads the name back as typed');
    await revertAndCloseAll();
  });

  test('flow 7: New Meeting Note refuses a folder or file-name setting with ".." and creates nothing', async () => {
    const settings = () => vscode.workspace.getConfiguration('objectiveOutcome.newNote');
    const root = workspaceUri('').fsPath;
    const parent = path.dirname(root);
    const snapshot = () => ({ parent: fs.readdirSync(parent).sort(), root: fs.readdirSync(root).sort(), meetings: fs.readdirSync(path.join(root, 'meetings')).sort() });
    const before = snapshot();
    try {
      for (const [key, value] of [['folder', '../outside'], ['folder', 'meetings/../../outside'], ['fileName', '../YYYY-MM-DD-client-kind.md']]) {
        await settings().update(key, value, vscode.ConfigurationTarget.Workspace);
        await waitFor(`the ${key} setting to read ${value}`, () => settings().get(key) === value);
        const uri = await newNote({ kind: 'call', client: 'Outside Co' });
        assert.equal(uri, undefined, `refused with ${key} = ${value}`);
        await settings().update(key, undefined, vscode.ConfigurationTarget.Workspace);
        await waitFor(`the ${key} setting to be reset`, () => settings().get(key) !== value);
      }
      assert.deepEqual(snapshot(), before, 'no file or folder appeared, inside or outside the workspace');
      assert.equal(fs.existsSync(path.join(parent, 'outside')), false);
      assert.ok(!vscode.workspace.textDocuments.some((d) => /outside-co/.test(d.uri.path)), 'no note was opened');
    } finally {
      await settings().update('folder', undefined, vscode.ConfigurationTarget.Workspace);
      await settings().update('fileName', undefined, vscode.ConfigurationTarget.Workspace);
    }
  });
};
