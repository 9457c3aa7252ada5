/**
 * The rows of /redaktion/fakten/: every fact of the comparison, read from the content files as they are now
 * (unpublished saves included), ordered by need – unconfirmed or never checked first, then the oldest check.
 */
import { parse } from 'yaml';
import { CRITERION_IDS, criterion as criterionOf, type CriterionId } from '../messengers/criteria';
import { RECHECK_MONTHS } from '../messengers/model';
import { messengerSchema, type SourceData } from '../messengers/schema';
import { isoDay } from '../posts/format';
import { isOpen, type Dispute } from './facts-disputes';
import { factVersions } from './facts-recheck';

export interface FactRow {
  messengerId: string;
  messengerName: string;
  criterion: CriterionId;
  criterionLabel: string;
  value: string;
  levelLabel: string;
  source: { key: string; title: string; url?: string | undefined };
  quote?: string | undefined;
  quoteLang?: string | undefined;
  gloss?: string | undefined;
  /** YYYY-MM-DD of the last check, if any. */
  checked?: string | undefined;
  checkedBy?: string | undefined;
  /** Shown "bestätigt" on the site: verified with a quote. */
  confirmed: boolean;
  /** Never checked, or checked more than RECHECK_MONTHS ago. */
  stale: boolean;
  /** factVersion() of the fact now: sent back with a button, so a change made meanwhile is noticed. */
  version: string;
  /** Open "Stimmt nicht mehr" notes on this fact. */
  disputes: Dispute[];
}

export interface FactsListInput {
  messengers: ReadonlyArray<{ id: string; text: string }>;
  sources: Readonly<Record<string, SourceData>>;
  disputes: readonly Dispute[];
  now: Date;
}

export interface FactsFilter {
  messenger?: string | undefined;
  criterion?: string | undefined;
  staleOnly?: boolean | undefined;
}

const CRITERION_ORDER = new Map(CRITERION_IDS.map((id, i) => [id, i]));

function staleLimit(now: Date): string {
  const limit = new Date(now);
  limit.setUTCMonth(limit.getUTCMonth() - RECHECK_MONTHS);
  return isoDay(limit);
}

/** Unconfirmed (or never checked) first, then the oldest check; ties by messenger name and criterion order. */
export function byNeed(a: FactRow, b: FactRow): number {
  const rank = (r: FactRow) => (r.confirmed && r.checked ? 1 : 0);
  return (
    rank(a) - rank(b) ||
    (a.checked ?? '').localeCompare(b.checked ?? '') ||
    a.messengerName.localeCompare(b.messengerName, 'de') ||
    CRITERION_ORDER.get(a.criterion)! - CRITERION_ORDER.get(b.criterion)!
  );
}

function rowsOf(messengerId: string, text: string, input: FactsListInput, limit: string): FactRow[] | undefined {
  let raw: unknown;
  try {
    raw = parse(text);
  } catch {
    return undefined;
  }
  const parsed = messengerSchema.safeParse(raw);
  if (!parsed.success) return undefined;
  const versions = factVersions(text);
  return CRITERION_IDS.map((id) => {
    const c = criterionOf(id);
    const fact = parsed.data.facts[c.id]!;
    const source = input.sources[fact.source];
    const checked = fact.checked ? isoDay(fact.checked) : source?.checked ? isoDay(source.checked) : undefined;
    const version = versions[id] ?? '';
    return {
      messengerId,
      messengerName: parsed.data.name,
      criterion: id,
      criterionLabel: c.label,
      value: fact.value,
      levelLabel: c.levels[fact.level]?.label ?? fact.level,
      source: { key: fact.source, title: source?.title ?? fact.source, url: source?.url },
      quote: fact.quote,
      quoteLang: fact.quote ? (fact.quoteLang ?? 'de') : undefined,
      gloss: fact.gloss,
      checked,
      checkedBy: fact.checkedBy,
      confirmed: fact.verified && Boolean(fact.quote),
      stale: !checked || checked < limit,
      version,
      disputes: input.disputes.filter((d) => d.messenger === messengerId && d.criterion === id && isOpen(d, version)),
    };
  });
}

/** All rows in order of need, and the messenger files that could not be read. */
export function factsList(input: FactsListInput): { rows: FactRow[]; unreadable: string[] } {
  const limit = staleLimit(input.now);
  const rows: FactRow[] = [];
  const unreadable: string[] = [];
  for (const { id, text } of input.messengers) {
    const own = rowsOf(id, text, input, limit);
    if (own) rows.push(...own);
    else unreadable.push(id);
  }
  return { rows: rows.sort(byNeed), unreadable };
}

export function filterRows(rows: readonly FactRow[], filter: FactsFilter): FactRow[] {
  return rows.filter(
    (r) =>
      (!filter.messenger || r.messengerId === filter.messenger) &&
      (!filter.criterion || r.criterion === filter.criterion) &&
      (!filter.staleOnly || r.stale),
  );
}
