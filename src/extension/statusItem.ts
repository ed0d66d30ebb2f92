import vscode = require('vscode');
import type { Finding, RuleId } from '../core';
import type { ConfigLoader } from './configLoader';
import { lintDocument } from './lintDocument';
import type { NoteLinter } from './noteLinter';

export const SHOW_FIRST_PROBLEM_COMMAND = 'objectiveOutcome.showFirstProblem';

const OBJECTIVE_RULES: readonly RuleId[] = ['missing-objective', 'self-focused-objective'];
const OUTCOME_RULES: readonly RuleId[] = ['missing-outcome', 'weak-outcome'];

/** "Objective ✓ · Outcome ✗" for the active note, in the language status bar; its command opens the first problem. */
export class NoteStatusItem implements vscode.Disposable {
  private readonly item = vscode.languages.createLanguageStatusItem('objectiveOutcome.status', { language: 'markdown' });
  private readonly subscriptions: vscode.Disposable[] = [];
  /** Bumped on each refresh so a slow config read never overwrites a newer state. */
  private generation = 0;

  constructor(
    private readonly configs: ConfigLoader,
    /** The Problems panel's linter: its last result is reused instead of linting the note again. */
    private readonly linter?: Pick<NoteLinter, 'lastFindings'>,
  ) {
    this.item.name = vscode.l10n.t('Objective & Outcome');
    this.subscriptions.push(
      vscode.window.onDidChangeActiveTextEditor(() => void this.refresh()),
      vscode.languages.onDidChangeDiagnostics((event) => {
        const active = vscode.window.activeTextEditor?.document.uri.toString();
        if (active && event.uris.some((uri) => uri.toString() === active)) void this.refresh();
      }),
    );
    void this.refresh();
  }

  private async refresh(): Promise<void> {
    const generation = ++this.generation;
    const document = vscode.window.activeTextEditor?.document;
    if (!document || document.languageId !== 'markdown') return;
    // Diagnostics change after each lint: the linter's result for this version is the answer.
    const last = this.linter?.lastFindings(document);
    const { findings } = last ?? (await lintDocument(document, this.configs));
    if (generation !== this.generation) return;
    if (findings === undefined) {
      this.item.text = vscode.l10n.t('Not a meeting note');
      this.item.detail = undefined;
      this.item.severity = vscode.LanguageStatusSeverity.Information;
      this.item.command = undefined;
      return;
    }
    const objective = worst(findings, OBJECTIVE_RULES);
    const outcome = worst(findings, OUTCOME_RULES);
    this.item.text = `${vscode.l10n.t('Objective')} ${mark(objective)} · ${vscode.l10n.t('Outcome')} ${mark(outcome)}`;
    this.item.severity = findings.some((finding) => finding.severity === 'error')
      ? vscode.LanguageStatusSeverity.Error
      : findings.some((finding) => finding.severity === 'warning')
        ? vscode.LanguageStatusSeverity.Warning
        : vscode.LanguageStatusSeverity.Information;
    const problems = findings.filter((finding) => finding.severity !== 'hint');
    this.item.detail = problems.length === 0 ? vscode.l10n.t('This note has an objective and an outcome') : vscode.l10n.t('{0} problem(s) in this note', problems.length);
    this.item.command = problems.length === 0 ? undefined : { command: SHOW_FIRST_PROBLEM_COMMAND, title: vscode.l10n.t('Show first problem') };
  }

  dispose(): void {
    for (const subscription of this.subscriptions) subscription.dispose();
    this.item.dispose();
  }
}

/** The worst finding of some rules, or undefined when there is none. */
function worst(findings: Finding[], rules: readonly RuleId[]): Finding | undefined {
  const order = ['error', 'warning', 'info', 'hint'];
  return findings.filter((finding) => rules.includes(finding.ruleId)).sort((a, b) => order.indexOf(a.severity) - order.indexOf(b.severity))[0];
}

function mark(finding: Finding | undefined): string {
  if (!finding) return '✓';
  return finding.severity === 'error' || finding.severity === 'warning' ? '✗' : '~';
}

/** Reveals and selects the first problem (error, warning or information) of the active note. */
export async function showFirstProblem(configs: ConfigLoader): Promise<void> {
  const editor = vscode.window.activeTextEditor;
  if (!editor) return;
  const { findings } = await lintDocument(editor.document, configs);
  const order = ['error', 'warning', 'info'];
  const first = (findings ?? []).filter((finding) => order.includes(finding.severity)).sort((a, b) => a.start - b.start)[0];
  if (!first) {
    void vscode.window.showInformationMessage(vscode.l10n.t('This note has an objective and an outcome: nothing to fix.'));
    return;
  }
  const range = new vscode.Range(editor.document.positionAt(first.start), editor.document.positionAt(first.end));
  editor.selection = new vscode.Selection(range.start, range.end);
  editor.revealRange(range, vscode.TextEditorRevealType.InCenterIfOutsideViewport);
  // Show the problem's message in place; older editors without this command just keep the selection.
  await Promise.resolve(vscode.commands.executeCommand('editor.action.marker.this')).catch(() => undefined);
}
