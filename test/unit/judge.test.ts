import { test } from 'node:test';
import assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { explainObjective, explainOutcome, judgeObjective, judgeOutcome, SIGNALS } from '../../src/core/judge';
import { MAX_JUDGED_LENGTH } from '../../src/core/judge/verdict';
import { normalise } from '../../src/core/judge/normalize';
import { quote } from '../../src/core/judge/messages';
import { dataDir, loadAll, type Field } from '../judge/dataset';

const underlined = (text: string): string[] => judgeObjective(text).phrases.map((p) => text.slice(p.start, p.end));
const selfFocused = (text: string): boolean => judgeObjective(text).selfFocused;
const weak = (text: string): boolean => judgeOutcome(text).weak;

test('the seed article’s own examples get the article’s verdicts', () => {
  assert.equal(selfFocused('getting an appointment'), true);
  assert.equal(selfFocused('To inspire, impact, provide free value and build rapport and trust'), false);
  assert.equal(weak('Have them commit to your sales process and set a 2nd appointment'), false);
  assert.equal(weak('they liked it'), true);
});

test('the underline is the phrase that decides, inside the text, not the whole field', () => {
  const text = 'Understand how their front desk handles no-shows today. Then book the demo.';
  const [phrase] = judgeObjective(text).phrases;
  assert.ok(phrase, 'flagged');
  const shown = text.slice(phrase.start, phrase.end);
  assert.ok(shown.length < text.length / 2, `underline "${shown}" is most of the field`);
  assert.match(shown, /book the demo/);
  assert.doesNotMatch(shown, /^(?:the|then|and)\b/i, 'starts on a link word');
  assert.doesNotMatch(shown, /\b(?:the|their|a)$/i, 'ends on an article');
});

test('a shorthand spelled as two words (“sign-off”, “DM”) keeps the underline on the words as written', () => {
  for (const text of ['get the sign-off from Dana and the PO today', 'get the signoff from Dana and the PO today', 'book the DM and the PO today']) {
    const n = normalise(text);
    assert.equal(n.words.length, n.text.split(' ').length, n.text);
    for (const shown of underlined(text)) {
      assert.ok(text.includes(shown), shown);
      assert.doesNotMatch(shown, /\b(?:and|the)$/, `${text}: underline “${shown}” ends on a link word`);
    }
  }
});

test('the message leads with the point in under 100 characters; the why and the rewrite are separate', () => {
  const long = 'Walk them through the whole quarterly review of their portfolio allocations and then get the signed advisory agreement back before we leave';
  for (const text of ['get the appointment', long]) {
    const [p] = judgeObjective(text).phrases;
    assert.ok(p.reason.length < 100, `${p.reason.length} characters: ${p.reason}`);
    assert.ok(p.why.length > p.reason.length, 'the why says more');
    assert.match(p.suggestion, /outcome/);
  }
  const o = judgeOutcome('they liked it, great vibes, will think about it over the holidays and maybe call us in the new year');
  assert.ok(o.phrase && o.phrase.reason.length < 100, o.phrase?.reason);
});

test('quoted phrases are cut at a word boundary, never mid-word', () => {
  const q = quote('Get a signed NDA and the full set of their last three years of audited statements');
  assert.ok(q.length <= 44, q);
  assert.match(q, /…”$/);
  const words = 'Get a signed NDA and the full set of their last three years of audited statements'.split(' ');
  const shownWords = q.slice(1, -2).split(' ');
  assert.deepEqual(shownWords, words.slice(0, shownWords.length));
});

test('the suggestion keeps the client-focused words the rep wrote, and names the note’s client', () => {
  const text = 'Understand how their front desk books patients today, and get the appointment';
  const [p] = judgeObjective(text, undefined, { client: 'Birch & Sons' }).phrases;
  assert.ok(p);
  assert.match(p.suggestion, /Understand how their front desk books patients today/);
  assert.match(p.suggestion, /Birch & Sons/);
  const bare = judgeObjective('get the appointment', undefined, { client: 'Birch & Sons' }).phrases[0];
  assert.match(bare.suggestion, /Birch & Sons/);
  assert.doesNotMatch(bare.suggestion, /Acme/);
});

test('a team’s self-focused phrase wins over the model', () => {
  const text = 'understand their goals and land the logo';
  const judged = judgeObjective(text, { selfFocused: ['land the logo'] });
  assert.equal(judged.selfFocused, true);
  assert.deepEqual(judged.phrases.map((p) => text.slice(p.start, p.end)), ['land the logo']);
  assert.match(judged.phrases[0].reason, /team/);
  // Team phrases are normalised like notes: "appt" in the phrase matches "appointment".
  assert.equal(judgeObjective('understand their goals, Appointment w/ Dr. Lee', { selfFocused: ['appt w/'] }).phrases.length, 1);
});

