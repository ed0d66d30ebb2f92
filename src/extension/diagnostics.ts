import vscode = require('vscode');
import type { FileNotice, Finding, Severity } from '../core';
import { rulePageCommandUri } from './rulePage';

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

/**
 * The link behind a diagnostic's rule id: a command that opens the rule's page rendered (read-only),
 * rather than the raw Markdown file inside the extension's folder.
 */
export function rulePageTarget(ruleId: string): vscode.Uri {
  return vscode.Uri.parse(rulePageCommandUri(ruleId));
}

/** Turns core findings (offsets) into diagnostics (positions) linked to each rule's page. */
export function toDiagnostics(document: Pick<vscode.TextDocument, 'positionAt'>, findings: readonly Finding[]): NoteDiagnostic[] {
  return findings.map((finding) => {
    const range = new vscode.Range(document.positionAt(finding.start), document.positionAt(finding.end));
    const diagnostic = new NoteDiagnostic(range, finding);
    diagnostic.source = 'objective-outcome';
    diagnostic.code = { value: finding.ruleId, target: rulePageTarget(finding.ruleId) };
    return diagnostic;
  });
}

/** The diagnostic of a notice about the file itself (not checked, not UTF-8), linked to the page that explains it. */
export function noticeDiagnostic(document: Pick<vscode.TextDocument, 'positionAt'>, notice: FileNotice): vscode.Diagnostic {
  const diagnostic = new vscode.Diagnostic(new vscode.Range(document.positionAt(notice.start), document.positionAt(notice.end)), notice.message, SEVERITY[notice.severity]);
  diagnostic.source = 'objective-outcome';
  diagnostic.code = { value: notice.ruleId, target: rulePageTarget(notice.ruleId) };
  return diagnostic;
}
