/**
 * The words a rep reads. A message leads with the point in under 100 characters; the why and the
 * rewrite go in the hover (`why`, `suggestion`). Rewrites reuse the note's own words.
 */
import type { Signal } from './signals';
import type { WeakOutcomeKind } from './types';

/** A phrase as quoted in a message: at most 40 characters, cut at a word boundary. */
export function quote(phrase: string): string {
  const flat = phrase.replace(/\s+/g, ' ').trim();
  if (flat.length <= 40) return `“${flat}”`;
  const cut = flat.slice(0, 40);
  const space = cut.lastIndexOf(' ');
  return `“${(space > 20 ? cut.slice(0, space) : cut).replace(/[\s,;:.\-–—]+$/, '')}…”`;
}

/** The short message for a self-focused objective, by the signal that decided (if any). */
export function objectiveReason(phrase: string, signal: Signal | undefined, team: boolean): string {
  const q = quote(phrase);
  if (team) return `${q} is on your team’s list of self-focused phrases: that is an outcome.`;
  switch (signal?.id) {
    case 'aim-is-yours': return `${q} shows the real aim is what you get: that is an outcome.`;
    case 'client-acts-for-you': return `${q} asks the client to act for you: that is an outcome.`;
    case 'must-get': return `${q} is what you must get before you leave: that is an outcome.`;
    case 'selling': return `${q} is selling to the client, not serving them: that is an outcome.`;
    default: return `${q} is about what you get: that is an outcome, not an objective.`;
  }
}

/** The longer why for the hover. */
export function objectiveWhy(signal: Signal | undefined): string {
  const cue = signal ? ` Here: ${signal.description}.` : '';
  return `An objective is about the client: inspire them, give free value, build rapport and trust, understand them. What you want from the call (the appointment, the signature, the order, their numbers) is the outcome.${cue}`;
}

// Words that open a client-focused part worth keeping as the objective.
const CLIENT_VERBS = new Set(['understand', 'learn', 'listen', 'hear', 'explore', 'discover', 'uncover', 'share', 'help', 'educate',
  'explain', 'show', 'review', 'walk', 'ask', 'build', 'develop', 'earn', 'inspire', 'give', 'provide', 'offer', 'teach', 'answer',
  'map', 'clarify', 'find', 'get', 'see', 'hear', 'thank', 'celebrate']);
const LEAD_INS = ['i want to', "i'd like to", 'we want to', 'my goal is to', 'to'];
const JOINERS = new Set(['and', 'but', 'then', 'so', 'that', 'to', 'in', 'order', 'also', 'plus', 'while']);

/** Trims joining words and punctuation from both ends of a piece of text. */
function trimJoiners(piece: string): string {
  const words = piece.replace(/[\s,;:.\-–—]+/g, ' ').trim().split(' ').filter((w) => w !== '');
  while (words.length > 0 && JOINERS.has(words[0].toLowerCase())) words.shift();
  while (words.length > 0 && JOINERS.has(words[words.length - 1].toLowerCase())) words.pop();
  return words.join(' ');
}

/** The client-focused part of the objective, before or after the flagged phrase, if there is one. */
function clientPart(text: string, start: number, end: number): string | undefined {
  const parts = [text.slice(0, start), text.slice(end)].map(trimJoiners).filter((p) => {
    let lower = p.toLowerCase();
    for (const lead of LEAD_INS) if (lower.startsWith(`${lead} `)) lower = lower.slice(lead.length + 1);
    return p.length >= 8 && CLIENT_VERBS.has(lower.split(' ')[0]);
  });
  parts.sort((a, b) => b.length - a.length);
  const part = parts[0];
  if (!part) return undefined;
  for (const lead of LEAD_INS) if (part.toLowerCase().startsWith(`${lead} `)) return part.slice(lead.length + 1);
  return part;
}

/** What to write instead: the note's own client-focused words as the objective, the phrase as the outcome. */
export function objectiveSuggestion(text: string, start: number, end: number, client?: string): string {
  const phrase = text.slice(start, end);
  const them = client && client.trim() !== '' ? client.trim() : 'the client';
  const kept = clientPart(text, start, end);
  const objective = kept ?? `understand what ${them} wants to achieve and share one idea they can use`;
  return `Make the objective about ${them}, e.g. “${objective}”, and put ${quote(phrase)} in the outcome.`;
}

/** The kind of weak outcome a flagging signal stands for. */
export function outcomeKind(signal: Signal | undefined): WeakOutcomeKind {
  switch (signal?.id) {
    case 'feeling': return 'sentiment';
    case 'your-action': return 'rep-action';
    case 'hedge': case 'continuation': case 'not-agreed': case 'request-only': return 'vague';
    case 'objective-wording': return 'objective-in-outcome';
    default: return 'no-commitment';
  }
}

/** The short message for a weak outcome. */
export function outcomeReason(kind: WeakOutcomeKind, phrase: string): string {
  const q = quote(phrase);
  switch (kind) {
    case 'sentiment': return `${q} is how it felt, not something the client agreed to do.`;
    case 'rep-action': return `${q} is something you did, not a commitment from the client.`;
    case 'vague': return `${q} names no step the client agreed to: a continuation.`;
    case 'objective-in-outcome': return `${q} is about the client: that is the objective.`;
    case 'no-commitment': return `${q} is no commitment from the client.`;
  }
}

/** The longer why for the hover. */
export function outcomeWhy(signal: Signal | undefined): string {
  const cue = signal ? ` Here: ${signal.description}.` : '';
  return `An outcome is what you get from the call: a specific step the client commits to, ideally with a date (a second meeting set, a signed agreement, their documents sent), or a clear no.${cue}`;
}

/** What to write instead of a weak outcome, keeping the rep's words where they help. */
export function outcomeSuggestion(kind: WeakOutcomeKind, client?: string): string {
  const them = client && client.trim() !== '' ? client.trim() : 'they';
  switch (kind) {
    case 'objective-in-outcome':
      return `Move it to the objective, and write here what ${them} commit to, e.g. “second meeting on <date> with the decision maker”.`;
    case 'rep-action':
      return `Write what ${them} agree to do next, with a date, e.g. “${them} book a call for <day> to go through it”.`;
    default:
      return `Write one step ${them} commit to and when, e.g. “${them} set a second meeting for <date>” or “${them} send the numbers by <day>”.`;
  }
}
