import { describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { z } from 'astro/zod';
import config, { contentComponents } from '../../editor/keystatic.config';
import { CATEGORIES, postSchema, postSourceSchema } from '@/lib/posts/schema';
import { CRITERIA } from '@/lib/messengers/criteria';
import { messengerSchema, sourceSchema } from '@/lib/messengers/schema';

/** A Keystatic field's own check: true when the editor would let the value be saved. */
function editorAccepts(field: unknown, value: unknown): boolean {
  try {
    (field as { validate: (v: unknown) => unknown }).validate(value);
    return true;
  } catch {
    return false;
  }
}

const posts = config.collections!.posts!.schema as Record<string, unknown>;
const schema = postSchema(z.string()).shape;
const schemaAccepts = (field: keyof typeof schema, value: unknown) => schema[field].safeParse(value).success;

describe('the editor and the content schema agree on every rule', () => {
  it('title length', () => {
    for (const length of [4, 5, 100, 101]) {
      const title = 'x'.repeat(length);
      expect(editorAccepts(posts.title, { name: title, slug: 'x' }), `title ${length}`).toBe(schemaAccepts('title', title));
    }
  });

  it('description length', () => {
    for (const length of [29, 30, 160, 161]) {
      const text = 'x'.repeat(length);
      expect(editorAccepts(posts.description, text), `description ${length}`).toBe(schemaAccepts('description', text));
    }
  });

  it('tag spelling', () => {
    const tagField = (posts.tags as { element: unknown }).element;
    for (const tag of ['datenschutz', 'eu-us', 'Datenschutz', 'daten schutz', 'äöü']) {
      expect(editorAccepts(tagField, tag), tag).toBe(schemaAccepts('tags', [tag]));
    }
  });

  it('categories', () => {
    expect((posts.category as { options: Array<{ value: string }> }).options.map((o) => o.value)).toEqual([...CATEGORIES]);
  });

  it('every messenger criterion offers exactly the levels criteria.ts defines', () => {
    const facts = (
      config.collections!.messengers!.schema as unknown as Record<
        string,
        { fields: Record<string, { fields: Record<string, { options?: Array<{ value: string }> }> }> }
      >
    ).facts!;
    for (const criterion of CRITERIA) {
      expect(
        facts.fields[criterion.id]!.fields.level!.options!.map((o) => o.value),
        criterion.id,
      ).toEqual(Object.keys(criterion.levels));
    }
  });

  it('the editor offers exactly the building blocks posts can use', () => {
    const index = readFileSync(new URL('../../src/components/blocks/index.ts', import.meta.url), 'utf8');
    const blocks = /export const blocks = \{([^}]+)\}/
      .exec(index)![1]!
      .split(',')
      .map((name) => name.trim())
      .filter(Boolean);
    const components = Object.keys(contentComponents);
    expect(components.sort()).toEqual(blocks.sort());
  });
});

/** A zod field's answer for what Keystatic saves: an empty text field is left out of the file. */
const zodAccepts = (field: z.ZodTypeAny, value: unknown) => field.safeParse(value === '' ? undefined : value).success;
type Fields = Record<string, unknown>;
const fieldsOf = (field: unknown) => (field as { fields: Fields }).fields;

/** Values around every rule: lengths at and beside each limit, addresses, periods, keys, language tags. */
const SAMPLES = [
  '',
  'x',
  'xy',
  'xyz',
  'x'.repeat(9),
  'x'.repeat(10),
  'x'.repeat(19),
  'x'.repeat(20),
  'x'.repeat(49),
  'x'.repeat(50),
  'x'.repeat(200),
  'x'.repeat(201),
  'x'.repeat(300),
  'x'.repeat(301),
  'https://example.org/a?b=1',
  'http://example.org',
  'HTTPS://EXAMPLE.ORG/',
  'javascript:alert(1)',
  'ftp://example.org',
  'https://',
  'example.org',
  ' https://example.org',
  'Juni 2025',
  'Anfang 2022',
  '2019',
  'juni 2025',
  'Sommer 2025',
  'T1',
  'BNetzA',
  'T2-AVV',
  '-T1',
  'T 1',
  'T1.yaml',
  'de',
  'en',
  'de-CH',
  'DE',
  'deu',
];

