import vscode = require('vscode');
import type { Finding, Severity } from '../core';

const SEVERITY: Record<Severity, vscode.DiagnosticSeverity> = {
  error: vscode.DiagnosticSeverity.Error,
  warning: vscode.DiagnosticSeverity.Warning,
  info: vscode.DiagnosticSeverity.Information,
  hint: vscode.DiagnosticSeverity.Hint,
};

/** A diagnostic that keeps the finding it came from, for code actions and hovers. */
export class NoteDiagnostic extends vscode.Diagnostic {
  constructor(
    range: vscode.Range,
    readonly finding: Finding,
  ) {
    super(range, finding.message, SEVERITY[finding.severity]);
  }
}

/** Turns core findings (offsets) into diagnostics (positions) linked to each rule's page. */
export function toDiagnostics(document: vscode.TextDocument, findings: Finding[], docsRoot: vscode.Uri): NoteDiagnostic[] {
  return findings.map((finding) => {
    const range = new vscode.Range(document.positionAt(finding.start), document.positionAt(finding.end));
    const diagnostic = new NoteDiagnostic(range, finding);
    diagnostic.source = 'objective-outcome';
    diagnostic.code = { value: finding.ruleId, target: vscode.Uri.joinPath(docsRoot, `${finding.ruleId}.md`) };
    return diagnostic;
  });
}
