export interface Source {
  title: string;
  url: string;
  date?: Date | undefined;
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
