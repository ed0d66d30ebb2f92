/**
 * Is an outcome weak: a continuation rather than an advance (SPIN), i.e. no specific action the
 * client commits to? An outcome is strong when it names a commitment (a signature, a booked
 * meeting, an order, a referral, documents the client sends, a dated decision) or a clear
 * "no / closed-lost". Hedges ("maybe", "sometime", "TBD") keep it weak whatever it names.
 */
import type { JudgeVocabulary, OutcomeJudgement, WeakOutcomeKind } from './types';
import { compileVocabulary, findPhrases } from './vocabulary';
import { normalise, toOriginalRange, type NormalisedText } from './normalize';
import { W } from './lexicon';
import { MAX_JUDGED_LENGTH } from './objective';
import { outcomeReason, outcomeSuggestion } from './messages';

const PLACEHOLDER = /^\s*(?:tbd|tbc|n\/?a|\?+|-+|…|\.{2,}|none|todo|to do|unknown|pending|x+|-)\s*[.!]*\s*$/i;

// A clear "no" is a real outcome (DOMAIN.md): the rep can stop spending time there.
const CLEAR_NO = new RegExp([
  '\\b(?:said|says|say|saying) no\\b', '\\bno thanks?\\b', '\\bno thank you\\b', '\\bdeclined?\\b', '\\bdeclines\\b',
  '\\bclosed[- ]?lost\\b', '\\blost (?:to|the deal|it)\\b', '^(?:deal )?lost\\b', '^no\\s*(?:,|$)', '\\bno sale\\b',
  '\\bnot a (?:good )?fit\\b', '\\bnot interested\\b', '\\bwent with\\b', '\\bchose (?:a|an|another|the|to go)\\b',
  '\\bstaying with\\b', '\\bdecided (?:not to|against)\\b', '\\b(?:picked|selected|chose|awarded (?:it|the \\S+) to|signed with|gave it to|went to)\\s+(?:another|a different|someone else|the other|a competitor|the competitor|a cheaper|the incumbent|the cheaper)\\b', '\\b(?:rejected|disqualified|dq\'d)\\b', '\\bturned (?:us|me) down\\b', '\\bpassed on\\b',
  '\\b(?:they|client|she|he|customer|owner)\\s+passed\\b', '\\bnot this (?:year|quarter|time|cycle)\\b',
  '\\bno deal\\b', '\\bclos(?:e|ing) (?:out )?(?:the|this) (?:opportunity|opp|deal|file)\\b', "\\b(?:not|won't be) (?:moving forward|going ahead|proceeding)\\b", '\\bno[- ]go\\b',
].join('|'));

// Something the rep did not get: "couldn't get the appointment", "no second meeting".
const MISSED = /\b(?:didn't|did not|couldn't|could not|wasn't able to|weren't able to|failed to|unable to|no|not yet|never)\s+(?:(?:get|got|book|booked|set|schedule|scheduled|secure|secured|land|landed|obtain|obtained|a|an|the|any)\s+){0,2}(?:(?:second|next|follow-up|signed)\s+)?(?:meeting|appointment|appointments|commitment|po|order|referral|referrals|intro|introduction|signature|contract|trial|pilot|agreement)\b(?:\s+(?:yet|set|booked|scheduled|signed|agreed|received|given|obtained|made|issued|in place)\b)*/;
const MISSED_ALL = new RegExp(MISSED.source, 'g');

// Hedges and vague timing: whatever else the outcome names, nothing is agreed yet.
const HEDGE = new RegExp([
  '\\b(?:maybe|possibly|possible|perhaps|hopefully|potential|potentially|might|probably|likely|someday|sometime|eventually)\\b',
  '\\bsome point\\b', '\\bdown the road\\b', '\\b(?:tbd|tbc|tba)\\b', '\\bto be (?:determined|confirmed|decided)\\b',
  '\\bnot sure\\b', '\\bhop(?:e|es|ing)\\b', '\\bunclear\\b', '\\blater\\b(?!\\s+(?:today|this week|that day))', '\\bif (?:they\'re|they are) interested\\b',
  '\\bwhen (?:the timing is right|timing is right|ready|they\'re ready|they are ready)\\b', '\\bno (?:decision|commitment|next steps?|date)\\b',
  '\\bin the future\\b', '\\bone day\\b', '\\bat some stage\\b', '\\bsoon(?:ish)?\\b(?!\\s+as)',
].join('|'));

