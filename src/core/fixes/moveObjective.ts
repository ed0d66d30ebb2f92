import { isScalar, isSeq, Node, parseDocument } from 'yaml';
import type { Config } from '../config';
import { findField } from '../fields';
import { judgeObjective, judgeOutcome } from '../judge';
import type { ParsedNote } from '../parse';
import type { Finding } from '../types';
import { FIELD_HINTS, keyInCaseOf } from './insertField';
import { appendLineEdit, blockFrontMatter, BlockFrontMatter, isBlockSeq, pairNamed, TopLevelPair } from './layout';
import { lineBreakOf, lineEndOf, nextLineStartOf } from './text';
import type { NoteFix, TextEdit } from './types';

/** Outcomes that read like an objective: about the client rather than a commitment from them. */
const CLIENT_FOCUSED_START = /^\s*(?:to\s+)?(?:understand|inspire|impact|learn|listen|hear|explore|educate|explain|share|give|provide|offer|help them|build (?:rapport|trust)|develop rapport|get to know)\b/i;

/** Whether an outcome text looks like it belongs in the objective. */
export function outcomeLooksLikeObjective(text: string, config: Config): boolean {
  // Either way it must read as client-focused in the objective, or the swap only moves the warning.
  if (judgeObjective(text, config.phrases).selfFocused) return false;
  return judgeOutcome(text, config.phrases).kind === 'objective-in-outcome' || CLIENT_FOCUSED_START.test(text);
}

/**
 * Fixes for a self-focused objective that never lose a byte: swap the two keys when the outcome
 * reads like an objective; otherwise move the objective (or the flagged list item) to an absent or
 * empty outcome, leaving a placeholder objective selected for the rep to rewrite.
 */
export function moveObjectiveFixes(note: ParsedNote, finding: Finding, config: Config): NoteFix[] {
  const layout = blockFrontMatter(note.text, note.frontMatter);
  if (!layout) return [];
  const objectivePair = pairNamed(layout, config.fields.objective);
  const outcomePair = pairNamed(layout, config.fields.outcome);
  if (!objectivePair) return [];
  const objective = findField(note.frontMatter, note.text, config.fields.objective);
  const outcome = findField(note.frontMatter, note.text, config.fields.outcome);
  const fixes: NoteFix[] = [];

  const item = objective.texts.find((candidate) => candidate.start <= finding.start && finding.end <= candidate.end);
  if (outcomePair && (outcome.shape === 'text' || outcome.shape === 'list')) {
    if (outcome.texts.every((candidate) => outcomeLooksLikeObjective(candidate.text, config))) fixes.push(swapKeys(note.text, objectivePair, outcomePair));
    else if (item) {
      const added = addToFilledOutcome(note.text, layout, objectivePair, outcomePair, item);
      if (added) fixes.push(added);
    }
    return fixes;
  }
  const seq = objectivePair.value;
  const onlyItem = !isSeq(seq) || (seq.items.length === 1 && objective.texts.length === 1);
  if (onlyItem) {
    fixes.push(outcomePair ? swapIntoEmptyOutcome(note.text, objectivePair, outcomePair) : renameToOutcome(note.text, objectivePair, config));
  } else if (item && isBlockSeq(seq)) {
    const moved = moveListItem(note.text, layout, objectivePair, outcomePair, item, config);
    if (moved) fixes.push(moved);
  }
  return fixes;
}

/** For a weak outcome that is really an objective, next to an objective that is really an outcome: swap them. */
export function swapForWeakOutcome(note: ParsedNote, config: Config): NoteFix | undefined {
  const layout = blockFrontMatter(note.text, note.frontMatter);
  if (!layout) return undefined;
  const objectivePair = pairNamed(layout, config.fields.objective);
  const outcomePair = pairNamed(layout, config.fields.outcome);
  if (!objectivePair || !outcomePair) return undefined;
  const objective = findField(note.frontMatter, note.text, config.fields.objective);
  const outcome = findField(note.frontMatter, note.text, config.fields.outcome);
  if (outcome.texts.length === 0 || !outcome.texts.every((item) => outcomeLooksLikeObjective(item.text, config))) return undefined;
  if (!objective.texts.some((item) => judgeObjective(item.text, config.phrases).selfFocused)) return undefined;
  return { ...swapKeys(note.text, objectivePair, outcomePair), ruleId: 'weak-outcome' };
}

function swapKeys(text: string, objective: TopLevelPair, outcome: TopLevelPair): NoteFix {
  const edits: TextEdit[] = [
    { start: objective.keyStart, end: objective.keyEnd, newText: text.slice(outcome.keyStart, outcome.keyEnd) },
    { start: outcome.keyStart, end: outcome.keyEnd, newText: text.slice(objective.keyStart, objective.keyEnd) },
  ].sort((a, b) => a.start - b.start);
  return { kind: 'swap-fields', ruleId: 'self-focused-objective', title: 'Swap objective and outcome', titleArgs: [], edits, isPreferred: true };
}

