import assert from 'node:assert/strict';
import { test } from 'node:test';
import { lintWithText } from '../../helpers';
import { foreignLanguage } from '../../../src/core/judge/language';

test('a note in Spanish gets one information notice instead of a false verdict', () => {
  const text = '---\nobjective: Entender sus objetivos de jubilación y compartir dos ideas\noutcome: Acordaron una segunda reunión el 4 de diciembre\n---\n';
  const findings = lintWithText(text);
  assert.deepEqual(findings.map((f) => [f.ruleId, f.severity]), [['unjudged-language', 'info']]);
  assert.match(findings[0].message, /^Not judged: this objective looks like Spanish/);
  assert.ok(findings[0].message.length < 100, findings[0].message);
});

test('an empty field in another language is still missing; the notice does not hide it', () => {
  const findings = lintWithText('---\nobjective: Verstehen, wie ihr Team die Termine plant\noutcome: TBD\n---\n');
  assert.deepEqual(findings.map((f) => f.ruleId).sort(), ['missing-outcome', 'unjudged-language']);
});

test('English with foreign names, and English written as a second language, are judged as English', () => {
  for (const text of ["understand Casa de la Luz's goals", 'de la Rosa family: understand the estate plan', 'Meeting for get signature of contract from them', 'they liked it']) {
    assert.equal(foreignLanguage(text), undefined, text);
  }
  const findings = lintWithText('---\nobjective: Today meeting for get signature of contract from them\noutcome: they liked it\n---\n');
  assert.deepEqual(findings.map((f) => f.ruleId), ['self-focused-objective', 'weak-outcome']);
});

test('other languages and scripts are recognised', () => {
  assert.equal(foreignLanguage('Comprendre leurs besoins et proposer deux idées'), 'French');
  assert.equal(foreignLanguage('Verstehen, wie ihr Team die Termine plant'), 'German');
  assert.equal(foreignLanguage('Compreender os objetivos da empresa e não vender'), 'Portuguese');
  assert.equal(foreignLanguage('Понять их цели и бюджет'), 'Cyrillic script');
  assert.equal(foreignLanguage('ok'), undefined);
});