// Words that cannot start "X to send ...": the rep, a pronoun object, or a rep's verb ("asked them to send").
const NOT_THEIR_SIDE = "(?:i|we|they|she|he|it|them|him|her|us|me|you|need|needs|want|wants|have|has|plan|try|hope|going|will|asked|told|reminded|invited|got|get|emailed|called|sent|promised|expect|expected|waiting|like|would)\\b";

// Further acts a client side can commit to in the future ("the pharmacy will stock it", "customer will move all lines").
const CLIENT_FUTURE_ACTS = 'switch|move|stock|carry|fund|run|trial|pilot|list|prescribe|port|transfer|consolidate|enroll|enrol|register|visit|host|reserve|lease|deposit|wire|issue|award|place|submit|return|complete|fill out|fill in|ship|install|go live|launch|roll out|deploy|implement|adopt|add|bind|release|donate|pledge|sponsor|underwrite|cover|grant|allocate|refer|meet|come in|fly in';

// What the client did or agreed to do: a commitment even after a rep's own action ("sent the
// contract, they sign Friday").
const CLIENT_COMMITS = new RegExp([
  '\\b(?:signs|signed|signing|countersigned|executed|e-signed)\\b', '\\bsign (?:by|on|the|it|before|this|next)\\b',
  '\\b(?:commit|commits|committed|commitment|commitments)\\b', '\\b(?:agree|agrees|agreed)\\b',
  '\\b(?:booked|scheduled|calendared|confirmed|locked in)\\b', '\\b(?:set|sets) (?:for|up|on)\\b', '\\bset$',
  '\\b(?:accepted|approved|approves|approve|awarded|received|handed over|submitted|returned|uploaded)\\b', '(?<!^)\\bprovided\\b',
  '\\b(?:paid|pays|pledged|won|sold|bought|purchased|bound|renewed|expanded|enrolled|onboarded|closed)\\b',
  '\\b(?:collected|obtained|got|secured|landed|gathered)\\b', '\\b(?:mov(?:e|ing)|go(?:ing)?) (?:forward|ahead) with\\b',
  '\\b(?:green light|go-ahead)\\b',
  '\\b(?:chose|chosen|picked|selected|selects|chooses) (?:us|me|our)\\b', '\\byes\\b',
  '\\b(?:decision|decide|decides) (?:by|on|date|in|at|before)\\b',
  '\\b(?:sent|sends?|emailed|delivered|shared) (?:to|with) (?:us|me)\\b',
  '\\b(?:sends|shares|brings|emails|provides|joins|attends|decides|starts|gives|interviews|hires|buys|orders|introduces|books|schedules|pays|renews|commits|approves)\\b',
  // "Hiring manager to interview 3 candidates", "CFO will join": someone on their side will act.
  `(?:^|,\\s)(?:the\\s+|their\\s+)?(?!${NOT_THEIR_SIDE})${W}(?:\\s+(?!${NOT_THEIR_SIDE})${W})?\\s+(?:to|will|'ll|is going to|are going to)\\s+(?:send|bring|share|email|provide|introduce|intro|join|attend|decide|start|interview|give|pay|book|schedule|sign|commit|approve|renew|buy|order|hire|forward|upload|${CLIENT_FUTURE_ACTS})\\b`,
  `\\b(?:they|she|he|they'll|she'll|he'll|client|customer|(?:they|she|he) will|(?:they|she|he) are going to)\\s+(?:${W}\\s+)?(?:send|bring|share|email|provide|introduce|join|attend|decide|start|interview|give|pay|book|schedule|sign|commit|approve|renew|buy|order|hire|forward|upload|loop in)\\b`,
].join('|'));

