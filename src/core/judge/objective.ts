/**
 * Is an objective self-focused, i.e. an outcome in disguise? Reads the AIM of each clause:
 * what the rep obtains (a gain verb with a pipeline object, a selling verb, a request that the
 * client commit, a purpose clause "so we can close", persuasion dressed as help), while the
 * client's own actions ("help them close their books", "how they book patients"), negation
 * ("not to pitch") and understanding ("get a feel for") stay quiet. See docs/judge.md.
 */
import type { FlaggedPhrase, JudgeVocabulary, ObjectiveJudgement } from './types';
import { normalise, toOriginalRange, type NormalisedText } from './normalize';
import {
  W, alt, BARE_OUTCOME_NOUNS, CLOSE_PERIODS, COMMIT_VERBS, GAIN_VERBS, LOOSE_GAIN_VERBS, INNOCENT_CLOSE_OBJECTS, NEGATORS, OBJECT_STOPS,
  PIPELINE_NOUNS, UNDERSTANDING_NOUNS,
} from './lexicon';
import { compileVocabulary, findPhrases } from './vocabulary';
import { objectiveReason, objectiveSuggestion, type ObjectiveReasonKind } from './messages';

/** A self-focused pattern. `guarded` ones are skipped when negated or when the client is the subject. */
interface ObjectiveRule {
  readonly kind: ObjectiveReasonKind;
  /** Global, only ever used through matchAll (which copies it), so it carries no state between calls. */
  readonly re: RegExp;
  /** The same pattern without the g flag: a stateless first test, so most rules cost one search. */
  readonly probe: RegExp;
  readonly guarded: boolean;
}

const PIPE = alt(PIPELINE_NOUNS);
const STOP = alt([...OBJECT_STOPS, ...UNDERSTANDING_NOUNS]);
const GAP = (n: number): string => `(?:\\s+(?!(?:${STOP})\\b)${W}){0,${n}}?`;
const COMMIT = alt(COMMIT_VERBS);
const NEG = `(?:${alt(NEGATORS)}|do not|did not|does not|will not|must not|should not)`;
const RULE_PRONOUN = '(?:them|him|her|the client|the clients|the customer|the account|the hospital|it)';
const BOOKABLE = alt(['survey', 'site survey', 'visit', 'site visit', 'inspection', 'call', 'session', 'consult',
  'consultation', 'tour', 'test drive', 'walkthrough', 'deep-dive', 'workshop', 'lunch', 'lunch-and-learn',
  'conference', 'event', 'room block', 'qbr', 'review', 'assessment', 'audit']);

function rule(kind: ObjectiveReasonKind, source: string, guarded = true): ObjectiveRule {
  return { kind, re: new RegExp(source, 'g'), probe: new RegExp(source), guarded };
}

