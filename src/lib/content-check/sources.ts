/**
 * content/sources/<key>.yaml: one file per source. Rules: valid fields; the source's own date cannot lie
 * after the day it was checked; a title that names a date needs that date in `date`, and an undated source
 * (no `date`) is shown as "undatiert", so its title must not claim otherwise.
 */
import { sourceSchema, SOURCE_KEY, type SourceData } from '../messengers/schema';
import { isoDay } from '../posts/format';
import { issuesToProblems, parseYaml, yamlErrors } from './yaml';
import type { Problem, SourceFile } from './types';

export interface CheckedSource {
  key: string;
  file: string;
  data: SourceData;
}

const fix = (field: string): string => {
  if (field === 'date')
    return 'Tragen Sie das Datum ein, das die Quelle selbst nennt (JJJJ-MM-TT), oder löschen Sie die Zeile, wenn sie keines trägt (dann erscheint „undatiert“). Nie schätzen.';
  if (field === 'checked') return 'Schreiben Sie den Tag, an dem Sie die Angaben an der Quelle geprüft haben, als JJJJ-MM-TT.';
  if (field === 'url') return 'Kopieren Sie die Adresse vollständig aus dem Browser (mit https://).';
  if (field === 'title') return 'Nennen Sie die Quelle so, dass man sie wiederfindet: Herausgeber – Titel.';
  return 'Erlaubt sind title, url, publisher, date, period, checked und note (siehe docs/redaktion.md).';
};

/** A date written into a title: 11.07.2024, 06/2025, April 2026. */
const DATE_IN_TITLE =
  /\b\d{1,2}\.\d{1,2}\.\d{4}\b|\(\d{2}\/\d{4}\)|\b(?:Januar|Februar|März|April|Mai|Juni|Juli|August|September|Oktober|November|Dezember) \d{4}\b/;

/** The rules on a source's own date, shared by source files and the sources in a post's front matter. */
export function dateRules(
  file: string,
  data: { title: string; date?: Date | undefined; period?: string | undefined; checked?: Date | undefined },
  lineOf: (path: (string | number)[]) => number,
  prefix: (string | number)[] = [],
): Problem[] {
  const problems: Problem[] = [];
  const field = (name: string) => [...prefix, name].join('.');
  if (data.date && data.checked && data.date > data.checked) {
    problems.push({
      file,
      line: lineOf([...prefix, 'date']),
      field: field('date'),
      message: `das Datum der Quelle (${isoDay(data.date)}) liegt nach dem Prüfdatum „checked“ (${isoDay(data.checked)})`,
      fix: '„date“ ist das Datum, das die Quelle selbst trägt; „checked“ der Tag der Prüfung – er kann nicht davor liegen.',
    });
  }
  if (data.date && data.period) {
    problems.push({
      file,
      line: lineOf([...prefix, 'period']),
      field: field('period'),
      message: '„date“ und „period“ zugleich',
      fix: '„period“ nur, wenn die Quelle kein genaues Datum trägt – löschen Sie eines von beiden.',
    });
  }
  if (!data.date && !data.period && DATE_IN_TITLE.test(data.title)) {
    problems.push({
      file,
      line: lineOf([...prefix, 'title']),
      field: field('title'),
      message: 'der Titel nennt ein Datum, aber „date“ fehlt – angezeigt würde „undatiert“',
      fix: 'Tragen Sie das Datum der Quelle unter „date“ (JJJJ-MM-TT) oder „period“ (z. B. „Juni 2025“) ein, oder nehmen Sie es aus dem Titel, wenn die Quelle es nicht trägt.',
    });
  }
  if (!data.date && !data.period && /\(undatiert\)/i.test(data.title)) {
    problems.push({
      file,
      line: lineOf([...prefix, 'title']),
      field: field('title'),
      message: '„(undatiert)“ im Titel ist doppelt – die Seite zeigt bei einer Quelle ohne Datum selbst „undatiert“ an',
      fix: 'Nehmen Sie „(undatiert)“ aus dem Titel.',
    });
  }
  if ((data.date || data.period) && /undatiert/i.test(data.title)) {
    problems.push({
      file,
      line: lineOf([...prefix, data.date ? 'date' : 'period']),
      field: field(data.date ? 'date' : 'period'),
      message: 'der Titel sagt „undatiert“, aber die Quelle hat ein Datum',
      fix: 'Eine Quelle ohne eigenes Datum bekommt kein „date“ (der Tag Ihrer Prüfung gehört nach „checked“); sonst „undatiert“ aus dem Titel nehmen.',
    });
  }
  return problems;
}

export function keyOfSourceFile(file: string): string {
  return (file.split('/').pop() ?? file).replace(/\.ya?ml$/, '');
}

export function checkSources(files: readonly SourceFile[]): { problems: Problem[]; sources: Map<string, CheckedSource> } {
  const problems: Problem[] = [];
  const sources = new Map<string, CheckedSource>();
  for (const file of files) {
    const key = keyOfSourceFile(file.file);
    if (!SOURCE_KEY.test(key)) {
      problems.push({
        file: file.file,
        line: 1,
        field: '(Dateiname)',
        message: `ungültiger Schlüssel „${key}“`,
        fix: 'Benennen Sie die Datei nur mit Buchstaben, Ziffern und Bindestrich, z. B. T1.yaml.',
      });
    }
    const yaml = parseYaml(file.source);
    problems.push(...yamlErrors(file.file, yaml));
    if (!yaml.data) {
      // The key still exists, so facts citing it are not reported twice.
      if (yaml.errors.length > 0) sources.set(key, { key, file: file.file, data: { title: key } });
      else problems.push({ file: file.file, line: 1, field: '(Datei)', message: 'die Datei ist leer', fix: fix('title') });
      continue;
    }
    const result = sourceSchema.safeParse(yaml.data);
    if (!result.success) {
      problems.push(...issuesToProblems(file.file, result.error.issues, yaml.lineOf, fix));
      sources.set(key, { key, file: file.file, data: { title: key } });
      continue;
    }
    const data = result.data;
    sources.set(key, { key, file: file.file, data });
    problems.push(...dateRules(file.file, data, yaml.lineOf));
  }
  return { problems, sources };
}
