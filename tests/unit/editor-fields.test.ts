import { describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { z } from 'astro/zod';
import config, { contentComponents } from '../../editor/keystatic.config';
import { CATEGORIES, postSchema } from '@/lib/posts/schema';
import { CRITERIA } from '@/lib/messengers/criteria';

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
    const facts = (config.collections!.messengers!.schema as unknown as Record<string, { fields: Record<string, { fields: Record<string, { options?: Array<{ value: string }> }> }> }>).facts!;
    for (const criterion of CRITERIA) {
      expect(facts.fields[criterion.id]!.fields.level!.options!.map((o) => o.value), criterion.id).toEqual(Object.keys(criterion.levels));
    }
  });

  it('the editor offers exactly the building blocks posts can use', () => {
    const index = readFileSync(new URL('../../src/components/blocks/index.ts', import.meta.url), 'utf8');
    const blocks = /export const blocks = \{([^}]+)\}/.exec(index)![1]!.split(',').map((name) => name.trim()).filter(Boolean);
    const components = Object.keys(contentComponents);
    expect(components.sort()).toEqual(blocks.sort());
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
