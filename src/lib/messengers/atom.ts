/** A minimal Atom 1.0 feed (RFC 4287) for the comparison's change log: escaped text, absolute links, one `updated` per entry. */
export interface AtomEntry {
  id: string;
  title: string;
  link: string;
  updated: Date;
  /** Plain text; escaped here. */
  summary: string;
}

export interface AtomFeed {
  id: string;
  title: string;
  /** The HTML page the feed mirrors. */
  link: string;
  /** The feed's own address. */
  self: string;
  author: string;
  entries: AtomEntry[];
}

const escape = (s: string) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');

export function atomFeed(feed: AtomFeed): string {
  // `updated` of the feed: its newest entry; a feed without entries takes the Unix epoch rather than a made-up day.
  const updated = feed.entries.reduce((max, e) => (e.updated > max ? e.updated : max), new Date(0));
  const entries = feed.entries
    .map(
      (e) => `  <entry>
    <id>${escape(e.id)}</id>
    <title>${escape(e.title)}</title>
    <link rel="alternate" type="text/html" href="${escape(e.link)}"/>
    <updated>${e.updated.toISOString()}</updated>
    <summary type="text">${escape(e.summary)}</summary>
  </entry>`,
    )
    .join('\n');
  return `<?xml version="1.0" encoding="utf-8"?>
<feed xmlns="http://www.w3.org/2005/Atom" xml:lang="de">
  <id>${escape(feed.id)}</id>
  <title>${escape(feed.title)}</title>
  <link rel="self" type="application/atom+xml" href="${escape(feed.self)}"/>
  <link rel="alternate" type="text/html" href="${escape(feed.link)}"/>
  <updated>${updated.toISOString()}</updated>
  <author><name>${escape(feed.author)}</name></author>
${entries}
</feed>
`;
}
