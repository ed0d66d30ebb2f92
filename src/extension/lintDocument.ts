import vscode = require('vscode');
import { Config, Finding, lintMarkdown, RuleId } from '../core';
import type { ConfigLoader } from './configLoader';
import { readSettings } from './settings';

/** A document's findings (undefined when it is not a meeting note) and the config they came from. */
export interface DocumentLint {
  findings: Finding[] | undefined;
  config: Config;
  /** The text that was linted, and the document version it belongs to. */
  text: string;
  version: number;
  /** The rules the note turns off with a disable comment. */
  turnedOff: RuleId[];
}

/** Lints a document exactly as the Problems panel does, for code actions, hovers and the status item. */
export async function lintDocument(document: vscode.TextDocument, configs: ConfigLoader): Promise<DocumentLint> {
  const { config, root } = await configs.forDocument(document.uri);
  const settings = readSettings(document.uri);
  // Read after the config: the text and version then belong together, whatever changed meanwhile.
  const text = document.getText();
  const version = document.version;
  const turnedOff: RuleId[] = [];
  const findings = lintMarkdown(text, { config, path: notePathOf(document.uri, root), severityOverrides: settings.severityOverrides, turnedOff });
  return { findings, config, text, version, turnedOff };
}

/** The note's path relative to the config's folder, posix style; the whole path when outside it. */
export function notePathOf(uri: vscode.Uri, root: vscode.Uri | undefined): string | undefined {
  if (uri.scheme === 'untitled') return undefined;
  const path = uri.path;
  if (root && path.startsWith(root.path.endsWith('/') ? root.path : `${root.path}/`)) return path.slice(root.path.length).replace(/^\/+/, '');
  return path.replace(/^\/+/, '');
}