/** Outcome absent: the objective's key becomes `outcome`, and a new objective line goes above it. */
function renameToOutcome(text: string, objective: TopLevelPair, config: Config): NoteFix {
  const eol = lineBreakOf(text);
  const line = `${objective.indent}${text.slice(objective.keyStart, objective.keyEnd)}: `;
  const hint = FIELD_HINTS.objective;
  const edits: TextEdit[] = [
    { start: objective.lineStart, end: objective.lineStart, newText: `${line}${hint}${eol}` },
    { start: objective.keyStart, end: objective.keyEnd, newText: keyInCaseOf(objective.key, config.fields.outcome[0]) },
  ];
  return moveFix(edits, { edit: 0, start: line.length, end: line.length + hint.length });
}

/** Outcome present but empty: the keys swap, so the words move and the empty field becomes the objective to write. */
function swapIntoEmptyOutcome(text: string, objective: TopLevelPair, outcome: TopLevelPair): NoteFix {
  const objectiveKey = text.slice(objective.keyStart, objective.keyEnd);
  const outcomeKey = text.slice(outcome.keyStart, outcome.keyEnd);
  const between = text.slice(outcome.keyEnd, outcome.valueStart);
  const value = text.slice(outcome.valueStart, outcome.valueEnd);
  const hint = FIELD_HINTS.objective;
  // An empty value gets the placeholder; a written one (`TBD`) stays and is selected.
  const newValue = value === '' ? ` ${hint}` : value;
  const edits: TextEdit[] = [
    { start: objective.keyStart, end: objective.keyEnd, newText: outcomeKey },
    { start: outcome.keyStart, end: outcome.valueEnd, newText: `${objectiveKey}${between}${newValue}` },
  ];
  const selectionStart = objectiveKey.length + between.length + (value === '' ? 1 : 0);
  const fix = moveFix(
    edits.sort((a, b) => a.start - b.start),
    { edit: 0, start: 0, end: 0 },
  );
  const index = fix.edits.findIndex((edit) => edit.start === outcome.keyStart);
  fix.selection = { edit: index, start: selectionStart, end: selectionStart + (value === '' ? hint.length : value.length) };
  return fix;
}

/** One flagged item of a block list: its line goes, and it becomes the outcome. */
function moveListItem(
  text: string,
  layout: BlockFrontMatter,
  objective: TopLevelPair,
  outcome: TopLevelPair | undefined,
  item: { text: string; start: number; end: number },
  config: Config,
): NoteFix | undefined {
  const lineStart = text.lastIndexOf('\n', item.start - 1) + 1;
  if (!/^[ \t]*-[ \t]+$/.test(text.slice(lineStart, item.start))) return undefined;
  const lineEnd = lineEndOf(text, item.end);
  // Something after the item on its line (a comment) would be lost with the line: not offered.
  if (text.slice(item.end, lineEnd).trim() !== '' || lineEnd > layout.frontMatter.yamlEnd) return undefined;
  const value = transplantable(text.slice(item.start, item.end), item.text);
  const eol = lineBreakOf(text);
  const remove: TextEdit = { start: lineStart, end: nextLineStartOf(text, lineEnd), newText: '' };
  let add: TextEdit;
  if (outcome) {
    if (outcome.valueStart !== outcome.valueEnd) return undefined;
    add = { start: outcome.valueStart, end: outcome.valueEnd, newText: ` ${value}` };
  } else {
    const line = `${objective.indent}${keyInCaseOf(objective.key, config.fields.outcome[0])}: ${value}`;
    const next = layout.pairs[layout.pairs.indexOf(objective) + 1];
    // After the line that goes, when it is the last of the block; else where a last line goes.
    const at = next?.lineStart ?? (remove.end > layout.frontMatter.yamlEnd && layout.linesEnd === layout.frontMatter.closeStart ? remove.end : undefined);
    add = at !== undefined ? { start: at, end: at, newText: `${line}${eol}` } : appendLineEdit(text, layout, line).edit;
  }
  const edits = [remove, add].sort((a, b) => a.start - b.start || a.end - b.end);
  return { kind: 'move-to-outcome', ruleId: 'self-focused-objective', title: 'Move this to the outcome', titleArgs: [], edits, isPreferred: true };
}

/**
 * The outcome is written: the flagged text joins it as one more list item (a single outcome becomes
 * a two-item list, its own words and comment untouched), and the objective is left to rewrite.
 */
