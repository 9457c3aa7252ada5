/** YAML with line numbers and Zod issues as problems: the base of every file rule. */
import { LineCounter, parseDocument, isMap, isScalar, isSeq } from 'yaml';
import type { z } from 'astro/zod';
import type { Problem } from './types';

export interface ParsedYaml {
  data: Record<string, unknown> | null;
  lineOf: (path: (string | number)[]) => number;
  errors: Array<{ line: number; message: string }>;
}

/** Parses YAML; `offset` is the number of lines above the YAML in its file. */
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
  const errors = doc.errors.map((error) => ({
    line: (error.linePos?.[0]?.line ?? 1) + offset,
    message: error.message.split('\n')[0] ?? '',
  }));
  const data = errors.length === 0 && isMap(doc.contents) ? (doc.toJS() as Record<string, unknown>) : null;
  return { data, lineOf, errors };
}

/** YAML syntax errors of a data file as problems. */
export function yamlErrors(file: string, yaml: ParsedYaml): Problem[] {
  return yaml.errors.map((error) => ({
    file,
    line: error.line,
    field: '(Datei)',
    message: `kein gültiges YAML: ${error.message}`,
    fix: 'Prüfen Sie Einrückung, Doppelpunkte und Anführungszeichen in dieser Zeile.',
  }));
}

/** Zod issues as problems, with the line of the field. */
export function issuesToProblems(
  file: string,
  issues: z.ZodIssue[],
  lineOf: (path: (string | number)[]) => number,
  fix: (field: string) => string,
): Problem[] {
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
