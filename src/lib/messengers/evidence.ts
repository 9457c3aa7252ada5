/**
 * The quotes behind the facts as the comparison page loads them on demand (belege.json): the page itself
 * carries only the "Beleg" summaries, so it stays within its weight budget with 144 quotes.
 */
import { isoDay } from '../posts/format';
import type { Messenger } from './model';

export interface EvidenceItem {
  /** quote, its language, German gloss, day read (YYYY-MM-DD), read by */
  q: string;
  l: string;
  g?: string;
  c?: string;
  b?: string;
}

/** `${messengerId}/${criterion}` → evidence, for every fact with a quote. */
export function evidenceIndex(messengers: readonly Messenger[]): Record<string, EvidenceItem> {
  const index: Record<string, EvidenceItem> = {};
  for (const m of messengers) {
    for (const f of Object.values(m.facts)) {
      if (!f.quote) continue;
      index[`${m.id}/${f.criterion}`] = {
        q: f.quote,
        l: f.quoteLang ?? 'de',
        ...(f.gloss ? { g: f.gloss } : {}),
        ...(f.checked ? { c: isoDay(f.checked) } : {}),
        b: f.checkedBy ?? 'Redaktion',
      };
    }
  }
  return index;
}
