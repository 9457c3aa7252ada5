/**
 * Comment Markdown → safe HTML. markdown-it parses a small subset with raw HTML off;
 * sanitize-html then allows only the tags that subset produces, as a second wall.
 */
import MarkdownIt from 'markdown-it';
import sanitizeHtml from 'sanitize-html';

const markdown = new MarkdownIt('zero', { html: false, linkify: true, breaks: true, typographer: false }).enable([
  'blockquote',
  'list',
  'emphasis',
  'link',
  'autolink',
  'backticks',
  'linkify',
  'escape',
  'entity',
  'newline',
]);

const SAFE_SCHEMES = ['http', 'https', 'mailto'];

// markdown-it already refuses javascript:, vbscript:, file: and data:; keep only our schemes.
markdown.validateLink = (url: string) => {
  const scheme = /^([a-z][a-z0-9+.-]*):/i.exec(url.trim())?.[1]?.toLowerCase();
  return scheme !== undefined && SAFE_SCHEMES.includes(scheme);
};

export const LINK_REL = 'nofollow ugc noopener';

const sanitizeOptions: sanitizeHtml.IOptions = {
  allowedTags: ['p', 'br', 'em', 'strong', 'a', 'ul', 'ol', 'li', 'blockquote', 'code'],
  allowedAttributes: { a: ['href', 'rel'] },
  allowedSchemes: SAFE_SCHEMES,
  allowedSchemesAppliedToAttributes: ['href'],
  allowProtocolRelative: false,
  disallowedTagsMode: 'escape',
  transformTags: {
    a: (tagName, attribs) => ({ tagName, attribs: { href: attribs.href ?? '', rel: LINK_REL } }),
  },
};

export function renderComment(text: string): string {
  return sanitizeHtml(markdown.render(text), sanitizeOptions).trim();
}

/** Links a comment would contain once rendered (for the link limit). */
export function countLinks(html: string): number {
  return (html.match(/<a\s/g) ?? []).length;
}
