import vscode = require('vscode');
import { registerCoachingReport } from './coachingReport';
import { NoteCodeActionProvider, SELECT_AFTER_FIX_COMMAND, selectAfterFix } from './codeActions';
import { FrontMatterCompletionProvider } from './completions';
import { ConfigLoader } from './configLoader';
import { NoteHoverProvider } from './hovers';
import { NEW_MEETING_NOTE_COMMAND, newMeetingNote, NewMeetingNoteArgs } from './newMeetingNote';
import { NoteLinter } from './noteLinter';
import { OPEN_RULE_PAGE_COMMAND, openRulePage } from './rulePage';
import { NoteStatusItem, SHOW_FIRST_PROBLEM_COMMAND, showFirstProblem } from './statusItem';
import { START_NOTE_HERE_COMMAND, startNoteHere, UntitledNoteCompletionProvider } from './untitledNote';
import { registerWorkspaceCheck } from './workspaceCheck';

/** Activated when a Markdown document opens: lint open notes and keep them linted. */
export function activate(context: vscode.ExtensionContext): void {
  const configs = new ConfigLoader();
  const linter = new NoteLinter(configs);
  const markdown: vscode.DocumentSelector = { language: 'markdown' };
  context.subscriptions.push(
    configs,
    linter,
    new NoteStatusItem(linter),
    vscode.languages.registerCodeActionsProvider(markdown, new NoteCodeActionProvider(linter), NoteCodeActionProvider.metadata),
    vscode.languages.registerHoverProvider(markdown, new NoteHoverProvider(linter)),
    vscode.languages.registerCompletionItemProvider(markdown, new FrontMatterCompletionProvider(linter), ...FrontMatterCompletionProvider.triggerCharacters),
    vscode.commands.registerCommand(NEW_MEETING_NOTE_COMMAND, (args?: NewMeetingNoteArgs) => newMeetingNote(context.extensionUri, isArgs(args) ? args : {})),
    vscode.commands.registerCommand(SHOW_FIRST_PROBLEM_COMMAND, () => showFirstProblem(linter)),
    vscode.commands.registerCommand(SELECT_AFTER_FIX_COMMAND, selectAfterFix),
    vscode.languages.registerCompletionItemProvider({ language: 'plaintext', scheme: 'untitled' }, new UntitledNoteCompletionProvider(context.extensionUri)),
    vscode.commands.registerCommand(START_NOTE_HERE_COMMAND, (uri: unknown, kind: unknown) => startNoteHere(context.extensionUri, uri, kind)),
    vscode.commands.registerCommand(OPEN_RULE_PAGE_COMMAND, (ruleId: unknown) => openRulePage(context.extension, context.extensionUri, ruleId)),
  );
  linter.lintAllOpen();
  registerWorkspaceCheck(context, configs);
  registerCoachingReport(context, configs);
}

/** Menus pass a URI (explorer) or nothing; only a plain object is taken as arguments. */
function isArgs(value: unknown): value is NewMeetingNoteArgs {
  return typeof value === 'object' && value !== null && !(value instanceof vscode.Uri);
}

export function deactivate(): void {
  // Everything is disposed through context.subscriptions.
}
