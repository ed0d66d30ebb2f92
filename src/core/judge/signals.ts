/**
 * Named signals: the few well-known cues a sales coach names when judging a field (DOMAIN.md).
 * They are data, not verdicts: each one is a feature of the learned model (so it counts only as
 * much as the labelled data says it should) and gives a warning its plain words. Each signal is
 * a list of word sequences over the normalised text; `@name` stands for any word of a class.
 */

/** Which way a signal points: towards the warning (self-focused, weak) or away from it. */
export type Polarity = 'flag' | 'clear';

export interface Signal {
  /** Stable name, shown by `--explain` and the hover. */
  readonly id: string;
  readonly field: 'objective' | 'outcome';
  readonly polarity: Polarity;
  /** What it means, in a rep's words. */
  readonly description: string;
  readonly phrases: readonly string[];
}

/** Word classes the phrases use. */
export const WORD_CLASSES: Readonly<Record<string, readonly string[]>> = {
  rep: ['i', 'we', "i'll", "we'll", "i'd", "we'd", 'my team', 'our team'],
  client: ['they', 'he', 'she', "they'll", "he'll", "she'll", 'the client', 'the customer', 'client', 'customer'],
  them: ['them', 'him', 'her', 'the client', 'the customer', 'the buyer', 'the owner'],
  commit: ['sign', 'signs', 'signed', 'commit', 'commits', 'buy', 'buys', 'purchase', 'order', 'orders', 'book', 'books',
    'agree', 'agrees', 'renew', 'renews', 'switch', 'choose', 'pick', 'approve', 'pay', 'close', 'move', 'upgrade', 'enroll', 'hire'],
  gain: ['get', 'secure', 'book', 'land', 'win', 'close', 'lock', 'collect', 'obtain', 'nail', 'grab', 'capture'],
  deal: ['appointment', 'appointments', 'meeting', 'contract', 'po', 'signature', 'order', 'deposit', 'referral', 'referrals',
    'renewal', 'deal', 'sale', 'commitment', 'agreement', 'demo', 'listing', 'quote', 'proposal', 'budget', 'decision maker',
    'intro', 'introduction', 'yes', 'loi', 'msa', 'retainer', 'pilot', 'trial', 'upsell', 'testimonial', 'review'],
  selling: ['sell', 'pitch', 'upsell', 'cross-sell', 'convert', 'qualify', 'push', 'pitching', 'selling', 'upselling'],
  understand: ['understand', 'learn', 'listen', 'hear', 'explore', 'discover', 'uncover', 'ask', 'map'],
  hedge: ['maybe', 'probably', 'possibly', 'perhaps', 'hopefully', 'tentatively', 'tentative', 'might', 'likely',
    'eventually', 'someday', 'sometime', 'tbd', 'soft', 'potentially'],
  feeling: ['liked', 'loved', 'likes', 'loves', 'interested', 'great', 'positive', 'excited', 'happy', 'keen', 'receptive',
    'impressed', 'enjoyed', 'warm', 'engaged', 'enthusiastic', 'seemed', 'open'],
  sent: ['sent', 'emailed', 'left', 'called', 'mailed', 'dropped', 'followed', 'presented', 'pitched', 'demoed', 'showed',
    'walked', 'gave', 'shared', 'texted', 'pinged', 'send', 'email', 'call', 'drop'],
  agreed: ['signed', 'agreed', 'booked', 'scheduled', 'committed', 'paid', 'ordered', 'approved', 'confirmed', 'accepted',
    'wired', 'funded', 'placed', 'issued', 'awarded', 'countersigned', 'executed', 'enrolled', 'hired', 'bought', 'purchased'],
  notyet: ["didn't", 'did not', 'not', 'no', "won't", "wouldn't", 'never', "couldn't", "hasn't", "haven't"],
};

