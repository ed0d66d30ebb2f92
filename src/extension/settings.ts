import vscode = require('vscode');
import { parseSeverity, RULE_IDS, RuleId, SeveritySetting } from '../core';

/** When notes are linted. */
export type RunMode = 'onType' | 'onSave' | 'off';

/** The editor-only choices, read fresh for each document (they may differ per folder). */
export interface EditorSettings {
  run: RunMode;
  debounceMs: number;
  /** Leave the line being typed on alone until the rep pauses or leaves it. */
  focusMode: boolean;
  severityOverrides: Partial<Record<RuleId, SeveritySetting>>;
}

/** A setting's value where someone set it (folder, workspace or user), undefined when only the default applies. */
function setExplicitly<T>(section: vscode.WorkspaceConfiguration, key: string): T | undefined {
  const inspected = typeof section.inspect === 'function' ? section.inspect<T>(key) : undefined;
  return inspected?.workspaceFolderValue ?? inspected?.workspaceValue ?? inspected?.globalValue;
}

/** Reads `objectiveOutcome.*` for a document's scope. */
export function readSettings(scope?: vscode.ConfigurationScope): EditorSettings {
  const section = vscode.workspace.getConfiguration('objectiveOutcome', scope);
  const raw = section.get<Record<string, unknown>>('severity') ?? {};
  const severityOverrides: Partial<Record<RuleId, SeveritySetting>> = {};
  for (const id of RULE_IDS) {
    const severity = parseSeverity(raw[id]);
    if (severity !== undefined) severityOverrides[id] = severity;
  }
  const run = section.get<string>('run');
  // pauseBeforeChecking is the new name of debounceMs: a value set under the old name still counts.
  const pause = setExplicitly<number>(section, 'pauseBeforeChecking') ?? setExplicitly<number>(section, 'debounceMs') ?? section.get<number>('debounceMs') ?? 250;
  return {
    run: run === 'onSave' || run === 'off' ? run : 'onType',
    debounceMs: Math.max(0, Math.min(5000, typeof pause === 'number' ? pause : 250)),
    focusMode: section.get<boolean>('focusMode') !== false,
    severityOverrides,
  };
}