// Order matters only for ties: overlapping findings keep the earliest-starting, longest one.
const RULES: readonly ObjectiveRule[] = [
  // "don't leave without the PO": negation that demands something.
  rule('must-get', `\\b${NEG}\\s+(?:${W}\\s+){0,2}?(?:leave|walk out|walk away|hang up|go home|go|end|finish|get off)\\b(?:\\s+${W}){0,3}?\\s+without(?:\\s+${W}){1,4}`, false),
  // "give them the chance to buy"
  rule('persuasion', `\\b(?:(?:give|giving|offer|offering)\\s+(?:${W}\\s+){0,2}?)?(?:chance|opportunity|option|invitation)\\s+to\\s+(?:${COMMIT}|lock in|get started|start|move forward)\\b`, false),
  // "excited enough to buy", "trust me enough to sign"
  rule('persuasion', `\\b(?:enough|ready)\\s+to\\s+(?:${COMMIT})(?![\\w'-])`, false),
  // "help them see why they need us", "a planner like me", "why our product is the best"
  rule('persuasion', `\\b(?:need|needs|should (?:use|choose|buy|hire|pick)|must have|have to have)\\s+(?:us|our|me|my)\\b(?:\\s+${W}){0,2}`, false),
  rule('persuasion', `\\b(?:a|an|the)\\s+${W}\\s+like (?:me|us)\\b`, false),
  rule('persuasion', `\\bwhy (?:our|we|us|my)\\b(?:\\s+${W}){0,4}?\\s+(?:best|better|only|right|ideal|perfect)\\b(?:\\s+(?:choice|option|fit|solution))?`, false),
  rule('persuasion', `\\bposition(?:ing)?\\s+(?:our|us|ourselves|me|my)\\b(?:\\s+${W}){0,3}`, false),
  rule('persuasion', `\\bas the only (?:option|choice|solution|answer)\\b`, false),
  rule('persuasion', `\\bcreate (?:a sense of |some |real )?urgency\\b(?:\\s+to\\s+${W})?`, false),
  rule('persuasion', `\\b(?:overcome|overcoming|handle|handling|crush|beat)\\s+(?:${W}\\s+){0,2}?objections?\\b`, false),
  // "help her champion our proposal to her boss": the client made into the rep's salesperson.
  rule('persuasion', `\\bhelp(?:s|ing)?\\s+(?:${W}\\s+){1,3}?(?:to\\s+)?(?:champion|sell|pitch|push|approve|choose|pick|select|buy|sign|present|promote|advocate for|sponsor|back|justify|socialize|socialise|get)\\s+(?:${W}\\s+)?(?:our|my|us|me)\\b(?:\\s+${W})?`, false),
  rule('persuasion', `\\b(?:realize|realise|see|understand|believe|feel)\\s+(?:that\\s+)?(?:they|he|she)\\s+(?:need|needs|should|must)\\s+(?:our|us|me|my)\\b(?:\\s+${W})?`, false),
  // "have them sign the MSA", "get the surgeon to trial our stapler"
  rule('causative', `\\b(?:get|gets|getting|have|having|make|making|push|pushing|pressure|encourage|convince|persuade|need|needs|want|wants|expect)\\s+(?!(?:sure|to|a|an|up|in|on|out|some|more)\\b)(?:${W}\\s+){1,3}?(?:to\\s+)?(?:${COMMIT})(?![\\w'-])(?:\\s+${W}){0,2}`),
  rule('causative', `\\b(?:get|gets|getting|have|having|make|making)\\s+(?!(?:sure|to|a|an)\\b)(?:${W}\\s+){1,3}?(?:to\\s+)?${W}\\s+(?:${W}\\s+)?(?:our|my)(?:\\s+(?!(?:${STOP})\\b)${W}){1,3}`),
  rule('causative', `\\b(?:get|gets|getting|have|make)\\s+(?!(?:sure|to|a|an)\\b)(?:${W}\\s+){1,3}?(?:to\\s+)?${W}(?:\\s+${W}){0,2}?\\s+(?:with|to|from|for)\\s+(?:us|me)\\b`),
  rule('causative', `\\b(?:make sure|ensure|ensuring|insist|insisting)\\s+(?:that\\s+)?(?:${W}\\s+){1,3}?(?:${COMMIT})(?![\\w'-])(?:\\s+${W}){0,2}`),
  rule('causative', `\\b(?:convince|convincing|persuade|persuading|pressure|pressuring|talk (?:them|him|her) into)\\b(?:\\s+${W}){0,3}`),
  // "provide value so they book a second meeting", "build rapport so they buy from me"
  rule('purpose', `\\bso(?:\\s+that)?\\s+(?:they|he|she|they're|they'll|the client|it)\\s+(?:${W}\\s+){0,4}?(?:(?:${COMMIT})(?![\\w'-])|(?:with|from) (?:us|me)\\b)`, false),
  // The rep obtaining a pipeline object: "get the appointment", "secure the listing".
  rule('gain', `\\b(?:${alt(GAIN_VERBS.filter((v) => v !== 'close' && v !== 'closing'))})\\b${GAP(3)}\\s+(?:${PIPE})\\b`),
  rule('gain', `\\b(?:${alt(LOOSE_GAIN_VERBS)})\\b(?:\\s+(?!(?:${STOP}|their|his|her|its)\\b)${W}){0,3}?\\s+(?:${PIPE})\\b`),
  rule('gain', `\\b(?:book|booking|schedule|scheduling|set up|arrange|arranging|line up|lock in)\\b${GAP(3)}\\s+(?:${BOOKABLE})\\b`),
  rule('gain', `\\b(?:get|getting|put|be)\\s+(?:(?!their\\b)${W}\\s+){0,3}?(?:on|onto|in front of|into|added to)\\s+(?:${W}\\s+){0,3}?(?:agenda|calendar|books|list|formulary|guide|shortlist|committee|board|panel|call|meeting|demo)\\b`),
  rule('gain', `\\bget(?:ting)? in front of\\b(?:\\s+${W}){0,4}`),
  rule('gain', `\\bget(?:ting)? (?:approved|retained|selected|chosen|added|shortlisted|awarded|hired|paid|signed|picked|my foot in the door|a foot in the door|in the door)\\b`),
  rule('gain', `\\b(?:get|getting|have)\\s+(?:${W}\\s+){1,4}?(?:signed|countersigned|approved|started|issued|accepted|done|scheduled|booked|allocated|kicked off|submitted|over the line|closed|executed|renewed|made|finalized|finalised)\\b`),
  // "close the deal", "so we can close" (but not "close their books", "close the gap").
  rule('gain', `\\bclos(?:e|ing|es)\\b(?!\\s+(?:out|up|off|down|of|to|by|(?:on\\s+)?(?:their|his|her))\\b)(?!(?:\\s+${W}){0,3}?\\s+(?:${alt(INNOCENT_CLOSE_OBJECTS)})\\b)(?!\\s+(?:the|their|its|his|her)\\s+(?:${W}\\s+)?(?:${alt(CLOSE_PERIODS)})\\b)(?:\\s+(?:them|him|her|it|on))?(?:${GAP(3)}\\s+(?:${PIPE})\\b)?`),
  // Selling verbs: the rep acting on the client.
  rule('selling', `\\b(?:sell|selling|sells|pitch|pitching|upsell|upselling|cross-sell|cross-selling|convert|converting|qualify|qualifying|pre-qualify|prequalify|negotiate|negotiating|push|pushing)\\b(?!\\s+(?:for them|their)\\b)(?:\\s+(?!(?:${STOP})\\b)${W}){0,4}`),
  rule('pipeline', `\\bforecast\\s+(?:it|the deal|this|them|the opportunity)\\b`),
  rule('selling', `\\b(?:win|winning|close|sign|signing|upgrade|switch|flip|steal|quote|onboard)\\s+${RULE_PRONOUN}\\b(?:\\s+(?:${W})){0,2}`),
  rule('selling', `\\b(?:bind|write)\\s+(?:${W}\\s+){0,2}?(?:policy|policies|coverage|business|app|application)\\b`),
  rule('selling', `\\b(?:move|moving|transfer|port|porting|switch|switching|bring|consolidate|roll|replace|book|expand)\\b(?:\\s+${W}){0,4}?\\s+(?:to|with|over to|at|into)\\s+(?:us|me|our)\\b(?:\\s+${W})?`),
  rule('selling', `\\b(?:go|list|bank|sign|partner|do business|stay)\\s+with\\s+(?:us|me)\\b`),
  rule('selling', `\\b(?:expand|grow)\\s+(?:to\\s+)?(?:${W}\\s+){0,2}?(?:seats|licences|licenses|users|the account|the deal|the contract|wallet share|share of wallet)\\b`),
  rule('selling', `\\b(?:move|advance|progress|push)\\s+(?:${W}\\s+){0,2}?(?:opportunity|deal|opp)\\b(?:\\s+(?:to|into)\\s+${W}(?:\\s+${W})?)?`),
  rule('pipeline', `\\b(?:my|our)\\s+(?:quota|commission|numbers?|forecast|pipeline|target|targets)\\b|\\b(?:quota|bant|meddic|meddpicc)\\b|\\bhit\\s+(?:(?:my|our|the)\\s+)?(?:quota|target|number)\\b`),
  rule('pipeline', `\\bbudget\\s*,?\\s*(?:and\\s+)?authority\\b|\\b(?:timeline|timeframe|timing|readiness)\\s+(?:to|for)\\s+(?:buy|purchase|sign|decide|close|move forward|switch)\\b`, false),
  rule('selling', `\\b(?:present|presenting|introduce|introducing|showcase|showcasing|demo|demoing|promote|promoting|highlight|highlighting|tout|feature|featuring|push|pushing|pitch|recommend|recommending|walk (?:them|him|her) through)\\s+(?:${W}\\s+)?(?:our|my|the)\\s+(?:${W}\\s+)?(?:product|products|solution|solutions|services|service|platform|offering|offerings|proposal|package|packages|features|portfolio|brand|company|firm|agency|capabilities|range|catalogue|catalog|line)\\b(?!(?:\\s+${W}){0,6}?\\s+(?:could|can|would|might|will)\\s+(?:help|cut|reduce|save|fix|solve|improve|address|lower|speed|protect|prevent|handle|simplify)\\b)`),
  rule('selling', `\\b(?:present|presenting|showcase|demo|promote|pitch|recommend|recommending|push|pushing|sell|offer)\\s+(?:our|my)\\s+(?:${W}\\s+)?(?:plan|plans|policy|policies|tier|program|programme|software|system|tool|app|device|equipment|model|range|bundle|add-on|upgrade)\\b(?!(?:\\s+${W}){0,6}?\\s+(?:could|can|would|might|will)\\s+(?:help|cut|reduce|save|fix|solve|improve|address|lower|speed|protect|prevent|handle|simplify)\\b)`),
  rule('selling', `\\b(?:sign up|signing up|enroll|enrol|enrolling|onboard|onboarding)\\s+(?:the\\s+)?(?:client|customer|them|him|her|account|new client)\\b(?:\\s+${W}){0,3}`),
  rule('selling', `\\block(?:ing)? (?:in|down)\\b(?:\\s+(?!(?:${STOP})\\b)${W}){0,3}`),
  rule('selling', `\\b(?:turn|turning|make|making)\\s+(?:${W}\\s+){1,2}?(?:into\\s+)?(?:a|an|our)\\s+(?:client|customer|buyer|account)s?\\b`),
  rule('selling', `\\b(?:move|advance|progress|push|drive)\\s+(?:${W}\\s+){0,2}?(?:sale|sales process|close)\\b`),
  rule('gain', `\\bright to\\s+(?:${W}\\s+){0,2}?(?:${PIPE})\\b`),
  rule('purpose', `\\bso(?: that)?\\s+(?:i|we)\\s+(?:can|could)\\s+(?:build|write|prepare|draft|put together|send|tailor|sharpen|make|submit)\\s+(?:a|an|the|our|my)\\s+(?:proposal|quote|pitch|offer|presentation)\\b`, false),
  rule('persuasion', `\\b(?:value|benefits?|advantages?|power|roi|strength|strengths)\\s+of\\s+(?:our|my|us|working with us)\\b(?:\\s+${W})?`, false),
  rule('persuasion', `(?<!(?:whether|if)\\s)\\b(?:we're|we are|i'm|i am|our\\s+${W}\\s+(?:is|are))\\s+(?:the\\s+)?(?:better|best|superior|cheaper|only|number one|#1|right choice)\\b(?:\\s+${W}){0,3}`, false),
  rule('causative', `\\b(?:make sure|ensure|ensuring)\\s+(?:that\\s+)?(?:${W}\\s+){1,3}?(?:don't|do not|won't|never|doesn't)\\s+(?:go with|choose|pick|sign with|buy from|stay with|switch to|look at)\\b(?:\\s+${W}){0,3}`, false),
  rule('gain', `\\bbuy-in\\s+(?:for|on|to)\\s+(?:our|my|the proposal|the deal|moving forward|the purchase)\\b(?:\\s+${W})?`),
  rule('selling', `\\b(?:spend|spending|business|volume|wallet share|share of wallet|revenue|orders?)\\s+with\\s+(?:us|me)\\b`, false),
  rule('purpose', `\\bso(?: that)?\\s+(?:i|we)\\s+(?:can|could)\\s+(?:price|quote)\\s+(?:it|them|this|the|their)\\b(?:\\s+${W})?`, false),
  rule('persuasion', `\\bsee\\s+(?:us|me|our\\s+${W})\\s+as\\b(?:\\s+${W}){0,3}`, false),
  rule('persuasion', `\\b(?:demonstrate|show|prove|showcase|communicate|articulate|highlight|sell)\\s+(?:our|my)\\s+(?:value|worth|expertise|capabilities|differentiators?|roi|credentials)\\b`, false),
  rule('pipeline', `\\bafford\\s+(?:us|me|our)\\b(?:\\s+${W})?`, false),
  rule('gain', `\\bget(?:ting)?\\s+(?:(?:the|our|this|my)\\s+)?(?:${W}\\s+)?(?:${PIPE})\\s+through\\b`),
  rule('selling', `\\block(?:ing)?\\s+(?:them|him|her|the client)\\s+(?:in|into)\\b(?:\\s+${W}){0,3}`),
  rule('gain', `\\b(?:get in touch with|get through to|get hold of|get past|reach)\\s+(?:${W}\\s+){0,2}?(?:decision maker|decision-maker|decision makers|economic buyer|gatekeeper|signer|signatory)\\b`),
  rule('selling', `\\b(?:move|advance|progress|push|get)\\s+(?:${W}\\s+){0,2}?(?:to|into)\\s+(?:the\\s+)?(?:${W}\\s+)?stage\\b`),
  rule('persuasion', `\\b(?:act|buy|sign|decide|commit|move)\\s+(?:now|today|immediately|right away|before (?:the|month|quarter|year|price))\\b`, false),
  // A date or a decision the rep extracts: "pin down a date for the demo", "get a decision today".
  rule('gain', `\\b(?:pin down|lock down|nail down|lock in|set|get|secure|agree|fix)\\s+(?:a|the)\\s+(?:firm\\s+|start\\s+|signing\\s+|close\\s+|closing\\s+)?date\\b(?:\\s+for\\s+(?:${W}\\s+){0,2}?(?:${PIPE})\\b)?`),
  rule('gain', `\\b(?:get|getting|secure|obtain|push for|force|drive|ask for)\\s+(?:a\\s+|the\\s+|their\\s+)?(?:final\\s+|firm\\s+|buying\\s+|purchase\\s+)?decision\\b(?:\\s+(?:today|now|this week|on the spot))?`),
  // The client's commitment written as the objective: "client signs today", "they agree to a second meeting".
  rule('causative', `(?:^|(?<=,\\s))(?:the\\s+)?(?:they|client|clients|customer|the client|he|she|we)\\s+(?:(?:will|to|'ll|must|should)\\s+)?(?:sign|signs|commit|commits|agree to|agrees to|buy|buys|purchase|purchases|book|books|schedule|schedules|order|orders|pay|pays|renew|renews|switch|switches|choose us|chooses us|accept|accepts|approve|approves|refer|refers|introduce us|introduces us)(?![\\w'-])(?:\\s+${W}){0,4}`, false),
  rule('purpose', `\\bso(?: that)?\\s+(?:i|we)\\s+(?:(?:can|could|will|'ll)\\s+)?(?:win|beat|outbid|undercut|outsell)\\b(?:\\s+(?!(?:${STOP})\\b)${W}){0,3}`, false),
  rule('persuasion', `\\b(?:tie|tying|link|linking|connect|connecting)\\s+(?:it|them|this|that|(?:their|the)\\s+${W})\\s+(?:back\\s+)?(?:to|with)\\s+(?:our|my)\\b(?:\\s+${W})?`),
  // "appt", "2nd appt", "referrals from past clients", "the close": an outcome written as the objective.
  rule('bare', `(?:^|(?<=,\\s))(?:(?:the|a|an|my|our|their|one|two|three|\\d+|second|next|first|third|new|signed|verbal|more|final|firm|objective|goal|aim|get|complete|full|last|paid)\\s+){0,3}(?:${alt(BARE_OUTCOME_NOUNS)})\\b(?=\\s*$|\\s+,|\\s+(?:on|with|for|from|to|by|this|next|today|tomorrow|asap|now|before|and|w)\\b)(?:\\s+${W}){0,3}?(?=\\s*$|\\s+,)`),
];

