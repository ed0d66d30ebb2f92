/**
 * The words a rep reads: why a phrase was flagged and what to write instead, drawn from the
 * note's own words where possible.
 */
import type { WeakOutcomeKind } from './types';

/** Why an objective phrase reads as self-focused. */
export type ObjectiveReasonKind =
  | 'gain' | 'selling' | 'causative' | 'purpose' | 'persuasion' | 'must-get' | 'pipeline' | 'bare' | 'team';

const q = (s: string): string => `“${s.trim()}”`;

/** Plain-words reason for a self-focused objective phrase. */
export function objectiveReason(kind: ObjectiveReasonKind, phrase: string): string {
  switch (kind) {
    case 'gain':
    case 'bare':
      return `${q(phrase)} is something you get: that is an outcome.`;
    case 'selling':
      return `${q(phrase)} is about selling to the client, not about the client: that is an outcome.`;
    case 'causative':
      return `${q(phrase)} asks the client to do something for you: that is an outcome.`;
    case 'purpose':
      return `${q(phrase)} shows the real aim is what you get: that is an outcome.`;
    case 'persuasion':
      return `${q(phrase)} is persuasion dressed as help: it serves you, not the client.`;
    case 'must-get':
      return `${q(phrase)} is about what you must get before you leave: that is an outcome.`;
    case 'pipeline':
      return `${q(phrase)} is about your numbers, not the client's: that is an outcome.`;
    case 'team':
      return `${q(phrase)} is on your team's list of self-focused phrases: that is an outcome.`;
  }
}

const CLIENT_VERB = /^(?:i want to |i'd like to |we want to |to )?(?:understand|learn|listen|hear|explore|discover|uncover|find out|share|help|educate|explain|show|review|walk|ask|build|develop|earn|inspire|give|provide|offer|teach|answer|get to know|get a (?:feel|sense)|map|clarify)\b/i;
const CONNECTORS = /^[\s,;:.\-–—]*(?:and|but|then|so that|so|in order to|to|,)?[\s,;:.\-–—]*|[\s,;:.\-–—]*(?:and|but|then|so that|so|in order to|to)?[\s,;:.\-–—]*$/gi;

const LEAD_IN = /^(?:i want to |i'd like to |we want to |my goal is to |to )/i;
const GENERIC_OBJECTIVE = 'understand what they want to achieve and share one idea they can use';

/** The client-focused part of the objective, if the flagged phrase leaves one before or after it. */
function clientPart(text: string, range: { start: number; end: number }): string | undefined {
  const parts = [text.slice(0, range.start), text.slice(range.end)]
    .map((p) => p.replace(/\s+/g, ' ').replace(CONNECTORS, '').trim())
    .filter((p) => p.length >= 8 && CLIENT_VERB.test(p));
  parts.sort((a, b) => b.length - a.length);
  return parts[0]?.replace(LEAD_IN, '');
}

/** What to write instead of a self-focused objective, using the note's own words if it has a client-focused part. */
export function objectiveSuggestion(text: string, range: { start: number; end: number }, phrase: string): string {
  const example = clientPart(text, range) ?? GENERIC_OBJECTIVE;
  return `Make the objective about the client, e.g. ${q(example)}, and put ${q(asOutcome(phrase))} in the outcome.`;
}

// "so we can close" → "close"; "don't leave without the PO" → "the PO": what the outcome field should say.
const PURPOSE_LEAD = /^(?:so that|so|in order to)\s+(?:(?:i|we|i'll|we'll)\s+)?(?:(?:can|could|will|may|might)\s+)?/i;

function asOutcome(phrase: string): string {
  const trimmed = phrase.trim();
  const stripped = trimmed.replace(PURPOSE_LEAD, '').replace(/^(?:don't|do not|never|not|must not|won't)\b.*?\bwithout\s+/i, '');
  return stripped.length > 0 ? stripped : trimmed;
}

/** Plain-words reason for a weak outcome. */
export function outcomeReason(kind: WeakOutcomeKind, phrase: string): string {
  switch (kind) {
    case 'sentiment':
      return `${q(phrase)} is how the meeting felt, not something the client agreed to do.`;
    case 'rep-action':
      return `${q(phrase)} is something you do, not a commitment from the client.`;
    case 'vague':
      return `${q(phrase)} names no specific action or date the client agreed to: that is a continuation, not an outcome.`;
    case 'objective-in-outcome':
      return `${q(phrase)} is about the client: that is an objective. The outcome is what you get.`;
    case 'no-commitment':
      return `${q(phrase)} is no commitment from the client: nothing they agreed to do.`;
  }
}

/** What to write instead of a weak outcome. */
export function outcomeSuggestion(kind: WeakOutcomeKind): string {
  switch (kind) {
    case 'objective-in-outcome':
      return 'Move it to the objective, and write here what you want the client to commit to, e.g. “second meeting on Dec 4 with the decision maker”.';
    case 'rep-action':
      return 'Write what the client agrees to do, with a date if you can, e.g. “they book a call for Tuesday to go through the proposal”.';
    default:
      return 'Write a specific action the client commits to, ideally with a date, e.g. “second meeting Dec 4 with the office manager” or “they send their last three statements by Friday”.';
  }
}
