// A small stand-in for the `vscode` module, enough to run the extension's commands and providers in
// plain Node: an in-memory file system, scripted prompts, and recorded messages.
import Module from 'node:module';
import * as posix from 'node:path/posix';
import { LineIndex } from '../../../src/core';

export class Uri {
  private constructor(
    readonly scheme: string,
    readonly path: string,
  ) {}
  static file(path: string): Uri {
    return new Uri('file', path.replace(/\\/g, '/'));
  }
  static parse(value: string): Uri {
    const match = /^([a-z][\w+.-]*):(?:\/\/[^/]*)?(.*)$/i.exec(value)!;
    return new Uri(match[1], match[2] || '/');
  }
  static joinPath(base: Uri, ...segments: string[]): Uri {
    return new Uri(base.scheme, posix.join(base.path, ...segments));
  }
  toString(): string {
    return `${this.scheme}://${this.path}`;
  }
}

export class Position {
  constructor(
    readonly line: number,
    readonly character: number,
  ) {}
}
export class Range {
  constructor(
    readonly start: Position,
    readonly end: Position,
  ) {}
}
export class Selection extends Range {}
export class SnippetString {
  constructor(readonly value: string) {}
}
export class TextEdit {
  constructor(
    readonly range: Range,
    readonly newText: string,
  ) {}
  static replace(range: Range, newText: string): TextEdit {
    return new TextEdit(range, newText);
  }
}
export class WorkspaceEdit {
  readonly creates: { uri: Uri; options: { overwrite?: boolean; ignoreIfExists?: boolean } }[] = [];
  readonly edits = new Map<string, TextEdit[]>();
  createFile(uri: Uri, options: { overwrite?: boolean; ignoreIfExists?: boolean }): void {
    this.creates.push({ uri, options });
  }
  set(uri: Uri, edits: TextEdit[]): void {
    this.edits.set(uri.toString(), edits);
  }
}
export class CodeActionKind {
  static readonly Empty = new CodeActionKind('');
  static readonly QuickFix = new CodeActionKind('quickfix');
  static readonly Source = new CodeActionKind('source');
  static readonly SourceFixAll = new CodeActionKind('source.fixAll');
  constructor(readonly value: string) {}
  append(part: string): CodeActionKind {
    return new CodeActionKind(this.value ? `${this.value}.${part}` : part);
  }
  contains(other: CodeActionKind): boolean {
    return this.value === other.value || this.value === '' || other.value.startsWith(`${this.value}.`);
  }
}
export class CodeAction {
  diagnostics?: unknown[];
  isPreferred?: boolean;
  edit?: WorkspaceEdit;
  command?: { command: string; arguments?: unknown[] };
  constructor(
    readonly title: string,
    readonly kind: CodeActionKind,
  ) {}
}
export class Diagnostic {
  source?: string;
  code?: unknown;
  constructor(
    readonly range: Range,
    readonly message: string,
    readonly severity: number,
  ) {}
}
export const DiagnosticSeverity = { Error: 0, Warning: 1, Information: 2, Hint: 3 };

/** A text document over a string, with VS Code's offset/position conversions. */
export class FakeDocument {
  version = 1;
  isClosed = false;
  languageId = 'markdown';
  constructor(
    readonly uri: Uri,
    private text: string,
  ) {}
  getText(): string {
    return this.text;
  }
  offsetAt(position: Position): number {
    let offset = 0;
    for (let line = 0; line < position.line; line++) offset = this.text.indexOf('\n', offset) + 1;
    return offset + position.character;
  }
  positionAt(offset: number): Position {
    const position = new LineIndex(this.text).positionAt(offset);
    return new Position(position.line, position.character);
  }
  lineAt(line: number): { text: string } {
    return { text: this.text.split(/\r?\n/)[line] ?? '' };
  }
}

/** What a test scripts and then inspects. */
export const fake = {
  files: new Map<string, Uint8Array>(),
  folders: [] as { uri: Uri; name: string; index: number }[],
  settings: {} as Record<string, unknown>,
  quickPicks: [] as ((items: { label: string; description?: string }[]) => unknown)[],
  inputs: [] as string[],
  folderPicks: [] as number[],
  errors: [] as string[],
  inputValidations: [] as (string | undefined)[],
  opened: [] as { uri: Uri; snippet?: string }[],
  /** Folders (as Uri strings) that are symbolic links on disk. */
  links: new Set<string>(),
  reset(): void {
    this.files.clear();
    this.folders = [];
    this.settings = {};
    this.quickPicks = [];
    this.inputs = [];
    this.folderPicks = [];
    this.errors = [];
    this.inputValidations = [];
    this.opened = [];
    this.links.clear();
  },
};

export const FileType = { Unknown: 0, File: 1, Directory: 2, SymbolicLink: 64 };

const fileError = () => Object.assign(new Error('FileNotFound'), { code: 'FileNotFound' });