// Who acts on the client's side: pronouns and the roles reps write ("the office manager", "doc", "GC").
const CLIENT_ACTOR = `(?:they|she|he|client|clients|customer|customers|buyer|buyers|owner|owners|doc|dr|doctor|surgeon|nurse|manager|director|vp|cfo|ceo|cio|cto|coo|cmo|gc|counsel|family|parents|seller|sellers|dealer|dealership|candidate|foundation|board|committee|partner|partners|practice|hospital|clinic|school|district|principal|dean|superintendent|firm|company|account|procurement|purchasing|finance|legal|hr|it|champion|sponsor|donor|donors|trustee|trustees|chair|head|lead|admin|assistant|planner|agent|broker|member|members|franchisee|landlord|tenant|gm|president|founder|investor|investors|household|couple|husband|wife|team|dept|department|office|store|plant|site|venue|hotel|agency|brand|retailer|distributor|supplier|carrier|shipper|prospect|patient)`;
// A client-side subject at the start of a clause: "the practice manager", "their CFO", "doc", "she".
const CLIENT_SUBJECT = `(?:^|,\\s)(?:the\\s+|their\\s+|our\\s+|her\\s+|his\\s+)?(?:${W}\\s+)?${CLIENT_ACTOR}s?(?:\\s+(?:also|then|finally|already|just|has|have|had))?\\s+`;
// Transactions only the client can make, written with or without a subject: "ordered 4 units",
// "leased 3 vans", "took delivery", "transferred the IRA", "invited us to tender".
const CLIENT_DID = new RegExp([
  '\\b(?:ordered|reordered|re-ordered|leased|financed|reserved|transferred|rolled over|hired|funded|wired|took delivery|went live|put down|awarded|prepaid|pre-paid|subscribed|enrolled|registered|licensed|contracted|issued|placed (?:an |the |a |their )?(?:order|po|deposit))\\b',
  '\\b(?:engaged|retained|invited|hired|chose|picked|selected|gave|sent|forwarded|handed|referred|introduced|brought|awarded|paid|called|emailed|texted|booked|added|put)\\s+(?:us|me)\\b(?!\\s+(?:feedback|some feedback|their thoughts|thoughts|input|a tour|compliments|kudos|a hard time|the runaround|a maybe)\\b)',
  '\\b(?:invited|asked(?:\\s+(?:us|me))?)\\s+to\\s+(?:bid|tender|quote|pitch|present|submit|apply|propose|interview|demo|the final|re-bid|rebid)\\b',
  '\\b(?:through to|made|make|on|onto|in)\\s+(?:the\\s+)?(?:shortlist|short list|short-list|final round|final two|final three|next round|finals|bid list|vendor list|approved vendor list|panel)\\b', '\\b(?:shortlisted|short-listed|down-selected)\\b',
  '\\b(?:moving|moved|switching|switched|porting|ported|migrating|migrated|transferring|consolidating|consolidated|bringing|brought|rolling|rolled)\\b(?:\\s+${W}){0,5}?\\s+(?:over\\s+)?(?:to|with)\\s+(?:us|me)\\b',
].join('|').replace(/\$\{W\}/g, W));
// The same client-side acts when the client is the subject: "office mgr shared patient counts".
const CLIENT_SUBJECT_ACTS = new RegExp(`${CLIENT_SUBJECT}(?:shared|sent|sent over|forwarded|handed over|handed|provided|gave|released|granted|allocated|started(?!\\s+${W}ing\\b)|adopted|implemented|deployed|rolled out|prescribed|piloted|trialed|trialled|tested|upgraded|activated|switched|moved|migrated|ported|installed|opened|submitted|uploaded|returned|completed|filled out|filled in|introduced|referred|confirmed|booked|scheduled|reserved|ordered|picked|chose|selected|invited|offered)\\b`);
// A client-side subject committing to a concrete future act: "the head of operations will meet us
// on Tuesday", "the board will vote on our proposal on March 12", "procurement will issue the PO",
// "Maria (ops lead) will pull the usage data". The subject is a role or body (head, VP, board,
// committee, procurement, legal, team, ...), "their X", a title and name, or a name; the verb is any
// act except those that only continue ("will think about it", "will review it", "will get back to us").
const ROLE_SUBJECT = [
  `(?:the|their|our client's|the client's|her|his)\\s+(?:${W}\\s+){0,3}?${CLIENT_ACTOR}s?(?:\\s+(?:of|for)\\s+${W}(?:\\s+${W})?)?`,
  `${CLIENT_ACTOR}s?(?:\\s+of\\s+${W}(?:\\s+${W})?)?`,
  `(?:dr|mr|mrs|ms|prof)\\s+${W}`,
  `their\\s+(?:${W}\\s+){0,2}?${W}`,
  `(?:the\\s+)?${W}'s\\s+(?:${W}\\s+)?${W}`,
  `(?!${NOT_THEIR_SIDE}|(?:this|that|there|which|who|what|next|nothing|everything|everyone|someone|somebody|anyone|nobody|decision|proposal|quote|pricing|price|deck|contract|email|info|follow-up|meeting|call|demo|deal|po|order|it's|that's|i'd|we'd|you'll|i'll|we'll)\\b)${W}`,
].join('|');
// Verbs after "will" that only continue: thinking, reviewing, talking, getting back.
const ONLY_CONTINUES = "(?:think|thinking|consider|considering|review|reviewing|look|looking|discuss|discussing|talk|talking|get|getting|let|reach|reaching|be|being|evaluate|evaluating|assess|assessing|keep|see|seeing|mull|mulling|check|checking|circle|circling|loop|looping|weigh|weighing|sleep|revisit|revisiting|touch|follow|want|need|try|trying|digest|ponder|reflect|explore|exploring|research|researching|compare|comparing|study|studying|read|reading|go|going|come|coming|happen|have|having|do|circulate|circulating|mention|raise|float|socialize|socialise|sound|gauge|wait|waiting|hold off|chat|speak|speaking|ask|asking|confer|update|figure|work out|sort|respond|reply|take a look|take a while|take a minute|take a beat|take it|take time|take some|sit|stay|remain|continue|process|feed back|revert|return to|hope|hoping|plan|planning|leaning|lean|travel|traveling|travelling|retire|leave|leaving|run it|run this|run that|put it to|pass it|pass this)(?![\\w'-])";
const CLIENT_FUTURE = new RegExp(`(?:^|,\\s|\\band\\s)(?:${ROLE_SUBJECT})(?:\\s+,(?:\\s+${W}){1,3}\\s+,)?\\s+(?:(?:also|then|already|just|both|personally|all)\\s+)?(?:will|'ll|is going to|are going to|(?:has\\s+|have\\s+)?agreed to|is|are)\\s+(?!${ONLY_CONTINUES})(${W})`);
// A dated review or meeting of theirs with the rep in the room: "the committee reviews it Thursday with us presenting".
const WITH_US_PRESENT = /\b(?:with us|with me|we(?:'re| are| will|'ll)? (?:present|pitch|demo|attend|join)(?:ing)?|us (?:presenting|pitching|demoing|attending|in the room)|our (?:pitch|presentation|demo))\b/;
const REP_ONLY_SUBJECT = /^(?:i|we|i'll|we'll|i'm|we're)\b/;

