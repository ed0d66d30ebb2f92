import vscode = require('vscode');
import { Finding, findField, findRuleInfo } from '../core';
import { OPEN_RULE_PAGE_COMMAND, rulePageCommandUri } from './rulePage';
import type { DocumentLints } from './lintDocument';

/**
 * Hovers in meeting notes: on the `objective` and `outcome` keys, the difference between the two
 * with the seed's example; on a flagged phrase, why it was flagged and a link to the rule's page.
 */
export class NoteHoverProvider implements vscode.HoverProvider {
  constructor(private readonly lints: DocumentLints) {}

  async provideHover(document: vscode.TextDocument, position: vscode.Position, token: vscode.CancellationToken): Promise<vscode.Hover | undefined> {
    // The Problems panel's lint of this version: its text and parse, not a lint of its own.
    const { findings, config, text, note } = await this.lints.lintFor(document);
    if (!findings || !note || token.isCancellationRequested) return undefined;
    const offset = document.offsetAt(position);

    for (const name of ['objective', 'outcome'] as const) {
      const field = findField(note.frontMatter, text, config.fields[name]);
      if (field.keyStart !== undefined && field.keyStart <= offset && offset <= field.keyEnd!) {
        const range = new vscode.Range(document.positionAt(field.keyStart), document.positionAt(field.keyEnd!));
        return new vscode.Hover(fieldExplanation(name), range);
      }
    }

    const flagged = findings.find(
      (finding) => finding.start <= offset && offset <= finding.end && finding.end > finding.start && findRuleInfo(finding.ruleId)?.flagsPhrase === true,
    );
    if (!flagged) return undefined;
    return new vscode.Hover(findingExplanation(flagged), new vscode.Range(document.positionAt(flagged.start), document.positionAt(flagged.end)));
  }
}

/**
 * What a flagged phrase's hover adds to the message VS Code already shows above it: why it matters,
 * what to write instead, and the rule's page. The message itself is not repeated.
 */
export function findingExplanation(finding: Finding): vscode.MarkdownString {
  const markdown = new vscode.MarkdownString();
  markdown.isTrusted = { enabledCommands: [OPEN_RULE_PAGE_COMMAND] };
  const why = finding.data?.why ?? findRuleInfo(finding.ruleId)?.description;
  const parts: string[] = [];
  if (why) parts.push(`**${vscode.l10n.t('Why')}:** ${escapeMarkdown(why)}`);
  const suggestion = suggestionOf(finding);
  if (suggestion) parts.push(`**${vscode.l10n.t('Try')}:** ${escapeMarkdown(suggestion)}`);
  parts.push(`[${vscode.l10n.t('Read about this rule')}](${rulePageCommandUri(finding.ruleId)})`);
  // appendText would turn every space into a no-break space, which wraps lines mid-word.
  markdown.appendMarkdown(parts.join('\n\n'));
  return markdown;
}

/** The rewrite advice, unless the message already says it (or it is only the replacement word). */
function suggestionOf(finding: Finding): string | undefined {
  const suggestion = finding.data?.suggestion;
  if (!suggestion) return undefined;
  if (finding.ruleId === 'prospect-wording') return vscode.l10n.t('“{0}”', suggestion);
  return finding.message.includes(suggestion) && !finding.data?.why ? undefined : suggestion;
}

/** The difference between objective and outcome, in the seed's words. */
export function fieldExplanation(name: 'objective' | 'outcome'): vscode.MarkdownString {
  const markdown = new vscode.MarkdownString();
  if (name === 'objective') {
    markdown.appendMarkdown(`**${vscode.l10n.t('Objective: about your client')}**\n\n`);
    markdown.appendMarkdown(vscode.l10n.t('What the client gets from this call or meeting: inspire them, give free value, build rapport and trust, understand their situation.'));
    markdown.appendMarkdown(`\n\n${vscode.l10n.t('Example')}: _${vscode.l10n.t('To inspire, impact, provide free value and build rapport and trust')}_\n\n`);
    markdown.appendMarkdown(vscode.l10n.t('Not “get the appointment”: that is your outcome.'));
  } else {
    markdown.appendMarkdown(`**${vscode.l10n.t('Outcome: selfishly about you')}**\n\n`);
    markdown.appendMarkdown(vscode.l10n.t('What you want the client to commit to: the appointment, a second meeting, their complete information, the close. Best with a date.'));
    markdown.appendMarkdown(`\n\n${vscode.l10n.t('Example')}: _${vscode.l10n.t('Have them commit to your sales process and set a 2nd appointment')}_\n\n`);
    markdown.appendMarkdown(vscode.l10n.t('Not “they liked it” or “follow up”: those are no commitment.'));
  }
  return markdown;
}

function escapeMarkdown(text: string): string {
  return text.replace(/[\\`*_{}[\]()#+\-.!|<>]/g, '\\$&');
}
