import vscode = require('vscode');
import { isMap, isScalar } from 'yaml';
import type { DocumentLints } from './lintDocument';

interface Starter {
  label: string;
  snippet: string;
}

/** Completions inside a meeting note's front matter: the keys it usually has, and good starts for the two fields. */
export class FrontMatterCompletionProvider implements vscode.CompletionItemProvider {
  static readonly triggerCharacters = [' '];

  constructor(private readonly lints: DocumentLints) {}

  async provideCompletionItems(
    document: vscode.TextDocument,
    position: vscode.Position,
    token: vscode.CancellationToken,
    context?: vscode.CompletionContext,
  ): Promise<vscode.CompletionItem[] | undefined> {
    // The Problems panel's lint of this version, with its parse: typing a key does not lint twice.
    const { findings, config, note } = await this.lints.lintFor(document);
    const frontMatter = note?.frontMatter;
    const offset = document.offsetAt(position);
    if (findings === undefined || !frontMatter || token.isCancellationRequested) return undefined;
    if (offset <= frontMatter.openEnd || offset > frontMatter.yamlEnd) return undefined;

    const linePrefix = document.lineAt(position.line).text.slice(0, position.character);
    const value = /^(\s*)(["']?)([\w-]+)\2\s*:\s+(.*)$/.exec(linePrefix);
    if (value) {
      // A space typed inside the rep's own words is no request for starters: a list popping up
      // there would take the next Tab, which should move to the next field.
      if (context?.triggerKind === vscode.CompletionTriggerKind.TriggerCharacter && value[4].trim() !== '') return undefined;
      const key = value[3].toLowerCase();
      const valueRange = new vscode.Range(position.line, linePrefix.length - value[4].length, position.line, position.character);
      if (config.fields.objective.some((name) => name.toLowerCase() === key)) return starters(objectiveStarters(), valueRange, vscode.l10n.t('About the client'));
      if (config.fields.outcome.some((name) => name.toLowerCase() === key)) return starters(outcomeStarters(), valueRange, vscode.l10n.t('A commitment from the client'));
      return undefined;
    }
    const keyPrefix = /^(\s*)([\w-]*)$/.exec(linePrefix);
    if (!keyPrefix) return undefined;
    const present = new Set<string>();
    const contents = frontMatter.document?.contents;
    if (isMap(contents)) for (const pair of contents.items) if (isScalar(pair.key)) present.add(String(pair.key.value).toLowerCase());
    const range = new vscode.Range(position.line, keyPrefix[1].length, position.line, position.character);
    return noteKeys(config.fields.objective[0], config.fields.outcome[0], config.fields.result[0])
      .filter((item) => !present.has(item.key.toLowerCase()))
      .map((item, index) => {
        const completion = new vscode.CompletionItem(item.key, vscode.CompletionItemKind.Property);
        completion.insertText = new vscode.SnippetString(item.snippet);
        completion.documentation = new vscode.MarkdownString(item.documentation);
        completion.detail = vscode.l10n.t('Meeting note field');
        completion.range = range;
        completion.sortText = String(index).padStart(2, '0');
        // After the key, suggest good starts for the two fields straight away.
        if (item.key === config.fields.objective[0] || item.key === config.fields.outcome[0]) completion.command = { command: 'editor.action.triggerSuggest', title: '' };
        return completion;
      });
  }
}

function noteKeys(objective: string, outcome: string, result: string): { key: string; snippet: string; documentation: string }[] {
  const today = new Date();
  const iso = `${today.getFullYear()}-${String(today.getMonth() + 1).padStart(2, '0')}-${String(today.getDate()).padStart(2, '0')}`;
  return [
    { key: 'client', snippet: 'client: ${1:Client name}', documentation: vscode.l10n.t('Who the meeting is with.') },
    { key: 'date', snippet: `date: \${1:${iso}}`, documentation: vscode.l10n.t('The day of the call or meeting (today by default).') },
    { key: 'type', snippet: 'type: ${1|meeting,call,first-meeting,follow-up,review|}', documentation: vscode.l10n.t('The kind of meeting: a `type` like call or meeting also marks the file as a meeting note.') },
    { key: objective, snippet: `${objective}: `, documentation: vscode.l10n.t('**About the client**: inspire, give free value, build rapport and trust, understand their situation.') },
    { key: outcome, snippet: `${outcome}: `, documentation: vscode.l10n.t('**Selfishly about you**: the appointment, a second meeting, their commitment, the close.') },
    { key: result, snippet: `${result}: `, documentation: vscode.l10n.t('**After the meeting**: what actually happened. The coaching report judges it like an outcome: an advance or a continuation.') },
    { key: 'attendees', snippet: 'attendees:\n  - ${1:Name, role}', documentation: vscode.l10n.t('Who will be there, one per line.') },
    { key: 'next_step', snippet: 'next_step: ${1:What happens next, who does it, by when}', documentation: vscode.l10n.t('What happens next, who does it, by when.') },
  ];
}

function objectiveStarters(): Starter[] {
  return [
    { label: vscode.l10n.t('Understand …'), snippet: vscode.l10n.t('Understand how they ${1:handle this} today and what worries them about it') },
    { label: vscode.l10n.t('Inspire …'), snippet: vscode.l10n.t('Inspire them, build rapport and trust, and give them ${1:one piece of free value}') },
    { label: vscode.l10n.t('Share …'), snippet: vscode.l10n.t('Share ${1:two ideas} they can use to ${2:reach their goal}') },
    { label: vscode.l10n.t('Learn …'), snippet: vscode.l10n.t('Learn what matters most to ${1:them} this year') },
    { label: vscode.l10n.t('Help them decide …'), snippet: vscode.l10n.t('Help them decide whether ${1:this} makes sense for them') },
  ];
}

function outcomeStarters(): Starter[] {
  return [
    { label: vscode.l10n.t('They commit to …'), snippet: vscode.l10n.t('They commit to ${1:the next step} by ${2:date}') },
    { label: vscode.l10n.t('They agree to a second meeting on …'), snippet: vscode.l10n.t('They agree to a second meeting on ${1:date} with ${2:the decision maker}') },
    { label: vscode.l10n.t('They set an appointment …'), snippet: vscode.l10n.t('They set an appointment for ${1:date}') },
    { label: vscode.l10n.t('They send …'), snippet: vscode.l10n.t('They send ${1:their complete financial information} by ${2:Friday}') },
    { label: vscode.l10n.t('They sign …'), snippet: vscode.l10n.t('They sign ${1:the agreement}') },
  ];
}

function starters(list: Starter[], range: vscode.Range, detail: string): vscode.CompletionItem[] {
  return list.map((starter, index) => {
    const item = new vscode.CompletionItem(starter.label, vscode.CompletionItemKind.Text);
    item.insertText = new vscode.SnippetString(starter.snippet);
    item.filterText = starter.label.replace(/\s*…$/, '');
    item.detail = detail;
    item.range = range;
    item.sortText = String(index).padStart(2, '0');
    return item;
  });
}
