/**
 * The public change log of the comparison (content/aenderungen.yaml, append-only): one entry per change to a
 * fact's value, level, source or quote, with the source and quote behind the new state. `diffFacts` makes the
 * entries from two data states (the publisher or `npm run content:changes` appends them); a re-check that only
 * moves the check date gives no public entry.
 */
import { z } from 'astro/zod';
import { parse, stringify } from 'yaml';
import { isoDate } from '../posts/schema';
import { CRITERION_IDS, type CriterionId } from './criteria';
import { QUOTE_MAX, QUOTE_LANG } from './schema';

/** What of a fact the public log follows. */
export interface FactState {
  value: string;
  level: string;
  source: string;
  quote?: string | undefined;
  quoteLang?: string | undefined;
  gloss?: string | undefined;
}

/** messenger id → criterion → fact, as in content/messengers/<id>.yaml. */
export type DataState = Record<string, Partial<Record<string, FactState>>>;

const side = z
  .object({
    value: z.string().min(1),
    level: z.string().min(1),
    source: z.string({ required_error: 'fehlt: Quelle („source“)' }).min(1),
  })
  .strict();

export const changeEntrySchema = z
  .object({
    date: isoDate,
    messenger: z.string().min(1),
    criterion: z.enum(CRITERION_IDS as [CriterionId, ...CriterionId[]], {
      errorMap: () => ({ message: `erwartet eines dieser Kriterien: ${CRITERION_IDS.join(', ')}` }),
    }),
    /** Absent for a fact that did not exist before. */
    old: side.optional(),
    new: side
      .extend({
        quote: z.string().max(QUOTE_MAX, `höchstens ${QUOTE_MAX} Zeichen`).optional(),
        quoteLang: z.string().regex(QUOTE_LANG).optional(),
        gloss: z.string().optional(),
      })
      .strict(),
    /** Who published the change (editor names); absent for entries written from the command line. */
    by: z.string().min(2).optional(),
  })
  .strict();

export const changeLogSchema = z.array(changeEntrySchema);

export type ChangeEntry = z.infer<typeof changeEntrySchema>;

/** The log's file name in the content folder. */
export const CHANGE_LOG_FILE = 'aenderungen.yaml';

const FOLLOWED = ['value', 'level', 'source', 'quote'] as const;

/** The entries for every fact whose value, level, source or quote differs between `before` and `after`. */
export function diffFacts(before: DataState, after: DataState, date: Date, by?: string): ChangeEntry[] {
  const entries: ChangeEntry[] = [];
  for (const messenger of Object.keys(after).sort()) {
    for (const criterion of CRITERION_IDS) {
      const next = after[messenger]?.[criterion];
      if (!next) continue;
      const prev = before[messenger]?.[criterion];
      if (prev && FOLLOWED.every((k) => (prev[k] ?? '') === (next[k] ?? ''))) continue;
      entries.push({
        date,
        messenger,
        criterion,
        ...(prev ? { old: { value: prev.value, level: prev.level, source: prev.source } } : {}),
        new: {
          value: next.value,
          level: next.level,
          source: next.source,
          ...(next.quote ? { quote: next.quote } : {}),
          ...(next.quote && next.quoteLang ? { quoteLang: next.quoteLang } : {}),
          ...(next.quote && next.gloss ? { gloss: next.gloss } : {}),
        },
        ...(by ? { by } : {}),
      });
    }
  }
  return entries;
}

/** Which of the followed parts changed: "Wert", "Einstufung", "Quelle", "Beleg". */
export function changedParts(entry: ChangeEntry): Array<'value' | 'level' | 'source' | 'quote'> {
  if (!entry.old) return ['value', 'level', 'source', ...(entry.new.quote ? (['quote'] as const) : [])];
  const parts: Array<'value' | 'level' | 'source' | 'quote'> = [];
  if (entry.old.value !== entry.new.value) parts.push('value');
  if (entry.old.level !== entry.new.level) parts.push('level');
  if (entry.old.source !== entry.new.source) parts.push('source');
  if (parts.length === 0 || entry.new.quote) parts.push('quote');
  return parts;
}

/** Newest first; within a day, in file order reversed (the last appended first). */
export function newestFirst(entries: readonly ChangeEntry[]): ChangeEntry[] {
  return entries
    .map((e, i) => ({ e, i }))
    .sort((a, b) => b.e.date.getTime() - a.e.date.getTime() || b.i - a.i)
    .map(({ e }) => e);
}

/** A stable anchor and feed id per entry: date, messenger, criterion (and a counter if repeated that day). */
export function entryIds(entries: readonly ChangeEntry[]): string[] {
  const seen = new Map<string, number>();
  return entries.map((e) => {
    const base = `${e.date.toISOString().slice(0, 10)}-${e.messenger}-${e.criterion}`;
    const n = (seen.get(base) ?? 0) + 1;
    seen.set(base, n);
    return n === 1 ? base : `${base}-${n}`;
  });
}

const LOG_HEADER = '# Öffentliches Änderungsprotokoll des Messenger-Vergleichs. Nur anhängen, nie ändern (npm run content:changes).\n';

/** The facts of a messenger file's text (undefined when it is not a messenger file). */
export function factsOfText(text: string): DataState[string] | undefined {
  try {
    const data = parse(text) as { facts?: unknown } | null;
    return data && typeof data.facts === 'object' && data.facts !== null ? (data.facts as DataState[string]) : undefined;
  } catch {
    return undefined;
  }
}

/** The text to append to the log for `entries` (dates as YYYY-MM-DD), with the header when the log is new. */
export function changeLogAppendix(entries: readonly ChangeEntry[], existing: string): string {
  if (entries.length === 0) return '';
  const plain = entries.map((e) => ({ ...e, date: e.date.toISOString().slice(0, 10) }));
  const lead = existing.trim() === '' ? LOG_HEADER : existing.endsWith('\n') ? '' : '\n';
  return lead + stringify(plain, { lineWidth: 100 });
}