function clientFutureAct(t: string, dated: boolean): boolean {
  const m = CLIENT_FUTURE.exec(t);
  if (!m) return dated && WITH_US_PRESENT.test(t) && !REP_ONLY_SUBJECT.test(t);
  const verb = m[1];
  // "is/are ...ing": a plan in progress counts when it is anchored (a date, us, an event or pipeline object).
  if (/\b(?:is|are)\s+\S+$/.test(m[0]) && !/\b(?:going to|agreed to)\s+\S+$/.test(m[0])) {
    return verb.endsWith('ing') && (dated || /\b(?:us|our|me|my)\b/.test(t) || OBTAINED.test(t));
  }
  return true;
}

// A client-side visit or attendance with a date: "candidate attending Discovery Day 5/3".
const clientComes = (date: string): RegExp => new RegExp(`\\b(?:attending|attends|will attend|coming (?:in|to|by|over)|visiting|touring|joining|flying in|comes in)\\b.*\\b(?:${date})\\b`);

const DATE = [
  'mon|tue|tues|wed|thu|thur|thurs|fri|sat|sun', 'monday|tuesday|wednesday|thursday|friday|saturday|sunday',
  'jan|feb|mar|apr|jun|jul|aug|sep|sept|oct|nov|dec', 'january|february|march|april|may|june|july|august|september|october|november|december',
  '\\d{1,2}/\\d{1,2}(?:/\\d{2,4})?', '\\d{1,2}(?::\\d{2})?\\s?(?:am|pm)', '\\d{1,2}:\\d{2}', '\\d{4}-\\d{2}-\\d{2}', 'tomorrow', 'the \\d{1,2}(?:st|nd|rd|th)',
].join('|');
const CLIENT_COMES = clientComes(DATE);
// A date or a near time: "on the 14th", "next week", "by end of month".
const DATED = new RegExp(`\\b(?:${DATE}|next (?:week|month)|this week|end of (?:the )?(?:week|month)|eow|eom)\\b`);
const EVENT = 'decision|answer|go/no-go|meeting|call|visit|walk|site walk|tour|walkthrough|demo|session|review|workshop|presentation|kickoff|kick-off|lunch|dinner|coffee|inspection|survey|showing|consult|consultation|onboarding|training|install';

