import vscode = require('vscode');
import { findField, parseNote, RULES } from '../core';
import type { ConfigLoader } from './configLoader';
import { lintDocument } from './lintDocument';

/**
 * Hovers in meeting notes: on the `objective` and `outcome` keys, the difference between the two
 * with the seed's example; on a flagged phrase, why it was flagged and a link to the rule's page.
 */
export class NoteHoverProvider implements vscode.HoverProvider {
  constructor(
    private readonly configs: ConfigLoader,
    private readonly docsRoot: vscode.Uri,
  ) {}

  async provideHover(document: vscode.TextDocument, position: vscode.Position, token: vscode.CancellationToken): Promise<vscode.Hover | undefined> {
    const { findings, config } = await lintDocument(document, this.configs);
    if (!findings || token.isCancellationRequested) return undefined;
    const text = document.getText();
    const offset = document.offsetAt(position);

    const note = parseNote(text);
    for (const name of ['objective', 'outcome'] as const) {
      const field = findField(note.frontMatter, text, config.fields[name]);
      if (field.keyStart !== undefined && field.keyStart <= offset && offset <= field.keyEnd!) {
        const range = new vscode.Range(document.positionAt(field.keyStart), document.positionAt(field.keyEnd!));
        return new vscode.Hover(fieldExplanation(name), range);
      }
    }

    const flagged = findings.find(
      (finding) => finding.start <= offset && offset <= finding.end && finding.end > finding.start && (finding.ruleId === 'self-focused-objective' || finding.ruleId === 'weak-outcome' || finding.ruleId === 'prospect-wording'),
    );
    if (!flagged) return undefined;
    const rule = RULES.find((candidate) => candidate.id === flagged.ruleId);
    const markdown = new vscode.MarkdownString();
    markdown.appendMarkdown(`**${vscode.l10n.t('Why this is flagged')}** · \`${flagged.ruleId}\`\n\n`);
    markdown.appendText(flagged.message);
    if (rule) markdown.appendMarkdown(`\n\n_${escapeMarkdown(rule.description)}_`);
    markdown.appendMarkdown(`\n\n[${vscode.l10n.t('Read about this rule')}](${vscode.Uri.joinPath(this.docsRoot, `${flagged.ruleId}.md`).toString()})`);
    return new vscode.Hover(markdown, new vscode.Range(document.positionAt(flagged.start), document.positionAt(flagged.end)));
  }
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
