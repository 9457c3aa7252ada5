/**
 * What a save changes in an entry, as the build and the page see it: the data diff (front matter or YAML,
 * through the content schemas) and the MDX diff (the post text as the site's MDX parser reads it, which the caller passes in).
 * Used by `npm run content:normalise` and the editor round-trip test to prove a save by the editor changes nothing that matters.
 */
import { isDeepStrictEqual } from 'node:util';
import { z } from 'astro/zod';
import { parse as parseYaml } from 'yaml';
import { postSchema } from '../posts/schema';
import { postBody, splitFrontMatter } from '../posts/front-matter';
import { messengerSchema, sourceSchema } from '../messengers/schema';

export type Collection = 'posts' | 'messengers' | 'sources';
export const COLLECTIONS: readonly Collection[] = ['posts', 'messengers', 'sources'];

/** The file extension of a collection's entries. */
export function entryExtension(collection: Collection): string {
  return collection === 'posts' ? '.mdx' : '.yaml';
}

const schemas = { posts: postSchema(z.string()), messengers: messengerSchema, sources: sourceSchema } as const;

/** The data of an entry as the build reads it (front matter of a post, or the YAML file), defaults applied. */
export function buildData(collection: Collection, text: string): unknown {
  const raw = parseYaml(collection === 'posts' ? (splitFrontMatter(text)?.yaml ?? '') : text) as unknown;
  const parsed = schemas[collection].safeParse(raw);
  return parsed.success ? parsed.data : raw;
}

/** Paths (a.b.0.c) whose value the build reads differently in `after` than in `before`. */
export function changedData(collection: Collection, before: string, after: string): string[] {
  const changes: string[] = [];
  const walk = (a: unknown, b: unknown, path: string[]) => {
    if (
      a &&
      b &&
      typeof a === 'object' &&
      typeof b === 'object' &&
      !(a instanceof Date) &&
      !(b instanceof Date) &&
      Array.isArray(a) === Array.isArray(b)
    ) {
      for (const key of new Set([...Object.keys(a), ...Object.keys(b)]))
        walk((a as Record<string, unknown>)[key], (b as Record<string, unknown>)[key], [...path, key]);
    } else if (!isDeepStrictEqual(a, b)) {
      changes.push(`${path.join('.') || '(alles)'}: ${JSON.stringify(a) ?? 'fehlt'} → ${JSON.stringify(b) ?? 'fehlt'}`);
    }
  };
  walk(buildData(collection, before), buildData(collection, after), []);
  return changes;
}

/** Markdown tables with column alignment (":--", "--:"): the editor writes them without it. */
export function hasAlignedTable(text: string): boolean {
  return text.split('\n').some((line) => /^[ \t|:-]+$/.test(line) && line.includes('|') && line.includes('--') && line.includes(':'));
}

/* eslint-disable @typescript-eslint/no-explicit-any -- mdast nodes, compared as plain data */
/** A node as it matters for the page: no positions, no list spacing, no table alignment (reported apart). */
function essence(node: any): any {
  if (Array.isArray(node)) return node.map(essence);
  if (!node || typeof node !== 'object') return node;
  const out: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(node)) {
    if (key === 'position' || key === 'spread' || key === 'align' || key === 'data') continue;
    if (key === 'value' && node.type === 'mdxJsxAttributeValueExpression') {
      out[key] = String(value).replace(/\s+/g, ''); // only={["a", "b"]} and only={["a","b"]} are the same list
      continue;
    }
    out[key] = essence(value);
  }
  return out;
}

/** The MDX parser the site builds with (scripts/keystatic-save/mdx-parser.ts loads it): text → mdast. */
export type MdxParse = (text: string) => any;

/** The first place where the post text reads differently after the save (e.g. an image turned into plain text). */
export function changedBody(before: string, after: string, parse: MdxParse): string[] {
  const body = postBody;
  const a = essence(parse(body(before)));
  const b = essence(parse(body(after)));
  const show = (node: any) => JSON.stringify(node)?.slice(0, 160) ?? 'fehlt';
  const walk = (x: any, y: any, path: string): string[] => {
    if (isDeepStrictEqual(x, y)) return [];
    if (
      x &&
      y &&
      typeof x === 'object' &&
      typeof y === 'object' &&
      x.type === y.type &&
      Array.isArray(x.children) &&
      Array.isArray(y.children)
    ) {
      for (let i = 0; i < Math.min(x.children.length, y.children.length); i++) {
        const found = walk(x.children[i], y.children[i], `${path}/${x.children[i].type}[${i}]`);
        if (found.length > 0) return found;
      }
      const i = Math.min(x.children.length, y.children.length);
      return [`Text ${path}/[${i}]: ${show(x.children[i])} → ${show(y.children[i])}`];
    }
    return [`Text ${path || '/'}: ${show(x)} → ${show(y)}`];
  };
  return walk(a, b, '');
}
/* eslint-enable @typescript-eslint/no-explicit-any */