// What the rep obtains from the client (the seed's outcomes), planned or done: "get the appointment", "3 referrals".
const OBTAINED = new RegExp([
  '\\b(?:signature|signatures|sign off)\\b', '\\bappointments?\\b',
  '\\b(?:second|next|third|another|2nd) (?:meeting|meetings|call|visit|demo|session|appointment)\\b',
  `\\b(?:meeting|call|demo|visit|session) (?:with|on|at)\\b`, '\\bmeeting (?:booked|set)\\b',
  '\\b(?:po|purchase orders?|orders?|order form|contract|contracts|agreement|loi|msa|sow|ips|bor|nda|deal)\\b',
  '\\b(?:referral|referrals|intro|introduction|introductions|introduce|introduced)\\b',
  '\\b(?:deposit|payment|pledge|retainer|pilot|trial|poc|renewal|rfq|bid|eval|agenda|listing|exclusive|offer|formulary|kickoff|kick-off|install|installation|delivery|calendar)\\b',
  '\\b(?:financial (?:information|info|statements|picture)|statements|tax returns?|w-2s?|pay stubs|financials|fact-find)\\b',
  '\\b(?:access to|added to|go/no-go|go-live|approval|sign-up|signup)\\b',
  // A dated event with the client: "Friday 2pm: site walk with the plant manager".
  `\\b(?:${DATE})\\b.*\\b(?:${EVENT})\\b|\\b(?:${EVENT})\\b.*\\b(?:${DATE})\\b`,
].join('|'));

// A continuation whatever it names: "agreed to stay in touch", "they'll review the contract".
const CONTINUES = new RegExp([
  '\\b(?:keep|stay|staying|keeping) (?:in touch|connected|in contact)\\b', '\\btouch base\\b', '\\bcircle back\\b',
  '\\bcheck (?:in|back)\\b', '\\bkeep (?:us|me) (?:posted|updated|in the loop|informed)\\b', '\\breconnect\\b', '\\bloop back\\b', '\\bnurture\\b', '\\btop of mind\\b',
  '\\bthink(?:s|ing)? (?:about|it over|on it|it through)\\b', '\\brun(?:s|ning)? (?:it|this|that|them|the \\S+) (?:by|past)\\b', '\\bmull(?:ing)?\\b', '\\bget back to\\b',
  '\\blet (?:me|us) know\\b', '\\bkeep (?:talking|the conversation)\\b',
  `\\b(?:they|she|he|they'll|she'll|he'll|they're|she's|he's|(?:they|she|he) (?:will|are|is|want to|need to))\\s+(?:${W}\\s+)?(?:review|reviewing|look|looking|read|reading|check|checking|run it|running it|discuss|discussing|consider|considering|think|thinking|talk|talking)\\b`,
  '\\b(?:open to|interested in|keen on|would consider|thinking about)\\b', '\\b(?:await|awaiting|waiting|pending)\\b',
].join('|'));

// Liking something is not agreeing to it: "they like the idea of a pilot".
const LIKES = /\b(?:like|likes|liked|love|loves|loved|enjoyed|appreciated|impressed by|impressed with|excited about|happy with)\b/;
// How a meeting went is not a commitment: "great meeting with the VP".
const FELT_EVENT = /\b(?:great|good|nice|productive|positive|excellent|awesome|fantastic|solid|quick|long|short|first|intro|initial|friendly|fun|lovely|helpful|useful)\s+(?:meeting|call|chat|conversation|demo|visit|session|lunch|coffee)(?:\s+(?:with|at|on))?/g;

const GIVEN = /^(?:(?:free|real|some|lots of|great|good)\s+)?(?:value|rapport|trust|insight|insights|education|ideas|tips|knowledge|relationship|credibility)\b/;

