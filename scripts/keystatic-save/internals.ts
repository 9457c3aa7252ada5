/**
 * Keystatic's internals: the one place that reaches into them, for ../keystatic-save.ts (what the browser
 * editor writes when it saves an entry), so that `npm run content:normalise`, `npm run new` and the
 * round-trip test use Keystatic's own code instead of a copy of its formatting rules.
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
 *   3. lets ../keystatic-save.ts repeat the two glue functions' few lines (marked there) for one entry.
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
import { readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { pathToFileURL } from 'node:url';

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
export interface Internals {
  config: any;
  parseProps: (...args: any[]) => any;
  serializeProps: (...args: any[]) => { value: unknown; extraFiles: Array<{ path: string; parent?: string; contents: Uint8Array }> };
  object: (fields: any) => any;
  getCollectionFormat: (config: any, collection: string) => any;
  getCollectionItemPath: (config: any, collection: string, slug: string) => string;
  loadDataFile: (
    data: Uint8Array,
    format: any,
    requireFrontmatter?: boolean,
  ) => { loaded: unknown; extraFakeFile?: { path: string; contents: Uint8Array } };
  validate: (schema: any, state: unknown, slugField: { field: string; slugs: Set<string>; glob: string }) => boolean;
  dump: (value: unknown) => string;
}

let internals: Promise<Internals> | undefined;

export function load(): Promise<Internals> {
  internals ??= (async () => {
    if (installedKeystaticVersion() !== KEYSTATIC_VERSION) {
      throw new Error(
        `scripts/keystatic-save/internals.ts kennt Keystatic ${KEYSTATIC_VERSION}, installiert ist ${installedKeystaticVersion()}: bitte die Chunk-Namen und die Hilfsfunktionen darin prüfen.`,
      );
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
      import('../../editor/keystatic.config'),
    ]);
    const config = configModule.default;
    // Guard: the config must carry the browser build's MDX field, whose serialiser takes the editor state.
    if (!/serializeFromEditorStateMDX\(value/.test(String(config.collections.posts.schema.content.serialize))) {
      throw new Error(
        'editor/keystatic.config.ts wurde mit dem Node-Build von Keystatic geladen: scripts/keystatic-save/internals.ts muss vor der Konfiguration importiert werden.',
      );
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

/** Keystatic reports unreadable fields as an AggregateError without a message: name the field and the cause. */
export function readable<T>(run: () => T): T {
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
/* eslint-enable @typescript-eslint/no-explicit-any */
