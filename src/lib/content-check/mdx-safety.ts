/**
 * Content is data, never code (house rule 15, issue 21). A post is parsed with the parser the site's
 * build uses (remark with remark-mdx and remark-gfm, as @astrojs/mdx does; .md without MDX) and refused
 * when it carries anything the build would run: `import`/`export`, `{…}` expressions, components other
 * than our building blocks, props that are code rather than literals (checked on the expression's
 * estree), script-carrying HTML, or links with a scheme other than https, http, mailto or tel.
 */
import type { Expression, Node as EstreeNode, Program } from 'estree';
import remarkGfm from 'remark-gfm';
import remarkMdx from 'remark-mdx';
import remarkParse from 'remark-parse';
import { unified } from 'unified';
import { de } from '../../i18n/de';
import { format } from '../../i18n/format';
import { isSafeImage, isSafeLink } from '../safe-url';
import { BLOCK_PROPS, KNOWN_COMPONENTS, unknownBlock } from './blocks';
import { formatReport } from './report';
import { attributeFindings, htmlElementFindings, rawHtmlFindings, unsafeLinkFinding, type Finding } from './html-safety';
import type { ParsedPost, Problem } from './types';

const t = de.contentSafety;
const mdxParser = unified().use(remarkParse).use(remarkMdx).use(remarkGfm);
const mdParser = unified().use(remarkParse).use(remarkGfm);

/** The mdast nodes this rule looks at, loosely typed: remark-mdx adds the mdx* node types. */
interface MdNode {
  type: string;
  name?: string | null;
  url?: string;
  identifier?: string;
  value?: unknown;
  attributes?: JsxAttribute[];
  children?: MdNode[];
  data?: { estree?: Program | null };
  position?: { start: { line: number } };
}

interface JsxAttribute {
  type: 'mdxJsxAttribute' | 'mdxJsxExpressionAttribute';
  name?: string;
  value?: string | null | { type: string; value: string; data?: { estree?: Program | null } };
  position?: { start: { line: number } };
}

const FORBIDDEN_KEYS = new Set(['__proto__', 'constructor', 'prototype']);

/** A literal: string, number, boolean, null, or an array/object of literals. No identifiers, calls, templates. */
export function isLiteralExpression(node: EstreeNode): boolean {
  switch (node.type) {
    case 'Literal':
      return !('regex' in node && node.regex);
    case 'UnaryExpression':
      return (
        (node.operator === '-' || node.operator === '+') && node.argument.type === 'Literal' && typeof node.argument.value === 'number'
      );
    case 'ArrayExpression':
      return node.elements.every((element) => element !== null && element.type !== 'SpreadElement' && isLiteralExpression(element));
    case 'ObjectExpression':
      return node.properties.every((p) => {
        if (p.type !== 'Property' || p.kind !== 'init' || p.computed || p.method || p.shorthand) return false;
        const key = p.key.type === 'Identifier' ? p.key.name : p.key.type === 'Literal' ? String(p.key.value) : undefined;
        return key !== undefined && !FORBIDDEN_KEYS.has(key) && isLiteralExpression(p.value);
      });
    default:
      return false;
  }
}

/** The one expression of an attribute value's program, if it is exactly one expression statement. */
function expressionOf(program: Program | null | undefined): Expression | undefined {
  const statement = program?.body.length === 1 ? program.body[0] : undefined;
  return statement?.type === 'ExpressionStatement' ? statement.expression : undefined;
}

/** Every string inside a literal expression (for address attributes given as {"…"}). */
function stringsIn(node: EstreeNode): string[] {
  if (node.type === 'Literal') return typeof node.value === 'string' ? [node.value] : [];
  if (node.type === 'ArrayExpression') return node.elements.flatMap((e) => (e && e.type !== 'SpreadElement' ? stringsIn(e) : []));
  if (node.type === 'ObjectExpression') return node.properties.flatMap((p) => (p.type === 'Property' ? stringsIn(p.value) : []));
  return [];
}

function jsxAttributeFindings(element: string, attribute: JsxAttribute, fallbackLine: number, props?: readonly string[]): Finding[] {
  const line = attribute.position?.start.line ?? fallbackLine;
  if (attribute.type === 'mdxJsxExpressionAttribute' || attribute.name === undefined) {
    return [{ line, field: t.attributeField, message: format(t.spreadProp, { element }), fix: t.spreadPropFix }];
  }
  const value = attribute.value;
  if (value === undefined || value === null || typeof value === 'string')
    return attributeFindings(element, attribute.name, value ?? null, line, props);
  const expression = expressionOf(value.data?.estree);
  if (!expression || !isLiteralExpression(expression)) {
    return [{ line, field: t.attributeField, message: format(t.codeInProp, { name: attribute.name, element }), fix: t.codeInPropFix }];
  }
  const strings = stringsIn(expression);
  const name = attribute.name;
  return strings.length === 0
    ? attributeFindings(element, name, null, line, props)
    : strings.flatMap((s) => attributeFindings(element, name, s, line, props));
}

function jsxElementFindings(node: MdNode, line: number, file: string, problems: Problem[], offset: number): Finding[] {
  const name = node.name ?? '';
  const attributes = node.attributes ?? [];
  const props = Object.hasOwn(BLOCK_PROPS, name) ? BLOCK_PROPS[name as keyof typeof BLOCK_PROPS] : undefined;
  const findings = attributes.flatMap((a) => jsxAttributeFindings(name || '<>', a, line, props));
  if (node.name === null || node.name === undefined) return findings; // a fragment <>…</> renders only its children
  if (/^[a-z][a-z0-9]*$/.test(name)) return [...htmlElementFindings(name, [], line), ...findings];
  if (!(KNOWN_COMPONENTS as readonly string[]).includes(name)) problems.push(unknownBlock(file, line + offset, name));
  return findings;
}

