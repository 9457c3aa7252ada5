import { describe, expect, it } from 'vitest';
import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { parse } from 'node-html-parser';
import { CRITERIA } from '@/lib/messengers/criteria';
import { MAX_COMPARED } from '@/lib/messengers/limits';
import { de } from '@/i18n/de';
import { ROOT, TEST_CLIENT } from '../helpers/paths';

const ids = readdirSync(join(ROOT, 'content/messengers')).map((f) => f.replace('.yaml', ''));
const page = () => parse(readFileSync(join(TEST_CLIENT, 'messenger-vergleich/index.html'), 'utf8'));

describe('the comparison page without JavaScript', () => {
  it('is a real table with caption, column and row headers', () => {
    const table = page().querySelector('table[data-comparison-table]')!;
    expect(table.querySelector('caption')?.text).toContain(`${ids.length} Messenger nach ${CRITERIA.length} Kriterien`);
    expect(table.querySelectorAll('thead th[scope="col"]')).toHaveLength(CRITERIA.length + 1);
    expect(table.querySelectorAll('tbody th[scope="row"]')).toHaveLength(ids.length);
  });

  it('has every messenger and criterion, each cell with a visible value and a source link', () => {
    const table = page().querySelector('table[data-comparison-table]')!;
    for (const id of ids) {
      const row = table.querySelector(`tr[data-messenger="${id}"]`);
      expect(row, id).not.toBeNull();
      for (const c of CRITERIA) {
        const cell = row!.querySelector(`td#vergleich--${id}--${c.id}`)!;
        expect(cell.text.trim().length, `${id}.${c.id}`).toBeGreaterThan(5);
        // Level, sentence and source are separate words for the site search, which reads spans as inline text.
        const [level, sentence] = cell.childNodes.filter((n) => n.nodeType === 1);
        expect(cell.text, `${id}.${c.id}`).toContain(`${level!.text} ${sentence!.text} Quelle`);
        // A source without a confirmed address (content/sources/NRW.yaml) is named without a link.
        const link = cell.querySelector('[data-source-link]');
        expect(link, `${id}.${c.id}`).not.toBeNull();
        if (link!.tagName === 'A') expect(link!.getAttribute('href'), `${id}.${c.id}`).toMatch(/^https:\/\//);
        // The source's own date ("vom …", "Stand …" or "undatiert"); never a made-up one.
        expect(cell.querySelector('[data-source-date]')?.text, `${id}.${c.id}`).toMatch(/^(vom \d+\. \S+ \d{4}|Stand .+|undatiert)$/);
      }
    }
  });

  it(`names the limit of ${MAX_COMPARED} compared messengers from its constant, in the tip and in the strings of <messenger-compare>`, () => {
    const html = page();
    expect(html.text).toContain(de.compare.tip);
    expect(de.compare.tip).toContain(`${MAX_COMPARED} Messengern`);
    const strings = JSON.parse(html.querySelector('messenger-compare')!.getAttribute('data-strings')!) as Record<string, string>;
    expect(strings.compareLimit).toBe(de.compare.limit);
  });

  it('labels each matrix column with the short label its criterion declares', () => {
    const labels = page()
      .querySelectorAll('[data-matrix-legend] dt')
      .map((dt) => dt.text.trim());
    for (const c of CRITERIA) expect(labels, c.id).toContain(c.short);
  });

  it('marks unverified facts as "nicht bestätigt" and says when the data was checked', () => {
    const html = page();
    expect(html.querySelector('td#vergleich--teamwire--cost [data-unverified]')?.text).toBe('nicht bestätigt');
    expect(html.querySelector('td#vergleich--threema--addressBook [data-unverified]')).toBeNull();
    expect(html.querySelector('[data-last-checked]')?.text).toMatch(
      /\d+ % der \d+ Angaben wurden in den letzten 12 Monaten an ihrer Quelle nachgelesen/,
    );
  });

  it('keeps the search text out of the page: suchtext.json has it for every messenger, at the address the page names', () => {
    const html = page();
    const index = JSON.parse(html.querySelector('script[data-index]')!.text) as { items: Array<Record<string, unknown>> };
    expect(index.items.map((item) => item.id).sort()).toEqual([...ids].sort());
    expect(index.items.every((item) => !('text' in item))).toBe(true);
    expect(html.querySelector('messenger-compare')?.getAttribute('data-search-text')).toBe('/messenger-vergleich/suchtext.json');
    const texts = JSON.parse(readFileSync(join(TEST_CLIENT, 'messenger-vergleich/suchtext.json'), 'utf8')) as Record<string, string>;
    expect(Object.keys(texts).sort()).toEqual([...ids].sort());
    expect(texts.threema).toContain('schweiz');
  });

  it('offers the decision aid as a form that works without JavaScript', () => {
    const form = page().querySelector('form[data-advice-form]')!;
    expect(form.getAttribute('method')).toBe('get');
    expect(form.getAttribute('action')).toBe('/messenger-vergleich/empfehlung/');
    expect(form.querySelectorAll('fieldset')).toHaveLength(5);
  });

  it('has a detail page per messenger with all facts and the articles that mention it', () => {
    for (const id of ids) {
      const detail = parse(readFileSync(join(TEST_CLIENT, `messenger/${id}/index.html`), 'utf8'));
      expect(detail.querySelectorAll('[data-criterion] [data-source-link]')).toHaveLength(CRITERIA.length);
    }
    const threema = parse(readFileSync(join(TEST_CLIENT, 'messenger/threema/index.html'), 'utf8'));
    expect(threema.querySelector('#artikel')?.parentNode.text).toContain('WhatsApp im Unternehmen');
  });

  it('finds mentions in Markdown posts too, whose source the build keeps only as HTML', () => {
    const whatsapp = parse(readFileSync(join(TEST_CLIENT, 'messenger/whatsapp/index.html'), 'utf8'));
    expect(whatsapp.querySelector('#artikel')?.parentNode.text).toContain('was das Data Privacy Framework bedeutet');
  });

  it('the WhatsApp article embeds the comparison for a subset', () => {
    const article = parse(readFileSync(join(TEST_CLIENT, 'beitraege/whatsapp-im-unternehmen/index.html'), 'utf8'));
    const rows = article.querySelectorAll('[data-block="messenger-comparison"] tbody tr').map((r) => r.getAttribute('data-messenger'));
    expect(rows).toEqual(['whatsapp', 'whatsapp-business', 'whatsapp-business-platform', 'threema', 'threema-work']);
  });
});
