/**
 * Filtering, text search and sorting of the comparison. Pure functions: the page's custom
 * element runs them in the browser on the index the build writes into the page.
 */
import { FILTERS, type FilterId } from './criteria';
import { byName, type Messenger } from './model';
import { MAX_COMPARED } from './limits';

/** Lower case, ß → ss, umlauts and accents folded: "Verschlüsselung", "verschluesselung" and "verschlusselung" meet. */
export function normalize(text: string): string {
  return text
    .toLowerCase()
    .replace(/ß/g, 'ss')
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .replace(/([aou])e/g, '$1')
    .replace(/\s+/g, ' ')
    .trim();
}

export interface IndexItem {
  id: string;
  name: string;
  /**
   * normalize()d name, aliases and every fact. The page leaves it out (it would be a fifth of the page,
   * gzipped) and the browser loads it from suchtext.json when the search field is first used.
   */
  text: string;
  flags: FilterId[];
  privacyScore: number;
  /** Lower is cheaper. */
  costRank: number;
  /**
   * Place in German name order, worked out on the server: the browser sorts by this number, because its
   * first German string comparison loads collation data (about 30 ms on a fast machine) during page load.
   */
  nameRank: number;
}

export interface CriterionIndex {
  id: string;
  text: string;
}

export const SORTS = {
  name: 'Name',
  datenschutz: 'Datenschutz (beste zuerst)',
  kosten: 'Kosten (günstigste zuerst)',
} as const;
export type SortId = keyof typeof SORTS;

export interface ViewState {
  q: string;
  filters: FilterId[];
  compare: string[];
  sort: SortId;
}

export const EMPTY_STATE: ViewState = { q: '', filters: [], compare: [], sort: 'name' };

const FILTER_IDS = new Set<string>(FILTERS.map((f) => f.id));

export function parseState(params: URLSearchParams): ViewState {
  const list = (key: string) =>
    (params.get(key) ?? '')
      .split(',')
      .map((s) => s.trim())
      .filter(Boolean);
  const sort = params.get('sortierung') ?? 'name';
  return {
    q: (params.get('q') ?? '').slice(0, 100),
    filters: list('filter').filter((f): f is FilterId => FILTER_IDS.has(f)),
    compare: list('vergleich').slice(0, MAX_COMPARED),
    sort: sort in SORTS ? (sort as SortId) : 'name',
  };
}

export function serializeState(state: ViewState): string {
  const params = new URLSearchParams();
  if (state.q) params.set('q', state.q);
  if (state.filters.length) params.set('filter', state.filters.join(','));
  if (state.compare.length) params.set('vergleich', state.compare.join(','));
  if (state.sort !== 'name') params.set('sortierung', state.sort);
  const query = params.toString();
  return query ? `?${query}` : '';
}

export interface ViewResult {
  /** Messenger ids to show, in display order. */
  messengers: string[];
  /** Criterion ids to show; all when the query names no criterion. */
  criteria: string[] | 'all';
}

function matchesAll(text: string, tokens: readonly string[]): boolean {
  return tokens.every((t) => text.includes(t));
}

export function applyState(items: readonly IndexItem[], criteria: readonly CriterionIndex[], state: ViewState): ViewResult {
  const tokens = normalize(state.q).split(' ').filter(Boolean);
  let visible = items.filter((item) => state.filters.every((f) => item.flags.includes(f)));
  if (state.compare.length >= 2) visible = visible.filter((item) => state.compare.includes(item.id));
  let shownCriteria: string[] | 'all' = 'all';
  if (tokens.length > 0) {
    const byText = visible.filter((item) => matchesAll(item.text, tokens));
    const matchingCriteria = criteria.filter((c) => matchesAll(c.text, tokens)).map((c) => c.id);
    // A query that names a criterion ("adressbuch") narrows the columns; one that names a messenger or fact narrows the rows.
    if (matchingCriteria.length > 0) shownCriteria = matchingCriteria;
    if (byText.length > 0 || matchingCriteria.length === 0) visible = byText;
  }
  const sorted = [...visible].sort((a, b) => {
    if (state.sort === 'datenschutz') return b.privacyScore - a.privacyScore || a.nameRank - b.nameRank;
    if (state.sort === 'kosten') return a.costRank - b.costRank || a.nameRank - b.nameRank;
    return a.nameRank - b.nameRank;
  });
  return { messengers: sorted.map((i) => i.id), criteria: shownCriteria };
}

export function resultMessage(shown: number, total: number): string {
  return shown === total ? `Alle ${total} Messenger werden angezeigt.` : `${shown} von ${total} Messengern werden angezeigt.`;
}

const COST_RANK: Record<string, number> = { free: 0, oneoff: 1, subscription: 2, perMessage: 3 };

/** What the page's search needs of a messenger: normalised text, filter flags, sort keys. */
function toIndexItem(
  m: Pick<Messenger, 'id' | 'name' | 'aliases' | 'category' | 'summary' | 'assessment' | 'privacyScore' | 'flags' | 'facts'>,
  nameRank: number,
): IndexItem {
  const facts = Object.values(m.facts).flatMap((f) => [f.value, f.levelLabel, f.note ?? '']);
  return {
    id: m.id,
    name: m.name,
    text: normalize([m.name, ...m.aliases, m.category, m.summary, m.assessment, ...facts].join(' ')),
    flags: m.flags,
    privacyScore: m.privacyScore,
    costRank: COST_RANK[m.facts.cost?.level ?? ''] ?? 9,
    nameRank,
  };
}

/** What the page carries inline: everything but the search text (filters and sorting work without it). */
export type PageIndexItem = Omit<IndexItem, 'text'>;

/** Splits the index into what the page carries and the search text by messenger id (suchtext.json). */
export function splitIndex(items: readonly IndexItem[]): { items: PageIndexItem[]; texts: Record<string, string> } {
  return {
    items: items.map(({ text: _text, ...rest }) => rest),
    texts: Object.fromEntries(items.map((item) => [item.id, item.text])),
  };
}

/** The page's items with their search text; a messenger missing from `texts` (an older file) is found by its name. */
export function joinIndex(items: readonly PageIndexItem[], texts: Record<string, string>): IndexItem[] {
  return items.map((item) => ({ ...item, text: Object.hasOwn(texts, item.id) ? texts[item.id]! : normalize(item.name) }));
}

/** The comparison's search index: one item per messenger, in German name order. */
export function toIndexItems(messengers: ReadonlyArray<Parameters<typeof toIndexItem>[0]>): IndexItem[] {
  return [...messengers].sort(byName).map((m, rank) => toIndexItem(m, rank));
}
