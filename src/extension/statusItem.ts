import vscode = require('vscode');
import { rulesAboutField, SKIPPED_FILE_ID, type Finding, type RuleId } from '../core';
import type { DocumentLints } from './lintDocument';

export const SHOW_FIRST_PROBLEM_COMMAND = 'objectiveOutcome.showFirstProblem';

const OBJECTIVE_RULES: readonly RuleId[] = rulesAboutField('objective');
const OUTCOME_RULES: readonly RuleId[] = rulesAboutField('outcome');

/**
 * "Objective ✓ · Outcome ✗" for the active note, in the status bar itself (not inside the `{}`
 * language pop-up, where a rep never looks); clicking it goes to the first problem. Hidden for any
 * file that is not a meeting note.
 */
export class NoteStatusItem implements vscode.Disposable {
  private readonly item = vscode.window.createStatusBarItem('objectiveOutcome.status', vscode.StatusBarAlignment.Left, 10);
  private readonly subscriptions: vscode.Disposable[] = [];
  /** Bumped on each refresh so a slow config read never overwrites a newer state. */
  private generation = 0;

  /** `lints`: the Problems panel's linter, whose lint of the note's version is reused instead of linting again. */
  constructor(private readonly lints: DocumentLints) {
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
    if (!document || document.languageId !== 'markdown') {
      this.item.hide();
      return;
    }
    // Diagnostics change after each lint: the linter's result for this version is the answer.
    const { findings, notices, turnedOff } = await this.lints.lintFor(document);
    if (generation !== this.generation) return;
    // A note too large (or binary) to check has no verdict to show.
    if (findings === undefined || notices.some((notice) => notice.ruleId === SKIPPED_FILE_ID)) {
      this.item.hide();
      return;
    }
    const objective = worst(findings, OBJECTIVE_RULES);
    const outcome = worst(findings, OUTCOME_RULES);
    const off = turnedOff.length;
    const offText = off === 0 ? '' : ` · ${off === 1 ? vscode.l10n.t('1 rule off') : vscode.l10n.t('{0} rules off', off)}`;
    this.item.text = `${vscode.l10n.t('Objective')} ${mark(objective)} · ${vscode.l10n.t('Outcome')} ${mark(outcome)}${offText}`;
    const errors = findings.some((finding) => finding.severity === 'error');
    const warnings = findings.some((finding) => finding.severity === 'warning');
    this.item.backgroundColor = errors ? new vscode.ThemeColor('statusBarItem.errorBackground') : warnings ? new vscode.ThemeColor('statusBarItem.warningBackground') : undefined;
    const problems = findings.filter((finding) => finding.severity !== 'hint');
    const lines = [
      problems.length === 0
        ? vscode.l10n.t('This note has an objective and an outcome.')
        : problems.length === 1
          ? vscode.l10n.t('1 problem in this note: click to go to it.')
          : vscode.l10n.t('{0} problems in this note: click to go to the first.', problems.length),
    ];
    if (off > 0) lines.push(vscode.l10n.t('Turned off in this note: {0}', turnedOff.join(', ')));
    this.item.tooltip = lines.join('\n');
    this.item.command = problems.length === 0 ? undefined : { command: SHOW_FIRST_PROBLEM_COMMAND, title: vscode.l10n.t('Go to the first problem') };
    this.item.show();
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

/**
 * Reveals and selects the first problem (error, warning or information) of the active note; with
 * no note in front of the rep (the walkthrough, a settings page), opens the first note that has one.
 */
export async function showFirstProblem(lints: DocumentLints): Promise<void> {
  const editor = vscode.window.activeTextEditor;
  if (!editor || editor.document.languageId !== 'markdown') {
    await openFirstNoteWithProblems();
    return;
  }
  const { findings } = await lints.lintFor(editor.document);
  const order = ['error', 'warning', 'info'];
  const first = (findings ?? []).filter((finding) => order.includes(finding.severity)).sort((a, b) => a.start - b.start)[0];
  if (!first) {
    void vscode.window.showInformationMessage(vscode.l10n.t('This note has an objective and an outcome: nothing to fix.'));
    return;
  }
  const range = new vscode.Range(editor.document.positionAt(first.start), editor.document.positionAt(first.end));
  await reveal(editor, range);
}

/** The first note, by path, that the Problems panel lists a problem for; or a word on how to find some. */
async function openFirstNoteWithProblems(): Promise<void> {
  const shown = [vscode.DiagnosticSeverity.Error, vscode.DiagnosticSeverity.Warning, vscode.DiagnosticSeverity.Information];
  const candidates = vscode.languages
    .getDiagnostics()
    .map(([uri, diagnostics]) => ({ uri, first: diagnostics.filter((diagnostic) => isNoteProblem(diagnostic) && shown.includes(diagnostic.severity)).sort((a, b) => a.range.start.compareTo(b.range.start))[0] }))
    .filter((candidate) => candidate.first !== undefined)
    .sort((a, b) => (a.uri.path < b.uri.path ? -1 : a.uri.path > b.uri.path ? 1 : 0));
  for (const target of candidates) {
    try {
      const editor = await vscode.window.showTextDocument(target.uri);
      await reveal(editor, target.first!.range);
      return;
    } catch {
      // Gone or unreadable since it was checked: the next note will do.
    }
  }
  const choice = await vscode.window.showInformationMessage(
    vscode.l10n.t('No open meeting note has a problem. Check every note of the workspace?'),
    vscode.l10n.t('Check All Meeting Notes'),
  );
  if (choice) await vscode.commands.executeCommand('objectiveOutcome.checkAllNotes');
}

/** One of our findings about a note's fields, not a notice that a file was not checked. */
function isNoteProblem(diagnostic: vscode.Diagnostic): boolean {
  const code = typeof diagnostic.code === 'object' ? diagnostic.code.value : diagnostic.code;
  return diagnostic.source === 'objective-outcome' && code !== SKIPPED_FILE_ID;
}

async function reveal(editor: vscode.TextEditor, range: vscode.Range): Promise<void> {
  editor.selection = new vscode.Selection(range.start, range.end);
  editor.revealRange(range, vscode.TextEditorRevealType.InCenterIfOutsideViewport);
  // Show the problem's message in place; older editors without this command just keep the selection.
  await Promise.resolve(vscode.commands.executeCommand('editor.action.marker.this')).catch(() => undefined);
}
