import { describe, expect, it } from 'vitest';
import { join } from 'node:path';
import { createReader } from '@keystatic/core/reader';
import config from '../../editor/keystatic.config';
import { ROOT } from '../helpers/paths';

/** Keystatic refuses to open a file its field model does not cover (an unknown key, an MDX comment): every real file must open. */
describe('every content file opens in the browser editor', () => {
  const reader = createReader(join(ROOT, 'content'), config);
  for (const collection of ['posts', 'messengers', 'sources'] as const) {
    it(`${collection}`, async () => {
      const slugs = await reader.collections[collection].list();
      expect(slugs.length).toBeGreaterThan(0);
      const refused: string[] = [];
      for (const slug of slugs) {
        try {
          await reader.collections[collection].read(slug, { resolveLinkedFiles: true });
        } catch (error) {
          refused.push(`${slug}: ${(error as Error).message.split('\n').slice(0, 3).join(' ')}`);
        }
      }
      expect(refused).toEqual([]);
    });
  }
});
