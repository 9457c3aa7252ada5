/**
 * HTML in posts, written as JSX in .mdx or as raw HTML in .md: only plain elements from an allow-list,
 * no script-carrying attributes, and every address through the one link rule (src/lib/safe-url.ts).
 */
import { parseFragment } from 'parse5';
import { de } from '../../i18n/de';
import { format } from '../../i18n/format';
import { isSafeLink, LINK_SCHEMES } from '../safe-url';

const t = de.contentSafety;

/** Plain HTML a post may use. Anything else is refused, the elements below with them. */
export const ALLOWED_HTML: ReadonlySet<string> = new Set(
  (
    'a abbr b bdi bdo blockquote br caption cite code col colgroup dd del details dfn div dl dt em figcaption figure ' +
    'h1 h2 h3 h4 h5 h6 hr i img ins kbd li mark ol p pre q s samp small span strong sub summary sup table tbody td ' +
    'tfoot th thead time tr u ul var wbr'
  ).split(' '),
);

/** Named by issue 21: elements that run code, load other pages or send data. Never on the allow-list. */
export const FORBIDDEN_HTML = [
  'script',
  'style',
  'iframe',
  'object',
  'embed',
  'meta',
  'link',
  'base',
  'form',
  'input',
  'svg',
  'math',
] as const;

/** Attributes whose value is an address. */
export const URL_ATTRIBUTES: ReadonlySet<string> = new Set([
  'href',
  'src',
  'url',
  'action',
  'formaction',
  'poster',
  'cite',
  'background',
  'longdesc',
  'data',
  'ping',
  'xlink:href',
]);

/** Event handlers, inline styles, frame documents, React's raw HTML and any namespaced name (Astro's set:html, client:…). */
export function isForbiddenAttribute(name: string): boolean {
  return /^(?:on.*|style|srcdoc|dangerouslysetinnerhtml|innerhtml|outerhtml|is)$/i.test(name) || name.includes(':');
}

/** A problem without its file; `line` counts from the start of the text it was found in. */
export interface Finding {
  line: number;
  field: string;
  message: string;
  fix: string;
}

export function unsafeLinkFinding(url: string, line: number): Finding {
  const shown = url.length > 60 ? `${url.slice(0, 57)}…` : url;
  return {
    line,
    field: t.linkField,
    message: format(t.unsafeLink, { url: shown, schemes: LINK_SCHEMES.map((s) => `${s}:`).join(', ') }),
    fix: t.unsafeLinkFix,
  };
}

/** Every address in an attribute value: one for href/src/…, each candidate of a srcset. */
export function addressesOf(name: string, value: string): string[] {
  const lower = name.toLowerCase();
  if (lower === 'srcset')
    return value
      .split(',')
      .map((candidate) => candidate.trim().split(/\s+/)[0] ?? '')
      .filter(Boolean);
  return URL_ATTRIBUTES.has(lower) ? [value] : [];
}

/**
 * Attribute rules shared by HTML elements and building blocks. A block takes only its own props
 * (`props`, from BLOCK_PROPS); an HTML element any attribute but event handlers, styles and the like.
 */
export function attributeFindings(element: string, name: string, value: string | null, line: number, props?: readonly string[]): Finding[] {
  if (props ? !props.includes(name) : isForbiddenAttribute(name)) {
    const fix = props ? format(t.unknownPropFix, { name, props: props.join(', ') || '–' }) : format(t.forbiddenAttributeFix, { name });
    return [{ line, field: t.attributeField, message: format(t.forbiddenAttribute, { name, element }), fix }];
  }
  if (value === null) return [];
  return addressesOf(name, value)
    .filter((url) => !isSafeLink(url))
    .map((url) => unsafeLinkFinding(url, line));
}

export function forbiddenElementFinding(name: string, line: number): Finding {
  return { line, field: t.elementField, message: format(t.forbiddenElement, { name }), fix: t.forbiddenElementFix };
}

/** A lower-case (HTML) element with its attributes. */
export function htmlElementFindings(
  name: string,
  attributes: ReadonlyArray<{ name: string; value: string | null }>,
  line: number,
): Finding[] {
  const findings = ALLOWED_HTML.has(name) ? [] : [forbiddenElementFinding(name, line)];
  for (const attribute of attributes) findings.push(...attributeFindings(name, attribute.name, attribute.value, line));
  return findings;
}

interface HtmlNode {
  nodeName: string;
  tagName?: string;
  attrs?: Array<{ name: string; value: string; prefix?: string }>;
  childNodes?: HtmlNode[];
  content?: HtmlNode;
  sourceCodeLocation?: { startLine: number } | null;
}

/** Raw HTML (an `html` node of a .md post), parsed as a browser would; `line` is the node's first line. */
export function rawHtmlFindings(html: string, line: number): Finding[] {
  const findings: Finding[] = [];
  const visit = (node: HtmlNode) => {
    if (node.tagName) {
      const at = line + (node.sourceCodeLocation?.startLine ?? 1) - 1;
      const attributes = (node.attrs ?? []).map((a) => ({ name: a.prefix ? `${a.prefix}:${a.name}` : a.name, value: a.value }));
      findings.push(...htmlElementFindings(node.tagName, attributes, at));
    }
    for (const child of node.childNodes ?? []) visit(child);
    if (node.content) visit(node.content);
  };
  visit(parseFragment(html, { sourceCodeLocationInfo: true }) as unknown as HtmlNode);
  return findings;
}
