import { test } from 'node:test';
import assert from 'node:assert/strict';
import { judgeObjective, judgeOutcome } from '../../src/core/judge';
import { loadItems, scores, TARGETS, type Field } from '../judge/dataset';

const underlined = (text: string): string[] => judgeObjective(text).phrases.map((p) => text.slice(p.start, p.end));
const selfFocused = (text: string): boolean => judgeObjective(text).selfFocused;
const weak = (text: string): boolean => judgeOutcome(text).weak;

test('an objective that only asks for the appointment is self-focused', () => {
  assert.equal(selfFocused('get the appointment'), true);
  assert.equal(selfFocused('Get appt for next week'), true);
  assert.equal(selfFocused('2nd appt'), true);
});

test('the underline covers “get the appointment”, not the whole objective', () => {
  const text = 'Understand how they book patients today, and get the appointment';
  assert.deepEqual(underlined(text), ['get the appointment']);
  const [p] = judgeObjective(text).phrases;
  assert.equal(p.reason, '“get the appointment” is something you get: that is an outcome.');
  assert.match(p.suggestion, /“Understand how they book patients today”/);
  assert.match(p.suggestion, /put “get the appointment” in the outcome/);
});

test('a purpose clause reveals the real aim and is what gets underlined', () => {
  assert.deepEqual(underlined('learn their budget so we can close'), ['so we can close']);
  assert.equal(selfFocused('provide value so they book a second meeting'), true);
});

test('asking the client to sign, buy or commit is self-focused', () => {
  for (const text of ['have them sign the MSA', 'get the surgeon to trial our stapler', 'make sure they sign the advisory agreement', 'get them to commit to a pilot']) {
    assert.equal(selfFocused(text), true, text);
  }
});

test('persuasion dressed as help is self-focused', () => {
  for (const text of ['give them the chance to buy today', 'help her champion our proposal to her boss', 'Help them see why they need us']) {
    assert.equal(selfFocused(text), true, text);
  }
});

test('selling verbs and the rep’s pipeline are self-focused', () => {
  for (const text of ['book the demo', 'qualify them', 'upsell to the premium tier', 'secure the listing', 'get referrals', 'pitch the platform', 'close the deal before Q4']) {
    assert.equal(selfFocused(text), true, text);
  }
});

test('“don’t leave without the PO” is self-focused even though it is negated', () => {
  assert.deepEqual(underlined("don't leave without the PO"), ["don't leave without the PO"]);
});

test('first person about the client is not self-focused', () => {
  assert.equal(selfFocused('I want to understand what worries their CFO'), false);
  assert.equal(selfFocused('We want to understand their supply chain pain'), false);
});

test('negation keeps “not to pitch, just listen” client-focused', () => {
  for (const text of ['not to pitch, just listen', 'no selling - just listen and learn about their business', 'listen without pushing']) {
    assert.equal(selfFocused(text), false, text);
  }
});

test('innocent sales words are not self-focused', () => {
  for (const text of ['help them close their books faster', 'get to know the new VP', 'get a feel for their priorities', 'help them close the gap in their coverage', 'understand how they schedule appointments', 'help them book more patients']) {
    assert.equal(selfFocused(text), false, text);
  }
});

test('the product offered as help for their stated problem is not self-focused', () => {
  assert.equal(selfFocused('show how our scheduling module could cut their no-shows'), false);
});

test('a team’s self-focused phrase makes an objective self-focused', () => {
  const vocabulary = { selfFocused: ['land the logo', 'get appt'] };
  const text = 'understand their goals and land the logo';
  assert.equal(judgeObjective(text).selfFocused, false);
  const judged = judgeObjective(text, vocabulary);
  assert.deepEqual(judged.phrases.map((p) => text.slice(p.start, p.end)), ['land the logo']);
  assert.match(judged.phrases[0].reason, /your team/);
  // Team phrases are normalised like notes: "appt" in the phrase matches "appointment".
  assert.equal(judgeObjective('Get the Appointment', { selfFocused: ['get appt'] }).phrases.length, 1);
});

test('a team’s allowed phrase silences a match', () => {
  const text = 'book the lunch-and-learn for their nurses';
  assert.equal(selfFocused(text), true);
  assert.equal(judgeObjective(text, { allowed: ['lunch-and-learn'] }).selfFocused, false);
  assert.equal(weak('pending legal review'), true);
  assert.equal(judgeOutcome('pending legal review', { allowed: ['pending legal review'] }).weak, false);
});

test('odd team phrases are harmless', () => {
  const vocabulary = { selfFocused: ['', '   ', 'c++ (beta)', '*'], allowed: ['?'] };
  assert.equal(judgeObjective('understand their c++ (beta) rollout', vocabulary).selfFocused, true);
  assert.equal(judgeObjective('understand their goals', vocabulary).selfFocused, false);
});

test('an empty or placeholder outcome is weak and an empty objective is quiet', () => {
  assert.equal(judgeOutcome('').weak, true);
  assert.equal(judgeOutcome('TBD').kind, 'vague');
  assert.deepEqual(judgeObjective(''), { selfFocused: false, phrases: [] });
});

test('sentiment, rep-only actions and vague timing are weak outcomes', () => {
  for (const text of ['they liked it', 'great meeting', 'sent the deck', "I'll follow up next week", 'f/u next wk', 'TBD', 'keep in touch', "they'll think about it", 'build rapport']) {
    assert.equal(weak(text), true, text);
  }
  assert.equal(judgeOutcome('they liked the demo').kind, 'sentiment');
  assert.equal(judgeOutcome('sent the deck').kind, 'rep-action');
  assert.equal(judgeOutcome('build rapport').kind, 'objective-in-outcome');
});

