/** A criterion carries its own extras (short label, neutral marks, features): nothing else names one by id. */
import { describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { CRITERIA, NEUTRAL_CRITERIA } from '@/lib/messengers/criteria';
import { messengerSchema } from '@/lib/messengers/schema';
import { ROOT } from '../helpers/paths';
import { sourceFiles } from '../helpers/source-files';

describe('criteria.ts declares what is special about a criterion', () => {
  it('every criterion has a short label, every unscored level a symbol', () => {
    for (const c of CRITERIA) {
      expect(c.short.length, c.id).toBeGreaterThan(0);
      for (const [id, level] of Object.entries(c.levels)) if (level.score === null) expect(level.symbol, `${c.id}.${id}`).toBeTruthy();
    }
    expect(NEUTRAL_CRITERIA.length).toBeGreaterThan(0);
  });

  it('no code outside criteria.ts special-cases a criterion by its id', () => {
    const ids = CRITERIA.map((c) => c.id).join('|');
    const special = new RegExp(`(===|!==)\\s*['"](${ids})['"]`);
    const files = [
      ...sourceFiles('src/components', 'src/pages', 'editor'),
      'src/lib/messengers/schema.ts',
      'src/lib/messengers/model.ts',
      'src/lib/messengers/profile.ts',
    ];
    expect(files.filter((file) => special.test(readFileSync(join(ROOT, file), 'utf8')))).toEqual([]);
  });

  it('a fact may list exactly the features its criterion declares', () => {
    const withFeatures = CRITERIA.filter((c) => c.features);
    expect(withFeatures.length).toBeGreaterThan(0);
    const shape = messengerSchema.shape.facts.shape as Record<string, { safeParse: (v: unknown) => { success: boolean } }>;
    for (const c of CRITERIA) {
      const fact = { value: 'ein Wert', level: Object.keys(c.levels)[0], source: 'T1' };
      const declared = Object.keys(c.features ?? {});
      if (declared.length > 0) expect(shape[c.id]!.safeParse({ ...fact, features: declared }).success, c.id).toBe(true);
      expect(shape[c.id]!.safeParse({ ...fact, features: ['erfunden'] }).success, c.id).toBe(false);
    }
  });
});
