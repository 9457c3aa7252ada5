/**
 * Checks every post at once and reports each problem as
 * `file:line – field – what is wrong – how to fix`, in German, for editors.
 * Pure: takes file contents, returns problems. Used by the build and `npm run check:content`.
 */
import { LineCounter, parseDocument, isMap, isScalar, isSeq } from 'yaml';
import { z } from 'astro/zod';
import { postSchema } from './posts/schema';

export interface SourceFile {
  /** Path relative to the project, e.g. content/posts/whatsapp-im-unternehmen.mdx */
  file: string;
  source: string;
}

export interface Problem {
  file: string;
  line: number;
  field: string;
  message: string;
  fix: string;
}

/** Building blocks registered globally for MDX posts. */
export const KNOWN_COMPONENTS = [
  'Hinweis',
  'Warnung',
  'Checkliste',
  'Quelle',
  'MessengerComparison',
  'FacebookHinweis',
] as const;

const FIX: Record<string, string> = {
  title: 'Tragen Sie oben im Kopfbereich „title: Ihr Titel“ ein.',
  description: 'Fassen Sie den Beitrag in ein bis zwei Sätzen (30 bis 160 Zeichen) zusammen.',
  pubDate: 'Schreiben Sie das Datum als JJJJ-MM-TT, z. B. „pubDate: 2026-03-01“.',
  updatedDate: 'Schreiben Sie das Datum als JJJJ-MM-TT oder löschen Sie die Zeile.',
  category: 'Wählen Sie eine der genannten Kategorien.',
  tags: 'Schreiben Sie Themen klein, mit Bindestrich statt Leerzeichen, als Liste: „tags: [datenschutz, whatsapp]“.',
  cover: 'Geben Sie für das Titelbild „src“ (Bilddatei neben dem Beitrag) und „alt“ (was auf dem Bild zu sehen ist) an.',
  sources: 'Jede Quelle braucht „title“, „url“ (mit https://) und möglichst „date“ (JJJJ-MM-TT).',
  draft: 'Schreiben Sie „draft: true“ (Entwurf) oder „draft: false“ (veröffentlichen).',
};

function fixFor(field: string): string {
  const top = field.split('.')[0] ?? field;
  return FIX[top] ?? 'Prüfen Sie die Schreibweise; erlaubt sind die Felder aus docs/redaktion.md.';
}

/** Levenshtein distance, small strings only (tags). */
export function editDistance(a: string, b: string): number {
  const row = Array.from({ length: b.length + 1 }, (_, i) => i);
  for (let i = 1; i <= a.length; i++) {
    let previous = row[0]!;
    row[0] = i;
    for (let j = 1; j <= b.length; j++) {
      const current = row[j]!;
      row[j] = Math.min(row[j]! + 1, row[j - 1]! + 1, previous + (a[i - 1] === b[j - 1] ? 0 : 1));
      previous = current;
    }
  }
  return row[b.length]!;
}

interface Parsed {
  file: string;
  slug: string;
  data: Record<string, unknown> | null;
  body: string;
  bodyLine: number;
  lineOf: (path: (string | number)[]) => number;
}

function slugOf(file: string): string {
  return (file.split('/').pop() ?? file).replace(/\.(md|mdx)$/, '');
}

interface ParsedYaml {
  data: Record<string, unknown> | null;
  lineOf: (path: (string | number)[]) => number;
  errors: Array<{ line: number; message: string }>;
}

/** YAML with line numbers; `offset` is the number of lines above the YAML in its file. */
export function parseYaml(text: string, offset = 0): ParsedYaml {
  const counter = new LineCounter();
  const doc = parseDocument(text, { lineCounter: counter });
  // Line of the deepest existing key on the path (a missing field points at its parent's key).
  const lineOf = (path: (string | number)[]): number => {
    let node: unknown = doc.contents;
    let line = 0;
    for (const segment of path) {
      if (isMap(node)) {
        const pair = node.items.find((item) => isScalar(item.key) && item.key.value === segment);
        if (!pair) break;
        const range = (pair.key as { range?: [number, number, number] }).range;
        if (range) line = counter.linePos(range[0]).line;
        node = pair.value;
      } else if (isSeq(node) && typeof segment === 'number') {
        const item = node.items[segment] as { range?: [number, number, number] } | undefined;
        if (!item) break;
        if (item.range) line = counter.linePos(item.range[0]).line;
        node = item;
      } else break;
    }
    return line === 0 ? 1 : line + offset;
  };
  const errors = doc.errors.map((error) => ({ line: (error.linePos?.[0]?.line ?? 1) + offset, message: error.message.split('\n')[0] ?? '' }));
  const data = errors.length === 0 && isMap(doc.contents) ? (doc.toJS() as Record<string, unknown>) : null;
  return { data, lineOf, errors };
}