// Sub-clause markers: a guard looks only at the words since the last one.
const SUBCLAUSE_MARKERS = new Set(['so', 'and', 'but', 'then', 'because', 'while', 'plus', 'order']);
const NEGATED = new RegExp(`(?:^|\\s)${NEG}\\s+(?:${W}\\s+){0,3}$`);
// The client is the one acting: "help them close their books", "how they book patients", "they want to sell".
const CLIENT_ACTS = [
  new RegExp(`(?:^|\\s)help(?:s|ed|ing)?\\s+(?:${W}\\s+){1,3}(?:to\\s+)?$`),
  new RegExp(`(?:^|\\s)(?:their|his|her|its)\\s+$`),
  new RegExp(`(?:^|\\s)(?:tips|ways|ideas|strategies|advice|steps|playbook|plan|options|tools|how)\\s+(?:for\\s+${W}\\s+)?to\\s+$`),
  new RegExp(`(?:^|\\s)(?:how|what|when|why|where|whether|who|which|whom)\\s+(?:${W}\\s+){0,3}$`),
  new RegExp(`(?:^|\\s)(?:they|he|she|they're|they'll|they've|he'll|she'll|clients|customers|patients|members|their\\s+${W}(?:\\s+${W})?)\\s+(?:${W}\\s+){0,2}$`),
];
// After "so"/"in order": the rep is the subject, so what follows is the rep's purpose.
const PURPOSE_REP = /^(?:that\s+|to\s+)?(?:(?:i|we|i'll|we'll|i'm|we're|my team|our team)\s+)?(?:(?:can|could|will|may|might|are|am|get to|be able to)\s+)?$/;

