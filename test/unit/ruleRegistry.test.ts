import assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { test } from 'node:test';
import { lintNote, RULE_IDS, RULE_REGISTRY, RULES, rulePagePath, type RuleInfo } from '../../src/core';
import { readRuleListFiles, severityNlsKey, syncRuleLists, type RuleListFiles } from '../../scripts/syncRules';
import { ROOT } from '../helpers';

const FILE_NAMES: Record<keyof RuleListFiles, string> = { packageJson: 'package.json', nls: 'package.nls.json', readme: 'README.md' };

/** The rule ids a file lists today, read the way each file lists them. */
function listedIds(files: RuleListFiles): Record<keyof RuleListFiles, string[]> {
  const manifest = JSON.parse(files.packageJson);
  const nls = JSON.parse(files.nls) as Record<string, string>;
  return {
    packageJson: Object.keys(manifest.contributes.configuration.properties['objectiveOutcome.severity'].properties ?? {}),
    nls: Object.keys(nls).flatMap((key) => /^config\.severity\.([^.]+)\.description$/.exec(key)?.[1] ?? []),
    readme: [...files.readme.matchAll(/^\| \[`([a-z-]+)`\]\(docs\/rules\//gm)].map((match) => match[1]),
  };
}

test('the manifest’s severity settings, their English strings and the README’s rules table are what the rule registry says', () => {
  const current = readRuleListFiles(ROOT);
  const synced = syncRuleLists(current);
  const listed = listedIds(current);
  for (const key of Object.keys(FILE_NAMES) as (keyof RuleListFiles)[]) {
    const missing = RULE_IDS.filter((id) => !listed[key].includes(id));
    const extra = listed[key].filter((id) => !(RULE_IDS as readonly string[]).includes(id));
    const what = [missing.length > 0 ? `lacks ${missing.join(', ')}` : '', extra.length > 0 ? `still lists ${extra.join(', ')}` : ''].filter(Boolean).join(' and ');
    assert.ok(current[key] === synced[key], `${FILE_NAMES[key]} ${what || 'differs from src/core/rules/registry.ts'}: run npm run sync:rules and commit the result`);
  }
});

test('a rule added to the registry gets its severity setting, its English string and its README row from npm run sync:rules', () => {
  const newRule: RuleInfo = { id: 'vague-next-step', defaultSeverity: 'hint', description: 'The next step has no date.', reports: 'a `next_step` without a date', judged: false, flagsPhrase: false, runsOnBrokenFrontMatter: false };
  const current = readRuleListFiles(ROOT);
  const synced = syncRuleLists(current, [...RULE_REGISTRY, newRule]);
  const manifest = JSON.parse(synced.packageJson);
  const setting = manifest.contributes.configuration.properties['objectiveOutcome.severity'];
  assert.deepEqual(Object.keys(setting.properties), [...RULE_IDS, 'vague-next-step']);
  assert.deepEqual(setting.properties['vague-next-step'].enum, ['warning', 'error', 'info', 'hint', 'off']);
  assert.equal(setting.properties['vague-next-step'].markdownDescription, `%${severityNlsKey('vague-next-step')}%`);
  assert.equal(JSON.parse(synced.nls)[severityNlsKey('vague-next-step')], 'Severity of `vague-next-step`: a `next_step` without a date.');
  assert.match(synced.readme, /^\| \[`vague-next-step`\]\(docs\/rules\/vague-next-step\.md\) \| hint \| a `next_step` without a date \|$/m);
  // Nothing else in the three files moves.
  const unchanged = (text: string) => text.replace(/.*vague-next-step.*\n/g, '');
  assert.equal(unchanged(synced.readme), current.readme);
  assert.deepEqual(Object.keys(JSON.parse(synced.nls)).filter((key) => !key.includes('vague-next-step')), Object.keys(JSON.parse(current.nls)));
  // And a rule taken out of the registry leaves no setting or string behind.
  const without = syncRuleLists(current, RULE_REGISTRY.filter((rule) => rule.id !== 'unjudged-language'));
  assert.ok(!without.packageJson.includes('unjudged-language'));
  assert.ok(!without.nls.includes('unjudged-language'));
  assert.ok(!without.readme.includes('[`unjudged-language`]'));
});

test('every rule in the registry has one implementation, and every implementation is in the registry', () => {
  const implemented = RULES.map((rule) => rule.id);
  for (const id of RULE_IDS) assert.equal(implemented.filter((other) => other === id).length, 1, `${id} is in src/core/rules/registry.ts: add its rule to RULES in src/core/rules/index.ts, once`);
  for (const id of implemented) assert.ok((RULE_IDS as readonly string[]).includes(id), `${id} is in RULES but not in src/core/rules/registry.ts`);
  for (const rule of RULES) assert.equal(rule.defaultSeverity, RULE_REGISTRY.find((info) => info.id === rule.id)!.defaultSeverity, rule.id);
});

test('every rule’s page says the default severity the rule has, and a judged rule’s page explains the judge', () => {
  const words: Record<string, string> = { error: 'error', warning: 'warning', info: 'information', hint: 'hint' };
  for (const rule of RULE_REGISTRY as readonly RuleInfo[]) {
    const page = path.join(ROOT, rulePagePath(rule.id));
    assert.ok(fs.existsSync(page), `${rule.id} needs its page, ${rulePagePath(rule.id)}`);
    const text = fs.readFileSync(page, 'utf8');
    assert.ok(text.startsWith(`# ${rule.id}\n`), `${rulePagePath(rule.id)} starts with “# ${rule.id}”`);
    assert.match(text, new RegExp(`^\\*\\*Default severity:\\*\\* ${words[rule.defaultSeverity]}\\b`, 'm'), `${rulePagePath(rule.id)} says its default severity is ${words[rule.defaultSeverity]}`);
    if (rule.judged) assert.match(text, /\]\(\.\.\/judge\.md/, `${rulePagePath(rule.id)} links to docs/judge.md, which says how the judge decides`);
  }
});

test('a rule that reads the note’s text still reports on a note whose front matter is broken; the rules that read its fields do not', () => {
  const note = '---\nobjective: [Get the appointment\noutcome: they liked it\n---\nOur prospect was there.\n';
  const found = new Set(lintNote(note).map((finding) => finding.ruleId));
  for (const rule of RULE_REGISTRY as readonly RuleInfo[]) {
    if (rule.id === 'invalid-front-matter') assert.ok(found.has(rule.id));
    else if (rule.id === 'prospect-wording') assert.ok(found.has(rule.id), 'the prospect in the body is still flagged');
    else assert.ok(!found.has(rule.id as never), `${rule.id} is silent: the front matter cannot be read`);
  }
  assert.deepEqual(
    (RULE_REGISTRY as readonly RuleInfo[]).filter((rule) => rule.runsOnBrokenFrontMatter).map((rule) => rule.id),
    [...found].sort(),
  );
});
