/**
 * What the browser editor (Keystatic) writes when it saves an entry: the one place that reaches into
 * Keystatic's internals, so that `npm run content:normalise`, `npm run new` and the round-trip test
 * use Keystatic's own code instead of a copy of its formatting rules.
 *
 * Why internals: Keystatic serialises in the browser. Its Node build (what `@keystatic/core` resolves
 * to here) ships the MDX field with empty stand-ins for parsing and serialising, and the glue that
 * turns files into editor state and back (`parseEntry`, `serializeEntryToFiles` in its UI bundle) is
 * not exported. So this module
 *   1. points `@keystatic/core` (and its sub-entries) at the browser build for this process, via a
 *      module resolve hook, before editor/keystatic.config.ts is imported (the config's fields then
 *      carry the real MDX parser and serialiser);
 *   2. imports the browser build's chunk files by name for `parseProps`, `serializeProps`,
 *      `loadDataFile` and the path helpers;
 *   3. repeats the two glue functions' few lines (below, marked) for one entry.
 * The chunk names carry content hashes: they exist only in exactly KEYSTATIC_VERSION, which a test pins
 * (tests/build/editor-roundtrip.test.ts). After upgrading Keystatic, look up the new chunk names in
 * node_modules/@keystatic/core/dist/keystatic-core-ui.js (its imports) and compare the glue with
 * `parseEntry` and `serializeEntryToFiles` there.
 *
 * Importing this module changes module resolution for the whole process: use it in scripts and in a
 * test file of its own, never inside the server.
 */
