/**
 * Every limit a reader or editor reads in a sentence comes from the constant the code enforces: for each
 * constant, the rendered sentence carries its value formatted the German way ("5.000 Zeichen"), and the
 * files that render it hold no typed-in copy of that number.
 */
import { describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import guildConfig from '@/guild.config';
import { de } from '@/i18n/de';
import { formatCount, formatNumber } from '@/i18n/format';
import { EDIT_WINDOW_MS, GUEST_NAME, LIMITS, MAX_BODY_BYTES } from '@/lib/comments/rules';
import { parseGuildConfig } from '@/lib/config/schema';
import { easyLanguage } from '@/lib/config/easy-language';
import { retentionSentence } from '@/lib/config/notice';
import { fixFor } from '@/lib/content-check/front-matter';
import { MAX_COMPARED, RECHECK_MONTHS } from '@/lib/messengers/limits';
import { DESCRIPTION_MAX, DESCRIPTION_MIN } from '@/lib/posts/schema';
import { scaffoldPost } from '@/lib/posts/scaffold';
import { SITE_TIME_ZONE } from '@/lib/posts/publish';
import { MAX_UPLOAD_BYTES, uploadRefusal } from '@/lib/editor/uploads';
import { REQUEST_TOO_LARGE } from '../../server/editor/update-guard';
import { ROOT } from '../helpers/paths';
import { sourceFiles } from '../helpers/source-files';

const config = parseGuildConfig(guildConfig);
const easyText = easyLanguage({
  config,
  routes: { posts: '/beitraege/', comparison: '/messenger-vergleich/', privacy: '/datenschutz/', accessibility: '/barrierefreiheit/' },
  editMinutes: EDIT_WINDOW_MS / 60_000,
})
  .flatMap((s) => s.blocks.map((b) => ('text' in b ? b.text : '')))
  .join(' ');

/** Source text without comments, so a "why" comment may still name a number. */
const source = (file: string) =>
  readFileSync(join(ROOT, file), 'utf8')
    .replace(/\/\*[\s\S]*?\*\//g, '')
    .replace(/^\s*\/\/.*$/gm, '');

const minutes = EDIT_WINDOW_MS / 60_000;

describe('formatNumber and formatCount', () => {
  it('write numbers the German way', () => {
    expect(formatNumber(5000)).toBe('5.000');
    expect(formatNumber(1.5)).toBe('1,5');
    expect(formatCount(1, 'Tag', 'Tagen')).toBe('1 Tag');
    expect(formatCount(30, 'Tag', 'Tagen')).toBe('30 Tagen');
  });
});

describe('each limit a reader sees is its constant', () => {
  const cases: Array<{ name: string; shown: string; sentences: string[]; files: string[] }> = [
    {
      name: 'LIMITS.textMax',
      shown: formatCount(LIMITS.textMax, 'Zeichen', 'Zeichen'),
      sentences: [de.apiErrors.text_too_long],
      files: ['src/i18n/de.ts', 'src/components/comments/comment-section.ts'],
    },
    {
      name: 'LIMITS.authorMax',
      shown: formatCount(LIMITS.authorMax, 'Zeichen', 'Zeichen'),
      sentences: [de.apiErrors.author_too_long, de.comments.authorHint],
      files: ['src/i18n/de.ts', 'src/components/comments/comment-section.ts'],
    },
    {
      name: 'LIMITS.linksMax',
      shown: formatCount(LIMITS.linksMax, 'Link', 'Links'),
      sentences: [de.apiErrors.too_many_links, de.comments.textHint],
      files: ['src/i18n/de.ts'],
    },
    {
      name: 'MAX_BODY_BYTES',
      shown: `${formatNumber(MAX_BODY_BYTES / 1024)} kB`,
      sentences: [de.apiErrors.body_too_large],
      files: ['src/i18n/de.ts', 'src/lib/comments/http.ts'],
    },
    {
      name: 'EDIT_WINDOW_MS',
      shown: formatCount(minutes, 'Minute', 'Minuten'),
      sentences: [de.apiErrors.edit_window_closed, easyText],
      files: [
        'src/i18n/de.ts',
        'src/lib/config/easy-language.ts',
        'src/pages/leichte-sprache.astro',
        'src/components/comments/comment-section.ts',
      ],
    },
    {
      name: 'comments.purgeRejectedAfterDays',
      shown: formatCount(config.comments.purgeRejectedAfterDays, 'Tag', 'Tagen'),
      sentences: [de.comments.privacyNote(config.comments), retentionSentence(config.comments), easyText],
      files: ['src/i18n/de.ts', 'src/lib/config/notice.ts', 'src/lib/config/easy-language.ts'],
    },
    {
      name: 'DESCRIPTION_MIN/MAX',
      shown: `${DESCRIPTION_MIN} bis ${DESCRIPTION_MAX} Zeichen`,
      sentences: [fixFor('description'), scaffoldPost('Ein Titel').content],
      files: ['src/lib/content-check/front-matter.ts', 'src/lib/posts/scaffold.ts'],
    },
    {
      name: 'RECHECK_MONTHS',
      shown: formatCount(RECHECK_MONTHS, 'Monat', 'Monaten'),
      sentences: [de.evidence.freshness(80, 10, '1. Januar 2026')],
      files: ['src/i18n/de.ts', 'src/lib/content-check/index.ts'],
    },
    {
      name: 'MAX_COMPARED',
      shown: `${formatNumber(MAX_COMPARED)} Messenger`,
      sentences: [de.compare.limit, de.compare.tip],
      files: ['src/i18n/de.ts', 'src/components/comparison/CompareControls.astro', 'src/components/comparison/messenger-compare.ts'],
    },
    {
      name: 'MAX_UPLOAD_BYTES',
      shown: `${formatNumber(MAX_UPLOAD_BYTES / 1024 / 1024)} MB`,
      sentences: [REQUEST_TOO_LARGE, uploadRefusal('bild.png', new Uint8Array(MAX_UPLOAD_BYTES + 1))!.message],
      files: ['src/i18n/de.ts', 'src/lib/editor/uploads.ts', 'server/editor/update-guard.ts', 'server/editor/routes.ts'],
    },
  ];

  for (const c of cases) {
    it(`${c.name}: every sentence says "${c.shown}"`, () => {
      for (const sentence of c.sentences) expect(sentence).toContain(c.shown);
    });

    it(`${c.name}: the number is not typed into ${c.files.join(', ')}`, () => {
      // Both spellings: "5.000 Zeichen" and "5000 Zeichen".
      const typed = [c.shown, c.shown.replace(/(\d)\.(\d{3})/g, '$1$2')];
      for (const file of c.files) for (const text of typed) expect(source(file), file).not.toContain(text);
    });
  }

  it('names the guest the way the comment cleaner does', () => {
    expect(de.comments.authorHint).toContain(`„${GUEST_NAME}“`);
  });
});

describe('SITE_TIME_ZONE', () => {
  it('is the only place the time zone is written in src/, server/, scripts/ and editor/', () => {
    const files = sourceFiles('src', 'server', 'scripts', 'editor').filter((f) => f !== join('src', 'lib', 'posts', 'publish.ts'));
    expect(files.length).toBeGreaterThan(50);
    expect(files.filter((file) => source(file).includes(SITE_TIME_ZONE))).toEqual([]);
    expect(source('src/lib/posts/publish.ts')).toContain(`'${SITE_TIME_ZONE}'`);
  });
});