/** Fewer than 32, so a set of them fits in one number (findSignals). */
export const SIGNALS: readonly Signal[] = [
  // objectives: towards self-focused
  { id: 'aim-is-yours', field: 'objective', polarity: 'flag', description: 'a purpose clause shows the aim is what you get',
    phrases: ['so @rep can', 'so @rep could', 'so that @rep', 'so @rep', 'in order to @gain', 'so @client @commit', 'so that @client @commit', 'so @client will @commit', 'so @client can @commit'] },
  { id: 'client-acts-for-you', field: 'objective', polarity: 'flag', description: 'asks the client to do something for you',
    phrases: ['get @them to', 'have @them @commit', 'make sure @client @commit', 'get @them on', 'get @them signed', 'ensure @client @commit'] },
  { id: 'must-get', field: 'objective', polarity: 'flag', description: 'what you must get before you leave',
    phrases: ["don't leave without", 'do not leave without', 'not leave without', "don't walk out without", 'walk out with', 'leave with', 'walk away with', 'come away with'] },
  { id: 'you-get', field: 'objective', polarity: 'flag', description: 'something you obtain: an appointment, a signature, an order',
    phrases: ['@gain the @deal', '@gain a @deal', '@gain @deal', '@gain their @deal', '@gain the', '@gain a signed', 'ask for the @deal', 'ask for a @deal', 'ask for @deal'] },
  { id: 'selling', field: 'objective', polarity: 'flag', description: 'selling to the client rather than serving them',
    phrases: ['@selling'] },
  // objectives: towards the client
  { id: 'understand-them', field: 'objective', polarity: 'clear', description: 'understanding the client',
    phrases: ['@understand their', '@understand how', '@understand what', '@understand why', '@understand who', 'get to know', 'find out what', 'find out how'] },
  { id: 'for-their-sake', field: 'objective', polarity: 'clear', description: 'a purpose clause for the client’s own good',
    phrases: ['so @client can', 'so that @client can', 'so @client could', 'for their own', 'whether it fits', 'if it fits', 'if we are a fit', 'no strings'] },
  { id: 'no-pitch', field: 'objective', polarity: 'clear', description: 'no selling on this call',
    phrases: ['no pitch', 'not pitch', "don't pitch", 'no selling', 'not to sell', 'just listen', 'no hard sell', 'no ask'] },
  // outcomes: towards weak
  { id: 'hedge', field: 'outcome', polarity: 'flag', description: 'a hedge: nothing is agreed yet',
    phrases: ['@hedge', 'at some point', 'when the time is right', 'down the road', 'not sure'] },
  { id: 'feeling', field: 'outcome', polarity: 'flag', description: 'how the meeting felt, not what the client agreed to',
    phrases: ['@feeling', 'went well', 'good call', 'great call', 'good meeting', 'great meeting'] },
  { id: 'your-action', field: 'outcome', polarity: 'flag', description: 'something you did, not a commitment from the client',
    phrases: ['@rep @sent', '@sent them', '@sent the', '@sent over', '@sent a', 'left a voicemail', 'left voicemail', 'follow-up', 'follow up'] },
  { id: 'continuation', field: 'outcome', polarity: 'flag', description: 'a continuation: no specific step agreed',
    phrases: ['keep in touch', 'stay in touch', 'check in', 'circle back', 'touch base', 'think about it', 'think it over', 'get back to', 'reach out', 'keep me posted', 'let me know', 'let us know'] },
  { id: 'not-agreed', field: 'outcome', polarity: 'flag', description: 'a commitment that did not happen',
    phrases: ['@notyet @agreed', '@notyet agree', '@notyet commit', '@notyet sign', 'no commitment', 'no next step', 'no next steps', 'no date', 'not yet', 'no decision'] },
  { id: 'request-only', field: 'outcome', polarity: 'flag', description: 'the client asked for something but committed to nothing',
    phrases: ['@client want', '@client wants', 'asked for', 'asked me to', 'asked us to', 'requested'] },
  { id: 'objective-wording', field: 'outcome', polarity: 'flag', description: 'about the client: that is an objective',
    phrases: ['build rapport', 'build trust', 'provide value', 'give value', 'inspire', 'educate', '@understand their'] },
  // outcomes: towards an advance
  { id: 'client-committed', field: 'outcome', polarity: 'clear', description: 'the client did or agreed to something specific',
    phrases: ['@agreed', '@client will', '@client to', 'set for', 'on the calendar', 'calendar invite accepted'] },
  { id: 'dated', field: 'outcome', polarity: 'clear', description: 'a step with a date', phrases: ['#date', 'by #date', 'on #date', 'next week', 'this week'] },
  { id: 'clear-no', field: 'outcome', polarity: 'clear', description: 'a clear decision either way',
    phrases: ['said no', 'closed lost', 'closed-lost', 'declined', 'went with', 'chose another', 'lost to', 'not a fit', 'no go', 'no-go', 'passed on'] },
];

