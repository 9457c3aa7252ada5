import { CRITERIA, CRITERION_IDS, criterion, FILTERS, type FeatureId, type CriterionId, type FilterId } from './criteria';
import type { MessengerData, SourceData } from './schema';
import { RECHECK_MONTHS } from './limits';

export { RECHECK_MONTHS } from './limits';

export interface Source extends SourceData {
  key: string;
}

export interface Fact {
  criterion: CriterionId;
  value: string;
  level: string;
  levelLabel: string;
  /** 2 good … 0 bad for data protection; null where the criterion is not about data protection. */
  score: number | null;
  /** Shown as "bestätigt" only with evidence: a quote read at the source on `checked`. */
  verified: boolean;
  note?: string | undefined;
  source: Source;
  /** The source's own words supporting the fact (≤ QUOTE_MAX characters), in `quoteLang`. */
  quote?: string | undefined;
  quoteLang?: string | undefined;
  /** German gloss of a quote that is not German. */
  gloss?: string | undefined;
  /** The day the quote was read at the source: the fact's own `checked`, else the source's; absent = never checked. */
  checked?: Date | undefined;
  /** Who read it: an editor's name or "Redaktion". */
  checkedBy?: string | undefined;
  features?: FeatureId[];
}

export interface Messenger {
  id: string;
  name: string;
  aliases: string[];
  category: string;
  summary: string;
  assessment: string;
  facts: Record<CriterionId, Fact>;
  /** Share of the reachable data-protection points, 0–100. */
  privacyScore: number;
  flags: FilterId[];
}

export class MessengerDataError extends Error {}

/** Resolves source keys and derives scores; an unknown source key names file and field. */
export function buildMessenger(id: string, data: MessengerData, sources: Readonly<Record<string, SourceData>>): Messenger {
  const facts = {} as Record<CriterionId, Fact>;
  for (const c of CRITERION_IDS) {
    const raw = data.facts[c] as MessengerData['facts'][string] & { features?: FeatureId[] };
    const source = sources[raw.source];
    if (!source) {
      throw new MessengerDataError(
        `content/messengers/${id}.yaml – facts.${c}.source – unbekannte Quelle „${raw.source}“ – erwartet den Namen einer Datei in content/sources/ (${Object.keys(sources).slice(0, 6).join(', ')}, …)`,
      );
    }
    const level = criterion(c).levels[raw.level]!;
    facts[c] = {
      criterion: c,
      value: raw.value,
      level: raw.level,
      levelLabel: level.label,
      score: level.score,
      // The content check refuses "verified" without a quote; the model never shows one as confirmed either.
      verified: raw.verified && Boolean(raw.quote),
      note: raw.note,
      source: { key: raw.source, ...source },
      quote: raw.quote,
      quoteLang: raw.quote ? (raw.quoteLang ?? 'de') : undefined,
      gloss: raw.gloss,
      checked: raw.checked ?? source.checked,
      checkedBy: raw.checkedBy,
      ...(raw.features ? { features: raw.features } : {}),
    };
  }
  const scored = Object.values(facts).filter((f) => f.score !== null);
  const privacyScore = Math.round((100 * scored.reduce((sum, f) => sum + (f.score ?? 0), 0)) / (2 * scored.length));
  const flags = FILTERS.filter((f) => (f.levels as readonly string[]).includes(facts[f.criterion].level)).map((f) => f.id);
  return { id, ...data, facts, privacyScore, flags };
}

export function byName(a: Pick<Messenger, 'name'>, b: Pick<Messenger, 'name'>): number {
  return a.name.localeCompare(b.name, 'de');
}

function monthsBefore(now: Date, months: number): Date {
  const limit = new Date(now);
  limit.setUTCMonth(limit.getUTCMonth() - months);
  return limit;
}

/** Facts not checked against their source for `months` at `now` (or never), for the build warning. */
export function staleFacts(
  messengers: readonly Messenger[],
  now: Date,
  months = RECHECK_MONTHS,
): Array<{ id: string; criterion: CriterionId; checked: Date | undefined }> {
  const limit = monthsBefore(now, months);
  return messengers.flatMap((m) =>
    Object.values(m.facts)
      .filter((f) => !f.checked || f.checked < limit)
      .map((f) => ({ id: m.id, criterion: f.criterion, checked: f.checked })),
  );
}

/** The newest day any fact was checked against its source ("Angaben zuletzt geprüft am …"); undefined if none was. */
export function lastChecked(messengers: readonly Messenger[]): Date | undefined {
  const times = messengers.flatMap((m) => Object.values(m.facts).flatMap((f) => (f.checked ? [f.checked.getTime()] : [])));
  return times.length > 0 ? new Date(Math.max(...times)) : undefined;
}

export interface Freshness {
  total: number;
  /** Facts whose quote was read at the source in the last RECHECK_MONTHS months. */
  recent: number;
  /** Whole per cent of `total`, rounded down (never overstates). */
  percent: number;
  /** Facts never checked (no quote read). */
  never: number;
  /** The oldest check date among the checked facts; undefined if none was checked. */
  oldest?: Date | undefined;
}

/** How fresh the comparison is, for its summary line: share checked in the last 12 months and the oldest check. */
export function freshness(messengers: readonly Messenger[], now: Date, months = RECHECK_MONTHS): Freshness {
  const facts = messengers.flatMap((m) => Object.values(m.facts));
  const limit = monthsBefore(now, months);
  const checked = facts.flatMap((f) => (f.checked ? [f.checked] : []));
  const recent = checked.filter((d) => d >= limit && d <= now).length;
  const oldest = checked.length > 0 ? new Date(Math.min(...checked.map((d) => d.getTime()))) : undefined;
  return {
    total: facts.length,
    recent,
    percent: facts.length ? Math.floor((100 * recent) / facts.length) : 0,
    never: facts.length - checked.length,
    oldest,
  };
}

export { CRITERIA };
