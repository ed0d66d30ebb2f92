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
  PIPELINE_NOUNS, POSITION_PHRASES, CONVERTED_TO, GROW_VERBS, REP_NUMBERS, REP_AIM_OBJECT_VERBS, REP_AIM_VERBS, REP_HOLDINGS, REP_USE_NOUNS, UNDERSTANDING_NOUNS,
} from './lexicon';
import { compileVocabulary, findPhrases } from './vocabulary';
import { RuleIndex } from './ruleIndex';
import { objectiveReason, objectiveSuggestion, type ObjectiveReasonKind } from './messages';

/** A self-focused pattern. `guarded` ones are skipped when negated or when the client is the subject. */
export interface ObjectiveRule {
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
const REP_SUBJECT = "(?:i|we|i'll|we'll|i'd|we'd|my team|our team|the team)";
const MODAL = "(?:(?:can|could|will|would|may|might|are able to|am able to|get to|then|finally|also)\\s+){0,2}";
const THEIRS = '(?:their|his|her|its|them)';
const GIVE_VERBS = 'give|gives|send|sends|forward|forwards|hand|hand over|email|pass|grant|show|offer|award|refer|introduce|share|provide|open up|lend|release|bring';
const PEOPLE = alt(['champion', 'buyer', 'buyers', 'gatekeeper', 'gatekeepers', 'procurement', 'purchasing', 'manager',
  'assistant', 'receptionist', 'admin', 'committee', 'coach', 'sponsor', 'cfo', 'ceo', 'cio', 'cto', 'coo', 'vp',
  'director', 'owner', 'partner', 'boss', 'contact', 'blocker', 'skeptic', 'office manager', 'it manager', 'it',
  'legal', 'finance', 'him', 'her', 'them', 'he', 'she']);
const BOOKABLE = alt(['survey', 'site survey', 'visit', 'site visit', 'inspection', 'call', 'session', 'consult',
  'consultation', 'tour', 'test drive', 'walkthrough', 'deep-dive', 'workshop', 'lunch', 'lunch-and-learn',
  'conference', 'event', 'room block', 'qbr', 'review', 'assessment', 'audit']);

function rule(kind: ObjectiveReasonKind, source: string, guarded = true): ObjectiveRule {
  return { kind, re: new RegExp(source, 'g'), probe: new RegExp(source), guarded };
}

// Order matters only for ties: overlapping findings keep the earliest-starting, longest one.
// Exported for the test that proves the rule index never skips a rule that matches.
export const RULES: readonly ObjectiveRule[] = [
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
  rule('causative', `\\b(?:convince|convincing|persuade|persuading|pressure(?!\\s+(?:from|on|of|in|to|they|their|points?)\\b)|pressuring|talk (?:them|him|her) into)\\b(?:\\s+${W}){0,3}`),
  // "provide value so they book a second meeting", "build rapport so they buy from me"
  rule('purpose', `\\bso(?:\\s+that)?\\s+(?:they|he|she|they're|they'll|the client|it)\\s+(?:${W}\\s+){0,4}?(?:(?:${COMMIT})(?![\\w'-])|(?:with|from) (?:us|me)\\b)`, false),
  // The rep obtaining a pipeline object: "get the appointment", "secure the listing".
  rule('gain', `\\b(?:${alt(GAIN_VERBS.filter((v) => v !== 'close' && v !== 'closing'))})\\b${GAP(3)}\\s+(?:${PIPE})\\b`),
  rule('gain', `\\b(?:${alt(LOOSE_GAIN_VERBS)})\\b(?:\\s+(?!(?:${STOP}|their|his|her|its)\\b)${W}){0,3}?\\s+(?:${PIPE})\\b`),
  rule('gain', `\\b(?:book|booking|schedule|scheduling|set up|arrange|arranging|line up|lock in)\\b${GAP(3)}\\s+(?:${BOOKABLE})\\b`),
  rule('gain', `\\b(?:get|getting|put|be)\\s+(?:(?!their\\b)${W}\\s+){0,3}?(?:on|onto|in front of|into|added to)\\s+(?:${W}\\s+){0,3}?(?:agenda|calendar|books|list|formulary|guide|shortlist|committee|board|panel|call|meeting|demo)\\b`),
  rule('gain', `\\bget(?:ting)? in front of\\b(?:\\s+${W}){0,4}`),
  rule('gain', `\\bget(?:ting)? (?:approved|retained|selected|chosen|added|shortlisted|awarded|hired|paid|signed|picked|my foot in the door|a foot in the door|in the door)\\b`),
  rule('gain', `\\b(?:get|getting|have)\\s+(?:${W}\\s+){1,4}?(?:signed|countersigned|approved|started|written|drafted|paid|funded|wired|ordered|issued|accepted|done|scheduled|booked|allocated|kicked off|submitted|over the line|closed|executed|renewed|made|finalized|finalised)\\b`),
  // "close the deal", "so we can close" (but not "close their books", "close the gap").
  rule('gain', `\\bclos(?:e|ing|es)\\b(?!\\s+(?:out|up|off|down|of|to|by|with|(?:on\\s+)?(?:their|his|her))\\b)(?!(?:\\s+${W}){0,3}?\\s+(?:${alt(INNOCENT_CLOSE_OBJECTS)})\\b)(?!\\s+(?:the|their|its|his|her)\\s+(?:${W}\\s+)?(?:${alt(CLOSE_PERIODS)})\\b)(?:\\s+(?:them|him|her|it|on))?(?:${GAP(3)}\\s+(?:${PIPE})\\b)?`),
  // Selling verbs: the rep acting on the client.
  rule('selling', `\\b(?:sell|selling|sells|pitch|pitching|upsell|upselling|cross-sell|cross-selling|convert|converting|qualify|qualifying|pre-qualify|prequalify|negotiate|negotiating|push|pushing)\\b(?!\\s+(?:for them|their)\\b)(?:\\s+(?!(?:${STOP})\\b)${W}){0,4}`),
  rule('pipeline', `\\bforecast\\s+(?:it|the deal|this|them|the opportunity)\\b`),
  rule('selling', `\\b(?:win|winning|close|sign|signing|upgrade|switch|flip|steal|quote|onboard)\\s+${RULE_PRONOUN}\\b(?:\\s+(?:${W})){0,2}`),
  rule('selling', `\\b(?:bind|write)\\s+(?:${W}\\s+){0,2}?(?:policy|policies|coverage|business|app|application)\\b`),
  rule('selling', `\\b(?:move|moving|transfer|port|porting|switch|switching|bring|consolidate|roll|replace|book|expand|shift|shifting|steer|steering|direct|migrate|migrating|channel|convert|converting)\\b(?:\\s+${W}){0,4}?\\s+(?:to|with|over to|at|into)\\s+(?:us|me|our)\\b(?:\\s+${W})?`),
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
  rule('gain', `\\b(?:pin down|lock down|nail down|lock in|set|get|secure|agree|fix|(?:end|finish|leave|close)\\s+(?:the\\s+)?(?:call|meeting|visit)?\\s*with|walk away with|leave with|come away with)\\s+(?:a|the)\\s+(?:firm\\s+|start\\s+|signing\\s+|close\\s+|closing\\s+)?date\\b(?:\\s+for\\s+(?:${W}\\s+){0,2}?(?:${PIPE})\\b)?`),
  rule('gain', `\\b(?:get|getting|secure|obtain|push for|force|drive|ask for)\\s+(?:a\\s+|the\\s+|their\\s+)?(?:final\\s+|firm\\s+|buying\\s+|purchase\\s+)?decision\\b(?:\\s+(?:today|now|this week|on the spot))?`),
  // The client's commitment written as the objective: "client signs today", "they agree to a second meeting".
  rule('causative', `(?:^|(?<=,\\s))(?:the\\s+)?(?:they|client|clients|customer|the client|he|she|we)\\s+(?:(?:will|to|'ll|must|should)\\s+)?(?:sign|signs|commit|commits|agree to|agrees to|buy|buys|purchase|purchases|book|books|schedule|schedules|order|orders|pay|pays|renew|renews|switch|switches|choose us|chooses us|accept|accepts|approve|approves|refer|refers|introduce us|introduces us)(?![\\w'-])(?:\\s+${W}){0,4}`, false),
  rule('purpose', `\\bso(?: that)?\\s+(?:i|we)\\s+(?:(?:can|could|will|'ll)\\s+)?(?:win|beat|outbid|undercut|outsell)\\b(?:\\s+(?!(?:${STOP})\\b)${W}){0,3}`, false),
  rule('persuasion', `\\b(?:tie|tying|link|linking|connect|connecting)\\s+(?:it|them|this|that|(?:their|the)\\s+${W})\\s+(?:back\\s+)?(?:to|with)\\s+(?:our|my)\\b(?:\\s+${W})?`),
  // --- Second engineer: general mechanisms for kinds the first rules missed. ---
  // A purpose clause whose subject is the rep and whose verb is a rep's aim: "… so we can quote",
  // "… so I can size the quote", "… so we can market the summer program", "… so we keep the assets".
  rule('purpose', `\\bso(?:\\s+that)?\\s+${REP_SUBJECT}\\s+${MODAL}(?:${alt(REP_AIM_VERBS)})(?![\\w'-])(?:\\s+${W}){0,3}`, false),
  rule('purpose', `\\bso(?:\\s+that)?\\s+${REP_SUBJECT}\\s+${MODAL}(?:${alt(REP_AIM_OBJECT_VERBS)})\\s+(?!${THEIRS}\\b)(?:the|a|an|our|this|that|each|every|all|it|more)\\b(?:\\s+${W}){0,3}`, false),
  rule('purpose', `\\bso(?:\\s+that)?\\s+${REP_SUBJECT}\\s+${MODAL}(?:keep|retain|hold on to|hold onto|grow|expand|protect|defend)\\s+(?:the|their|our|this|that|his|her)\\s+(?:${W}\\s+)?(?:${alt(REP_HOLDINGS)})\\b`, false),
  rule('purpose', `\\bso(?:\\s+that)?\\s+${REP_SUBJECT}\\s+${MODAL}(?:(?!${THEIRS}\\b)${W}\\s+){1,3}?(?:${PIPE}|proposal|pitch|quote|quotes|bid|offer|estimate)\\b`, false),
  // The rep as beneficiary of what is obtained: "the member directory for our prospecting", "in our CRM".
  rule('gain', `\\b(?:for|in|into|on|to)\\s+(?:our|my)\\s+(?:own\\s+)?(?:${W}\\s+)?(?:${alt(REP_USE_NOUNS)})\\b`),
  // The client's people made to act for the rep: "who'll push for us", "sell internally for us".
  rule('persuasion', `\\b(?:sell|sells|selling|push|pushes|pushing|advocate|advocates|champion|champions|lobby|vouch|fight|go to bat|put in a word|put in a good word|speak up|open doors?|make the case|argue|pull strings|vote)\\b(?:\\s+${W}){0,2}?\\s+for\\s+(?:us|me|our)\\b(?:\\s+${W})?`, false),
  // The client gives the rep something: "get them to forward us the RFP", "have the GC give us the next matter".
  rule('causative', `\\b(?:get|gets|getting|have|having|make|need|needs|want|wants|ask|asking)\\s+(?!(?:sure|to|a|an)\\b)(?:${W}\\s+){1,3}?(?:to\\s+)?(?:${GIVE_VERBS})\\s+(?:over\\s+)?(?:us|me)\\b(?:\\s+${W}){0,3}`),
  // Renewal and price for the rep: "renew at list", "renew the contract at the new rate", "raise their rate".
  rule('selling', `(?:^|(?<=,\\s)|(?<=\\b(?:then|and|to|today|objective|goal|aim)\\s))renew(?:ing)?\\b(?!\\s+(?:their|his|her|its)\\b)(?:\\s+(?!(?:${STOP})\\b)${W}){0,3}`),
  rule('selling', `\\b(?:raise|raising|increase|increasing|hold|holding|push through|pushing through|get|keep|protect|defend)\\s+(?:(?:the|their|our|my|a|an)\\s+)?(?:${W}\\s+)?(?:price|prices|pricing|rate|rates|contract value|margin|margins|deal size|acv|arr|price increase|uplift)\\b(?:\\s+(?:at|on|for)\\s+(?:the\\s+)?renewal)?`),
  rule('selling', `\\bat\\s+(?:(?:full|list|a higher|higher|the new|a premium|our|the full|the list|standard)\\s+)(?:price|rate|pricing|rates|prices)\\b|\\b(?:no|without)\\s+(?:a\\s+|any\\s+)?(?:discount|discounts|discounting|concessions?)\\b`, false),
  // Positioning: the rep wants standing with the client's firm ("vendor of choice", "the shortlist").
  rule('persuasion', `\\b(?:become|becoming|be|being|stay|staying|remain|make|making|made|get|getting|named|chosen|included|put|keep|keeping|as)\\s+(?:(?:us|ourselves|me|myself|our firm|our company|sure we(?:'re| are)?|sure (?:that )?(?:we|i)(?:'re| are| am|'m)?)\\s+)?(?:${W}\\s+){0,3}?(?:${alt(POSITION_PHRASES)})\\b(?:\\s+${W}){0,2}`),
  rule('persuasion', `\\b(?:we|us|ourselves|i)(?:'re|\\s+are|\\s+am|\\s+become|\\s+stay|\\s+remain|\\s+make|\\s+get)?\\s+(?:${W}\\s+){0,3}?(?:${alt(POSITION_PHRASES)})\\b(?:\\s+${W}){0,2}`, false),
  rule('gain', `\\b(?:make sure|ensure|get|getting|be|being|stay)\\s+(?:(?:that\\s+)?(?:we|we're|we are|us|i|i'm)\\s+)?(?:(?:are|am|is|get|stay)\\s+)?(?:included|invited|considered|on the list|in the mix|at the table|in the loop on the rfp)\\b(?:\\s+(?:in|to|on|for)\\s+(?:${W}\\s+){0,2}?(?:rfp|rfq|tender|bid|bids|review|process|evaluation|pitch|search|selection|shortlist|list|round|decision))?`),
  // Going around the client's people for the deal: "go around the champion", "bypass the gatekeeper".
  rule('persuasion', `\\b(?:go|going|get|getting|work|working|route|routing|end-run|end run)\\s+(?:around|past|round)\\s+(?!(?:the\\s+)?(?:room|table|site|office|plant|building|floor|clock|issue|issues|problem|problems)\\b)(?:${W}\\s*){1,3}|\\b(?:bypass|bypassing|circumvent|circumventing|sidestep|sidestepping|outflank|neutrali[sz]e|neutrali[sz]ing|go over|going over)\\s+(?:(?:the|their|his|her)\\s+)?(?:${W}\\s+){0,2}?(?:${PEOPLE}|head|heads)\\b`),
  rule('gain', `\\bget(?:ting)?\\s+(?:straight\\s+|directly\\s+|right\\s+)?(?:to|through to)\\s+(?:the\\s+)?(?:cfo|ceo|cio|cto|coo|cmo|vp|owner|president|decision maker|decision makers|economic buyer|board|principal|managing partner|head of ${W}|boss|gm|general manager|superintendent|dean|chair)\\b`),
  rule('gain', `\\b(?:find|recruit|build|get|create|develop|cultivate|need|replace)\\s+(?:a\\s+|an\\s+|another\\s+)?(?:new\\s+|internal\\s+|stronger\\s+|better\\s+)?(?:champion|coach|sponsor|inside man|internal advocate|ally)\\b`),
  // Competitive displacement: "displace the incumbent", "unseat the competitor".
  rule('selling', `\\b(?:displace|displacing|unseat|unseating|oust|ousting|replace|replacing|knock out|kick out|push out|edge out|box out|shut out|beat|beating|steal from|take over from)\\s+(?:the\\s+|their\\s+)?(?:${W}\\s+)?(?:incumbent|incumbents|competitor|competitors|competition|current (?:vendor|supplier|provider|carrier|agency|firm|broker|advisor|bank)|other (?:vendor|vendors|bidders|firms|agencies|brokers))\\b`),
  // Acquisition idioms: "foot in the door", "wedge our way in", "bring the deal home", "win over the board".
  rule('gain', `\\b(?:my|our|a)\\s+(?:foot|feet|toe)\\s+in\\s+(?:the\\s+)?door\\b|\\b(?:wedge|force|squeeze|work|elbow|muscle)\\s+(?:our|my)\\s+way\\s+in(?:to)?\\b(?:\\s+${W}){0,2}`),
  rule('gain', `\\bbring(?:ing)?\\s+(?:the|this|that|it|our|my)\\s+(?:${W}\\s+)?(?:${PIPE}|it)?\\s*home\\b`),
  rule('selling', `\\b(?:win|winning|won)\\s+(?:${RULE_PRONOUN}\\s+)?over\\b(?:\\s+${W}){0,3}`),
  rule('gain', `\\b(?:carve out|take|grab|win|capture|steal|get|increase|grow|gain)\\s+(?:a\\s+|our\\s+|more\\s+|a bigger\\s+|a larger\\s+)?(?:${W}\\s+)?(?:slice|share|piece|portion|chunk|cut)\\s+of\\s+(?:their|the)\\s+(?:${W}\\s+)?(?:spend|budget|business|wallet|volume|orders|work|account|pie)\\b`),
  // A nominalised gain: "signing of the contract", "the booking of a second meeting".
  rule('gain', `\\b(?:signing|signature|closing|booking|securing|obtaining|winning|renewal|purchase|award)\\s+of\\s+(?:the|a|an|our)\\s+(?:${W}\\s+){0,2}?(?:${PIPE})\\b`),
  rule('gain', `\\bclos(?:e|ing)\\s+with\\s+(?:a|an|the)\\s+(?:${W}\\s+){0,2}?(?:${PIPE})\\b(?:\\s+${W}){0,3}`),
  // Retention for the rep: "make sure they keep ordering from us", "ensure the client doesn't churn", "retain the account".
  rule('selling', `\\b(?:keep|keeps|keeping|continue|continues|continuing|stay|stays)\\s+(?:on\\s+)?(?:using|buying|ordering|writing|prescribing|choosing|working with|renewing|with|on|spending with|booking with)\\s+(?:(?:from|with)\\s+)?(?:us|our|me|my)\\b(?:\\s+${W}){0,2}`, false),
  rule('selling', `\\b(?:make sure|ensure|ensuring|keep|keeping|prevent|preventing|stop|stopping)\\s+(?:that\\s+)?(?:(?!(?:their|his|her)\\b)${W}\\s+){0,3}?(?:(?:doesn't|don't|won't|does not|do not|will not|never|from|not)\\s+)?(?:churn|churning|switch|switching|leave us|leaving us|cancel|cancelling|canceling|defect|defecting|go elsewhere|going elsewhere|walk away|walking away|move away|moving away)\\b(?:\\s+${W}){0,3}`),
  rule('selling', `\\b(?:retain|retaining|save|saving|keep|keeping|hold on to|hold onto|rescue|rescuing)\\s+(?:the|this|our|that)\\s+(?:${W}\\s+)?(?:account|accounts|business|client|customer|logo|contract|renewal|relationship|book)\\b(?!\\s+(?:happy|informed|safe|comfortable|satisfied|updated|running|going|afloat|open|money|time|costs?|secure|compliant|healthy|in\\s+(?:the loop|mind)))`),
  // The rep's own numbers at this client: "grow our volume with this customer", "increase revenue from this account".
  rule('pipeline', `\\b(?:increase|increasing|grow|growing|boost|boosting|drive|driving|expand|expanding|double|doubling|raise|raising|maximi[sz]e)\\s+(?:our\\s+(?:${W}\\s+)?(?:revenue|volume|share|gmv|sales|orders|spend|wallet share|business|footprint|presence|penetration|margin|numbers)|(?:the\\s+)?(?:revenue|volume|gmv|sales|orders|spend|business|margin)\\s+(?:from|with|at|in)\\s+(?:this|that)\\s+(?:account|client|customer))\\b(?:\\s+${W}){0,3}`),
  // Persuasion: "help them see that our tool is the obvious choice".
  rule('persuasion', `\\b(?:see|realize|realise|understand|believe|agree|accept|know|feel)\\s+(?:that\\s+)?(?:our|we|we're|us)\\b(?:\\s+${W}){0,4}?\\s+(?:the\\s+)?(?:only|best|better|right|ideal|perfect|obvious|clear|natural|smart|smartest|safest|logical)\\b(?:\\s+(?:choice|option|fit|partner|solution|pick|answer))?`, false),
  // A client-side subject committing to the rep in a purpose clause: "so the board chooses us".
  rule('purpose', `\\bso(?:\\s+that)?\\s+(?!(?:i|we|you|i'll|we'll)\\b)(?:${W}\\s+){1,4}?(?:(?:will|can|could|would|'ll|then)\\s+)?(?:approve|approves|sign|signs|buy|buys|choose|chooses|pick|picks|select|selects|commit|commits|order|orders|renew|renews|switch|switches|award|awards|go with|goes with|move|moves|shift|shifts|give|gives|send|sends|hire|hires)\\s+(?:(?:${W}\\s+){0,3}?(?:to|with|over to)\\s+)?(?:our|us|me|my)\\b(?:\\s+${W})?`, false),
  // Asking the client for what the rep wants: "ask the board chair for a five-figure gift".
  rule('gain', `\\bask(?:s|ing)?\\s+(?:${W}\\s+){1,3}?for\\s+(?:(?!(?:their|his|her)\\b)${W}\\s+){0,3}?(?:${PIPE})\\b`),
  // --- Third engineer: conversion, growing the rep's numbers, choosing our bid, recruiting for the rep's client. ---
  // The rep converting the client into revenue: "turn this trial into a paying customer", "convert the visit into an enrolment".
  rule('selling', `\\b(?:turn|turning|make|making|convert|converting|transform|transforming|move|moving|upgrade|upgrading)\\s+(?!(?:their|his|her|its)\\b)(?:${W}\\s+){1,3}?(?:into|to)?\\s*(?:a|an|our|the)\\s+(?:(?:${W})\\s+)?(?:${alt(CONVERTED_TO)})\\b`),
  rule('selling', `\\b(?:turn|turning|convert|converting|move|moving|upgrade|upgrading|switch|switching|get|getting|take|taking)\\s+(?:${W}\\s+){1,3}?(?:from\\s+(?:${W}\\s+){1,2}?)?(?:to|into)\\s+(?:a\\s+)?(?:paid|paying)\\b(?:\\s+(?:plan|tier|version|subscription|account|customer|client|contract|license|licence|membership))?`),
  // Causatives that grow the rep's numbers at the client: "get them to increase their order", "have them add 20 more lines".
  rule('causative', `\\b(?:get|gets|getting|have|having|make|making|push|pushing|encourage|encouraging|convince|convincing|persuade|persuading|need|needs|want|wants|ask|asking)\\s+(?!(?:sure|to|a|an|up|in|on|out|some|more)\\b)(?:${W}\\s+){1,3}?(?:to\\s+)?(?:${alt(GROW_VERBS)})\\s+(?:${W}\\s+){0,5}?(?:${alt(REP_NUMBERS)})\\b(?:\\s+${W}){0,3}`),
  rule('causative', `\\b(?:get|gets|getting|have|having|make|making|push|pushing|encourage|encouraging|convince|convincing|persuade|persuading|need|needs|want|wants|ask|asking)\\s+(?!(?:sure|to|a|an|up|in|on|out|some|more)\\b)(?:${W}\\s+){1,3}?(?:to\\s+)?(?:buy|order|take|carry|stock|spend|book|list|add|commit to|sign up for|put through)\\s+(?:(?:\\d+|\\$\\S+|a (?:lot|few|couple)|a bit|two|three|four|five|ten|some|even|far|much|many|way)\\s+)?more\\b(?:\\s+${W}){0,3}`),
  rule('selling', `\\b(?:${alt(GROW_VERBS)})\\s+(?:their|the)\\s+(?:${W}\\s+)?(?:seat count|seats|licen[cs]es|user count|po|retainer|subscription|monthly order|standing order|order size|annual commitment|commitment|contract value|(?:order|contract|deal)(?=\\s+(?:to|by|from)\\s+(?:\\d|\\$|a\\s|an\\s|two|three|four|five|ten|double|triple)))\\b(?:\\s+(?:from|to)\\s+${W}(?:\\s+to\\s+${W})?)?`),
  // "ensure they choose our bid", "make sure the panel selects our proposal", "ensure our rate sheet is the one they accept".
  rule('causative', `\\b(?:make sure|make certain|ensure|ensuring|guarantee)\\s+(?:that\\s+)?(?:${W}\\s+){1,3}?(?:choose|chooses|pick|picks|select|selects|go with|goes with|accept|accepts|award|awards|place|places|prefer|prefers|back|backs|shortlist|shortlists|give|gives|sign with|stick with|approve|approves|fund|funds|buy|buys|green-light|greenlight)\\s+(?:${W}\\s+){0,3}?(?:our|us|me|my)\\b(?:\\s+${W}){0,2}`),
  rule('causative', `\\b(?:make sure|make certain|ensure|ensuring)\\s+(?:that\\s+)?(?:our|my)\\s+(?:${W}\\s+){0,2}?(?:(?:is|are|gets|get|wins|win|comes out|ends up)\\s+(?:the one|the winner|the winning|chosen|selected|picked|accepted|approved|awarded|preferred|on top|first)|wins|win|prevails)\\b(?:\\s+${W}){0,3}`),
  // Recruiting for the rep's client: "recruit her as a candidate for our client's role", "get him to apply for the role we're filling".
  rule('selling', `\\b(?:recruit|recruiting|headhunt|headhunting|poach|poaching|woo|wooing|court|courting|approach)\\s+(?:him|her|them|the candidate|this candidate|(?!(?:their|his|her)\\b)${W})\\s+(?:as|for|into|to)\\s+(?:${W}\\s+){0,4}?(?:role|roles|position|job|search|opening|post|vacancy|seat|candidate|placement|req|requisition|client|clients|client's)\\b(?:\\s+${W}){0,3}`),
  rule('selling', `\\bfill(?:ing)?\\s+(?:${W}\\s+){0,3}?(?:req|reqs|role|roles|position|positions|opening|openings|vacancy|vacancies|job order|job|seat|shift|shifts)\\s+with\\s+(?:${W}\\s+){0,3}?(?:our|my)\\b(?:\\s+${W})?`),
  rule('gain', `\\b(?:source|sourcing|find|finding|recruit|recruiting)\\s+(?:\\d+|two|three|four|five|six|ten)\\s+(?:${W}\\s+)?(?:candidates|cvs|resumes|profiles)\\b(?:\\s+for\\s+(?:${W}\\s+){0,3})?`),
  rule('causative', `\\b(?:get|getting|have|convince|persuade|encourage|push)\\s+(?!(?:sure|to|a|an)\\b)(?:${W}\\s+){1,3}?to\\s+(?:apply|interview|go for|put (?:his|her|their) name forward|throw (?:his|her|their) hat in|take the (?:role|job|position)|join our client)\\b(?:\\s+(?:for|to|with|at)\\s+(?:the|our|this|a)\\s+(?:${W}\\s+){0,2}?(?:role|position|job|opening|post|vacancy|client|search))?`),
  rule('gain', `\\b(?:submit|submitting|present|presenting|put forward|send|sending|shortlist|get|getting)\\s+(?:(?:\\d+|two|three|four|five|six|a|our|my|the|more)\\s+)?(?:${W}\\s+)?(?:candidates|candidate|cvs|cv|resumes|resume|profiles)\\b(?:\\s+(?:to|for|in front of)\\s+(?:the\\s+)?(?:${W}\\s+)?(?:hiring manager|client|role|search|panel|board))?`),
  rule('gain', `\\b(?:get|getting|put|putting)\\s+(?:${W}\\s+){0,2}?(?:cvs|cv|resumes|resume|candidates|candidate|profiles|shortlist)\\s+in front of\\b(?:\\s+${W}){0,3}`),
  rule('selling', `\\b(?:place|placing)\\s+(?:him|her|them|(?:the|our|my|this|that|a|\\d+|two|three)\\s+(?:${W}\\s+)?(?:candidate|candidates|nurse|nurses|engineer|engineers|contractor|contractors|temp|temps|hire|hires|person|people))\\s+(?:at|with|in|into)\\b(?:\\s+${W}){0,3}`),
  rule('selling', `\\bsign(?:ing)?\\s+(?:him|her|them|(?:the|a|this|that|our|\\d+|two|three)\\s+(?:${W}\\s+)?${W})\\s+up\\b(?:\\s+(?:for|with|to)\\s+(?:${W}\\s+){0,3})?`),
  // "appt", "2nd appt", "referrals from past clients", "the close": an outcome written as the objective.
  rule('bare', `(?:^|(?<=,\\s))(?:(?:the|a|an|my|our|their|one|two|three|\\d+|second|next|first|third|new|signed|verbal|more|final|firm|objective|goal|aim|get|complete|full|last|paid)\\s+){0,3}(?:${alt(BARE_OUTCOME_NOUNS)})\\b(?=\\s*$|\\s+,|\\s+(?:on|with|for|from|to|by|this|next|today|tomorrow|asap|now|before|and|w)\\b)(?:\\s+${W}){0,3}?(?=\\s*$|\\s+,)`),
];

/** Which rules could match a field, from its words: most fields need only a handful of the searches. Built on first use. */
let ruleIndex: RuleIndex | undefined;

// Sub-clause markers: a guard looks only at the words since the last one.
const SUBCLAUSE_MARKERS = new Set(['so', 'and', 'but', 'then', 'because', 'while', 'plus', 'order']);
const NEGATED = new RegExp(`(?:^|\\s)${NEG}\\s+(?:${W}\\s+){0,3}$`);
// The client is the one acting: "help them close their books", "how they book patients", "they want to sell".
const CLIENT_ACTS = [
  new RegExp(`(?:^|\\s)help(?:s|ed|ing)?\\s+(?:${W}\\s+){1,4}(?:to\\s+)?$`),
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
  ruleIndex ??= new RuleIndex(RULES.map((r) => r.re.source));
  const worthTrying = ruleIndex.candidates(text);
  for (let index = 0; index < RULES.length; index++) {
    if (worthTrying[index] === 0) continue;
    const r = RULES[index];
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
