/**
 * The Impressum of a site created in the Verwaltung (issue 26, src/lib/sites/impressum.ts): the typed values fill the
 * new site's config, a bad value is refused in German with the field's label, and the release check's problems become
 * a checklist of German labels without a settings key.
 */
import { describe, expect, it } from 'vitest';
import { parseGuildConfig } from '@/lib/config/schema';
import { releaseProblems } from '@/lib/config/release';
import { IMPRESSUM_FIELDS, impressumFieldProblems, impressumProblems, releaseChecklist } from '@/lib/sites/impressum';
import { newSiteConfig } from '@/lib/sites/template';
import { de } from '@/i18n/de';
import { format } from '@/i18n/format';
import { COMPLETE_IMPRESSUM } from '../helpers/impressum';

const l = de.siteImpressum;
const FULL = COMPLETE_IMPRESSUM;

describe('the Impressum of a new site', () => {
  it('a complete Impressum leaves no Impressum problem; the rest of the release check is named by German labels', () => {
    const config = parseGuildConfig(newSiteConfig('mitte.innung.test', 'Innung Mitte', FULL));
    const problems = releaseProblems(config);
    expect(impressumProblems(problems)).toEqual([]);
    expect(config.representation.board).toEqual([{ name: 'Otto Obermeister', role: 'Obermeister' }]);
    const checklist = releaseChecklist(problems);
    expect(checklist).toContain(l.privacyNoticeDate);
    expect(checklist.join(' ')).not.toMatch(/[a-z][A-Z]|\.[a-z]|\//);
  });

  it('without the Impressum the template is „noch nicht live“ and every Impressum field is on the checklist', () => {
    const problems = impressumProblems(releaseProblems(parseGuildConfig(newSiteConfig('mitte.innung.test', 'Innung Mitte'))));
    const checklist = releaseChecklist(problems);
    for (const field of IMPRESSUM_FIELDS.filter((f) => !['address.postalCode', 'address.city'].includes(f.key)))
      expect(checklist, field.label).toContain(field.label);
    expect(checklist.join(' ')).not.toMatch(/supervisoryAuthority|address\.|phone|email\b/);
  });

  it('a bad value is refused in German with its label; an empty one is allowed', () => {
    expect(impressumFieldProblems({ ...FULL, email: 'keine', plz: '123', 'kammer-web': 'hwk', telefon: 'abc' })).toEqual([
      format(l.invalidPostalCode, { label: l.postalCode }),
      format(l.invalidPhone, { label: l.phone }),
      format(l.invalidEmail, { label: l.email }),
      format(l.invalidUrl, { label: l.chamberUrl }),
    ]);
    expect(impressumFieldProblems({ strasse: '' })).toEqual([]);
  });
});
