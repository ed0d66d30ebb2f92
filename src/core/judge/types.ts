/** A phrase inside a field's text that makes the field fail its judgement. */
export interface FlaggedPhrase {
  /** Offset of the phrase in the judged text (0-based, UTF-16 code units). */
  start: number;
  /** Offset just past the phrase in the judged text. */
  end: number;
  /** Plain-words reason a rep understands, e.g. '"get the appointment" is something you get: that is an outcome.' */
  reason: string;
  /** What to write instead, drawn from the text's own words where possible. */
  suggestion: string;
  /** The longer why, for the hover. */
  why: string;
  /** The named signal behind the verdict (signals.ts), when one decided. */
  signal?: string;
}

/** What the judge may know of the note beyond the field: used for the words of a suggestion. */
export interface JudgeContext {
  /** The note's `client` field. */
  client?: string;
}

/** The verdict on one objective (one string: a list is judged item by item by the caller). */
export interface ObjectiveJudgement {
  selfFocused: boolean;
  /** Empty when not self-focused; otherwise at least one phrase. */
  phrases: FlaggedPhrase[];
}

/** Why an outcome is weak: a continuation rather than a commitment from the client. */
export type WeakOutcomeKind = 'sentiment' | 'rep-action' | 'vague' | 'objective-in-outcome' | 'no-commitment';

/** The verdict on one outcome (one string). */
export interface OutcomeJudgement {
  weak: boolean;
  kind?: WeakOutcomeKind;
  /** Set when weak: the phrase that makes it weak (or the whole text). */
  phrase?: FlaggedPhrase;
}

/** A team's own vocabulary, from `.objective-outcome.yaml` (`phrases.selfFocused`, `phrases.allowed`). */
export interface JudgeVocabulary {
  /** Extra phrases that make an objective self-focused (case-insensitive, whole words). */
  selfFocused?: readonly string[];
  /** Phrases that never make an objective self-focused (they win over every rule). */
  allowed?: readonly string[];
}