const OBJECTIVE_LIKE = /^(?:to\s+)?(?:understand|learn|build|develop|establish|provide|give (?:them )?(?:free )?value|inspire|educate|help (?:them|him|her)|listen|explore|discover|uncover|gather|add value|make an impact|earn (?:their )?trust|rapport|trust|free value|value|get to know|share|find out|hear|be a resource|impact)\b/;
const SENTIMENT = /\b(?:liked?|likes|loved?|loves|enjoyed|appreciated|impressed|happy|great|good|nice|positive|keen|interested|receptive|open to|excited|promising|went well|vibes|productive|warm|hot|fit|seemed|seem|seems|energy|fantastic|awesome|amazing|solid|engaged|enthusiastic|pleased|rapport|trust)\b/;
const REP_ACTION = /^(?:(?:i|we|i'll|we'll|i will|we will|i'm going to|we're going to|me|will|need to|to)\s+)?(?:sent|send|sending|email|emailed|mail|mailed|call|called|calling|follow-up|follow|followed|left|leave|drop|dropped|gave|give|present|presented|did|done|showed|show|explained|explain|walked|answered|shared|share|educated|discussed|discuss|talked|talk|had|met|reach|reached|check in|check back|checked in|touch|circle|reconnect|demo|demoed|pitched|pitch|updated|update|ping|pinged|text|texted|linkedin|connect|connected|proposal sent|quote sent|left|gave|mailed|delivered|provided|offered|asked|requested|suggested|proposed|invited|recommended)\b/;
const CONTINUATION = /\b(?:keep in touch|stay in touch|stay connected|touch base|check in|check back|circle back|reconnect|nurture|keep (?:them |it |things )?warm|top of mind|newsletter|keep talking|keep the conversation|think (?:about|it over|on it)|mull|consider|considering|get back to|let (?:me|us) know|reach out|review (?:it )?internally|discuss|talk (?:to|with|it over)|need (?:more )?time|waiting|ball is in|open door|next steps|asked (?:for|me|us)|follow-up|follow up|more info|information)\b/;

/** Judge one outcome: is it a commitment from the client, or only a continuation? */
export function judgeOutcome(text: string, vocabulary?: JudgeVocabulary): OutcomeJudgement {
  const verdict = judgeOutcomeText(text);
  const vocab = compileVocabulary(vocabulary);
  if (verdict.weak && vocab && vocab.allowed.length > 0 && findPhrases(normalise(text), vocab.allowed).length > 0) {
    return { weak: false }; // the team has said this wording is fine for them
  }
  return verdict;
}

function judgeOutcomeText(text: string): OutcomeJudgement {
  if (PLACEHOLDER.test(text) || text.trim() === '') return weak(text, 'vague');
  const n = normalise(text.length > MAX_JUDGED_LENGTH ? text.slice(0, MAX_JUDGED_LENGTH) : text);
  if (CLEAR_NO.test(n.text)) return { weak: false };
  const missed = MISSED.exec(n.text);
  // What was missed is no commitment; judge the rest ("second meeting booked, no PO yet" is strong).
  const t = missed ? n.text.replace(MISSED_ALL, (m) => ' '.repeat(m.length)) : n.text;
  const hedge = HEDGE.exec(t);
  if (hedge) return weak(text, 'vague', n, hedge.index, hedge.index + hedge[0].length);
  const continues = CONTINUES.exec(t);
  if (continues) return weak(text, 'vague', n, continues.index, continues.index + continues[0].length);
  // "Value provided", "rapport established": what the rep gave, not what the client committed to.
  if (GIVEN.test(t) && !OBTAINED.test(t)) return weak(text, 'objective-in-outcome');
  const commits = CLIENT_COMMITS.test(t) || CLIENT_DID.test(t) || CLIENT_SUBJECT_ACTS.test(t) || CLIENT_COMES.test(t) ||
    clientFutureAct(t, DATED.test(t));
  if (commits) return { weak: false };
  if (REP_ACTION.test(t)) return weak(text, 'rep-action');
  if (LIKES.test(t)) return weak(text, 'sentiment');
  if (OBTAINED.test(t.replace(FELT_EVENT, ' '))) return { weak: false };
  if (OBJECTIVE_LIKE.test(t)) return weak(text, 'objective-in-outcome');
  const cont = CONTINUATION.exec(t);
  if (cont) return weak(text, 'vague', n, cont.index, cont.index + cont[0].length);
  const feel = SENTIMENT.exec(t);
  if (feel) return weak(text, 'sentiment');
  if (missed) return weak(text, 'no-commitment', n, missed.index, missed.index + missed[0].length);
  return weak(text, 'no-commitment');
}

function weak(text: string, kind: WeakOutcomeKind, n?: NormalisedText, start?: number, end?: number): OutcomeJudgement {
  let range: { start: number; end: number };
  if (n && start !== undefined && end !== undefined) range = toOriginalRange(n, start, end);
  else {
    const lead = text.length - text.trimStart().length;
    range = { start: lead, end: Math.max(lead, text.trimEnd().length) };
  }
  const phrase = text.slice(range.start, range.end);
  return {
    weak: true,
    kind,
    phrase: { start: range.start, end: range.end, reason: outcomeReason(kind, phrase || text), suggestion: outcomeSuggestion(kind) },
  };
}