test('a team’s allowed phrase counts for nothing, in either field', () => {
  const text = 'book the lunch-and-learn';
  assert.equal(selfFocused(text), true);
  assert.equal(judgeObjective(text, { allowed: ['book the lunch-and-learn'] }).selfFocused, false);
  assert.equal(weak('sent the deck'), true);
  assert.equal(judgeOutcome('sent the deck', { allowed: ['sent the deck'] }).weak, false);
  // An allowed phrase elsewhere in the text does not hide the rest.
  assert.equal(judgeObjective('get the signed contract today', { allowed: ['lunch-and-learn'] }).selfFocused, true);
});

test('odd team phrases are harmless', () => {
  const vocabulary = { selfFocused: ['', '   ', 'c++ (beta)', '*', 'constructor', '__proto__'], allowed: ['?'] };
  assert.equal(judgeObjective('understand their c++ (beta) rollout', vocabulary).selfFocused, true);
  assert.equal(judgeObjective('understand their goals', vocabulary).selfFocused, false);
});

test('empty and blank texts are quiet (the missing-* rules speak for them)', () => {
  assert.deepEqual(judgeObjective(''), { selfFocused: false, phrases: [] });
  assert.deepEqual(judgeObjective(' \t \n'), { selfFocused: false, phrases: [] });
  assert.deepEqual(judgeOutcome('   '), { weak: false });
});

test('a weak outcome’s kind follows the signal behind it', () => {
  assert.equal(judgeOutcome('they liked the demo').kind, 'sentiment');
  assert.equal(judgeOutcome('sent the deck').kind, 'rep-action');
  assert.equal(judgeOutcome('build rapport and trust').kind, 'objective-in-outcome');
  assert.equal(judgeOutcome('maybe a call sometime').kind, 'vague');
});

test('a commitment with no step after it is a continuation; one that names its step is not', () => {
  for (const text of ['they committed', 'They agreed.', 'Mr Li verbally committed today', 'the client agreed in principle']) {
    assert.equal(weak(text), true, text);
    assert.equal(judgeOutcome(text).kind, 'vague', text);
  }
  for (const text of ['they committed to a pilot starting March 3', 'they agreed to send the W-2s', 'order confirmed for 40 units', 'mutual action plan agreed']) {
    assert.equal(weak(text), false, text);
  }
  assert.equal(judgeOutcome('they committed', { allowed: ['they committed'] }).weak, false, 'an allowed phrase still counts for nothing');
});

test('an objective’s purpose clause decides when it shows the aim is yours, however client-sounding the step before it', () => {
  const step = 'understand how their kitchen runs on a busy night';
  assert.equal(selfFocused(step), false);
  const text = `${step} so we can position the larger unit`;
  assert.equal(selfFocused(text), true);
  const e = explainObjective(text);
  assert.equal(e.clause?.decided, true, JSON.stringify(e.clause));
  assert.equal(e.clause?.text, 'so we can position the larger unit');
  // The underline is inside the clause that decided.
  const [shown] = underlined(text);
  assert.ok(text.indexOf(shown) >= text.indexOf(' so ') + 1, shown);
  // A purpose that is the client's own stays theirs; "so much" is no purpose at all.
  assert.equal(selfFocused(`${step} so they can plan their staffing`), false);
  assert.equal(explainObjective('help Jen figure out why they go through so much paper towel').clause, undefined);
});

test('an outcome’s clause after “but” decides when it is a real step, whatever came before it', () => {
  for (const before of ['great meeting, very positive, lots of interest', 'said they would circle back after the holidays', 'not ready yet, maybe next quarter']) {
    assert.equal(weak(before), true, before);
    for (const step of ['they booked the site visit', 'he forwarded last year’s invoices']) {
      const text = `${before} but ${step}`;
      assert.equal(weak(text), false, text);
      assert.equal(explainOutcome(text).clause?.decided, true, text);
    }
  }
  // A "but" that adds no step leaves the outcome weak.
  assert.equal(weak('great meeting but nothing booked'), true);
});

