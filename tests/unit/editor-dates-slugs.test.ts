import { describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { pubDateField } from '../../editor/keystatic.config';
import { slugify } from '@/lib/posts/slug';
import { scaffoldPost } from '@/lib/posts/scaffold';
import { PUB_DATE_MAX_YEARS_AHEAD, PUB_DATE_MIN_YEAR, germanDay, pubDateBounds, scheduledDay } from '@/lib/posts/pub-date';
import { ROOT } from '../helpers/paths';

/** A Keystatic field's own check: true when the editor would let the value be saved. */
function editorAccepts(field: unknown, value: unknown): boolean {
  try {
    (field as { validate: (v: unknown) => unknown }).validate(value);
    return true;
  } catch {
    return false;
  }
}

// The editor's address field uses it too (slug.generate): tests/browser/editor-german.test.ts types a title there.
describe('addresses from German titles: one slugify for the editor and `npm run new`', () => {
  it.each([
    ['WhatsApp-Gruppen', 'whatsapp-gruppen'],
    ['WhatsApp-Gruppen für Innungen', 'whatsapp-gruppen-fuer-innungen'],
    ['Größe & Maß', 'groesse-und-mass'],
    ['Ärger über Öffnungszeiten', 'aerger-ueber-oeffnungszeiten'],
    ['Straße 2027: Neue Pflichten!', 'strasse-2027-neue-pflichten'],
  ])('%s → %s', (title, slug) => {
    expect(slugify(title)).toBe(slug);
    expect(scaffoldPost(title).slug).toBe(slug);
  });
});

describe('"Erscheint am": a range from one constant, today by default', () => {
  const today = new Date(2026, 11, 3);

  it('bounds: from the first day of PUB_DATE_MIN_YEAR to PUB_DATE_MAX_YEARS_AHEAD years ahead', () => {
    expect(pubDateBounds(today)).toEqual({ min: `${PUB_DATE_MIN_YEAR}-01-01`, max: `${2026 + PUB_DATE_MAX_YEARS_AHEAD}-12-03` });
  });

  it('the field refuses 0026 (a two-digit year) and a day too far ahead, takes this year and next', () => {
    const year = new Date().getFullYear();
    expect(editorAccepts(pubDateField, `00${String(year).slice(2)}-12-10`)).toBe(false);
    expect(editorAccepts(pubDateField, `${PUB_DATE_MIN_YEAR - 1}-12-31`)).toBe(false);
    expect(editorAccepts(pubDateField, `${year + PUB_DATE_MAX_YEARS_AHEAD + 1}-01-01`)).toBe(false);
    expect(editorAccepts(pubDateField, `${year}-01-01`)).toBe(true);
    expect(editorAccepts(pubDateField, `${year + 1}-12-10`)).toBe(true);
    expect(editorAccepts(pubDateField, null)).toBe(false);
  });

  it('a new post starts at today', () => {
    const value = (pubDateField as unknown as { defaultValue: () => string }).defaultValue();
    const now = new Date();
    expect(value).toBe(`${now.getFullYear()}-${String(now.getMonth() + 1).padStart(2, '0')}-${String(now.getDate()).padStart(2, '0')}`);
  });

  it('a later day is named the German way; today and earlier days are not', () => {
    expect(germanDay('2026-12-10')).toBe('10.12.2026');
    expect(scheduledDay('2026-12-10', today)).toBe('10.12.2026');
    expect(scheduledDay('2026-12-03', today)).toBeNull();
    expect(scheduledDay('2026-11-30', today)).toBeNull();
    expect(scheduledDay(null, today)).toBeNull();
  });

  it('the guide names the range the constants set', () => {
    const guide = readFileSync(join(ROOT, 'docs/redaktion.md'), 'utf8');
    expect(guide).toContain(`Frühestens ${PUB_DATE_MIN_YEAR}`);
    expect(guide).toContain(`frühestens 01.01.${PUB_DATE_MIN_YEAR}`);
    expect(guide).toContain(['null', 'ein', 'zwei', 'drei'][PUB_DATE_MAX_YEARS_AHEAD] + ' Jahre im Voraus');
  });
});