/** Findings for one node (not its children); false = do not look inside (code, expressions). */
function unsafeImageFinding(url: string, line: number): Finding {
  return { line, field: t.imageField, message: format(t.unsafeImage, { url }), fix: t.unsafeImageFix };
}

/** The labels that image references (`![x][label]`) use, so their definitions get the image rule. */
function imageReferenceLabels(tree: MdNode): Set<string> {
  const labels = new Set<string>();
  const visit = (node: MdNode) => {
    if (node.type === 'imageReference') labels.add(String(node.identifier ?? '').toLowerCase());
    for (const child of node.children ?? []) visit(child);
  };
  visit(tree);
  return labels;
}

function nodeFindings(
  node: MdNode,
  file: string,
  problems: Problem[],
  offset: number,
  imageLabels: Set<string>,
): { findings: Finding[]; descend: boolean } {
  const line = node.position?.start.line ?? 1;
  switch (node.type) {
    case 'mdxjsEsm':
      return {
        findings: [
          { line, field: t.esmField, message: t.esm, fix: format(t.esmFix, { blocks: KNOWN_COMPONENTS.map((c) => `<${c}>`).join(', ') }) },
        ],
        descend: false,
      };
    case 'mdxFlowExpression':
    case 'mdxTextExpression':
      // An expression without a statement is a comment ({/* … */}, reported by mdx-comments.ts) or empty: no code.
      if ((node.data?.estree?.body.length ?? 1) === 0) return { findings: [], descend: false };
      return { findings: [{ line, field: t.expressionField, message: t.expression, fix: t.expressionFix }], descend: false };
    case 'mdxJsxFlowElement':
    case 'mdxJsxTextElement':
      return { findings: jsxElementFindings(node, line, file, problems, offset), descend: true };
    case 'link':
      return { findings: isSafeLink(node.url ?? '') ? [] : [unsafeLinkFinding(node.url ?? '', line)], descend: true };
    case 'image':
      return { findings: isSafeImage(node.url ?? '') ? [] : [unsafeImageFinding(node.url ?? '', line)], descend: true };
    case 'definition': {
      // A definition an image uses (![x][ref]) is an image address; any other one is a link.
      const url = node.url ?? '';
      if (imageLabels.has(String(node.identifier ?? '').toLowerCase()))
        return { findings: isSafeImage(url) ? [] : [unsafeImageFinding(url, line)], descend: true };
      return { findings: isSafeLink(url) ? [] : [unsafeLinkFinding(url, line)], descend: true };
    }
    case 'html':
      return { findings: rawHtmlFindings(String(node.value ?? ''), line), descend: false };
    case 'code':
    case 'inlineCode':
      return { findings: [], descend: false };
    default:
      return { findings: [], descend: true };
  }
}

/** Every problem in a parsed tree; `offset` = lines above the text that was parsed. */
function treeProblems(tree: MdNode, file: string, offset: number): Problem[] {
  const problems: Problem[] = [];
  const imageLabels = imageReferenceLabels(tree);
  const visit = (node: MdNode) => {
    const { findings, descend } = nodeFindings(node, file, problems, offset, imageLabels);
    for (const f of findings) problems.push({ file, line: f.line + offset, field: f.field, message: f.message, fix: f.fix });
    if (descend) for (const child of node.children ?? []) visit(child);
  };
  visit(tree);
  return problems;
}

/**
 * The rule on a tree some other parse produced (Astro's own Markdown parse: remark-parse and remark-gfm,
 * the same as mdParser here). Lines count from the first line that parse read.
 */
export function problemsInTree(tree: unknown, file: string): Problem[] {
  return treeProblems(tree as MdNode, file, 0);
}

/** The rule for one post: every problem, with the line in the file. */
export function checkMdxSafety(post: ParsedPost): Problem[] {
  const offset = post.bodyLine - 1;
  let tree: MdNode;
  try {
    tree = (post.file.endsWith('.mdx') ? mdxParser : mdParser).parse(post.body) as unknown as MdNode;
  } catch (error) {
    const { line, reason } = error as { line?: number; reason?: string };
    return [
      {
        file: post.file,
        line: (line ?? 1) + offset,
        field: t.unreadableField,
        message: format(t.unreadable, { reason: reason ?? String(error) }),
        fix: t.unreadableFix,
      },
    ];
  }
  return treeProblems(tree, post.file, offset);
}

/**
 * The same rule inside Astro's MDX compile (astro.config.mjs), on the tree the compile parsed anyway: a
 * second line that holds where the content check did not run first (`astro dev`). User remark plugins run
 * before Astro's own (which add image imports), so the tree is what the author wrote.
 */
export function remarkContentIsData() {
  return (tree: unknown, file: { path?: string; cwd?: string }) => {
    const name =
      file.path && file.cwd && file.path.startsWith(`${file.cwd}/`) ? file.path.slice(file.cwd.length + 1) : (file.path ?? '(MDX)');
    const problems = problemsInTree(tree, name);
    if (problems.length > 0) throw new Error(formatReport(problems));
  };
}
