import { locateInField, type FieldText } from '../fields';
import type { FlaggedPhrase } from '../judge';
import type { RuleFinding } from '../types';

/**
 * A finding on the judged phrase inside a field's text, or on the whole value when the phrase is
 * not written verbatim. The message is the short point; the why and the rewrite are in `data`
 * for the hover (and in `--explain`).
 */
export function phraseFinding(item: FieldText, phrase: FlaggedPhrase): RuleFinding {
  const range = locateInField(item, phrase.start, phrase.end) ?? { start: item.start, end: item.end };
  return {
    ...range,
    message: phrase.reason,
    data: {
      phrase: item.text.slice(phrase.start, phrase.end),
      suggestion: phrase.suggestion,
      why: phrase.why,
      ...(phrase.signal ? { signal: phrase.signal } : {}),
    },
  };
}
