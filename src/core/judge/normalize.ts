/**
 * Turns a field's text into a normalised form the judge's patterns read (lower case, shorthand
 * and common typos spelled out, clause punctuation reduced to ","), while remembering where
 * each normalised word came from so a match can be underlined in the original text.
 */

/** A normalised text plus the map back to the original offsets. */
export interface NormalisedText {
  /** Words separated by single spaces; clause breaks are the word ",". */
  readonly text: string;
  /** For each word: its start in `text`, and its start/end in the original. */
  readonly words: ReadonlyArray<{ readonly at: number; readonly start: number; readonly end: number }>;
  /** The text it was made from. */
  readonly original?: string;
}

/** Shorthand and typos reps write, spelled the way the patterns expect. */
const SPELLINGS: Readonly<Record<string, string>> = {
  appt: 'appointment', appts: 'appointments', apt: 'appointment', apts: 'appointments',
  apointment: 'appointment', appointmnet: 'appointment', appoinment: 'appointment',
  appontment: 'appointment', appoitment: 'appointment', apointments: 'appointments',
  mtg: 'meeting', mtgs: 'meetings', meetng: 'meeting', meting: 'meeting',
  'f/u': 'follow-up', fu: 'follow-up', followup: 'follow-up', 'follow-up': 'follow-up', 'f-u': 'follow-up',
  referal: 'referral', referals: 'referrals', refferal: 'referral', refferals: 'referrals', refs: 'referrals',
  committment: 'commitment', comittment: 'commitment', comitment: 'commitment', commitmnet: 'commitment',
  singed: 'signed', sigend: 'signed', sig: 'signature', signiture: 'signature', sigs: 'signatures',
  'w/': 'with', 'w/o': 'without', '2nd': 'second', '3rd': 'third', '1st': 'first',
  opp: 'opportunity', opps: 'opportunities', oppty: 'opportunity',
  'p.o': 'po', pos: 'po', "po's": 'po',
  wk: 'week', wks: 'weeks', tmrw: 'tomorrow', tmr: 'tomorrow', tomorow: 'tomorrow',
  contract: 'contract', contarct: 'contract', cntract: 'contract',
  agreemnt: 'agreement', agreament: 'agreement',
  'sign-off': 'sign off', signoff: 'sign off',
  'cross-sell': 'cross-sell', crosssell: 'cross-sell', 'up-sell': 'upsell',
  dont: "don't", wont: "won't", cant: "can't",
  "i'm": "i'm", im: "i'm", "i’ll": "i'll", ill: "i'll",
  theyll: "they'll", "they’ll": "they'll",
  understnad: 'understand', understnd: 'understand', undestand: 'understand', lern: 'learn',
  bild: 'build', repport: 'rapport', raport: 'rapport',
  demos: 'demos', dmo: 'demo',
  bk: 'book', bkd: 'booked', sched: 'schedule', schd: 'schedule', schedulde: 'schedule', aquire: 'acquire',
  xsell: 'cross-sell', 'x-sell': 'cross-sell', biz: 'business', mgr: 'manager', dm: 'decision maker',
  apptmt: 'appointment', appointmt: 'appointment', reffer: 'refer', reffered: 'referred',
  '&': 'and', '+': 'and',
};

// A Map, not the object: "constructor" or "toString" in a note must not find Object's own members.
const LEXICON: ReadonlyMap<string, string> = new Map(Object.entries(SPELLINGS));

// A word: letters/digits with inner ' ’ - / . & joins ("don't", "sign-off", "f/u", "p.o."),
// an optional trailing slash ("w/"); or a single other character. A final "." stays a clause break.
const WORD = /[\p{L}\p{N}$]+(?:['’\-/.&][\p{L}\p{N}]+)*\/?|[^\s\p{L}\p{N}]/gu;
// The same for text that is all ASCII (most fields), where a letter or digit is [A-Za-z0-9]: much cheaper to run.
const ASCII_WORD = /[A-Za-z0-9$]+(?:['\-/.&][A-Za-z0-9]+)*\/?|[^\sA-Za-z0-9]/g;
/** Whether every character is ASCII: the cheap test that lets ASCII-only patterns be used. */
export function isAscii(text: string): boolean {
  for (let i = 0; i < text.length; i++) if (text.charCodeAt(i) > 0x7f) return false;
  return true;
}
const CLAUSE_BREAK = /^[,;.!?:()[\]{}|•·…\-–—/]+$/;
const TITLES = new Set(['mr', 'mrs', 'ms', 'dr', 'st', 'prof', 'sr', 'jr', 'mt', 'vs', 'approx', 'dept', 'ft']);
const SKIP = /^["“”‘’'`*_#>~]+$/;

/** Normalise `text` (see {@link NormalisedText}). Pure; allocates only the result. */
export function normalise(text: string): NormalisedText {
  const words: Array<{ at: number; start: number; end: number }> = [];
  const parts: string[] = [];
  let length = 0;
  let previous = '';
  for (const m of text.matchAll(isAscii(text) ? ASCII_WORD : WORD)) {
    const raw = m[0];
    // Only a one-character match can be a quote or a Markdown mark.
    if (raw.length === 1 && SKIP.test(raw)) continue;
    // The dot of "Mr." or "Dr." ends a title, not a clause.
    const after = previous;
    previous = raw;
    if (raw === '.' && TITLES.has(after.toLowerCase())) continue;
    let word: string;
    if (CLAUSE_BREAK.test(raw)) {
      word = ',';
    } else {
      const lower = raw.toLowerCase().replace(/’/g, "'");
      word = LEXICON.get(lower) ?? lower;
    }
    if (word === ',' && parts.length > 0 && parts[parts.length - 1] === ',') continue;
    const index = m.index ?? 0;
    // A spelling of two words ("sign-off" → "sign off") is two words, both from the one written.
    for (const part of word.includes(' ') ? word.split(' ') : [word]) {
      if (parts.length > 0) length += 1;
      words.push({ at: length, start: index, end: index + raw.length });
      parts.push(part);
      length += part.length;
    }
  }
  return { text: parts.join(' '), words, original: text };
}

/** Map a [start, end) range of the normalised text back to the original text. */
export function toOriginalRange(n: NormalisedText, start: number, end: number): { start: number; end: number } {
  const words = n.words;
  if (words.length === 0) return { start: 0, end: 0 };
  let first = 0;
  while (first + 1 < words.length && words[first + 1].at <= start) first++;
  let last = first;
  while (last + 1 < words.length && words[last + 1].at < end) last++;
  return { start: words[first].start, end: words[last].end };
}
