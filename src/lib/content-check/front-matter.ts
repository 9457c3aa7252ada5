/** Front matter of posts: present, valid YAML, valid against the post schema, no leftover placeholder. */
import { z } from 'astro/zod';
import { DESCRIPTION_MAX, DESCRIPTION_MIN, postSchema } from '../posts/schema';
import { splitFrontMatter } from '../posts/front-matter';
import { dateRules } from './sources';
import { issuesToProblems, parseYaml } from './yaml';
import type { ParsedPost, Problem, SourceFile } from './types';

const FIX: Record<string, string> = {
  title: 'Tragen Sie oben im Kopfbereich „title: Ihr Titel“ ein.',
  description: `Fassen Sie den Beitrag in ein bis zwei Sätzen (${DESCRIPTION_MIN} bis ${DESCRIPTION_MAX} Zeichen) zusammen.`,
  pubDate: 'Schreiben Sie das Datum als JJJJ-MM-TT, z. B. „pubDate: 2026-03-01“.',
  updatedDate: 'Schreiben Sie das Datum als JJJJ-MM-TT oder löschen Sie die Zeile.',
  category: 'Wählen Sie eine der genannten Kategorien.',
  tags: 'Schreiben Sie Themen klein, mit Bindestrich statt Leerzeichen, als Liste: „tags: [datenschutz, whatsapp]“.',
  cover:
    'Geben Sie für das Titelbild „src“ (Bilddatei im Ordner des Beitrags, z. B. ./mein-beitrag/bild.jpg) und „alt“ (was auf dem Bild zu sehen ist) an.',
  sources: 'Jede Quelle braucht „title“ und „url“ (mit https://); „date“ (JJJJ-MM-TT) nur, wenn die Quelle selbst ein Datum trägt.',
  draft: 'Schreiben Sie „draft: true“ (Entwurf) oder „draft: false“ (veröffentlichen).',
};

export function fixFor(field: string): string {
  const top = field.split('.')[0] ?? field;
  return FIX[top] ?? 'Prüfen Sie die Schreibweise; erlaubt sind die Felder aus docs/redaktion.md.';
}

function slugOf(file: string): string {
  return (file.split('/').pop() ?? file).replace(/\.(md|mdx)$/, '');
}

/** Splits off the front matter; a missing or broken one is reported. */
export function parsePost(input: SourceFile, problems: Problem[]): ParsedPost {
  const split = splitFrontMatter(input.source);
  const slug = slugOf(input.file);
  if (!split) {
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
  const yaml = parseYaml(split.yaml, 1);
  for (const error of yaml.errors) {
    problems.push({
      file: input.file,
      line: error.line,
      field: '(Kopfbereich)',
      message: `Der Kopfbereich ist kein gültiges YAML: ${error.message}`,
      fix: 'Prüfen Sie Doppelpunkte, Einrückung und Anführungszeichen in dieser Zeile.',
    });
  }
  return { file: input.file, slug, data: yaml.data, body: split.body, bodyLine: split.bodyLine, lineOf: yaml.lineOf };
}

const schema = postSchema(z.string());

export function checkFrontMatter(post: ParsedPost): Problem[] {
  if (!post.data) return [];
  const problems: Problem[] = [];
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
  if (result.success) {
    result.data.sources.forEach((source, index) => problems.push(...dateRules(post.file, source, post.lineOf, ['sources', index])));
  }
  return problems;
}