export const workspace = {
  get workspaceFolders() {
    return fake.folders.length > 0 ? fake.folders : undefined;
  },
  fs: {
    async stat(uri: Uri) {
      const key = uri.toString();
      if (fake.links.has(key)) return { type: FileType.Directory | FileType.SymbolicLink };
      if (fake.files.has(key) || [...fake.files.keys()].some((file) => file.startsWith(`${key}/`))) return { type: 1 };
      throw fileError();
    },
    async readFile(uri: Uri) {
      const bytes = fake.files.get(uri.toString());
      if (!bytes) throw fileError();
      return bytes;
    },
    async createDirectory() {},
  },
  async applyEdit(edit: WorkspaceEdit): Promise<boolean> {
    for (const { uri, options } of edit.creates) {
      if (fake.files.has(uri.toString()) && !options.overwrite) return false;
      fake.files.set(uri.toString(), new Uint8Array());
    }
    return true;
  },
  getConfiguration(section: string) {
    const value = (key: string) => fake.settings[`${section}.${key}`];
    // Settings set here count as the user's own (globalValue), as VS Code's inspect() reports them.
    return { get: <T>(key: string): T | undefined => value(key) as T | undefined, inspect: <T>(key: string) => ({ key, globalValue: value(key) as T | undefined }) };
  },
  getWorkspaceFolder: () => undefined,
  async openTextDocument(target: Uri | { language: string }) {
    return new FakeDocument(target instanceof Uri ? target : Uri.parse('untitled:Untitled-1'), '');
  },
};

export const window = {
  async showQuickPick(items: { label: string }[]) {
    const answer = fake.quickPicks.shift();
    return answer ? answer(items) : undefined;
  },
  async showInputBox(options: { validateInput?: (value: string) => string | undefined }) {
    const value = fake.inputs.shift();
    if (value === undefined) return undefined;
    const problem = options.validateInput?.(value);
    fake.inputValidations.push(problem);
    return problem ? undefined : value;
  },
  async showWorkspaceFolderPick() {
    const index = fake.folderPicks.shift();
    return index === undefined ? undefined : fake.folders[index];
  },
  async showErrorMessage(message: string) {
    fake.errors.push(message);
  },
  async showInformationMessage() {},
  async showOpenDialog() {
    return undefined;
  },
  async showTextDocument(document: FakeDocument) {
    const entry: { uri: Uri; snippet?: string } = { uri: document.uri };
    fake.opened.push(entry);
    return {
      document,
      async insertSnippet(snippet: SnippetString) {
        entry.snippet = snippet.value;
        return true;
      },
    };
  },
};

export const l10n = {
  t(message: string, ...args: unknown[]): string {
    return message.replace(/\{(\d+)\}/g, (_all, index: string) => String(args[Number(index)]));
  },
};

/** Makes `require('vscode')` return this module, for the extension code under test. */
export function installFakeVscode(): void {
  const moduleWithResolve = Module as unknown as { _resolveFilename: (request: string, ...rest: unknown[]) => string };
  const original = moduleWithResolve._resolveFilename;
  moduleWithResolve._resolveFilename = function (request: string, ...rest: unknown[]) {
    if (request === 'vscode') return __filename;
    return original.call(this, request, ...rest);
  };
}

/**
 * Makes `require('vscode')` return `standIn`, for a test that needs a `vscode` of its own shape;
 * returns what puts the real loader back.
 */
export function installVscodeStandIn(standIn: object): () => void {
  const moduleInternals = Module as unknown as { _load: (request: string, ...rest: unknown[]) => unknown };
  const realLoad = moduleInternals._load;
  moduleInternals._load = function (request: string, ...rest: unknown[]) {
    return request === 'vscode' ? standIn : realLoad.call(this, request, ...rest);
  };
  return () => {
    moduleInternals._load = realLoad;
  };
}

export class MarkdownString {
  constructor(public value = '') {}
  appendMarkdown(text: string): this {
    this.value += text;
    return this;
  }
  isTrusted?: boolean | { enabledCommands: string[] };
  appendText(text: string): this {
    // As VS Code does: spaces become no-break spaces, which is why hovers must not use it for prose.
    this.value += text.replace(/[\\`*_{}[\]()#+\-.!]/g, '\\$&').replace(/([ \t]+)/g, (run: string) => '&nbsp;'.repeat(run.length));
    return this;
  }
}
export class Hover {
  constructor(
    readonly contents: MarkdownString,
    readonly range?: Range,
  ) {}
}
export const CompletionItemKind = { Text: 0, Property: 9 };
export const CompletionTriggerKind = { Invoke: 0, TriggerCharacter: 1, TriggerForIncompleteCompletions: 2 };
export class CompletionItem {
  insertText?: SnippetString;
  documentation?: MarkdownString;
  detail?: string;
  range?: Range;
  sortText?: string;
  filterText?: string;
  command?: { command: string };
  constructor(
    readonly label: string,
    readonly kind?: number,
  ) {}
}

export const LanguageStatusSeverity = { Information: 0, Warning: 1, Error: 2 };
export const TextEditorRevealType = { InCenterIfOutsideViewport: 2 };
const noEvent = () => ({ dispose() {} });
/** The language status items created, and the editor the status item looks at. */
export const statusItems: { text: string; tooltip?: string; backgroundColor?: ThemeColor; visible: boolean; command?: { command: string }; name?: string; dispose(): void }[] = [];
export class ThemeColor {
  constructor(readonly id: string) {}
}
export const StatusBarAlignment = { Left: 1, Right: 2 };
export const fakeEditor: { current?: { document: FakeDocument; selection?: Selection; revealRange(): void } } = {};
export const languages = {
  getDiagnostics: () => [],
  onDidChangeDiagnostics: noEvent,
};
Object.defineProperties(window, {
  createStatusBarItem: {
    value: () => {
      const item = {
        text: '',
        visible: false,
        show() {
          item.visible = true;
        },
        hide() {
          item.visible = false;
        },
        dispose() {},
      };
      statusItems.push(item);
      return item;
    },
  },
  onDidChangeActiveTextEditor: { value: noEvent },
  activeTextEditor: { get: () => fakeEditor.current },
});
export const commands = {
  async executeCommand() {
    return undefined;
  },
};
