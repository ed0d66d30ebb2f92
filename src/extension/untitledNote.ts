import vscode = require('vscode');
import { readKinds } from './newMeetingNote';

export const START_NOTE_HERE_COMMAND = 'objectiveOutcome.startNoteHere';

/**
 * Ctrl+N opens plain text, where the Markdown snippets are not offered: in a new untitled file that
 * holds nothing but the word being typed, `meeting`, `call`, ... are offered too, and accepting one
 * switches the file to Markdown and scaffolds the note. (Only once the extension runs, after a
 * Markdown file opened: activating on plain text would start it with every window.)
 */
export class UntitledNoteCompletionProvider implements vscode.CompletionItemProvider {
  constructor(private readonly extensionUri: vscode.Uri) {}

  async provideCompletionItems(document: vscode.TextDocument, position: vscode.Position): Promise<vscode.CompletionItem[] | undefined> {
    if (document.uri.scheme !== 'untitled' || document.languageId !== 'plaintext') return undefined;
    // Only a file that is otherwise empty: a plain-text draft is never turned into a note by surprise.
    if (!/^\s*[\w-]*\s*$/.test(document.getText())) return undefined;
    const range = document.getWordRangeAtPosition(position, /[\w-]+/) ?? new vscode.Range(position, position);
    const kinds = await readKinds(this.extensionUri);
    return kinds.map((kind, index) => {
      const item = new vscode.CompletionItem(kind.id, vscode.CompletionItemKind.Snippet);
      item.detail = vscode.l10n.t('{0} (turns this file into a Markdown note)', kind.label);
      item.documentation = kind.description;
      item.insertText = '';
      item.range = range;
      item.sortText = String(index).padStart(2, '0');
      item.command = { command: START_NOTE_HERE_COMMAND, title: '', arguments: [document.uri.toString(), kind.id] };
      return item;
    });
  }
}

/** Switches the untitled file to Markdown and inserts the kind's snippet where the word was. */
export async function startNoteHere(extensionUri: vscode.Uri, uri: unknown, kindId: unknown): Promise<void> {
  const editor = vscode.window.activeTextEditor;
  if (!editor || editor.document.uri.toString() !== uri) return;
  const kind = (await readKinds(extensionUri)).find((candidate) => candidate.id === kindId);
  if (!kind) return;
  const document = await vscode.languages.setTextDocumentLanguage(editor.document, 'markdown');
  const target = vscode.window.visibleTextEditors.find((candidate) => candidate.document === document) ?? editor;
  await target.insertSnippet(new vscode.SnippetString(kind.body));
}
