import { locateInField, type FieldText } from '../fields';
import type { FlaggedPhrase } from '../judge';
import type { RuleFinding } from '../types';

/** A finding on the judged phrase inside a field's text, or on the whole value when the phrase is not written verbatim. */
export function phraseFinding(item: FieldText, phrase: FlaggedPhrase): RuleFinding {
  const range = locateInField(item, phrase.start, phrase.end) ?? { start: item.start, end: item.end };
  return {
    ...range,
    message: `${phrase.reason} ${phrase.suggestion}`,
    data: { phrase: item.text.slice(phrase.start, phrase.end), suggestion: phrase.suggestion },
  };
}
