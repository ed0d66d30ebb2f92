import vscode = require('vscode');
import { checkClientName, ClientNameProblem, fillClientName, notePath, withSuffix } from '../core';

export const NEW_MEETING_NOTE_COMMAND = 'objectiveOutcome.newMeetingNote';

/** Optional arguments, so a test or a keybinding can create a note without any prompt. */
export interface NewMeetingNoteArgs {
  /** A snippet prefix or name: `call`, `first-meeting`, `follow-up`, `review`, `meeting`. */
  kind?: string;
  client?: string;
  /** A workspace folder (its name, or a URI/path of any folder); an untitled note when none is open. */
  folder?: string | vscode.Uri;
}

/** One kind of meeting, read from the extension's snippets so the command and the snippets never differ. */
export interface MeetingKind {
  id: string;
  label: string;
  description: string;
  body: string;
}

const MAX_ATTEMPTS = 100;

/**
 * "Objective & Outcome: New Meeting Note": asks for the kind and the client, creates the note from
 * the folder and file-name settings (never overwriting, never outside the folder), opens it and
 * inserts the kind's snippet with its tab stops live. Returns the note's URI.
 */
export async function newMeetingNote(extensionUri: vscode.Uri, args: NewMeetingNoteArgs = {}): Promise<vscode.Uri | undefined> {
  const kinds = await readKinds(extensionUri);
  const kind = await chooseKind(kinds, args.kind);
  if (!kind) return undefined;
  const client = await chooseClient(args.client);
  if (client === undefined) return undefined;
  const target = await chooseFolder(args);
  if (target === undefined) return undefined;
  const snippet = new vscode.SnippetString(fillClientName(kind.body, client));

  if (target === 'untitled') {
    const document = await vscode.workspace.openTextDocument({ language: 'markdown' });
    const editor = await vscode.window.showTextDocument(document);
    await editor.insertSnippet(snippet);
    return document.uri;
  }

  const settings = vscode.workspace.getConfiguration('objectiveOutcome.newNote', target);
  const path = notePath(settings.get<string>('folder') ?? 'meetings', settings.get<string>('fileName') ?? 'YYYY-MM-DD-client-kind.md', {
    date: new Date(),
    client,
    kind: kind.id,
  });
  if ('refused' in path) {
    void vscode.window.showErrorMessage(vscode.l10n.t('New Meeting Note: {0} Change the objectiveOutcome.newNote settings.', path.refused));
    return undefined;
  }
  const folderUri = vscode.Uri.joinPath(target, ...path.segments.slice(0, -1));
  const fileName = path.segments[path.segments.length - 1];
  const link = await linkOnTheWay(target, path.segments.slice(0, -1));
  if (link) {
    void vscode.window.showErrorMessage(
      vscode.l10n.t('New Meeting Note: {0} is a link to another place, so the note could end up outside the folder. Change the objectiveOutcome.newNote settings.', link.path),
    );
    return undefined;
  }
  let uri: vscode.Uri | undefined;
  try {
    await vscode.workspace.fs.createDirectory(folderUri);
    uri = await createFreeFile(folderUri, fileName);
  } catch (error) {
    // A read-only or unreachable file system is the user's situation, not a bug: say so plainly.
    void vscode.window.showErrorMessage(vscode.l10n.t('New Meeting Note: could not create the note in {0}: {1}', folderUri.path, error instanceof Error ? error.message : String(error)));
    return undefined;
  }
  if (!uri) {
    void vscode.window.showErrorMessage(vscode.l10n.t('New Meeting Note: {0} and {1} other names are taken in {2}.', fileName, MAX_ATTEMPTS - 1, folderUri.path));
    return undefined;
  }
  const document = await vscode.workspace.openTextDocument(uri);
  const editor = await vscode.window.showTextDocument(document);
  await editor.insertSnippet(snippet, new vscode.Position(0, 0));
  return uri;
}

/** Creates an empty file under the first free name (`name.md`, `name-2.md`, ...); the file system refuses to overwrite. */
async function createFreeFile(folder: vscode.Uri, fileName: string): Promise<vscode.Uri | undefined> {
  for (let attempt = 1; attempt <= MAX_ATTEMPTS; attempt++) {
    const uri = vscode.Uri.joinPath(folder, withSuffix(fileName, attempt));
    if (await exists(uri)) continue;
    const edit = new vscode.WorkspaceEdit();
    edit.createFile(uri, { overwrite: false, ignoreIfExists: false });
    // Refused when the file appeared since the check: try the next name.
    if (await Promise.resolve(vscode.workspace.applyEdit(edit)).catch(() => false)) return uri;
  }
  return undefined;
}

/**
 * The first folder on the way to the note that is a symbolic link, if any. The path is checked
 * for `..` and absolute parts, but a link committed to a repository would still put the note
 * anywhere on disk. Folders that do not exist yet are created, so no link can be past them.
 */
async function linkOnTheWay(target: vscode.Uri, segments: readonly string[]): Promise<vscode.Uri | undefined> {
  for (let depth = 1; depth <= segments.length; depth++) {
    const uri = vscode.Uri.joinPath(target, ...segments.slice(0, depth));
    let type: vscode.FileType;
    try {
      type = (await vscode.workspace.fs.stat(uri)).type;
    } catch {
      return undefined;
    }
    if ((type & vscode.FileType.SymbolicLink) !== 0) return uri;
  }
  return undefined;
}