test('a specific client action, dated or not, is a real outcome', () => {
  for (const text of ['they sign the SOW', 'second meeting Dec 4 with the office manager', 'sends last 3 statements by Friday', 'agreed to a 30-day pilot', 'intro to the CFO', 'client books the follow-up']) {
    assert.equal(weak(text), false, text);
  }
});

test('a clear no is a real outcome', () => {
  assert.equal(weak('they said no'), false);
  assert.equal(weak('closed-lost: went with competitor'), false);
});

test('a hedge keeps an outcome weak even when it names a meeting', () => {
  assert.equal(weak('hopefully a second meeting'), true);
  assert.equal(weak('next meeting sometime'), true);
});

test('a note of several sentences is judged on its aim: context sentences are neutral', () => {
  assert.deepEqual(underlined('Understand how their front desk handles no-shows today. Then book the demo.'), ['book the demo']);
  assert.equal(selfFocused('Understand how their front desk handles no-shows today. She mentioned Q3 budget is tight.'), false);
  assert.equal(selfFocused('Objective for today: learn about their expansion — they opened two sites in March'), false);
});

test('a purpose clause whose subject is the rep reveals the aim; one for the client does not', () => {
  for (const text of ['get them to give us their usage data so we can quote the bigger tier', 'obtain the parent list so we can market the camp', 'get the member directory for our prospecting']) {
    assert.equal(selfFocused(text), true, text);
  }
  assert.equal(selfFocused('share the new safety data so the clinic can update their protocols'), false);
  assert.equal(selfFocused('help them build a contact list for their own outreach'), false);
});

test('renewal at a better price, positioning and going around people are self-focused', () => {
  for (const text of ['renew the contract at the new rate', 'become their preferred supplier', 'get shortlisted', 'go over the buyer’s head to the VP', 'bring home the renewal', 'get our foot in the door with purchasing']) {
    assert.equal(selfFocused(text), true, text);
  }
  for (const text of ['help them renew their certification on time', 'help them become the vendor of choice for their own customers', 'help them win back lapsed members']) {
    assert.equal(selfFocused(text), false, text);
  }
});

test('what the client did is a real outcome, written with or without a subject', () => {
  for (const text of ['Dealer ordered 4 units', 'office mgr shared patient counts, quote going out Mon', 'invited us to tender, submission due 4/2', 'customer will move all lines over on the 1st']) {
    assert.equal(weak(text), false, text);
  }
  for (const text of ['provided pricing', 'hoping to make the shortlist', 'buyer will keep us posted']) {
    assert.equal(weak(text), true, text);
  }
});

test('converting the client, growing the rep\'s numbers, choosing our bid and recruiting for our client are self-focused', () => {
  for (const text of ['turn this trial into a paying customer', 'move them from freemium to paid', 'get them to increase their order to 5,000 units', 'have them add 20 more lines', 'ensure they choose our bid', 'make sure our bid wins', 'recruit her as a candidate for our client\'s CFO role', 'get him to apply for the role we\'re filling', 'submit two candidates to the hiring manager by Friday']) {
    assert.equal(selfFocused(text), true, text);
  }
  for (const text of ['help them turn more site visitors into paying customers', 'understand why their order volume dropped this year', 'help them choose the right plan for their team', 'make sure they choose the coverage that fits their risks', 'understand how they recruit nurses', 'learn how they submit candidates to hiring managers']) {
    assert.equal(selfFocused(text), false, text);
  }
});

test('a client-side role or body committing to a concrete future act is an advance; thinking it over is not', () => {
  for (const text of ['the head of operations will meet us on Tuesday', 'the board will vote on our proposal on March 12', 'their CTO will join the next call on the 14th', 'Dr. Patel will present our device to the value analysis committee on 6/3', 'the committee reviews it Thursday with us presenting at 10', 'Maria (ops lead) will pull the usage data and send it Monday']) {
    assert.equal(weak(text), false, text);
  }
  for (const text of ['the board wants to think it over', 'the CFO will get back to us', 'the head of IT will take a look', 'the committee is reviewing it', 'the owner will run it by his partners', 'their team will evaluate options']) {
    assert.equal(weak(text), true, text);
  }
});

test('the judge is deterministic and its offsets point into the given text', () => {
  const text = '  Book a demo w/ their CTO ';
  const a = judgeObjective(text);
  assert.deepEqual(judgeObjective(text), a);
  assert.equal(text.slice(a.phrases[0].start, a.phrases[0].end), 'Book a demo');
});

for (const field of ['objectives', 'outcomes'] as const satisfies readonly Field[]) {
  test(`the dev set's ${field} meet the precision and recall targets`, () => {
    const c = { tp: 0, fp: 0, fn: 0, tn: 0 };
    for (const item of loadItems(field, 'dev')) {
      const flagged = field === 'objectives' ? judgeObjective(item.text).selfFocused : judgeOutcome(item.text).weak;
      if (flagged) { if (item.positive) c.tp++; else c.fp++; } else if (item.positive) c.fn++; else c.tn++;
    }
    const s = scores(c);
    assert.ok(s.precision >= TARGETS[field].precision, `precision ${s.precision.toFixed(3)}`);
    assert.ok(s.recall >= TARGETS[field].recall, `recall ${s.recall.toFixed(3)}`);
  });
}

test('words that are also names inside JavaScript (“constructor”) are read as words, so the underline stays on the phrase', () => {
  assert.deepEqual(underlined('Walk the constructor through their permit delays, then get the appointment'), ['get the appointment']);
  assert.deepEqual(underlined('Ask the valueOf toString crowd nothing; get the appointment'), ['get the appointment']);
});