/** A signal found in a text: which one and the words it covers. */
export interface SignalMatch {
  readonly signal: Signal;
  /** First and last word index covered. */
  readonly from: number;
  readonly to: number;
}

type Step = { words: ReadonlySet<string>; span: number };

interface CompiledPhrase {
  readonly signal: Signal;
  /** The signal's place in SIGNALS, for a cheap "already found here" mark. */
  readonly index: number;
  readonly steps: readonly Step[][];
}

function compileStep(token: string): Step[] {
  if (!token.startsWith('@')) return [{ words: new Set([token]), span: token.split(' ').length }];
  const members = WORD_CLASSES[token.slice(1)];
  if (!members) throw new Error(`signals: no word class ${token}`);
  // Members of several words ("did not") are steps of their own length.
  const bySpan = new Map<number, Set<string>>();
  for (const m of members) {
    const span = m.split(' ').length;
    (bySpan.get(span) ?? bySpan.set(span, new Set()).get(span)!).add(m);
  }
  return [...bySpan].map(([span, words]) => ({ words, span }));
}

// Each field's phrases indexed by the first word they can start with: a word is tried only against
// the phrases that can start there.
const BY_FIRST_WORD: Record<'objective' | 'outcome', Map<string, CompiledPhrase[]>> = { objective: new Map(), outcome: new Map() };
for (const [index, signal] of SIGNALS.entries()) {
  for (const phrase of signal.phrases) {
    const compiled: CompiledPhrase = { signal, index, steps: phrase.split(' ').map(compileStep) };
    const byFirst = BY_FIRST_WORD[signal.field];
    const firsts = new Set<string>();
    for (const step of compiled.steps[0]) for (const w of step.words) firsts.add(w.split(' ')[0]);
    for (const first of firsts) (byFirst.get(first) ?? byFirst.set(first, []).get(first)!).push(compiled);
  }
}

function matchAt(words: readonly string[], at: number, steps: readonly Step[][], k: number): number {
  if (k === steps.length) return at;
  for (const step of steps[k]) {
    if (at + step.span > words.length) continue;
    const piece = step.span === 1 ? words[at] : step.span === 2 ? `${words[at]} ${words[at + 1]}` : words.slice(at, at + step.span).join(' ');
    if (!step.words.has(piece)) continue;
    const end = matchAt(words, at + step.span, steps, k + 1);
    if (end >= 0) return end;
  }
  return -1;
}

/**
 * Every signal of `field` found in the words (normalised, classes applied), at most one match
 * per signal and start word. Linear in the words: each phrase is tried at each word once.
 */
export function findSignals(words: readonly string[], field: 'objective' | 'outcome'): SignalMatch[] {
  const out: SignalMatch[] = [];
  const index = BY_FIRST_WORD[field];
  for (let i = 0; i < words.length; i++) {
    const phrases = index.get(words[i]);
    if (!phrases) continue;
    let found = 0; // a bit per signal already found at this word (there are fewer than 32)
    for (const p of phrases) {
      const bit = 1 << p.index;
      if (found & bit) continue;
      const end = matchAt(words, i, p.steps, 0);
      if (end > i) {
        out.push({ signal: p.signal, from: i, to: end - 1 });
        found |= bit;
      }
    }
  }
  return out;
}
