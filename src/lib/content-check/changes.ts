/**
 * content/aenderungen.yaml, the comparison's public change log: every entry valid, with a source that exists
 * in content/sources/, a messenger that exists and no date in the future.
 */
import { changeLogSchema } from '../messengers/changes';
import { isoDay } from '../posts/format';
import { parse } from 'yaml';
import { issuesToProblems, parseYaml, yamlErrors } from './yaml';
import type { Problem, SourceFile } from './types';

const fix = (field: string): string => {
  if (field.endsWith('source'))
    return 'Jeder Eintrag nennt die Quelle hinter dem neuen Stand (Schlüssel aus content/sources/, z. B. „T1“).';
  if (field.endsWith('date')) return 'Schreiben Sie den Tag der Änderung als JJJJ-MM-TT.';
  return 'Einträge entstehen mit „npm run content:changes“; vergleichen Sie mit einem vorhandenen Eintrag.';
};

export function checkChangeLog(
  file: SourceFile,
  sourceKeys: ReadonlySet<string>,
  messengerIds: ReadonlySet<string>,
  now = new Date(),
): Problem[] {
  const yaml = parseYaml(file.source);
  const problems: Problem[] = [...yamlErrors(file.file, yaml)];
  if (yaml.errors.length > 0) return problems;
  // parseYaml gives data only for a map; the log is a list, so it is parsed again here (lines come from parseYaml).
  const raw: unknown = parse(file.source) ?? [];
  const result = changeLogSchema.safeParse(raw);
  if (!result.success) return [...problems, ...issuesToProblems(file.file, result.error.issues, yaml.lineOf, fix)];
  result.data.forEach((entry, i) => {
    const at = (field: string, message: string) =>
      problems.push({
        file: file.file,
        line: yaml.lineOf([i, ...field.split('.')]),
        field: `[${i + 1}].${field}`,
        message,
        fix: fix(field),
      });
    if (!sourceKeys.has(entry.new.source)) at('new.source', `unbekannte Quelle „${entry.new.source}“`);
    if (entry.old && !sourceKeys.has(entry.old.source)) at('old.source', `unbekannte Quelle „${entry.old.source}“`);
    if (!messengerIds.has(entry.messenger)) at('messenger', `unbekannter Messenger „${entry.messenger}“`);
    if (entry.date > now) at('date', `das Datum (${isoDay(entry.date)}) liegt in der Zukunft`);
  });
  return problems;
}
