import { CRITERIA, CRITERION_IDS, criterion, FILTERS, type BusinessFeature, type CriterionId, type FilterId } from './criteria';
import type { MessengerData, SourceData } from './schema';

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
  verified: boolean;
  note?: string | undefined;
  source: Source;
  /** When the fact was last checked against its source: the fact's own `checked`, else the source's; absent = never. */
  checked?: Date | undefined;
  features?: BusinessFeature[];
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
    const raw = data.facts[c] as MessengerData['facts'][string] & { features?: BusinessFeature[] };
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
      verified: raw.verified,
      note: raw.note,
      source: { key: raw.source, ...source },
      checked: raw.checked ?? source.checked,
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

/** Facts not checked against their source for `months` at `now` (or never), for the build warning. */
export function staleFacts(messengers: readonly Messenger[], now: Date, months = 12): Array<{ id: string; criterion: CriterionId; checked: Date | undefined }> {
  const limit = new Date(now);
  limit.setUTCMonth(limit.getUTCMonth() - months);
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

export { CRITERIA };