function parse(input: SourceFile, problems: Problem[]): Parsed {
  const match = /^---\r?\n([\s\S]*?)\r?\n---\r?\n?/.exec(input.source);
  const slug = slugOf(input.file);
  if (!match) {
    problems.push({
      file: input.file,
      line: 1,
      field: '(Kopfbereich)',
      message: 'Der Kopfbereich (Front Matter) fehlt.',
      fix: 'Beginnen Sie die Datei mit einer Zeile „---“, den Feldern (title, description, …) und wieder „---“.',
    });
    return { file: input.file, slug, data: null, body: input.source, bodyLine: 1, lineOf: () => 1 };
  }
  // +1: the opening "---" line above the YAML.
  const yaml = parseYaml(match[1] ?? '', 1);
  for (const error of yaml.errors) {
    problems.push({
      file: input.file,
      line: error.line,
      field: '(Kopfbereich)',
      message: `Der Kopfbereich ist kein gültiges YAML: ${error.message}`,
      fix: 'Prüfen Sie Doppelpunkte, Einrückung und Anführungszeichen in dieser Zeile.',
    });
  }
  const bodyLine = match[0].split('\n').length;
  return { file: input.file, slug, data: yaml.data, body: input.source.slice(match[0].length), bodyLine, lineOf: yaml.lineOf };
}

/** Zod issues as problems, with the line of the field. */
export function issuesToProblems(file: string, issues: z.ZodIssue[], lineOf: (path: (string | number)[]) => number, fix: (field: string) => string): Problem[] {
  return issues.flatMap((issue) => {
    if (issue.code === 'unrecognized_keys') {
      return issue.keys.map((key) => ({
        file,
        line: lineOf([...issue.path, key]),
        field: [...issue.path, key].join('.'),
        message: `unbekanntes Feld „${key}“`,
        fix: fix(key),
      }));
    }
    const field = issue.path.join('.') || '(Kopfbereich)';
    return [{ file, line: lineOf(issue.path), field, message: issue.message, fix: fix(field) }];
  });
}

const schema = postSchema(z.string());

function lineInBody(parsed: Parsed, index: number): number {
  return parsed.bodyLine + parsed.body.slice(0, index).split('\n').length - 1;
}

