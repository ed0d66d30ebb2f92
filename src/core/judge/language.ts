/**
 * Is a field written in another language than English? The judge was trained on English only: a
 * field in Spanish or German would get a verdict it cannot back, so it is not judged and the rep
 * is told so once (`unjudged-language`). Decided by the commonest short words of each language,
 * which a sentence of a few words already uses, and by the script for non-Latin writing.
 */
import { isAscii } from './normalize';

// The commonest function words of each language that are not also common English words.
const FUNCTION_WORDS: Readonly<Record<string, readonly string[]>> = {
  English: ['the', 'and', 'to', 'of', 'for', 'with', 'on', 'their', 'they', 'we', 'our', 'is', 'are', 'will', 'be', 'by', 'at',
    'get', 'how', 'what', 'them', 'from', 'this', 'that', 'next', 'meeting', 'call', 'it', 'an', 'about', 'sent', 'set', 'week',
    'understand', 'learn', 'help', 'share', 'goals', 'agreed', 'signed', 'send', 'book', 'their', 'who', 'why', 'so', 'can', 'if',
    'ask', 'give', 'build', 'trust', 'follow', 'up', 'new', 'by', 'team', 'plan', 'family', 'owner', 'office', 'he', 'she', 'his', 'her'],
  Spanish: ['el', 'la', 'los', 'las', 'del', 'que', 'y', 'en', 'con', 'para', 'por', 'una', 'un', 'sus', 'su', 'se', 'es', 'al',
    'lo', 'reunión', 'cita', 'cliente', 'acordaron', 'sobre', 'como', 'cómo', 'qué', 'más', 'pero', 'nos', 'le', 'les', 'de',
    'entender', 'sus', 'próxima', 'segunda', 'llamada', 'propuesta', 'firmar', 'nuestra', 'nuestro'],
  French: ['le', 'les', 'des', 'du', 'et', 'avec', 'pour', 'une', 'est', 'sur', 'au', 'aux', 'nous', 'ils', 'leur', 'leurs',
    'rendez-vous', 'réunion', 'ce', 'cette', 'qui', 'que', 'pas', 'dans', 'de', 'la', 'deux', 'comment', 'ils', 'elles',
    'mais', 'notre', 'nos', 'vos', 'très', 'ou', 'comprendre', 'besoins', 'prochain', 'prochaine', 'signer'],
  German: ['der', 'die', 'das', 'und', 'mit', 'für', 'ein', 'eine', 'zu', 'den', 'dem', 'ist', 'wir', 'sie', 'ihr', 'ihre', 'auf',
    'im', 'am', 'termin', 'termine', 'nicht', 'von', 'bis', 'zum', 'zur', 'auch', 'sich', 'wie', 'was', 'unser', 'unsere',
    'ihnen', 'oder', 'aber', 'nach', 'über', 'dass', 'kunden', 'verstehen', 'nächste', 'nächsten', 'zweiten'],
  Portuguese: ['o', 'os', 'as', 'do', 'da', 'dos', 'das', 'e', 'em', 'com', 'para', 'um', 'uma', 'não', 'reunião', 'seu', 'sua',
    'seus', 'suas', 'nos', 'ao', 'que', 'de'],
  Italian: ['il', 'gli', 'di', 'e', 'con', 'per', 'un', 'una', 'che', 'non', 'incontro', 'della', 'delle', 'dei', 'nel', 'sono',
    'loro', 'alla'],
  Dutch: ['de', 'het', 'een', 'en', 'met', 'voor', 'van', 'op', 'ze', 'wij', 'hun', 'afspraak', 'niet', 'naar', 'zijn', 'ook'],
};

const LANGUAGES = Object.keys(FUNCTION_WORDS);
const ENGLISH = LANGUAGES.indexOf('English');
/** Each function word's languages, as indexes into LANGUAGES. */
const LANGUAGE_OF = new Map<string, number[]>();
LANGUAGES.forEach((language, index) => {
  // A word listed twice counts twice, as it always has.
  for (const word of FUNCTION_WORDS[language]) (LANGUAGE_OF.get(word) ?? LANGUAGE_OF.set(word, []).get(word)!).push(index);
});

// What separates words: anything but a letter, an apostrophe or a hyphen; in ASCII text a letter is [a-z] (after lower-casing), much cheaper to find.
const NON_LETTERS = /[^\p{L}'-]+/u;
const ASCII_NON_LETTERS = /[^a-z'-]+/;
// Scratch counts per language, reset by each call (judging never nests).
const counts = new Int32Array(LANGUAGES.length);
const firstSeen = new Int32Array(LANGUAGES.length);

const SCRIPTS: ReadonlyArray<[RegExp, string]> = [
  [/\p{Script=Cyrillic}/u, 'Cyrillic script'], [/\p{Script=Greek}/u, 'Greek'], [/\p{Script=Arabic}/u, 'Arabic'],
  [/\p{Script=Hebrew}/u, 'Hebrew'], [/\p{Script=Han}/u, 'Chinese or Japanese'], [/[\p{Script=Hiragana}\p{Script=Katakana}]/u, 'Japanese'],
  [/\p{Script=Hangul}/u, 'Korean'], [/\p{Script=Thai}/u, 'Thai'], [/\p{Script=Devanagari}/u, 'Hindi'],
];

function mostlyNonLatin(text: string): boolean {
  const letters = text.match(/\p{L}/gu)?.length ?? 0;
  const latin = text.match(/\p{Script=Latin}/gu)?.length ?? 0;
  return letters >= 4 && latin / letters < 0.5;
}

/**
 * The language a field is written in when it is clearly not English, or undefined. Needs at
 * least three words; a few foreign names or a quoted phrase in an English sentence do not count.
 */
export function foreignLanguage(text: string): string | undefined {
  const sample = text.length > 1000 ? text.slice(0, 1000) : text;
  if (!isAscii(sample) && mostlyNonLatin(sample)) {
    for (const [re, name] of SCRIPTS) if (re.test(sample)) return name;
    return 'another script';
  }
  const lower = sample.toLowerCase();
  const words = lower.split(isAscii(lower) ? ASCII_NON_LETTERS : NON_LETTERS);
  let wordCount = 0;
  let seen = 0;
  counts.fill(0);
  for (const w of words) {
    if (w === '') continue;
    wordCount++;
    const languages = LANGUAGE_OF.get(w);
    if (languages === undefined) continue;
    for (const language of languages) if (counts[language]++ === 0) firstSeen[language] = seen++;
  }
  if (wordCount < 3) return undefined;
  const english = counts[ENGLISH];
  // The language with the most words; of equals, the one met first in the text.
  let best: string | undefined;
  let bestCount = 0;
  let bestSeen = 0;
  for (let language = 0; language < LANGUAGES.length; language++) {
    const count = counts[language];
    if (language === ENGLISH || count === 0) continue;
    if (count > bestCount || (count === bestCount && firstSeen[language] < bestSeen)) { best = LANGUAGES[language]; bestCount = count; bestSeen = firstSeen[language]; }
  }
  // Clearly another language: three of its words and twice English's, or, with no English word,
  // a third of the text ("Casa de la Luz" inside an English sentence is a name, not Spanish).
  if (best && bestCount >= 3 && bestCount >= 2 * english) return best;
  if (best && bestCount >= 2 && english === 0 && bestCount * 3 >= wordCount) return best;
  return undefined;
}