function expectAgreement(pairs: Array<[string, unknown, z.ZodTypeAny]>, wrap: (v: string) => unknown = (v) => v) {
  for (const [name, field, schemaField] of pairs) {
    for (const value of SAMPLES) {
      expect(editorAccepts(field, wrap(value)), `${name}: ${JSON.stringify(value)}`).toBe(zodAccepts(schemaField, value));
    }
  }
}

describe('messenger fields: the editor accepts exactly what messengerSchema accepts', () => {
  const m = config.collections!.messengers!.schema as unknown as Fields;
  const shape = messengerSchema.shape;

  it('name, category, summary and assessment', () => {
    expectAgreement([['name', m.name, shape.name]], (v) => ({ name: v, slug: 'x' }));
    expectAgreement([
      ['category', m.category, shape.category],
      ['summary', m.summary, shape.summary],
      ['assessment', m.assessment, shape.assessment],
    ]);
  });

  it("every criterion's value and evidence", () => {
    const facts = fieldsOf(m.facts);
    for (const c of CRITERIA) {
      const editor = fieldsOf(facts[c.id]);
      const schema = (shape.facts.shape as Record<string, z.AnyZodObject>)[c.id]!.shape;
      expectAgreement(['value', 'quote', 'quoteLang', 'gloss', 'checkedBy'].map((key) => [`${c.id}.${key}`, editor[key], schema[key]]));
    }
  });

  it("every criterion's source is chosen from the existing sources (whose keys the sources test checks), never typed, and required", () => {
    const facts = fieldsOf(m.facts);
    for (const c of CRITERIA) {
      const source = fieldsOf(facts[c.id]).source as { label: string };
      expect(source, c.id).toMatchObject({ label: 'Quelle' });
      expect(editorAccepts(source, null), `${c.id}: no source`).toBe(false);
      expect(editorAccepts(source, 'T1'), `${c.id}: T1`).toBe(true);
    }
  });

  it("a criterion's features are offered exactly as criteria.ts declares them, and only there", () => {
    const facts = fieldsOf(m.facts);
    for (const c of CRITERIA) {
      const features = fieldsOf(facts[c.id]).features as { options: Array<{ value: string }> } | undefined;
      expect(
        features?.options.map((o) => o.value),
        c.id,
      ).toEqual(c.features ? Object.keys(c.features) : undefined);
    }
  });
});

describe('source fields: the editor accepts exactly what the one sourceSchema accepts', () => {
  it('a source file (content/sources/<key>.yaml): title, key, address, publisher, period, note', () => {
    const s = config.collections!.sources!.schema as unknown as Fields;
    const shape = sourceSchema.shape;
    expectAgreement([['title', s.title, shape.title]], (v) => ({ name: v, slug: 'T1' }));
    expectAgreement([
      ['url', s.url, shape.url],
      ['publisher', s.publisher, shape.publisher],
      ['period', s.period, shape.period],
      ['note', s.note, shape.note],
    ]);
    // The key is the file name facts cite: the same pattern as a fact's source.
    const key = messengerSchema.shape.facts.shape.operator!.shape.source;
    expectAgreement([['key', s.title, key]], (v) => ({ name: 'Ein Titel', slug: v }));
  });

  it("a post's source: title, required address, period", () => {
    const p = fieldsOf((posts.sources as { element: unknown }).element);
    const shape = postSourceSchema.shape;
    expectAgreement([
      ['title', p.title, shape.title],
      ['url', p.url, shape.url],
      ['period', p.period, shape.period],
    ]);
  });
});

describe('what the editor writes, the build accepts', () => {
  it('a new post as Keystatic saves it (no cover chosen, empty sources) passes the content schema', async () => {
    const { parse } = await import('yaml');
    // Front matter exactly as Keystatic 0.6 wrote it for a post created in the browser.
    const frontMatter = parse(`title: Ein Beitrag aus dem Browser
description: >-
  Dieser Beitrag entstand im Editor im Browser und wurde mit einem Klick
  veröffentlicht.
pubDate: 2026-11-02
author: Redaktion
category: Datenschutz
tags:
  - betrieb
draft: false
cover: {}
sources: []
`);
    const result = postSchema(z.string()).safeParse(frontMatter);
    expect(result.success).toBe(true);
    expect(result.data?.cover).toBeUndefined();
  });
});
