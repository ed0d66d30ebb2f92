/**
 * A team's own phrases (`phrases.selfFocused`, `phrases.allowed` in `.objective-outcome.yaml`),
 * matched case-insensitively as whole words on the normalised text, so "appt" in a team phrase
 * also matches "appointment" in a note.
 */
import type { JudgeVocabulary } from './types';
import { normalise, type NormalisedText } from './normalize';

/** A vocabulary compiled to regular expressions over normalised text. */
export interface CompiledVocabulary {
  readonly selfFocused: readonly RegExp[];
  readonly allowed: readonly RegExp[];
}

// Keyed by the caller's vocabulary object: entries go when the config object goes, so it never grows.
const compiled = new WeakMap<JudgeVocabulary, CompiledVocabulary>();

function compilePhrase(phrase: string): RegExp | undefined {
  const words = normalise(phrase).text.split(' ').filter((w) => w !== ',' && w !== '');
  if (words.length === 0) return undefined;
  const body = words.map((w) => w.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')).join('\\s+(?:,\\s+)?');
  return new RegExp(`(?<![^\\s,])${body}(?![^\\s,])`, 'g');
}

function compileList(list: readonly string[] | undefined): RegExp[] {
  const out: RegExp[] = [];
  for (const p of list ?? []) {
    if (typeof p !== 'string') continue;
    const re = compilePhrase(p);
    if (re) out.push(re);
  }
  return out;
}

/** Compile (once per vocabulary object) the team's phrases; undefined when there are none. */
export function compileVocabulary(vocabulary: JudgeVocabulary | undefined): CompiledVocabulary | undefined {
  if (!vocabulary) return undefined;
  let c = compiled.get(vocabulary);
  if (!c) {
    c = { selfFocused: compileList(vocabulary.selfFocused), allowed: compileList(vocabulary.allowed) };
    compiled.set(vocabulary, c);
  }
  return c.selfFocused.length + c.allowed.length > 0 ? c : undefined;
}

/** Ranges (in normalised text) where any of `patterns` occurs. */
export function findPhrases(n: NormalisedText, patterns: readonly RegExp[]): Array<{ start: number; end: number }> {
  const out: Array<{ start: number; end: number }> = [];
  for (const re of patterns) {
    for (const m of n.text.matchAll(re)) {
      if (m[0].length === 0) continue;
      out.push({ start: m.index ?? 0, end: (m.index ?? 0) + m[0].length });
    }
  }
  return out;
}