function addToFilledOutcome(
  text: string,
  layout: BlockFrontMatter,
  objective: TopLevelPair,
  outcome: TopLevelPair,
  item: { text: string; start: number; end: number },
): NoteFix | undefined {
  const eol = lineBreakOf(text);
  const moved = transplantable(text.slice(item.start, item.end), item.text);
  const edits: TextEdit[] = [];
  let selection: NoteFix['selection'];

  // The outcome side.
  const outcomeValue = outcome.value;
  if (isSeq(outcomeValue)) {
    const last = outcomeValue.items[outcomeValue.items.length - 1] as Node | undefined;
    if (outcomeValue.flow || !last?.range) return undefined;
    const lastStart = layout.frontMatter.yamlStart + last.range[0];
    const dash = /^([ \t]*)-[ \t]+$/.exec(text.slice(text.lastIndexOf('\n', lastStart - 1) + 1, lastStart));
    if (!dash) return undefined;
    const at = nextLineStartOf(text, lineEndOf(text, layout.frontMatter.yamlStart + last.range[1]));
    if (at > layout.linesEnd) return undefined;
    edits.push({ start: at, end: at, newText: `${dash[1]}- ${moved}${eol}` });
  } else {
    if (!isScalar(outcomeValue) || (outcomeValue.type !== 'PLAIN' && outcomeValue.type !== 'QUOTE_DOUBLE' && outcomeValue.type !== 'QUOTE_SINGLE')) return undefined;
    const colon = text.indexOf(':', outcome.keyEnd);
    const lineEnd = lineEndOf(text, outcome.valueStart);
    if (!/^[ \t]*$/.test(text.slice(colon + 1, outcome.valueStart)) || lineEnd < outcome.valueEnd) return undefined;
    const itemIndent = `${outcome.indent}  `;
    edits.push({ start: colon + 1, end: outcome.valueStart, newText: `${eol}${itemIndent}- ` });
    edits.push({ start: lineEnd, end: lineEnd, newText: `${eol}${itemIndent}- ${moved}` });
  }

  // The objective side: a single objective gives way to a placeholder; a list item leaves its list.
  const hint = FIELD_HINTS.objective;
  const objectiveValue = objective.value;
  if (!isSeq(objectiveValue) || objectiveValue.items.length === 1) {
    const replaced = isSeq(objectiveValue)
      ? replaceValue(text, objectiveValue.items[0] as Node | null, item.start, item.end, hint)
      : replaceValue(text, objectiveValue, objective.valueStart, objective.valueEnd, hint);
    edits.push(replaced.edit);
    selection = { edit: -1, start: replaced.at, end: replaced.at + hint.length };
  } else {
    const lineStart = text.lastIndexOf('\n', item.start - 1) + 1;
    const lineEnd = lineEndOf(text, item.end);
    if (objectiveValue.flow || !/^[ \t]*-[ \t]+$/.test(text.slice(lineStart, item.start)) || text.slice(item.end, lineEnd).trim() !== '') return undefined;
    edits.push({ start: lineStart, end: nextLineStartOf(text, lineEnd), newText: '' });
  }
  const objectiveEdit = edits[edits.length - 1];
  edits.sort((a, b) => a.start - b.start || a.end - b.end);
  if (selection) selection.edit = edits.indexOf(objectiveEdit);
  return { kind: 'move-to-outcome', ruleId: 'self-focused-objective', title: 'Add this to the outcome', titleArgs: [], edits, selection, isPreferred: false };
}

/**
 * Replaces a value with the placeholder; `selection` is where the placeholder sits in the new text.
 * A block scalar (`|`, `>-`, ...) keeps its header, the header's comment, its indentation and the
 * line break that ends it: only its lines of text give way, so the next key stays on its own line.
 */
function replaceValue(text: string, node: Node | null, start: number, end: number, hint: string): { edit: TextEdit; at: number } {
  if (!isScalar(node) || (node.type !== 'BLOCK_LITERAL' && node.type !== 'BLOCK_FOLDED')) return { edit: { start, end, newText: hint }, at: 0 };
  const eol = lineBreakOf(text);
  const header = text.slice(start, lineEndOf(text, start));
  let line = nextLineStartOf(text, start);
  while (line < end && text.slice(line, lineEndOf(text, line)).trim() === '') line = nextLineStartOf(text, line);
  const indent = /^[ \t]*/.exec(text.slice(line, lineEndOf(text, line)))![0] || '  ';
  const lineBreak = text.charAt(end - 1) === '\n' ? eol : '';
  const prefix = `${header}${eol}${indent}`;
  return { edit: { start, end, newText: `${prefix}${hint}${lineBreak}` }, at: prefix.length };
}

/** The item's source when it reads the same as a `key: value` value; a double-quoted copy otherwise. */
function transplantable(source: string, value: string): string {
  if (!/[\r\n]/.test(source)) {
    const parsed = parseDocument(`k: ${source}`).contents as { items?: { value?: Node }[] } | null;
    const node = parsed?.items?.[0]?.value;
    if (isScalar(node) && node.value === value) return source;
  }
  return JSON.stringify(value);
}

function moveFix(edits: TextEdit[], selection: NoteFix['selection']): NoteFix {
  return { kind: 'move-to-outcome', ruleId: 'self-focused-objective', title: 'Move the objective to the outcome', titleArgs: [], edits, selection, isPreferred: true };
}
