import { foreignLanguage } from '../judge/language';
import type { RuleFinding } from '../types';
import { ruleInfo } from './registry';
import { reported, type Rule } from './rule';

const INFO = ruleInfo('unjudged-language');

/**
 * `unjudged-language`: a field in another language than English is not judged (the judge would
 * only guess); this says so once per note, as information, on the first such field.
 */
export const UnjudgedLanguageRule: Rule = {
  ...INFO,
  check(context, severity) {
    for (const [name, field] of [['objective', context.objective], ['outcome', context.outcome]] as const) {
      for (const item of field.texts) {
        const language = foreignLanguage(item.text);
        if (!language) continue;
        const finding: RuleFinding = {
          start: item.start,
          end: item.end,
          message: `Not judged: this ${name} looks like ${language}, and only English is judged so far.`,
          data: { why: 'The judge learned from English notes. In another language its verdicts would be guesses, so the objective and the outcome are not judged; the missing-field checks still apply.' },
        };
        return reported(INFO.id, severity, [finding]);
      }
    }
    return [];
  },
};
