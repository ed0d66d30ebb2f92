import assert from 'node:assert/strict';
import { test } from 'node:test';
import { lintWithText } from '../helpers';

/** The one invalid-front-matter finding of a note: its 1-based line, what it underlines, its message. */
function brokenAt(text: string): { line: number; underlined: string; message: string } {
  const findings = lintWithText(text).filter((finding) => finding.ruleId === 'invalid-front-matter');
  assert.equal(findings.length, 1, JSON.stringify(findings));
  const [finding] = findings;
  return { line: text.slice(0, finding.start).split('\n').length, underlined: finding.underlined, message: finding.message };
}

test('an unclosed quote is reported on the line where it opens, in a rep’s words', () => {
  const broken = brokenAt('---\nclient: Adventure Works\ndate: 2026-11-28\nrep: Sam\nobjective: "Understand their expansion plans\noutcome: They agree to a second meeting\n---\n');
  assert.equal(broken.line, 5);
  assert.equal(broken.underlined, 'objective: "Understand their expansion plans');
  assert.equal(broken.message, `This value's double quote is never closed: add " at its end, or remove the opening one.`);
});

test('other common slips say what to do on their own line, without parser words', () => {
  const colon = brokenAt("---\nobjective: Ask: what worries them\noutcome: They sign\n---\n");
  assert.equal(colon.line, 2);
  assert.match(colon.message, /put the whole value in quotes/);
  const tab = brokenAt('---\nobjective: Learn their goals\n\toutcome: They sign\n---\n');
  assert.equal(tab.line, 3);
  assert.match(tab.message, /spaces only/);
  for (const message of [colon.message, tab.message]) assert.doesNotMatch(message, /implicit|compact|mapping|scalar/i);
});