import { register } from 'node:module';
import { createRequire } from 'node:module';
import { existsSync, readFileSync, readdirSync, statSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { isDeepStrictEqual } from 'node:util';
import { z } from 'astro/zod';
import { parse as parseYaml } from 'yaml';
import { postSchema } from '../src/lib/posts/schema';
import { postBody, splitFrontMatter } from '../src/lib/posts/front-matter';
import { messengerSchema, sourceSchema } from '../src/lib/messengers/schema';

/** The Keystatic version whose internals this module was written against. */
export const KEYSTATIC_VERSION = '0.6.9';

/** Browser-build chunk files of Keystatic 0.6.9 (see keystatic-core-ui.js's imports). */
const CHUNKS = {
  /** parseProps as p, serializeProps (the data one) as c, clientSideValidateProp as m */
  props: 'index-3c244051.js',
  /** object as o, getCollectionFormat as v, getCollectionItemPath as w */
  paths: 'index-5d64e651.js',
  /** loadDataFile as l */
  dataFile: 'required-files-bd819871.js',
} as const;

export type Collection = 'posts' | 'messengers' | 'sources';
export const COLLECTIONS: readonly Collection[] = ['posts', 'messengers', 'sources'];

const require = createRequire(import.meta.url);
const packageJson = require.resolve('@keystatic/core/package.json');
const dist = join(dirname(packageJson), 'dist');

/** The installed version, for the pin test. */
export function installedKeystaticVersion(): string {
  return (JSON.parse(readFileSync(packageJson, 'utf8')) as { version: string }).version;
}

// Resolve hook: any `@keystatic/core` entry (keystatic-core*.node.js) → the browser build of the same entry.
const hook = `
export async function resolve(specifier, context, next) {
  const result = await next(specifier, context);
  const m = /^(.*\\/@keystatic\\/core\\/dist\\/keystatic-core(?:-[a-z-]+)?)\\.node\\.js$/.exec(result.url);
  return m ? { ...result, url: m[1] + '.js' } : result;
}`;
let registered = false;

/* eslint-disable @typescript-eslint/no-explicit-any -- Keystatic's internal chunks carry no types. */
interface Internals {
  config: any;
  parseProps: (...args: any[]) => any;
  serializeProps: (...args: any[]) => { value: unknown; extraFiles: Array<{ path: string; parent?: string; contents: Uint8Array }> };
  object: (fields: any) => any;
  getCollectionFormat: (config: any, collection: string) => any;
  getCollectionItemPath: (config: any, collection: string, slug: string) => string;
  loadDataFile: (data: Uint8Array, format: any, requireFrontmatter?: boolean) => { loaded: unknown; extraFakeFile?: { path: string; contents: Uint8Array } };
  validate: (schema: any, state: unknown, slugField: { field: string; slugs: Set<string>; glob: string }) => boolean;
  dump: (value: unknown) => string;
}

let internals: Promise<Internals> | undefined;

function load(): Promise<Internals> {
  internals ??= (async () => {
    if (installedKeystaticVersion() !== KEYSTATIC_VERSION) {
      throw new Error(`scripts/keystatic-save.ts kennt Keystatic ${KEYSTATIC_VERSION}, installiert ist ${installedKeystaticVersion()}: bitte die Chunk-Namen und die Hilfsfunktionen darin prüfen.`);
    }
    if (!registered) {
      register(`data:text/javascript,${encodeURIComponent(hook)}`, import.meta.url);
      registered = true;
    }
    const chunk = (name: string) => import(pathToFileURL(join(dist, name)).href);
    const [props, paths, dataFile, yaml, configModule] = await Promise.all([
      chunk(CHUNKS.props),
      chunk(CHUNKS.paths),
      chunk(CHUNKS.dataFile),
      // The same js-yaml Keystatic's UI bundle imports its `dump` from.
      import(pathToFileURL(createRequire(join(dist, 'keystatic-core-ui.js')).resolve('js-yaml')).href),
      import('../editor/keystatic.config'),
    ]);
    const config = configModule.default;
    // Guard: the config must carry the browser build's MDX field, whose serialiser takes the editor state.
    if (!/serializeFromEditorStateMDX\(value/.test(String(config.collections.posts.schema.content.serialize))) {
      throw new Error('editor/keystatic.config.ts wurde mit dem Node-Build von Keystatic geladen: keystatic-save.ts muss vor der Konfiguration importiert werden.');
    }
    return {
      config,
      parseProps: props.p,
      serializeProps: props.c,
      object: paths.o,
      getCollectionFormat: paths.v,
      getCollectionItemPath: paths.w,
      loadDataFile: dataFile.l,
      validate: props.m,
      dump: (yaml.dump ?? yaml.default.dump) as (value: unknown) => string,
    };
  })();
  return internals;
}

const textEncoder = new TextEncoder();

/** Keystatic reports unreadable fields as an AggregateError without a message: name the field and the cause. */
function readable<T>(run: () => T): T {
  try {
    return run();
  } catch (error) {
    if (!(error instanceof AggregateError)) throw error;
    const parts = (error.errors as Array<{ path?: string[]; message?: string; cause?: { message?: string } }>).map(
      (e) => `${e.path?.join('.') ?? '?'}: ${e.cause?.message ?? e.message ?? ''}`,
    );
    throw new Error(parts.join('; '));
  }
}

/** Reads a file below the content folder (path relative to it, e.g. posts/x/bild.png); undefined if absent. */
export type ContentFiles = {
  read(path: string): Uint8Array | undefined;
  /** Every file below a folder, paths relative to that folder. */
  list(dir: string): string[];
};

/** The content folder on disk, for images next to an entry. */
export function filesIn(root: string): ContentFiles {
  const walk = (dir: string, prefix = ''): string[] =>
    existsSync(dir) && statSync(dir).isDirectory()
      ? readdirSync(dir).flatMap((name) => (statSync(join(dir, name)).isDirectory() ? walk(join(dir, name), `${prefix}${name}/`) : [`${prefix}${name}`]))
      : [];
  return {
    read: (path) => (existsSync(join(root, path)) && statSync(join(root, path)).isFile() ? readFileSync(join(root, path)) : undefined),
    list: (dir) => walk(join(root, dir)),
  };
}

const noFiles: ContentFiles = { read: () => undefined, list: () => [] };

/** Reads an entry as the editor does when it opens it. */
async function parseEntry(collection: Collection, slug: string, file: Uint8Array | string, files: ContentFiles) {
  const k = await load();
  const bytes = typeof file === 'string' ? textEncoder.encode(file) : file;
  const schema = k.config.collections[collection].schema;
  const slugField: string = k.config.collections[collection].slugField;
  const format = k.getCollectionFormat(k.config, collection);
  const dirpath = k.getCollectionItemPath(k.config, collection, slug);

  // --- as parseEntry in keystatic-core-ui.js (reading) ---
  const { loaded, extraFakeFile } = k.loadDataFile(bytes, format);
  const filesBelow = (dir: string) => new Map(files.list(dir).map((path) => [path, files.read(`${dir}/${path}`)!]));
  const state = readable(() =>
    k.parseProps(
      k.object(schema),
      loaded,
      [],
      [],
      (field: any, value: unknown, path: string[], pathWithArrayFieldSlugs: string[]) => {
        if (path.length === 1 && path[0] === slugField) return field.parse(value, { slug });
        if (field.formKind === 'asset') {
          const filepath = field.filename(value, { suggestedFilenamePrefix: pathWithArrayFieldSlugs.join('/'), slug });
          const asset = filepath ? files.read(`${field.directory ? `${field.directory}/${slug}` : dirpath}/${filepath}`) : undefined;
          return field.parse(value, { asset, slug });
        }
        if (field.formKind === 'content' || field.formKind === 'assets') {
          const rootPath = `${dirpath}/${pathWithArrayFieldSlugs.join('/')}`;
          const other = filesBelow(rootPath);
          const external = new Map<string, Map<string, Uint8Array>>();
          for (const dir of (field.directories ?? []) as string[]) {
            const below = filesBelow(`${dir}/${slug}`);
            if (below.size) external.set(dir, below);
          }
          if (field.formKind === 'assets') return field.parse(value, { other, external, slug });
          const mainFile = rootPath + field.contentExtension;
          const content = extraFakeFile && `${dirpath}/${extraFakeFile.path}` === mainFile ? extraFakeFile.contents : files.read(mainFile);
          return field.parse(value, { content, other, external, slug });
        }
        return field.parse(value, undefined);
      },
      false,
    ),
  );
  return { k, state, schema, slugField, format };
}

/**
 * The bytes the editor writes for this entry when it is opened and saved without a change.
 * `file` is the entry's data file (the .mdx post or the .yaml entry), `slug` its name without extension;
 * `files` gives the images next to it (only needed when the entry has some).
 */
export async function editorSave(collection: Collection, slug: string, file: Uint8Array | string, files: ContentFiles = noFiles): Promise<Buffer> {
  const { k, state, schema, slugField, format } = await parseEntry(collection, slug, file, files);

  // --- as serializeEntryToFiles in keystatic-core-ui.js (saving); other files it writes (images) are not returned ---
  const { value, extraFiles } = k.serializeProps(state, k.object(schema), slugField, slug, true);
  const data = textEncoder.encode(k.dump(value));
  if (!format.contentField) return Buffer.from(data);
  const name = `${format.contentField.path.join('/')}${format.contentField.contentExtension}`;
  const body = extraFiles.find((x) => x.path === name);
  if (!body) throw new Error('Keystatic lieferte keinen Text für das Inhaltsfeld.');
  return Buffer.concat([Buffer.from('---\n'), data, Buffer.from('---\n'), body.contents]);
}

/**
 * Why the editor's "Speichern" would refuse this entry as it is (its field rules, e.g. an empty author,
 * which the build fills in but the editor does not); empty when it can be saved unchanged.
 */
export async function editorRefusal(collection: Collection, slug: string, file: Uint8Array | string, files: ContentFiles = noFiles): Promise<string[]> {
  const { k, state, schema, slugField } = await parseEntry(collection, slug, file, files);
  const warnings: string[] = [];
  const warn = console.warn;
  // Keystatic's check reports what it refuses only through console.warn.
  console.warn = (message: unknown) => warnings.push(message instanceof Error ? message.message : String(message));
  try {
    if (k.validate(k.object(schema), state, { field: slugField, slugs: new Set<string>(), glob: '*' })) return [];
  } finally {
    console.warn = warn;
  }
  return warnings.flatMap((w) => w.split('\n').slice(1)).map((line) => line.trim()).filter(Boolean);
}
/* eslint-enable @typescript-eslint/no-explicit-any */

/** The file extension of a collection's entries. */
export function entryExtension(collection: Collection): string {
  return collection === 'posts' ? '.mdx' : '.yaml';
}

const schemas = { posts: postSchema(z.string()), messengers: messengerSchema, sources: sourceSchema } as const;

/** The data of an entry as the build reads it (front matter of a post, or the YAML file), defaults applied. */
export function buildData(collection: Collection, text: string): unknown {
  const raw = parseYaml(collection === 'posts' ? (splitFrontMatter(text)?.yaml ?? '') : text) as unknown;
  const parsed = schemas[collection].safeParse(raw);
  return parsed.success ? parsed.data : raw;
}

/** Paths (a.b.0.c) whose value the build reads differently in `after` than in `before`. */
export function changedData(collection: Collection, before: string, after: string): string[] {
  const changes: string[] = [];
  const walk = (a: unknown, b: unknown, path: string[]) => {
    if (a && b && typeof a === 'object' && typeof b === 'object' && !(a instanceof Date) && !(b instanceof Date) && Array.isArray(a) === Array.isArray(b)) {
      for (const key of new Set([...Object.keys(a), ...Object.keys(b)])) walk((a as Record<string, unknown>)[key], (b as Record<string, unknown>)[key], [...path, key]);
    } else if (!isDeepStrictEqual(a, b)) {
      changes.push(`${path.join('.') || '(alles)'}: ${JSON.stringify(a) ?? 'fehlt'} → ${JSON.stringify(b) ?? 'fehlt'}`);
    }
  };
  walk(buildData(collection, before), buildData(collection, after), []);
  return changes;
}

/** Markdown tables with column alignment (":--", "--:"): the editor writes them without it. */
export function hasAlignedTable(text: string): boolean {
  return text.split('\n').some((line) => /^[ \t|:-]+$/.test(line) && line.includes('|') && line.includes('--') && line.includes(':'));
}

/* eslint-disable @typescript-eslint/no-explicit-any -- mdast nodes, compared as plain data */
let mdxParser: Promise<(text: string) => any> | undefined;

/** The site's own MDX parser: @mdx-js/mdx with remark-gfm, as @astrojs/mdx (a direct dependency) uses them. */
function siteParser(): Promise<(text: string) => any> {
  mdxParser ??= (async () => {
    const fromAstroMdx = createRequire(require.resolve('@astrojs/mdx/package.json'));
    const [{ createProcessor }, { default: remarkGfm }] = await Promise.all([
      import(pathToFileURL(fromAstroMdx.resolve('@mdx-js/mdx')).href),
      import(pathToFileURL(fromAstroMdx.resolve('remark-gfm')).href),
    ]);
    const processor = createProcessor({ remarkPlugins: [remarkGfm] });
    return (text: string) => processor.parse(text);
  })();
  return mdxParser;
}

/** A node as it matters for the page: no positions, no list spacing, no table alignment (reported apart). */
function essence(node: any): any {
  if (Array.isArray(node)) return node.map(essence);
  if (!node || typeof node !== 'object') return node;
  const out: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(node)) {
    if (key === 'position' || key === 'spread' || key === 'align' || key === 'data') continue;
    if (key === 'value' && node.type === 'mdxJsxAttributeValueExpression') {
      out[key] = String(value).replace(/\s+/g, ''); // only={["a", "b"]} and only={["a","b"]} are the same list
      continue;
    }
    out[key] = essence(value);
  }
  return out;
}

/** The first place where the post text reads differently after the save (e.g. an image turned into plain text). */
export async function changedBody(before: string, after: string): Promise<string[]> {
  const body = postBody;
  const parse = await siteParser();
  const a = essence(parse(body(before)));
  const b = essence(parse(body(after)));
  const show = (node: any) => JSON.stringify(node)?.slice(0, 160) ?? 'fehlt';
  const walk = (x: any, y: any, path: string): string[] => {
    if (isDeepStrictEqual(x, y)) return [];
    if (x && y && typeof x === 'object' && typeof y === 'object' && x.type === y.type && Array.isArray(x.children) && Array.isArray(y.children)) {
      for (let i = 0; i < Math.min(x.children.length, y.children.length); i++) {
        const found = walk(x.children[i], y.children[i], `${path}/${x.children[i].type}[${i}]`);
        if (found.length > 0) return found;
      }
      const i = Math.min(x.children.length, y.children.length);
      return [`Text ${path}/[${i}]: ${show(x.children[i])} → ${show(y.children[i])}`];
    }
    return [`Text ${path || '/'}: ${show(x)} → ${show(y)}`];
  };
  return walk(a, b, '');
}
/* eslint-enable @typescript-eslint/no-explicit-any */
