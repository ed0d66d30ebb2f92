import vscode = require('vscode');
import { Config, FileNotice, Finding, lintFile, ParsedNote, RuleId } from '../core';
import type { ConfigLoader } from './configLoader';
import { readSettings } from './settings';

/** A document's lint (findings undefined when it is not a meeting note) and the config it came from. */
export interface DocumentLint {
  findings: Finding[] | undefined;
  /** About the file itself: not checked because it is too large or binary. */
  notices: FileNotice[];
  config: Config;
  /** The text that was linted, and the document version it belongs to. */
  text: string;
  version: number;
  /** The rules the note turns off with a disable comment. */
  turnedOff: RuleId[];
  /** The text parsed, for quick fixes and hovers (absent when it was not checked). */
  note?: ParsedNote;
}

/** Where hovers, code actions, completions and the status item get a note's lint: the Problems panel's, reused. */
export interface DocumentLints {
  /** The lint of the document's current version. */
  lintFor(document: vscode.TextDocument): Promise<DocumentLint>;
}

/** Lints an open document's text with the core's one path from a file to its findings, as the Problems panel shows it. */
export async function lintDocument(document: vscode.TextDocument, configs: Pick<ConfigLoader, 'forDocument'>): Promise<DocumentLint> {
  const { config, root } = await configs.forDocument(document.uri);
  const settings = readSettings(document.uri);
  // Read after the config: the text and version then belong together, whatever changed meanwhile.
  const text = document.getText();
  const version = document.version;
  const linted = lintFile({ text }, { config, path: notePathOf(document.uri, root), severityOverrides: settings.severityOverrides });
  if (linted.kind === 'not-a-note') return { findings: undefined, notices: [], config, text, version, turnedOff: [] };
  return { findings: linted.findings, notices: linted.notices, config, text, version, turnedOff: linted.turnedOff, note: linted.note };
}

/** The note's path relative to the config's folder, posix style; the whole path when outside it. */
export function notePathOf(uri: vscode.Uri, root: vscode.Uri | undefined): string | undefined {
  if (uri.scheme === 'untitled') return undefined;
  const path = uri.path;
  if (root && path.startsWith(root.path.endsWith('/') ? root.path : `${root.path}/`)) return path.slice(root.path.length).replace(/^\/+/, '');
  return path.replace(/^\/+/, '');
}