test('an outcome’s part after a full stop, semicolon or dash decides when it is a real step', () => {
  for (const before of ['Great call, very positive, lots of interest', 'she loved the samples']) {
    assert.equal(weak(before), true, before);
    for (const [mark, step] of [['. ', 'They booked the site visit for the 14th.'], [' — ', 'signed the PO for 40 cases on the spot'], ['; ', 'she put the pilot on the calendar for the 3rd']]) {
      const text = `${before}${mark}${step}`;
      assert.equal(weak(text), false, text);
      const { clause } = explainOutcome(text);
      assert.equal(clause?.kind, 'part', text);
      assert.equal(clause?.decided, true, text);
      assert.equal(clause?.text, step);
    }
  }
  // A part that adds no step leaves the outcome weak, and a comma is no strong break.
  assert.equal(weak('Great call, very positive. Will circle back.'), true);
  assert.equal(explainOutcome('great call, they booked the demo').clause, undefined);
});

test('the explanation names the signals and features that decided, and they add up to the score', () => {
  const e = explainObjective("don't leave without the signed PO");
  assert.equal(e.flagged, true);
  assert.ok(e.score > e.threshold);
  assert.ok(e.signals.some((s) => s.id === 'must-get' && s.text === "don't leave without"), JSON.stringify(e.signals));
  assert.ok(e.top.length > 0 && e.top.every((t) => t.label !== ''));
  assert.deepEqual(e.phrase && "don't leave without the signed PO".slice(e.phrase.start, e.phrase.end), "don't leave without the signed PO");
  const o = explainOutcome('they signed the agreement on Dec 4');
  assert.equal(o.flagged, false);
  assert.ok(o.signals.some((s) => s.id === 'client-committed'));
  // Every signal the explanation names is one of the documented signals.
  const ids = new Set(SIGNALS.map((s) => s.id));
  for (const s of [...e.signals, ...o.signals]) assert.ok(ids.has(s.id), s.id);
});

test('every named signal is documented in docs/judge.md', () => {
  const doc = fs.readFileSync(path.join(dataDir(), '..', '..', 'docs', 'judge.md'), 'utf8');
  for (const s of SIGNALS) assert.ok(doc.includes(`\`${s.id}\``), `docs/judge.md does not name ${s.id}`);
});

test('a pasted essay is judged on its first 1,000 characters and offsets stay inside the text', () => {
  const essay = `${'They told us about the history of the practice and the new wing. '.repeat(40)}Get the signed contract.`;
  const judged = judgeObjective(essay);
  for (const p of judged.phrases) assert.ok(p.end <= MAX_JUDGED_LENGTH && p.start < p.end);
  const huge = 'x '.repeat(200_000);
  assert.equal(typeof judgeOutcome(huge).weak, 'boolean');
});

test('the judge is deterministic and its offsets point into the given text', () => {
  const text = '  Book a demo w/ their CTO ';
  const a = judgeObjective(text);
  assert.deepEqual(judgeObjective(text), a);
  assert.ok(a.phrases.length > 0);
  assert.match(text.slice(a.phrases[0].start, a.phrases[0].end), /^Book a demo/);
});

test('words that are also names inside JavaScript (“constructor”) are read as words', () => {
  assert.doesNotThrow(() => judgeObjective('constructor __proto__ toString valueOf hasOwnProperty'));
  assert.deepEqual(underlined('Walk the constructor through their permit delays, then get the appointment'), ['get the appointment']);
});

// The committed model's verdict on every labelled line, compared with test/judge/verdicts.snapshot
// (ids, no text): a change that fixes five lines and breaks five shows here as ten.
test('the shipped model’s verdicts on every labelled line match the committed snapshot', () => {
  const lines: string[] = [];
  for (const field of ['objectives', 'outcomes'] as const satisfies readonly Field[]) {
    for (const item of loadAll(field)) {
      const flagged = field === 'objectives' ? selfFocused(item.text) : weak(item.text);
      lines.push(`${item.id} ${item.positive ? 'flag' : 'pass'} ${flagged ? 'flag' : 'pass'}`);
    }
  }
  const file = path.join(dataDir(), 'verdicts.snapshot');
  const committed = fs.readFileSync(file, 'utf8').split('\n').filter((l) => l !== '' && !l.startsWith('#'));
  const before = new Map(committed.map((l) => [l.split(' ')[0], l]));
  const changed = lines.filter((l) => before.get(l.split(' ')[0]) !== l);
  assert.deepEqual(changed, [], `verdicts changed (npm run train writes the file):\n${changed.slice(0, 30).join('\n')}`);
  assert.equal(committed.length, lines.length, 'the snapshot has lines for items that are gone');
  // Thresholds on the training fit: a model that no longer learns its own data is broken.
  for (const field of ['objectives', 'outcomes']) {
    const mine = lines.filter((l) => l.includes(`.${field}`));
    const right = mine.filter((l) => { const [, want, got] = l.split(' '); return want === got; }).length;
    assert.ok(right / mine.length >= 0.97, `${field}: ${right} of ${mine.length} right`);
  }
});
