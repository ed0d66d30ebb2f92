/**
 * The judge: decides whether an objective is self-focused (an outcome in disguise) and whether
 * an outcome is weak (a continuation, not a commitment from the client). Pure and deterministic;
 * no I/O, runs in Node and in a browser. See docs/judge.md.
 */
export type {
  FlaggedPhrase, ObjectiveJudgement, OutcomeJudgement, WeakOutcomeKind, JudgeVocabulary, JudgeContext,
} from './types';
export type { Explanation, SignalShare } from './verdict';
export { judgeObjective, explainObjective } from './objective';
export { judgeOutcome, explainOutcome } from './outcome';
export { SIGNALS, type Signal } from './signals';
