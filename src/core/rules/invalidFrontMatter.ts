import { ruleInfo } from './registry';
import type { RuleFinding } from '../types';
import { reported, type Rule } from './rule';

const INFO = ruleInfo('invalid-front-matter');

/** `invalid-front-matter`: the front matter is not YAML, not closed, not valid, or repeats a field. */
export const InvalidFrontMatterRule: Rule = {
  ...INFO,
  check(context, severity) {
    const findings: RuleFinding[] = context.note.problems.map((problem) => ({ ...problem }));
    for (const [name, field] of [
      ['objective', context.objective],
      ['outcome', context.outcome],
    ] as const) {
      for (const duplicate of field.duplicates) {
        findings.push({
          start: duplicate.start,
          end: duplicate.end,
          message: `“${duplicate.key}” repeats the ${name}: only the first “${field.key}” counts.`,
          // Marks a finding about a readable note (the duplicate key), which a disable comment may silence.
          data: { phrase: duplicate.key, why: 'YAML keeps one value per key, so the later one is ignored.', suggestion: `Merge them into one ${name} (a list works).` },
        });
      }
    }
    return reported(INFO.id, severity, findings);
  },
};
