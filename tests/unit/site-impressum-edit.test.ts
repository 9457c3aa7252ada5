/**
 * An existing site's Impressum in the Verwaltung's form (issue 26, src/lib/sites/impressum.ts): the form shows the
 * config's values but sample data as empty, and saving lays the typed values over the config as it is, keeping
 * what was left empty; a deputy typed for a board of one gets its function.
 */
import { describe, expect, it } from 'vitest';
import { parseGuildConfig } from '@/lib/config/schema';
import { releaseProblems } from '@/lib/config/release';
import { IMPRESSUM_FIELDS, impressumValuesOf, withImpressum } from '@/lib/sites/impressum';
import { newSiteConfig } from '@/lib/sites/template';
import { de } from '@/i18n/de';

describe('an existing Impressum in the form', () => {
  it('shows every sample value of a new site as empty', () => {
    const config = parseGuildConfig(newSiteConfig('mitte.innung.test', 'Innung Mitte'));
    const values = impressumValuesOf(config, releaseProblems(config));
    expect(Object.keys(values)).toEqual(IMPRESSUM_FIELDS.map((field) => field.name));
    expect(Object.values(values).every((value) => value === '')).toBe(true);
  });

  it('shows typed values, keeps what is left empty, and adds a deputy with a function', () => {
    const input = newSiteConfig('mitte.innung.test', 'Innung Mitte', { strasse: 'Marktplatz 3', obermeister: 'Otto Obermeister' });
    expect(input.representation.board).toHaveLength(1);
    const config = parseGuildConfig(input);
    const values = impressumValuesOf(config, releaseProblems(config));
    expect(values.strasse).toBe('Marktplatz 3');
    expect(values.obermeister).toBe('Otto Obermeister');
    expect(values.plz).toBe('');

    const next = withImpressum(input, { ort: 'Mittelstadt', stellvertretung: 'Susi Stellvertreterin' });
    expect(next.address.street).toBe('Marktplatz 3');
    expect(next.address.city).toBe('Mittelstadt');
    expect(next.representation.board[1]).toEqual({ name: 'Susi Stellvertreterin', role: de.siteImpressum.boardDeputyRole });
    expect(input.address.city).not.toBe('Mittelstadt');
  });
});
