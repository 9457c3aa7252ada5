import { describe, expect, it } from 'vitest';
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import { parse } from 'node-html-parser';
import { jsonForScript } from '@/lib/json-script';
import { ROOT } from '../helpers/paths';

function files(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    return statSync(path).isDirectory() ? files(path) : /\.(astro|ts)$/.test(name) ? [path] : [];
  });
}

describe('JSON inside a <script> element (JSON-LD, data islands)', () => {
  it('a title with </script> stays inside its element and reads back the same', () => {
    const data = { headline: '</script><script>alert(1)</script> & <!-- \u2028', author: 'A <b>' };
    const html = `<head><script type="application/ld+json">${jsonForScript(data)}</script></head>`;
    const scripts = parse(html).querySelectorAll('script');
    expect(scripts).toHaveLength(1);
    expect(JSON.parse(scripts[0]!.textContent)).toEqual(data);
    expect(jsonForScript(data)).not.toMatch(/[<>&\u2028\u2029]/);
  });

  it('no page or component writes JSON.stringify into set:html (it would let "</script>" out)', () => {
    const offenders = files(join(ROOT, 'src')).filter((file) => /set:html=\{JSON\.stringify\(/.test(readFileSync(file, 'utf8')));
    expect(offenders.map((file) => relative(ROOT, file))).toEqual([]);
  });
});
