/**
 * A save the content check refuses, in the clerk's words (issue 25): the entry by its kind and title
 * („Quelle „Meta-Hilfebereich““), the field by the label the editor shows (read from the Keystatic
 * config's own field definitions, so there is no second list of labels), and what is expected. No
 * path, line number or YAML key: those stay in `file` for the log and in `npm run check:content`.
 */
import { parse } from 'yaml';
import { de } from '@/i18n/de';
import { format } from '@/i18n/format';
import { splitFrontMatter } from '@/lib/posts/front-matter';
import type { Problem } from '@/lib/content-check';

const t = de.saveRefusal;

/** The parts of a Keystatic field definition the labels are read from. */
interface FieldDef {
  kind?: string;
  label?: string;
  fields?: Record<string, FieldDef>;
  element?: FieldDef;
}
export interface CollectionDef {
  label?: string;
  slugField?: string;
  schema: Record<string, FieldDef>;
}
export type Collections = Record<string, CollectionDef>;

/** A key as the files spell it (pubDate, facts.cost.source, cover.alt): never shown. */
const KEY = /^[a-z]\w*(?:\.\w+)*$/;

/** "facts.cost.source" → "Angaben › Kosten › Quelle der Angabe", or undefined when the config has no such field. */
export function fieldLabel(schema: Record<string, FieldDef>, path: string): string | undefined {
  const labels: string[] = [];
  let fields: Record<string, FieldDef> | undefined = schema;
  let current: FieldDef | undefined;
  for (const segment of path.split('.')) {
    if (/^\d+$/.test(segment) && current?.element) {
      labels.push(format(t.item, { list: labels.pop() ?? '', n: Number(segment) + 1 }));
      current = current.element;
      fields = current.fields;
      continue;
    }
    current = fields?.[segment];
    if (!current) return undefined;
    if (current.label) labels.push(current.label);
    fields = current.fields;
  }
  return labels.length ? labels.join(' › ') : undefined;
}

/** The entry's title (its slug field's name) from the saved text, or the file's key when it has none. */
function entryTitle(collection: CollectionDef | undefined, file: string, source: string): string {
  const key = (file.split('/').pop() ?? file).replace(/\.[^.]+$/, '');
  const yamlText = /\.mdx?$/.test(file) ? splitFrontMatter(source)?.yaml : source;
  try {
    const data = parse(yamlText ?? '') as Record<string, unknown> | null;
    const title = data?.[collection?.slugField ?? 'title'];
    if (typeof title === 'string' && title.trim()) return title.trim();
  } catch {
    // unreadable YAML: the key is all there is to name it by
  }
  return key;
}

/** One problem as the clerk reads it; `source` is the saved text of `problem.file`. */
export function clerkWords(problem: Problem, source: string, collections: Collections): string {
  const folder = problem.file.replace(/^content\//, '').split('/')[0] ?? '';
  const collection = collections[folder];
  const kind = (t.kinds as Record<string, string>)[folder] ?? collection?.label ?? '';
  const label = collection ? fieldLabel(collection.schema, problem.field) : undefined;
  // The check's own German names ("Bild", "(Text)") are shown as they are; a raw key never.
  const field = label ?? (KEY.test(problem.field) ? t.otherField : problem.field);
  const message = `${problem.message} – ${problem.fix}`.replace(/\s*\((?:Zeile|line) \d+\)/g, '');
  return format(t.problem, { kind, title: entryTitle(collection, problem.file, source), field, message });
}
