import assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { test } from 'node:test';
import * as vm from 'node:vm';
import { ROOT } from '../helpers';

/**
 * A stand-in for the parts of the `vscode` API the extension touches; anything else is a no-op.
 * It is only enough to prove the browser bundle runs with no Node globals: the real API is
 * exercised in the real-VS-Code tier.
 */
function fakeVscode(documents: { uri: FakeUri; getText(): string; languageId: string; isClosed: boolean }[]) {
  const published = new Map<string, { message: string; code?: unknown }[]>();
  let onPublish: () => void = () => {};
  /** Resolves when the extension next publishes diagnostics: the test waits for that, not for a time. */
  const nextPublish = new Promise<void>((resolve) => (onPublish = resolve));
  const anything: unknown = new Proxy(function () {}, {
    get: (_target, property) => (property === 'then' ? undefined : anything),
    apply: () => anything,
    construct: () => anything as object,
    set: () => true,
    defineProperty: () => true,
  });
  const listen = () => ({ dispose() {} });
  class Diagnostic {
    source?: string;
    code?: unknown;
    constructor(
      readonly range: unknown,
      readonly message: string,
      readonly severity: number,
    ) {}
  }
  class Range {
    constructor(...args: unknown[]) {
      void args;
    }
  }
  class EventEmitter {
    event = listen;
    fire() {}
    dispose() {}
  }
  /** A namespace with the given members; any other member is a no-op. */
  const namespace = (members: Record<string, unknown>) =>
    new Proxy(members, { get: (target, property) => (property in target ? target[property as string] : anything) });
  const api = {
    Diagnostic,
    Range,
    EventEmitter,
    DiagnosticSeverity: { Error: 0, Warning: 1, Information: 2, Hint: 3 },
    Uri: { joinPath: (base: FakeUri, ...parts: string[]) => new FakeUri(`${base.path}/${parts.join('/')}`), parse: (value: string) => new FakeUri(value) },
    languages: namespace({
      createDiagnosticCollection: () => ({
        set: (uri: FakeUri, diagnostics: { message: string }[]) => {
          published.set(uri.toString(), diagnostics);
          onPublish();
        },
        delete: (uri: FakeUri) => published.delete(uri.toString()),
        clear: () => published.clear(),
        dispose() {},
      }),
    }),
    workspace: namespace({
      textDocuments: documents,
      fs: { readFile: async () => Promise.reject(new Error('no such file')) },
      getConfiguration: () => ({ get: () => undefined }),
      getWorkspaceFolder: () => undefined,
      createFileSystemWatcher: () => ({ onDidChange: listen, onDidCreate: listen, onDidDelete: listen, dispose() {} }),
      onDidOpenTextDocument: listen,
      onDidChangeTextDocument: listen,
      onDidCloseTextDocument: listen,
      onDidSaveTextDocument: listen,
      onDidChangeConfiguration: listen,
    }),
  };
  // esbuild copies the module's own property names, so the fake lists the API names the extension may touch.
  const names = [...Object.keys(api), ...OTHER_API_NAMES];
  const vscode = new Proxy(api as Record<string | symbol, unknown>, {
    get: (target, property) => (property in target ? target[property] : anything),
    ownKeys: () => names,
    getOwnPropertyDescriptor: (target, property) => ({
      value: property in target ? target[property] : anything,
      enumerable: true,
      configurable: true,
      writable: true,
    }),
  });
  return { vscode, published, nextPublish };
}

const OTHER_API_NAMES = [
  'CodeAction', 'CodeActionKind', 'CodeActionTriggerKind', 'CompletionItem', 'CompletionItemKind', 'CompletionList', 'Disposable',
  'FileSystemError', 'FileType', 'Hover', 'LanguageStatusSeverity', 'MarkdownString', 'Position', 'ProgressLocation', 'RelativePattern',
  'Selection', 'SnippetString', 'TextEdit', 'TextEditorRevealType', 'ThemeIcon', 'WorkspaceEdit', 'commands', 'env', 'extensions', 'l10n', 'window',
];

class FakeUri {
  readonly scheme = 'untitled';
  constructor(readonly path: string) {}
  toString() {
    return `${this.scheme}:${this.path}`;
  }
}

test('the browser bundle runs with no Node globals and lints an open note', async () => {
  const code = fs.readFileSync(path.join(ROOT, 'dist', 'extension.js'), 'utf8');
  const text = '---\nobjective: get the appointment\n---\n';
  const document = {
    uri: new FakeUri('Untitled-1'),
    languageId: 'markdown',
    isClosed: false,
    getText: () => text,
    positionAt: (offset: number) => ({ offset }),
  };
  const { vscode, published, nextPublish } = fakeVscode([document]);
  const module = { exports: {} as { activate(context: unknown): void } };
  // Only what a browser worker has: no process, Buffer, require of Node modules, or __dirname.
  const sandbox = vm.createContext({
    module,
    exports: module.exports,
    require: (id: string) => {
      if (id === 'vscode') return vscode;
      throw new Error(`the browser bundle asked for the Node module “${id}”`);
    },
    console,
    setTimeout,
    clearTimeout,
    TextDecoder,
    TextEncoder,
    URL,
  });
  vm.runInContext(code, sandbox, { filename: 'dist/extension.js' });
  const subscriptions: unknown[] = [];
  module.exports.activate({ subscriptions, extensionUri: new FakeUri('/ext') });
  await nextPublish;
  const diagnostics = published.get('untitled:Untitled-1');
  assert.ok(diagnostics, 'the open note was linted');
  // The sandbox has its own Array: compare plain copies.
  const codes = JSON.parse(JSON.stringify(diagnostics.map((diagnostic) => (diagnostic as { code?: { value: string } }).code?.value)));
  assert.deepEqual(codes, ['missing-outcome', 'self-focused-objective']);
});