export function checkPosts(files: readonly SourceFile[]): Problem[] {
  const problems: Problem[] = [];
  const parsed = files.map((file) => parse(file, problems));
  const slugs = new Set(parsed.map((p) => p.slug));
  const tagUse = new Map<string, Set<string>>();

  for (const post of parsed) {
    if (!post.data) continue;
    const result = schema.safeParse(post.data);
    if (!result.success) problems.push(...issuesToProblems(post.file, result.error.issues, post.lineOf, fixFor));
    if (post.data.draft !== true && typeof post.data.description === 'string' && post.data.description.includes('Platzhalter')) {
      problems.push({
        file: post.file,
        line: post.lineOf(['description']),
        field: 'description',
        message: 'die Beschreibung ist noch der Platzhalter aus der Vorlage',
        fix: fixFor('description'),
      });
    }
    const tags = Array.isArray(post.data.tags) ? post.data.tags.filter((t): t is string => typeof t === 'string') : [];
    for (const tag of tags) tagUse.set(tag, new Set([...(tagUse.get(tag) ?? []), post.file]));
  }

  // A tag only this post uses, spelled almost like a tag other posts use, is most likely a typo.
  for (const post of parsed) {
    const tags = Array.isArray(post.data?.tags) ? (post.data.tags as unknown[]) : [];
    tags.forEach((tag, index) => {
      if (typeof tag !== 'string') return;
      const users = tagUse.get(tag);
      if (!users || users.size > 1) return;
      const near = [...tagUse.keys()]
        .filter((other) => other !== tag && [...(tagUse.get(other) ?? [])].some((f) => f !== post.file))
        .map((other) => ({ other, distance: editDistance(tag, other) }))
        .filter(({ distance }) => distance > 0 && distance <= 2)
        .sort((a, b) => a.distance - b.distance)[0];
      if (near) {
        problems.push({
          file: post.file,
          line: post.lineOf(['tags', index]),
          field: 'tags',
          message: `unbekanntes Thema „${tag}“ – meinten Sie ${near.other}?`,
          fix: `Schreiben Sie „${near.other}“, damit der Beitrag auf derselben Themenseite erscheint.`,
        });
      }
    });
  }

  for (const post of parsed) {
    for (const m of post.body.matchAll(/\]\(\s*\/beitraege\/([^/)#\s]+)\/?[^)]*\)|href=["']\/beitraege\/([^/"'#]+)\/?["']/g)) {
      const target = m[1] ?? m[2] ?? '';
      if (/^\d+$/.test(target) || slugs.has(target)) continue;
      problems.push({
        file: post.file,
        line: lineInBody(post, m.index ?? 0),
        field: 'Link',
        message: `Der Link auf /beitraege/${target}/ führt ins Leere: Es gibt keinen Beitrag „${target}“.`,
        fix: 'Prüfen Sie den Dateinamen des verlinkten Beitrags (ohne .md/.mdx) oder entfernen Sie den Link.',
      });
    }
    for (const m of post.body.matchAll(/!\[\s*\]\(([^)]*)\)|<img\b(?![^>]*\balt=)[^>]*>/g)) {
      problems.push({
        file: post.file,
        line: lineInBody(post, m.index ?? 0),
        field: 'Bild',
        message: 'Bild ohne Alternativtext: Menschen mit Screenreader erfahren nicht, was es zeigt.',
        fix: 'Beschreiben Sie das Bild in den eckigen Klammern: ![Beschreibung des Bildes](bild.jpg)',
      });
    }
    if (post.file.endsWith('.mdx')) {
      const imported = new Set(
        [...post.body.matchAll(/^import\s+(?:\{([^}]*)\}|(\w+))/gm)].flatMap((m) =>
          (m[1] ?? m[2] ?? '').split(',').map((s) => s.trim().split(/\s+as\s+/).pop() ?? ''),
        ),
      );
      const withoutCode = post.body.replace(/```[\s\S]*?```|`[^`\n]*`/g, (s) => s.replace(/[^\n]/g, ' '));
      for (const m of withoutCode.matchAll(/<([A-Z][A-Za-z0-9]*)\b/g)) {
        const name = m[1] ?? '';
        if ((KNOWN_COMPONENTS as readonly string[]).includes(name) || imported.has(name)) continue;
        const near = KNOWN_COMPONENTS.find((known) => editDistance(known.toLowerCase(), name.toLowerCase()) <= 2);
        problems.push({
          file: post.file,
          line: lineInBody(post, m.index ?? 0),
          field: 'Baustein',
          message: `unbekannter Baustein <${name}>${near ? ` – meinten Sie <${near}>?` : ''}`,
          fix: `Verfügbar sind: ${KNOWN_COMPONENTS.map((c) => `<${c}>`).join(', ')} (siehe docs/redaktion.md).`,
        });
      }
    }
  }
  return problems.sort((a, b) => a.file.localeCompare(b.file) || a.line - b.line);
}

export function formatProblem(p: Problem): string {
  return `${p.file}:${p.line} – ${p.field} – ${p.message} – ${p.fix}`;
}

export function formatReport(problems: readonly Problem[]): string {
  if (problems.length === 0) return 'Alle Beiträge sind in Ordnung.';
  const heading =
    problems.length === 1 ? '1 Problem in den Beiträgen gefunden:' : `${problems.length} Probleme in den Beiträgen gefunden:`;
  return [heading, ...problems.map((p) => `  ${formatProblem(p)}`)].join('\n');
}
