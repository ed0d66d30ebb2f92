// `npm run sync:rules`: writes the lists of rules that must exist before any code runs (VS Code reads
// the manifest at install time, a reader the README on the Marketplace) from the rule registry,
// src/core/rules/registry.ts: package.json's `objectiveOutcome.severity` schema, its English strings
// in package.nls.json, and the README's rules table. test/unit/ruleRegistry.test.ts fails, naming what
// is out of date, until this has been run. `--check` only reports.
import * as fs from 'node:fs';
import * as path from 'node:path';
import { RULE_REGISTRY, rulePagePath, type RuleInfo } from '../src/core/rules/registry';

const ROOT = path.resolve(__dirname, '..', '..');

/** The values of a severity setting, in the order the settings editor offers them. */
const SEVERITY_VALUES = ['warning', 'error', 'info', 'hint', 'off'] as const;

/** The key of a rule's severity setting description in package.nls.json. */
export function severityNlsKey(id: string): string {
  return `config.severity.${id}.description`;
}

/** The README table's bounds: everything between them is written by this script. */
export const README_TABLE_START = '<!-- rules table: written by `npm run sync:rules` from src/core/rules/registry.ts -->';
export const README_TABLE_END = '<!-- end of rules table -->';

/** `objectiveOutcome.severity`'s properties: one per rule, in the registry's order. */
export function severityProperties(rules: readonly RuleInfo[]): Record<string, unknown> {
  return Object.fromEntries(
    rules.map((rule) => [
      rule.id,
      {
        type: 'string',
        enum: [...SEVERITY_VALUES],
        markdownDescription: `%${severityNlsKey(rule.id)}%`,
        enumDescriptions: SEVERITY_VALUES.map((value) => `%config.severityValue.${value}%`),
      },
    ]),
  );
}

/** A rule's severity setting, in English: what a finding means, from the registry. */
export function severityDescription(rule: RuleInfo): string {
  return `Severity of \`${rule.id}\`: ${rule.reports}.`;
}

/** The README's rules table, bounds included. */
export function readmeRulesTable(rules: readonly RuleInfo[]): string {
  return [
    README_TABLE_START,
    '| Rule | Default | What it reports |',
    '|---|---|---|',
    ...rules.map((rule) => `| [\`${rule.id}\`](${rulePagePath(rule.id)}) | ${rule.defaultSeverity} | ${rule.reports} |`),
    README_TABLE_END,
  ].join('\n');
}

export interface RuleListFiles {
  packageJson: string;
  nls: string;
  readme: string;
}

/** The three files with their rule lists as the registry says; everything else in them is kept as is. */
export function syncRuleLists(files: RuleListFiles, rules: readonly RuleInfo[] = RULE_REGISTRY): RuleListFiles {
  const manifest = JSON.parse(files.packageJson) as { contributes: { configuration: { properties: Record<string, { properties?: unknown }> } } };
  const severity = manifest.contributes.configuration.properties['objectiveOutcome.severity'];
  if (!severity) throw new Error('package.json has no objectiveOutcome.severity setting to write the rules into');
  severity.properties = severityProperties(rules);

  // Existing strings keep their place (a diff shows only what changed); new ones follow the last rule's.
  const nls = JSON.parse(files.nls) as Record<string, string>;
  const wanted = new Map(rules.map((rule) => [severityNlsKey(rule.id), severityDescription(rule)]));
  const entries = Object.entries(nls).filter(([key]) => !/^config\.severity\.[^.]+\.description$/.test(key) || wanted.has(key));
  for (const entry of entries) if (wanted.has(entry[0])) entry[1] = wanted.get(entry[0])!;
  let insertAt = entries.reduce((last, [key], index) => (wanted.has(key) ? index + 1 : last), entries.findIndex(([key]) => key === 'config.severity.description') + 1);
  for (const [key, text] of wanted) {
    if (key in nls) continue;
    entries.splice(insertAt++, 0, [key, text]);
  }

  const start = files.readme.indexOf(README_TABLE_START);
  const end = files.readme.indexOf(README_TABLE_END);
  if (start === -1 || end < start) throw new Error(`README.md lacks the rules table's bounds: “${README_TABLE_START}” … “${README_TABLE_END}”`);
  const readme = files.readme.slice(0, start) + readmeRulesTable(rules) + files.readme.slice(end + README_TABLE_END.length);

  return {
    packageJson: `${JSON.stringify(manifest, null, 2)}\n`,
    nls: `${JSON.stringify(Object.fromEntries(entries), null, 2)}\n`,
    readme,
  };
}

const FILE_NAMES: Record<keyof RuleListFiles, string> = { packageJson: 'package.json', nls: 'package.nls.json', readme: 'README.md' };

/** The project's three files as they are on disk. */
export function readRuleListFiles(root = ROOT): RuleListFiles {
  const read = (name: string) => fs.readFileSync(path.join(root, name), 'utf8');
  return { packageJson: read(FILE_NAMES.packageJson), nls: read(FILE_NAMES.nls), readme: read(FILE_NAMES.readme) };
}

function main(): void {
  const check = process.argv.includes('--check');
  const current = readRuleListFiles();
  const synced = syncRuleLists(current);
  const stale = (Object.keys(FILE_NAMES) as (keyof RuleListFiles)[]).filter((key) => current[key] !== synced[key]);
  if (stale.length === 0) {
    process.stdout.write(`The rule lists in ${Object.values(FILE_NAMES).join(', ')} match the registry (${RULE_REGISTRY.length} rules).\n`);
    return;
  }
  if (check) {
    process.stderr.write(`Out of date with src/core/rules/registry.ts: ${stale.map((key) => FILE_NAMES[key]).join(', ')}. Run npm run sync:rules.\n`);
    process.exitCode = 1;
    return;
  }
  for (const key of stale) fs.writeFileSync(path.join(ROOT, FILE_NAMES[key]), synced[key]);
  process.stdout.write(`Wrote ${stale.map((key) => FILE_NAMES[key]).join(', ')} from the registry (${RULE_REGISTRY.length} rules).\n`);
}

if (require.main === module) main();
