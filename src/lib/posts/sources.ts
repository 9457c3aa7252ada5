export interface Source {
  title: string;
  url: string;
  /** The source's own date; absent = undated. */
  date?: Date | undefined;
  /** Month or year only ("Juni 2025"), where the source names no day. */
  period?: string | undefined;
  /** The day a statement was last checked against the source. */
  checked?: Date | undefined;
}

/** What a reader is told about a source's own date: a day, a period, or that it has none. Never a guess. */
export type SourceDate = { kind: 'day'; date: Date } | { kind: 'period'; period: string } | { kind: 'undated' };

export function sourceDate(source: { date?: Date | undefined; period?: string | undefined }): SourceDate {
  if (source.date) return { kind: 'day', date: source.date };
  if (source.period) return { kind: 'period', period: source.period };
  return { kind: 'undated' };
}

/** Stable anchor for a source, shared by the inline <Quelle> and the sources list. */
export function sourceId(url: string): string {
  let hash = 5381;
  for (const char of url) hash = ((hash << 5) + hash + char.charCodeAt(0)) >>> 0;
  return `quelle-${hash.toString(36)}`;
}

function attribute(tag: string, name: string): string | undefined {
  const m = new RegExp(`\\b${name}=(?:"([^"]*)"|'([^']*)'|\\{["'\`]([^"'\`]*)["'\`]\\})`).exec(tag);
  return m ? (m[1] ?? m[2] ?? m[3]) : undefined;
}

/** Sources cited inline with <Quelle title="…" url="…" date="…" /> in an MDX body. */
export function inlineSources(body: string): Source[] {
  const out: Source[] = [];
  for (const m of body.matchAll(/<Quelle\b[^>]*>/g)) {
    const title = attribute(m[0], 'title');
    const url = attribute(m[0], 'url');
    const date = attribute(m[0], 'date');
    if (title && url) out.push({ title, url, date: date ? new Date(`${date}T00:00:00Z`) : undefined });
  }
  return out;
}

/** Front-matter sources first, then inline ones, each URL once. */
export function mergeSources(frontMatter: readonly Source[], inline: readonly Source[]): Source[] {
  const seen = new Set<string>();
  return [...frontMatter, ...inline].filter((s) => (seen.has(s.url) ? false : (seen.add(s.url), true)));
}
