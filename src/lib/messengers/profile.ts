/**
 * The comparison at a glance: one symbol per fact (colour plus a mark, never colour alone) and
 * what a messenger suits according to the decision aid's rules. Pure: the overview matrix, the
 * profile strip on messenger pages and the decision aid's ranking all read from here.
 */
import { DEFAULT_ANSWERS, recommend, type Answers } from './advice';
import { criterion, NEUTRAL_CRITERIA, type CriterionId } from './criteria';
import type { Fact, Messenger } from './model';

/** good / so-so / bad for data protection; neutral where the criterion is not about data protection. */
export type Tone = 'good' | 'fair' | 'bad' | 'neutral';

export interface Mark {
  tone: Tone;
  /** One or two characters; the level's word is the accessible text beside it. */
  symbol: string;
}

const SCORED: Record<number, Mark> = {
  2: { tone: 'good', symbol: '✓' },
  1: { tone: 'fair', symbol: '~' },
  0: { tone: 'bad', symbol: '✗' },
};

export function markOf(fact: Pick<Fact, 'criterion' | 'level' | 'score'>): Mark {
  if (fact.score !== null) return SCORED[fact.score] ?? { tone: 'neutral', symbol: '?' };
  // Criteria that are no data-protection question declare their grey marks on their levels (criteria.ts).
  return { tone: 'neutral', symbol: criterion(fact.criterion).levels[fact.level]?.symbol ?? '·' };
}

/** The neutral marks of one criterion, for the legend. */
export function neutralMarks(id: CriterionId): Array<{ level: string; symbol: string }> {
  return Object.entries(criterion(id).levels).flatMap(([level, l]) => (l.symbol ? [{ level, symbol: l.symbol }] : []));
}

export { NEUTRAL_CRITERIA };

export type Purpose = 'team' | 'kunden';

/**
 * What a messenger suits by the decision aid's rules and default answers (private phones in use,
 * AVV required, small budget): once for the team, once for customer contact, where customers
 * reach the business with the app they already have.
 */
export function suitableFor(messenger: Messenger, base: Answers = DEFAULT_ANSWERS): Purpose[] {
  return (['team', 'kunden'] as const).filter(
    (use) => recommend([messenger], { ...base, use, ohneNeueApp: use === 'kunden' })[0]!.suitable,
  );
}