/** Characters of a field that are judged (offsets stay valid: it is a prefix). */
export const MAX_JUDGED_LENGTH = 1000;

interface Finding { start: number; end: number; kind: ObjectiveReasonKind }

/** Find the self-focused phrases in an objective (ranges in normalised text). */
function findSelfFocused(n: NormalisedText): Finding[] {
  const text = n.text;
  const found: Finding[] = [];
  for (const r of RULES) {
    // matchAll works on a copy of the regex, so the shared patterns carry no state between calls.
    if (!r.probe.test(text)) continue;
    for (const m of text.matchAll(r.re)) {
      if (m[0].length === 0) continue;
      // A word glued on by a hyphen or apostrophe is another word ("best-selling" is not "selling").
      if (m.index > 0 && (text[m.index - 1] === '-' || text[m.index - 1] === "'")) continue;
      let start = m.index;
      const end = m.index + m[0].trimEnd().length;
      const clauseStart = text.lastIndexOf(',', start - 1) + 1;
      const clause = text.slice(clauseStart, start);
      if (NEGATED.test(' ' + clause) && r.kind !== 'must-get') continue;
      let kind = r.kind;
      if (r.guarded) {
        const { marker, markerAt, rest } = lastSubclause(clause);
        if (CLIENT_ACTS.some((re) => re.test(' ' + rest))) continue;
        if ((marker === 'so' || marker === 'order') && PURPOSE_REP.test(rest)) {
          start = clauseStart + markerAt - (marker === 'order' ? 3 : 0);
          kind = 'purpose';
        }
      }
      found.push({ start, end, kind });
    }
  }
  return dropOverlaps(found);
}

