/**
 * What goes live with the next "Veröffentlichen" (issue 25): the saved content compared with the live
 * content (git HEAD, read by server/editor/live-state.ts), entry by entry, in the clerk's words: entries by
 * their title, fields by their German label, values as they read (dates as TT.MM.JJJJ, levels by their label),
 * the text as a line diff. Also which posts are scheduled and which drafts stay offline. Pure: files in,
 * list out; `changesToken` lets the publish button confirm the list it showed.
 */
import { diffLines } from 'diff';
import { parse as parseYaml } from 'yaml';
import { de } from '@/i18n/de';
import { CRITERIA } from '@/lib/messengers/criteria';
import { postBody, splitFrontMatter } from '@/lib/posts/front-matter';
import { germanDay } from './days';

export { germanDay };

/** Content files by their path in the content folder (posts/x.mdx, messengers/y.yaml, sources/z.yaml). */
export type ContentFiles = ReadonlyMap<string, string>;

export interface FieldChange {
  label: string;
  before: string;
  after: string;
}

export interface BodyLine {
  kind: 'added' | 'removed' | 'same';
  text: string;
}

/** A post after the publish: online, scheduled for a day (TT.MM.JJJJ), or a draft that stays offline. */
export type PostState = { state: 'live' } | { state: 'scheduled'; day: string } | { state: 'draft' };

export interface EntryChange {
  collection: 'posts' | 'messengers' | 'sources';
  kind: 'new' | 'changed' | 'removed';
  /** The entry's key (file name without extension): opens it in the editor. */
  slug: string;
  title: string;
  fields: FieldChange[];
  body: BodyLine[];
  /** Posts only: what readers will see of it after the publish. */
  post?: PostState;
}

export interface ScheduledPost {
  slug: string;
  title: string;
  /** YYYY-MM-DD */
  pubDate: string;
  day: string;
}

export interface WhatGoesLive {
  changes: EntryChange[];
  scheduled: ScheduledPost[];
  token: string;
}

const t = de.liveChanges;
const COLLECTIONS = ['posts', 'messengers', 'sources'] as const;
/** Lines of unchanged text kept around a change in the text diff (blank ones are dropped: about one paragraph line). */
const CONTEXT_LINES = 2;

type Data = Record<string, unknown>;

function parseEntry(collection: string, text: string): { data: Data; body: string } {
  try {
    const yaml = collection === 'posts' ? (splitFrontMatter(text)?.yaml ?? '') : text;
    const data = parseYaml(yaml) as unknown;
    return {
      data: data && typeof data === 'object' && !Array.isArray(data) ? (data as Data) : {},
      body: collection === 'posts' ? postBody(text) : '',
    };
  } catch {
    return { data: {}, body: collection === 'posts' ? text : '' };
  }
}

const day = (value: unknown) =>
  value instanceof Date
    ? germanDay(value.toISOString())
    : typeof value === 'string' && /^\d{4}-\d{2}-\d{2}/.test(value)
      ? germanDay(value)
      : undefined;

/** A value as the clerk reads it: no quotes, no brackets, no keys. */
function readable(value: unknown, sources: ReadonlyMap<string, string>): string {
  if (value === undefined || value === null || value === '') return t.empty;
  const asDay = day(value);
  if (asDay) return asDay;
  if (typeof value === 'boolean') return value ? t.yes : t.no;
  if (Array.isArray(value)) return value.map((item) => readable(item, sources)).join(', ') || t.empty;
  if (typeof value === 'object') {
    const o = value as Data;
    if (typeof o.title === 'string') return o.title;
    if (typeof o.alt === 'string') return o.alt;
    return Object.values(o)
      .map((item) => readable(item, sources))
      .join(' · ');
  }
  const text = String(value);
  return sources.get(text) ?? text;
}

function postState(data: Data, today: string): PostState {
  if (data.draft === true) return { state: 'draft' };
  const pubDate = day(data.pubDate) ? String(data.pubDate instanceof Date ? data.pubDate.toISOString() : data.pubDate).slice(0, 10) : '';
  return pubDate > today ? { state: 'scheduled', day: germanDay(pubDate) } : { state: 'live' };
}

const postLabels = t.postFields as Record<string, string>;
const entryLabels = t.entryFields as Record<string, string>;
const factLabels = t.factFields as Record<string, string>;

function compareFields(collection: string, before: Data, after: Data, sources: ReadonlyMap<string, string>): FieldChange[] {
  const out: FieldChange[] = [];
  const same = (a: unknown, b: unknown) => JSON.stringify(a) === JSON.stringify(b);
  for (const key of new Set([...Object.keys(before), ...Object.keys(after)])) {
    if (same(before[key], after[key])) continue;
    if (collection === 'messengers' && key === 'facts') {
      out.push(...compareFacts((before.facts ?? {}) as Data, (after.facts ?? {}) as Data, sources));
      continue;
    }
    const label = (collection === 'posts' ? postLabels[key] : entryLabels[key]) ?? t.otherField;
    out.push({ label, before: readable(before[key], sources), after: readable(after[key], sources) });
  }
  return out;
}

