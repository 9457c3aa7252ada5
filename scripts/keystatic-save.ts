/**
 * What the browser editor (Keystatic) writes when it saves an entry, computed with Keystatic's own code
 * (its internals: ./keystatic-save/internals.ts), so that `npm run content:normalise`, `npm run new` and the
 * round-trip test need no copy of its formatting rules. Importing this module may change module resolution
 * for the whole process (see internals.ts): use it in scripts and in a test file of its own, never in the server.
 */
import { existsSync, readFileSync, readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { load, readable } from './keystatic-save/internals';
import type { Collection } from '../src/lib/editor/entry-diff';

const textEncoder = new TextEncoder();

/* eslint-disable @typescript-eslint/no-explicit-any -- Keystatic's internal chunks carry no types. */
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
      ? readdirSync(dir).flatMap((name) =>
          statSync(join(dir, name)).isDirectory() ? walk(join(dir, name), `${prefix}${name}/`) : [`${prefix}${name}`],
        )
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
export async function editorSave(
  collection: Collection,
  slug: string,
  file: Uint8Array | string,
  files: ContentFiles = noFiles,
): Promise<Buffer> {
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
export async function editorRefusal(
  collection: Collection,
  slug: string,
  file: Uint8Array | string,
  files: ContentFiles = noFiles,
): Promise<string[]> {
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
  return warnings
    .flatMap((w) => w.split('\n').slice(1))
    .map((line) => line.trim())
    .filter(Boolean);
}
/* eslint-enable @typescript-eslint/no-explicit-any */
