import type { Severity } from '../types';

/**
 * What the product says about a rule, apart from its check. Everything that lists rules (the
 * config's known ids, the editor's severity settings, the manifest and its English strings, the
 * README's table, SARIF's rule list, the CLI's summary, the status item, the hovers) reads it from
 * here, or is checked against it by a unit test (`npm run sync:rules` rewrites the static files).
 */
export interface RuleInfo {
  /** The stable public id: a note's disable comment, the config, the CLI's JSON output. Never renamed. */
  readonly id: string;
  readonly defaultSeverity: Severity;
  /** One sentence: SARIF's short description, and the hover's “Why” when a finding brings none. */
  readonly description: string;
  /** Markdown, what a finding means in a few words: the README's table and the severity setting's description. */
  readonly reports: string;
  /** The field it is about: the status item's “Objective ✓ · Outcome ✗” counts it for that field. */
  readonly field?: 'objective' | 'outcome';
  /** Decided by the judge (`src/core/judge`), the costly part of a lint; its page explains the judge. */
  readonly judged: boolean;
  /** Its findings underline the rep's own words, so the hover there says why and what to write instead. */
  readonly flagsPhrase: boolean;
  /** Still runs when the front matter cannot be read: it reads the text itself, or reports that breakage. */
  readonly runsOnBrokenFrontMatter: boolean;
  /** Its column in `objective-outcome lint --summary` (notes with at least one of its findings). */
  readonly summaryColumn?: string;
}

/**
 * Every rule, in the order people read about them. Adding a rule: an entry here, its file in this
 * folder (listed in `./index.ts`), its page `docs/rules/<id>.md`, its tests, then `npm run sync:rules`.
 */
export const RULE_REGISTRY = [
  {
    id: 'missing-objective',
    defaultSeverity: 'warning',
    description: 'The note has no objective, or an empty one.',
    reports: 'no `objective`, or an empty one (`TBD`, `...`, `~`)',
    field: 'objective',
    judged: false,
    flagsPhrase: false,
    runsOnBrokenFrontMatter: false,
    summaryColumn: 'no objective',
  },
  {
    id: 'missing-outcome',
    defaultSeverity: 'warning',
    description: 'The note has no outcome, or an empty one.',
    reports: 'no `outcome`, or an empty one',
    field: 'outcome',
    judged: false,
    flagsPhrase: false,
    runsOnBrokenFrontMatter: false,
    summaryColumn: 'no outcome',
  },
  {
    id: 'self-focused-objective',
    defaultSeverity: 'warning',
    description: 'The objective is about what you get (an outcome in disguise), not about the client.',
    reports: 'the objective is about what you get ("get the appointment"): the phrase is underlined and the message says how to rewrite it',
    field: 'objective',
    judged: true,
    flagsPhrase: true,
    runsOnBrokenFrontMatter: false,
    summaryColumn: 'self-focused',
  },
  {
    id: 'weak-outcome',
    defaultSeverity: 'info',
    description: 'The outcome is no commitment from the client (“they liked it”, “follow up”).',
    reports: 'the outcome is no commitment from the client ("they liked it", "follow up next week")',
    field: 'outcome',
    judged: true,
    flagsPhrase: true,
    runsOnBrokenFrontMatter: false,
    summaryColumn: 'weak outcome',
  },
  {
    id: 'invalid-front-matter',
    defaultSeverity: 'error',
    description: 'The front matter is not valid YAML, or not YAML at all (code is refused, never run).',
    reports: 'the front matter is not valid YAML, not closed, repeats a field, or is in another language (`---js` is refused and **never run**)',
    judged: false,
    flagsPhrase: false,
    runsOnBrokenFrontMatter: true,
    summaryColumn: 'broken',
  },
  {
    id: 'prospect-wording',
    // Information, not a hint: a hint is three grey dots that never reach the Problems panel.
    defaultSeverity: 'info',
    description: '“Prospect” where “client” puts you in the right frame of mind.',
    reports: '"prospect" where "client" puts you in the right frame of mind',
    judged: false,
    flagsPhrase: true,
    // It reads the note's text, not its fields: broken front matter does not stop it.
    runsOnBrokenFrontMatter: true,
  },
  {
    id: 'unjudged-language',
    defaultSeverity: 'info',
    description: 'A field in another language is not judged (only English is, so far).',
    reports: 'an objective or outcome in another language than English: said once, and not judged rather than guessed',
    judged: false,
    flagsPhrase: false,
    runsOnBrokenFrontMatter: false,
  },
] as const satisfies readonly RuleInfo[];

/** The stable, public rule ids. */
export type RuleId = (typeof RULE_REGISTRY)[number]['id'];

/** The stable, public rule ids, in the registry's order. */
export const RULE_IDS: readonly RuleId[] = RULE_REGISTRY.map((rule) => rule.id);

const BY_ID: ReadonlyMap<string, RuleInfo> = new Map(RULE_REGISTRY.map((rule) => [rule.id, rule]));

/** A rule's registry entry (a bug if the id is unknown: ids come from the registry's own type). */
export function ruleInfo<Id extends RuleId>(id: Id): RuleInfo & { readonly id: Id } {
  const info = BY_ID.get(id);
  if (!info) throw new Error(`no rule “${id}” in the registry`);
  return info as RuleInfo & { readonly id: Id };
}

/** A rule's registry entry, or undefined for another id (a notice such as `skipped-file`, or any string from outside). */
export function findRuleInfo(id: string): RuleInfo | undefined {
  return BY_ID.get(id);
}

/** The rules about one field (the status item's mark for it), in the registry's order. */
export function rulesAboutField(field: 'objective' | 'outcome'): RuleId[] {
  return RULE_REGISTRY.filter((rule: RuleInfo) => rule.field === field).map((rule) => rule.id);
}

/** The rule's documentation page, relative to the package root: the diagnostics and hovers link to it. */
export function rulePagePath(id: string): string {
  return `docs/rules/${id}.md`;
}
