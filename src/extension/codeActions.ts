import vscode = require('vscode');
import { Finding, fixAllEdits, fixesForFinding, NoteFix, selectionAfterEdits } from '../core';
import type { DocumentLints } from './lintDocument';

/** `source.fixAll.objectiveOutcome`: for `editor.codeActionsOnSave` and "Fix All". */
export const FIX_ALL_KIND = vscode.CodeActionKind.SourceFixAll.append('objectiveOutcome');
/** Internal: selects a range after a quick fix, so the rep types straight over a placeholder. */
export const SELECT_AFTER_FIX_COMMAND = 'objectiveOutcome.selectAfterFix';

/** Quick fixes for the notes' diagnostics, and the safe fix-all. Edits come from the pure core. */
export class NoteCodeActionProvider implements vscode.CodeActionProvider {
  static readonly metadata: vscode.CodeActionProviderMetadata = {
    providedCodeActionKinds: [vscode.CodeActionKind.QuickFix, FIX_ALL_KIND],
  };

  constructor(private readonly lints: DocumentLints) {}

  async provideCodeActions(
    document: vscode.TextDocument,
    _range: vscode.Range,
    context: vscode.CodeActionContext,
    token: vscode.CancellationToken,
  ): Promise<vscode.CodeAction[]> {
    const wants = (kind: vscode.CodeActionKind) => !context.only || context.only.contains(kind) || kind.contains(context.only);
    const ours = context.diagnostics.filter((diagnostic) => diagnostic.source === 'objective-outcome');
    const wantsFixAll = context.only !== undefined && wants(FIX_ALL_KIND);
    const wantsQuickFixes = wants(vscode.CodeActionKind.QuickFix) && ours.length > 0;
    if (!wantsFixAll && !wantsQuickFixes) return [];

    // Edits are computed on the text that was linted (the document's current version), parsed once for every fix.
    const { findings, config, text, note } = await this.lints.lintFor(document);
    if (!findings || token.isCancellationRequested) return [];
    const actions: vscode.CodeAction[] = [];

    if (wantsFixAll) {
      const edits = fixAllEdits(text, { config, findings, note });
      if (edits.length > 0) {
        const action = new vscode.CodeAction(vscode.l10n.t('Fix all safe Objective & Outcome problems'), FIX_ALL_KIND);
        action.edit = toWorkspaceEdit(document, edits);
        actions.push(action);
      }
    }
    if (wantsQuickFixes) {
      const seen = new Set<string>();
      for (const diagnostic of ours) {
        const finding = findingFor(document, diagnostic, findings);
        if (!finding) continue;
        for (const fix of fixesForFinding(text, finding, { config, findings, note })) {
          // "Add front matter" answers both missing fields: offer it once.
          const key = `${fix.kind}:${JSON.stringify(fix.edits)}`;
          if (seen.has(key)) continue;
          seen.add(key);
          actions.push(toCodeAction(document, fix, diagnostic));
        }
      }
    }
    return actions;
  }
}

/** The finding behind a diagnostic, matched by rule and range against the lint of the same version. */
function findingFor(document: vscode.TextDocument, diagnostic: vscode.Diagnostic, findings: Finding[]): Finding | undefined {
  const ruleId = typeof diagnostic.code === 'object' ? String(diagnostic.code.value) : String(diagnostic.code);
  const start = document.offsetAt(diagnostic.range.start);
  const end = document.offsetAt(diagnostic.range.end);
  return findings.find((finding) => finding.ruleId === ruleId && finding.start === start && finding.end === end);
}

function toCodeAction(document: vscode.TextDocument, fix: NoteFix, diagnostic: vscode.Diagnostic): vscode.CodeAction {
  const action = new vscode.CodeAction(localTitle(fix), vscode.CodeActionKind.QuickFix);
  action.diagnostics = [diagnostic];
  action.isPreferred = fix.isPreferred;
  action.edit = toWorkspaceEdit(document, fix.edits);
  if (fix.selection) {
    // Offsets in the text after the edit, applied by the command that runs right after it.
    const selection = selectionAfterEdits(fix.edits, fix.selection);
    action.command = { command: SELECT_AFTER_FIX_COMMAND, title: '', arguments: [document.uri, selection.start, selection.end] };
  }
  return action;
}

function toWorkspaceEdit(document: vscode.TextDocument, edits: readonly { start: number; end: number; newText: string }[]): vscode.WorkspaceEdit {
  const workspaceEdit = new vscode.WorkspaceEdit();
  workspaceEdit.set(
    document.uri,
    edits.map((edit) => vscode.TextEdit.replace(new vscode.Range(document.positionAt(edit.start), document.positionAt(edit.end)), edit.newText)),
  );
  return workspaceEdit;
}

/** Selects a range (offsets) in the editor showing a document: the follow-up of a quick fix. */
export function selectAfterFix(uri: vscode.Uri, start: number, end: number): void {
  const editor = vscode.window.visibleTextEditors.find((candidate) => candidate.document.uri.toString() === uri.toString());
  if (!editor) return;
  const range = new vscode.Range(editor.document.positionAt(start), editor.document.positionAt(end));
  editor.selection = new vscode.Selection(range.start, range.end);
  editor.revealRange(range, vscode.TextEditorRevealType.InCenterIfOutsideViewport);
}

/** The fix's title in the editor's language. */
function localTitle(fix: NoteFix): string {
  const [argument] = fix.titleArgs;
  switch (fix.kind) {
    case 'insert-field':
      if (fix.title.startsWith('Add front matter')) return vscode.l10n.t('Add front matter with an objective and an outcome');
      if (fix.title.startsWith('Write')) return argument === 'objective' ? vscode.l10n.t('Write the objective') : vscode.l10n.t('Write the outcome');
      return argument === 'objective' ? vscode.l10n.t('Add the objective') : vscode.l10n.t('Add the outcome');
    case 'move-to-outcome':
      if (fix.title.startsWith('Add this')) return vscode.l10n.t('Add this to the outcome (and write a new objective)');
      return fix.title.startsWith('Move this') ? vscode.l10n.t('Move this item to the outcome') : vscode.l10n.t('Move the objective to the outcome (and write a new one)');
    case 'swap-fields':
      return vscode.l10n.t('Swap objective and outcome');
    case 'strengthen-outcome':
      return vscode.l10n.t('Add their commitment: “… {0}”', argument);
    case 'replace-wording':
      return vscode.l10n.t('Replace with “{0}”', argument);
    case 'replace-all-wording':
      return vscode.l10n.t('Say “client” everywhere in this note');
    case 'disable-rule':
      return vscode.l10n.t('Turn off {0} for this note', argument);
  }
}
