import { test } from 'node:test';
import assert from 'node:assert/strict';
import { leadingWords, RuleIndex } from '../../src/core/judge/ruleIndex';
import { RULES } from '../../src/core/judge/objective';
import { normalise } from '../../src/core/judge/normalize';
import { loadItems, type Field, type Part } from '../judge/dataset';

const words = (source: string): string[] | undefined => {
  const found = leadingWords(source);
  return found && [...found].sort();
};

test('a pattern’s first words are read from its source, with optional endings and letter choices spelled out', () => {
  assert.deepEqual(words(String.raw`\bclos(?:e|ing|es)\b(?!\s+out)`), ['close', 'closes', 'closing']);
  assert.deepEqual(words(String.raw`\bget(?:ting)? in front of`), ['get', 'getting']);
  assert.deepEqual(words(String.raw`\b(?:maximi[sz]e)\s+our`), ['maximise', 'maximize']);
  assert.deepEqual(words(String.raw`\b(?:we're|cross-sell)\s+x`), ['cross', 'we']);
  assert.deepEqual(words(String.raw`(?:^|(?<=,\s))(?:the\s+)?(?:they|client)\s+sign`), ['client', 'the', 'they']);
  assert.deepEqual(words(String.raw`\b(?:a|b)\s+x|\bc\b`), ['a', 'b', 'c']);
});

test('a pattern whose first word cannot be known is always tried, never skipped', () => {
  // The word could run on past the pattern ("sell" matches the start of "sells").
  assert.equal(leadingWords(String.raw`\bsell`), undefined);
  // It may start inside a word ("upsell").
  assert.equal(leadingWords('sell\\b'), undefined);
  // It starts with any word at all.
  assert.equal(leadingWords(String.raw`\b[^\s,]+\s+to us\b`), undefined);
  assert.equal(leadingWords(String.raw`(?:x)(`), undefined);
  const index = new RuleIndex([String.raw`\bsell`, String.raw`\bbuy\b`]);
  assert.deepEqual([...index.candidates('they buy')], [1, 1]);
  assert.deepEqual([...index.candidates('they shop')], [1, 0]);
});

test('the rule index never skips an objective rule that matches a labelled field', () => {
  const index = new RuleIndex(RULES.map((rule) => rule.re.source));
  // Most rules have a readable first word; otherwise the index saves nothing.
  assert.ok(index.alwaysTried <= 3, `${index.alwaysTried} rules are tried on every field`);
  let matched = 0;
  let skipped = 0;
  for (const field of ['objectives', 'outcomes'] as Field[]) {
    for (const part of ['dev', 'holdout', 'holdout2', 'holdout3'] as Part[]) {
      for (const item of loadItems(field, part)) {
        // Each field as written, and joined to another clause as reps do.
        for (const raw of [item.text, `learn their plans, and ${item.text}`, `${item.text} so we can close`]) {
          const text = normalise(raw).text;
          const worthTrying = index.candidates(text);
          RULES.forEach((rule, i) => {
            if (!rule.probe.test(text)) return;
            matched++;
            assert.equal(worthTrying[i], 1, `rule ${i} (${rule.re.source.slice(0, 60)}…) matches “${text}” but was skipped`);
          });
          skipped += worthTrying.reduce((sum, flag) => sum + (flag === 0 ? 1 : 0), 0);
        }
      }
    }
  }
  assert.ok(matched > 3000, `only ${matched} rule matches were checked`);
  assert.ok(skipped > matched, 'the index skips most rules on most fields');
});
