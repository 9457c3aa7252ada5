import { describe, expect, it } from 'vitest';
import { parse } from 'node-html-parser';
import { countLinks, renderComment } from '@/lib/comments/render';

/**
 * Payloads collected from the XSS tests of Isso (test_html.py), Remark42 (formatter tests),
 * Commento / Comentario (markdown tests) and the OWASP XSS Filter Evasion Cheat Sheet.
 */
const XSS_CORPUS = [
  '<script>alert(1)</script>',
  '<SCRIPT SRC=http://xss.rocks/xss.js></SCRIPT>',
  '<img src=x onerror=alert(1)>',
  '<IMG SRC="javascript:alert(\'XSS\');">',
  '<IMG SRC=javascript:alert(&quot;XSS&quot;)>',
  '<IMG SRC=`javascript:alert("RSnake says, \'XSS\'")`>',
  '<IMG """><SCRIPT>alert("XSS")</SCRIPT>">',
  '<IMG SRC=&#106;&#97;&#118;&#97;&#115;&#99;&#114;&#105;&#112;&#116;&#58;&#97;&#108;&#101;&#114;&#116;&#40;&#39;&#88;&#83;&#83;&#39;&#41;>',
  '<IMG SRC="jav&#x09;ascript:alert(\'XSS\');">',
  '<svg/onload=alert(1)>',
  '<svg><script>alert(1)</script></svg>',
  "<BODY ONLOAD=alert('XSS')>",
  '<iframe src="javascript:alert(1)"></iframe>',
  '<a href="javascript:alert(1)">klick</a>',
  '[klick](javascript:alert(1))',
  '[klick](JaVaScRiPt:alert(1))',
  '[klick](javascript&#58;alert(1))',
  '[klick](&#106;avascript:alert(1))',
  '[klick](data:text/html;base64,PHNjcmlwdD5hbGVydCgxKTwvc2NyaXB0Pg==)',
  '[klick](vbscript:msgbox(1))',
  '[klick](file:///etc/passwd)',
  '![bild](javascript:alert(1))',
  '![x](https://example.org/x.png"onerror="alert(1))',
  '[a](https://example.org/"onmouseover="alert(1))',
  '<a href="https://example.org" onclick="alert(1)">x</a>',
  '<div style="background:url(javascript:alert(1))">x</div>',
  '<style>@import "http://evil/xss.css";</style>',
  '<object data="javascript:alert(1)"></object>',
  '<embed src="data:image/svg+xml;base64,PHN2Zz48c2NyaXB0PmFsZXJ0KDEpPC9zY3JpcHQ+PC9zdmc+">',
  '<meta http-equiv="refresh" content="0;url=javascript:alert(1)">',
  '<base href="javascript:alert(1)//">',
  '<form action="javascript:alert(1)"><input type=submit></form>',
  '<math><mtext><table><mglyph><style><img src=x onerror=alert(1)></style></mglyph></table></mtext></math>',
  '<<SCRIPT>alert("XSS");//<</SCRIPT>',
  '"><script>alert(document.cookie)</script>',
  '<details open ontoggle=alert(1)>',
  '<a href="&#x6A;avascript:alert(1)">x</a>',
  '<http://example.org"onmouseover="alert(1)>',
  '<javascript:alert(1)>',
  '`<script>alert(1)</script>`',
  '> <script>alert(1)</script>',
  '- <img src=x onerror=alert(1)>',
];

const ALLOWED_TAGS = new Set(['p', 'br', 'em', 'strong', 'a', 'ul', 'ol', 'li', 'blockquote', 'code']);

function assertSafe(html: string) {
  const root = parse(html);
  for (const element of root.querySelectorAll('*')) {
    const tag = element.tagName.toLowerCase();
    expect(ALLOWED_TAGS.has(tag), `tag <${tag}> in ${html}`).toBe(true);
    for (const [name, value] of Object.entries(element.attributes)) {
      expect(['href', 'rel'], `attribute ${name} in ${html}`).toContain(name);
      if (name === 'href') expect(value, html).toMatch(/^(https?:|mailto:)/i);
    }
  }
  expect(html).not.toMatch(/<script|<svg|<iframe|<img|<style|<object|<embed|<form|<meta|<base/i);
}

describe('comment rendering', () => {
  it('renders the Markdown subset: paragraphs, emphasis, links, lists, quotes, inline code', () => {
    const html = renderComment('Erster *Absatz* mit **fett**.\n\n- eins\n- zwei\n\n> Zitat\n\n`code` und [Link](https://example.org/)');
    expect(html).toContain('<p>Erster <em>Absatz</em> mit <strong>fett</strong>.</p>');
    expect(html).toContain('<ul>\n<li>eins</li>\n<li>zwei</li>\n</ul>');
    expect(html).toContain('<blockquote>\n<p>Zitat</p>\n</blockquote>');
    expect(html).toContain('<code>code</code>');
    expect(html).toContain('<a href="https://example.org/" rel="nofollow ugc noopener">Link</a>');
  });

  it('does not render headings, images or raw HTML', () => {
    const html = renderComment('# Überschrift\n\n![bild](https://example.org/a.png)\n\n<b>fett</b>');
    expect(html).not.toMatch(/<h1|<img|<b>/);
    expect(html).toContain('&lt;b&gt;fett&lt;/b&gt;');
  });

  it('links bare URLs with nofollow ugc noopener', () => {
    expect(renderComment('Siehe https://threema.ch/de')).toBe(
      '<p>Siehe <a href="https://threema.ch/de" rel="nofollow ugc noopener">https://threema.ch/de</a></p>',
    );
  });

  it('counts links for the link limit', () => {
    expect(countLinks(renderComment('https://a.example https://b.example [c](https://c.example)'))).toBe(3);
  });

  it(`neutralises every payload of the XSS corpus (${XSS_CORPUS.length} payloads)`, () => {
    expect(XSS_CORPUS.length).toBeGreaterThanOrEqual(30);
    for (const payload of XSS_CORPUS) assertSafe(renderComment(payload));
  });
});