async function exists(uri: vscode.Uri): Promise<boolean> {
  try {
    await vscode.workspace.fs.stat(uri);
    return true;
  } catch {
    return false;
  }
}

/** The kinds of note, read from the extension's snippets file. */
export async function readKinds(extensionUri: vscode.Uri): Promise<MeetingKind[]> {
  const bytes = await vscode.workspace.fs.readFile(vscode.Uri.joinPath(extensionUri, 'snippets', 'meeting-notes.code-snippets'));
  const snippets = JSON.parse(new TextDecoder().decode(bytes)) as Record<string, { prefix: string[] | string; body: string[] | string; description?: string }>;
  return Object.entries(snippets).map(([name, snippet]) => {
    const prefixes = Array.isArray(snippet.prefix) ? snippet.prefix : [snippet.prefix];
    return { id: prefixes[0], label: name, description: snippet.description ?? '', body: Array.isArray(snippet.body) ? snippet.body.join('\n') : snippet.body };
  });
}

async function chooseKind(kinds: MeetingKind[], wanted: string | undefined): Promise<MeetingKind | undefined> {
  if (wanted !== undefined) {
    const key = wanted.trim().toLowerCase();
    const kind = kinds.find((candidate) => candidate.id === key || candidate.label.toLowerCase() === key);
    if (!kind) void vscode.window.showErrorMessage(vscode.l10n.t('New Meeting Note: no kind “{0}”. Kinds: {1}.', wanted, kinds.map((candidate) => candidate.id).join(', ')));
    return kind;
  }
  const picked = await vscode.window.showQuickPick(
    kinds.map((kind) => ({ label: kind.label, description: kind.id, detail: kind.description, meetingKind: kind })),
    { title: vscode.l10n.t('New Meeting Note (1/2)'), placeHolder: vscode.l10n.t('What kind of call or meeting?'), matchOnDescription: true, matchOnDetail: true },
  );
  return picked?.meetingKind;
}

async function chooseClient(given: string | undefined): Promise<string | undefined> {
  if (given !== undefined) {
    const problem = checkClientName(given);
    if (problem) {
      void vscode.window.showErrorMessage(`${vscode.l10n.t('New Meeting Note:')} ${clientProblemMessage(problem)}`);
      return undefined;
    }
    return given.trim();
  }
  const client = await vscode.window.showInputBox({
    title: vscode.l10n.t('New Meeting Note (2/2)'),
    prompt: vscode.l10n.t("The client's name, as you want it in the note (it also names the file)"),
    placeHolder: vscode.l10n.t('Acme Dental'),
    ignoreFocusOut: true,
    validateInput: (value) => {
      const problem = checkClientName(value);
      return problem ? clientProblemMessage(problem) : undefined;
    },
  });
  return client?.trim();
}

function clientProblemMessage(problem: ClientNameProblem): string {
  switch (problem) {
    case 'empty':
      return vscode.l10n.t("Type the client's name.");
    case 'no-letters':
      return vscode.l10n.t("The client's name needs at least one letter or digit.");
    case 'too-long':
      return vscode.l10n.t("That is a long name: keep the client's name under 120 characters.");
  }
}

/** The folder the note goes in: given, the only workspace folder, a pick among several; or an untitled note. */
async function chooseFolder(args: NewMeetingNoteArgs): Promise<vscode.Uri | 'untitled' | undefined> {
  const folders = vscode.workspace.workspaceFolders ?? [];
  if (args.folder !== undefined) {
    if (args.folder instanceof vscode.Uri) return args.folder;
    const named = folders.find((folder) => folder.name === args.folder);
    if (named) return named.uri;
    return /^[a-z][\w+.-]+:/i.test(args.folder) && !/^[a-z]:[\\/]/i.test(args.folder) ? vscode.Uri.parse(args.folder) : vscode.Uri.file(args.folder);
  }
  if (folders.length === 1) return folders[0].uri;
  if (folders.length > 1) {
    const folder = await vscode.window.showWorkspaceFolderPick({ placeHolder: vscode.l10n.t('Which folder is the note for?') });
    return folder?.uri;
  }
  if (args.client !== undefined && args.kind !== undefined) return 'untitled';
  const choice = await vscode.window.showQuickPick(
    [
      { label: vscode.l10n.t('Untitled note'), detail: vscode.l10n.t('Write now, save it where you like later'), value: 'untitled' as const },
      { label: vscode.l10n.t('Choose a folder…'), detail: vscode.l10n.t('The note is created there, named by the objectiveOutcome.newNote settings'), value: 'folder' as const },
    ],
    { title: vscode.l10n.t('No folder is open') },
  );
  if (!choice) return undefined;
  if (choice.value === 'untitled') return 'untitled';
  const [folder] = (await vscode.window.showOpenDialog({ canSelectFolders: true, canSelectFiles: false, canSelectMany: false, openLabel: vscode.l10n.t('Create the note here') })) ?? [];
  return folder;
}