/** The words of `clause` after its last sub-clause marker ("so", "and", ...), and that marker. */
function lastSubclause(clause: string): { marker: string; markerAt: number; rest: string } {
  let at = 0;
  let marker = '';
  let markerAt = 0;
  for (let i = 0; i < clause.length; ) {
    const j = clause.indexOf(' ', i);
    const wordEnd = j < 0 ? clause.length : j;
    const word = clause.slice(i, wordEnd);
    if (SUBCLAUSE_MARKERS.has(word)) { marker = word; markerAt = i; at = wordEnd + 1; }
    i = wordEnd + 1;
  }
  return { marker, markerAt, rest: clause.slice(Math.min(at, clause.length)).trimStart() };
}

function dropOverlaps(found: Finding[]): Finding[] {
  found.sort((a, b) => a.start - b.start || b.end - a.end);
  const kept: Finding[] = [];
  for (const f of found) {
    const last = kept[kept.length - 1];
    if (last && f.start < last.end) {
      if (f.end > last.end && f.kind === last.kind) last.end = f.end;
      continue;
    }
    kept.push({ ...f });
  }
  return kept;
}

/** Judge one objective: is it about what the rep gets rather than about the client? */
export function judgeObjective(text: string, vocabulary?: JudgeVocabulary): ObjectiveJudgement {
  // A field is a line or two; a pasted essay is judged on its start so a keystroke never stalls.
  const n = normalise(text.length > MAX_JUDGED_LENGTH ? text.slice(0, MAX_JUDGED_LENGTH) : text);
  const vocab = compileVocabulary(vocabulary);
  let found = findSelfFocused(n);
  if (vocab) {
    for (const r of findPhrases(n, vocab.selfFocused)) found.push({ ...r, kind: 'team' });
    found = dropOverlaps(found);
    const allowed = findPhrases(n, vocab.allowed);
    found = found.filter((f) => !allowed.some((a) => a.start < f.end && f.start < a.end));
  }
  const phrases: FlaggedPhrase[] = found.map((f) => {
    const range = toOriginalRange(n, f.start, f.end);
    const phrase = text.slice(range.start, range.end);
    return {
      start: range.start,
      end: range.end,
      reason: objectiveReason(f.kind, phrase),
      suggestion: objectiveSuggestion(text, range, phrase),
    };
  });
  return { selfFocused: phrases.length > 0, phrases };
}
