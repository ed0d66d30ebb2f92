import vscode = require('vscode');
import { rulePagePath } from '../core';

export const OPEN_RULE_PAGE_COMMAND = 'objectiveOutcome.openRulePage';

/** A `command:` link that opens a rule's page (for trusted hovers). */
export function rulePageCommandUri(ruleId: string): string {
  return `command:${OPEN_RULE_PAGE_COMMAND}?${encodeURIComponent(JSON.stringify([ruleId]))}`;
}

/**
 * Opens a rule's page as a reader sees it: the online docs when the package names a repository,
 * otherwise the page shipped with the extension in the Markdown preview (rendered, not editable).
 */
export async function openRulePage(extension: vscode.ExtensionContext['extension'] | undefined, extensionUri: vscode.Uri, ruleId: unknown): Promise<void> {
  if (typeof ruleId !== 'string' || !/^[a-z-]+$/.test(ruleId)) return;
  const online = onlineDocs(extension?.packageJSON as unknown);
  if (online) {
    await vscode.env.openExternal(vscode.Uri.parse(`${online}/blob/HEAD/${rulePagePath(ruleId)}`));
    return;
  }
  await vscode.commands.executeCommand('markdown.showPreview', vscode.Uri.joinPath(extensionUri, ...rulePagePath(ruleId).split('/')));
}

/** The repository's web address from package.json's `repository`, when it is a GitHub-style one. */
function onlineDocs(packageJson: unknown): string | undefined {
  const repository = (packageJson as { repository?: unknown } | undefined)?.repository;
  const url = typeof repository === 'string' ? repository : (repository as { url?: unknown } | undefined)?.url;
  if (typeof url !== 'string') return undefined;
  const match = /^(?:git\+)?(https:\/\/[^\s]+?)(?:\.git)?\/?$/.exec(url);
  return match?.[1];
}