function compareFacts(before: Data, after: Data, sources: ReadonlyMap<string, string>): FieldChange[] {
  const out: FieldChange[] = [];
  for (const criterion of CRITERIA) {
    const a = (before[criterion.id] ?? {}) as Data;
    const b = (after[criterion.id] ?? {}) as Data;
    for (const key of new Set([...Object.keys(a), ...Object.keys(b)])) {
      if (JSON.stringify(a[key]) === JSON.stringify(b[key])) continue;
      const show = (value: unknown) =>
        key === 'level' && typeof value === 'string' ? (criterion.levels[value]?.label ?? value) : readable(value, sources);
      out.push({ label: `${criterion.label}: ${factLabels[key] ?? t.otherField}`, before: show(a[key]), after: show(b[key]) });
    }
  }
  return out;
}

/** The text's changed lines with a little context; unchanged stretches are left out. */
function bodyDiff(before: string, after: string): BodyLine[] {
  if (before === after) return [];
  const lines: BodyLine[] = [];
  for (const part of diffLines(before, after)) {
    const kind = part.added ? 'added' : part.removed ? 'removed' : 'same';
    for (const text of part.value.replace(/\n$/, '').split('\n')) lines.push({ kind, text });
  }
  const near = (i: number) => lines.slice(Math.max(0, i - CONTEXT_LINES), i + CONTEXT_LINES + 1).some((line) => line.kind !== 'same');
  return lines.filter((line, i) => line.kind !== 'same' || (near(i) && line.text.trim() !== ''));
}

function titleOf(collection: string, data: Data, slug: string): string {
  const title = collection === 'messengers' ? data.name : data.title;
  return typeof title === 'string' && title.trim() ? title : slug;
}

/** Source keys → their titles (the clerk sees "Kuketz: Messenger-Matrix", not T3). */
function sourceTitles(files: ContentFiles): Map<string, string> {
  const titles = new Map<string, string>();
  for (const [path, text] of files) {
    const match = /^sources\/(.+)\.ya?ml$/.exec(path);
    if (!match) continue;
    const { data } = parseEntry('sources', text);
    if (typeof data.title === 'string') titles.set(match[1]!, data.title);
  }
  return titles;
}

/** A short, stable fingerprint of the list (FNV-1a over its JSON): what the clerk saw is what is published. */
export function changesToken(changes: readonly EntryChange[]): string {
  let hash = 0x811c9dc5;
  const text = JSON.stringify(changes);
  for (let i = 0; i < text.length; i++) {
    hash ^= text.charCodeAt(i);
    hash = Math.imul(hash, 0x01000193) >>> 0;
  }
  return `${hash.toString(16)}-${changes.length}`;
}

function entryKey(path: string): { collection: (typeof COLLECTIONS)[number]; slug: string } | undefined {
  const match = /^(posts|messengers|sources)\/([^/]+)\.(?:mdx?|ya?ml)$/.exec(path);
  return match ? { collection: match[1] as (typeof COLLECTIONS)[number], slug: match[2]! } : undefined;
}

/** Every new, changed and removed entry between `live` and `saved`, posts first, and the saved scheduled posts. */
export function whatGoesLive(live: ContentFiles, saved: ContentFiles, today: string): WhatGoesLive {
  const sources = sourceTitles(saved);
  const changes: EntryChange[] = [];
  const paths = [...new Set([...live.keys(), ...saved.keys()])].sort();
  for (const path of paths) {
    const key = entryKey(path);
    const before = live.get(path);
    const after = saved.get(path);
    if (!key || before === after) continue;
    const a = before === undefined ? undefined : parseEntry(key.collection, before);
    const b = after === undefined ? undefined : parseEntry(key.collection, after);
    const fields = a && b ? compareFields(key.collection, a.data, b.data, sources) : [];
    const body = a && b ? bodyDiff(a.body, b.body) : [];
    // A file saved again in another form (quotes, wrapping) that reads the same is no change.
    if (a && b && fields.length === 0 && body.length === 0) continue;
    changes.push({
      collection: key.collection,
      kind: !a ? 'new' : !b ? 'removed' : 'changed',
      slug: key.slug,
      title: titleOf(key.collection, (b ?? a)!.data, key.slug),
      fields,
      body,
      ...(key.collection === 'posts' && b ? { post: postState(b.data, today) } : {}),
    });
  }
  changes.sort((x, y) => COLLECTIONS.indexOf(x.collection) - COLLECTIONS.indexOf(y.collection));
  const scheduled: ScheduledPost[] = [];
  for (const [path, text] of saved) {
    const key = entryKey(path);
    if (key?.collection !== 'posts') continue;
    // Only a post with a later day is parsed: at 5,000 posts parsing every front matter on each view cost seconds.
    const pubDay = /^pubDate:\s*['"]?(\d{4}-\d{2}-\d{2})/m.exec(text)?.[1];
    if (!pubDay || pubDay <= today) continue;
    const { data } = parseEntry('posts', text);
    const state = postState(data, today);
    if (state.state !== 'scheduled') continue;
    const pubDate = String(data.pubDate instanceof Date ? data.pubDate.toISOString() : data.pubDate).slice(0, 10);
    scheduled.push({ slug: key.slug, title: titleOf('posts', data, key.slug), pubDate, day: state.day });
  }
  scheduled.sort((x, y) => x.pubDate.localeCompare(y.pubDate) || x.title.localeCompare(y.title, 'de'));
  return { changes, scheduled, token: changesToken(changes) };
}
