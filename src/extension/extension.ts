import * as vscode from 'vscode';
import { ConfigLoader } from './configLoader';
import { NoteLinter } from './noteLinter';
import { registerWorkspaceCheck } from './workspaceCheck';

/** Activated when a Markdown document opens: lint open notes and keep them linted. */
export function activate(context: vscode.ExtensionContext): void {
  const configs = new ConfigLoader();
  const linter = new NoteLinter(configs, vscode.Uri.joinPath(context.extensionUri, 'docs', 'rules'));
  context.subscriptions.push(configs, linter);
  linter.lintAllOpen();
  registerWorkspaceCheck(context, configs);
}

export function deactivate(): void {
  // Everything is disposed through context.subscriptions.
}
