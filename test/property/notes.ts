import fc from 'fast-check';

/** Values a rep might write for a field: client-focused, self-focused, weak, empty, placeholders, quoted. */
const OBJECTIVES = [
  'Understand how their front desk books patients today',
  'get the appointment',
  'Book the next meeting with the CFO',
  'close the deal this week',
  'Inspire them, build rapport and trust',
  'help them see why they need us so we can sign the contract',
  '"get the appointment"',
  "'secure the order'",
  'Share two ideas the prospect can use',
  '',
  '~',
  'TBD',
  '<write it>',
];
const OUTCOMES = [
  'They commit to a second meeting on Dec 4',
  'they liked it',
  'follow up next week',
  'Understand their goals',
  'Share our case study',
  'Build rapport and keep in touch',
  'They send the last three statements by Friday',
  '',
  'null',
  '"They agree to a trial"',
];
const OTHER_KEYS = ['client: Acme Dental', 'date: 2026-11-27', 'type: first-meeting', 'next_step: send the summary', 'tags: [sales, q4]', 'Client: Fabrikam', 'prospect-name: Jo'];
const BODY_LINES = [
  '# Notes',
  '',
  '- the prospect asked about pricing',
  'Prospects like this need time.',
  'PROSPECT list is at https://example.com/prospect',
  'Email prospect@example.com',
  '```',
  'prospect = 1',
  '```',
  '---',
  'Plain text with no wording issue.',
  'See [the prospect sheet](prospects.md) and `prospect` in code.',
];

/** Block scalar headers: every style and chomping, with and without a comment. */
export const BLOCK_HEADERS = ['|', '|-', '|+', '>', '>-', '>+', '|2', '| # why', '>- # note'];
/** Anchors and tags on a value, with and without a comment after them. */
const PROPERTIES = ['&a', '!!str', '&b !!str', '&c # fill in', '!!str # fill in'];

function field(key: string, values: readonly string[]): fc.Arbitrary<string[]> {
  const written = values.filter((value) => value !== '' && !value.startsWith('<') && !/^["'~]/.test(value) && value !== 'TBD' && value !== 'null');
  return fc.oneof(
    fc.constantFrom(...values).map((value) => [`${key}:${value === '' ? '' : ` ${value}`}`]),
    fc.array(fc.constantFrom(...values.filter((value) => value !== '' && !value.startsWith('<'))), { minLength: 1, maxLength: 3 }).map((items) => [`${key}:`, ...items.map((item) => `  - ${item}`)]),
    // A block scalar, its words over one or two lines.
    fc.tuple(fc.constantFrom(...BLOCK_HEADERS), fc.constantFrom(...written), fc.boolean()).map(([header, value, split]) => {
      const words = value.split(' ');
      const half = Math.ceil(words.length / 2);
      const lines = split && words.length > 1 ? [words.slice(0, half).join(' '), words.slice(half).join(' ')] : [value];
      return [`${key}: ${header}`, ...lines.map((line) => `  ${line}`)];
    }),
    // An anchor or a tag before the value, or alone on an empty one.
    fc.tuple(fc.constantFrom(...PROPERTIES), fc.constantFrom('', ...written)).map(([properties, value]) => {
      const [props, comment] = properties.split(' # ');
      return [`${key}: ${props}${value === '' ? '' : ` ${value}`}${comment ? ` # ${comment}` : ''}`];
    }),
  );
}

/** A whole note as text: optional BOM, LF or CRLF, front matter in many styles or none, a body. */
export const noteArbitrary: fc.Arbitrary<string> = fc
  .record({
    bom: fc.boolean(),
    eol: fc.constantFrom('\n', '\r\n'),
    hasFrontMatter: fc.double({ min: 0, max: 1, noNaN: true }).map((x) => x < 0.85),
    indent: fc.constantFrom('', '', '', '  '),
    objectiveKey: fc.constantFrom('objective', 'Objective', 'OBJECTIVE', '"objective"', null, null),
    outcomeKey: fc.constantFrom('outcome', 'Outcome', null, null),
    objective: fc.constantFrom(...OBJECTIVES),
    others: fc.array(fc.constantFrom(...OTHER_KEYS), { maxLength: 3 }),
    comments: fc.array(fc.constantFrom('# a comment', '# objective-outcome-disable weak-outcome', '#objective-outcome-disable prospect-wording, weak-outcome', ''), { maxLength: 2 }),
    order: fc.array(fc.nat(), { minLength: 8, maxLength: 8 }),
    body: fc.array(fc.constantFrom(...BODY_LINES), { maxLength: 6 }),
    finalEol: fc.boolean(),
    endMarker: fc.double({ min: 0, max: 1, noNaN: true }).map((x) => x < 0.1),
    seedObjective: fc.nat(),
  })
  .chain((parts) =>
    fc.tuple(
      parts.objectiveKey ? field(parts.objectiveKey, OBJECTIVES) : fc.constant<string[]>([]),
      parts.outcomeKey ? field(parts.outcomeKey, OUTCOMES) : fc.constant<string[]>([]),
    ).map(([objectiveLines, outcomeLines]) => {
      const blocks: string[][] = [objectiveLines, outcomeLines, ...parts.others.map((line) => [line]), ...parts.comments.map((line) => [line])].filter((block) => block.length > 0);
      // Shuffle the blocks deterministically from the generated order.
      const ordered = blocks.map((block, index) => ({ block, rank: parts.order[index % parts.order.length] + index / 100 })).sort((a, b) => a.rank - b.rank).map((entry) => entry.block);
      const lines: string[] = [];
      if (parts.hasFrontMatter) {
        lines.push('---');
        for (const block of ordered) for (const line of block) lines.push(line.startsWith('#') || line === '' ? line : parts.indent + line);
        // The YAML document end marker, which a fix must not add keys after.
        if (parts.endMarker) lines.push('...');
        lines.push('---');
      }
      lines.push(...parts.body);
      const text = lines.join(parts.eol) + (parts.finalEol ? parts.eol : '');
      return (parts.bom ? '\ufeff' : '') + text;
    }),
  );
