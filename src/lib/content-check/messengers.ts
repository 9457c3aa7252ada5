/**
 * content/messengers/*.yaml: valid fields and levels; every fact cites a source that exists in content/sources/;
 * a fact's own check date cannot lie before its source's date.
 */
import { messengerSchema } from '../messengers/schema';
import { isoDay } from '../posts/format';
import type { CheckedSource } from './sources';
import { evidenceRules } from './evidence';
import { REPOSITORY_START, type SourceDates } from './source-dates';
import { issuesToProblems, parseYaml, yamlErrors } from './yaml';
import type { Problem, SourceFile } from './types';

const fix = (field: string): string => {
  if (field.endsWith('.source'))
    return 'Tragen Sie den Dateinamen einer Quelle aus content/sources/ ohne .yaml ein (z. B. „source: K“) oder legen Sie die Quelle dort an.';
  if (field.endsWith('.level')) return 'Wählen Sie einen der genannten Werte; die Bedeutung steht in src/lib/messengers/criteria.ts.';
  if (field.endsWith('date') || field.endsWith('checked')) return 'Schreiben Sie das Datum als JJJJ-MM-TT.';
  return 'Vergleichen Sie mit einer vorhandenen Datei in content/messengers/.';
};

export interface MessengerCheckOptions {
  /** Today; check dates after it are refused. */
  now?: Date;
  /** When each source entered the repository (src/lib/content-check/source-dates.ts); default: the repository's start. */
  dates?: SourceDates;
}

export function checkMessengers(
  files: readonly SourceFile[],
  sources: ReadonlyMap<string, CheckedSource>,
  options: MessengerCheckOptions = {},
): Problem[] {
  const problems: Problem[] = [];
  const now = options.now ?? new Date();
  const today = new Date(Date.UTC(now.getUTCFullYear(), now.getUTCMonth(), now.getUTCDate()));
  const addedOf = (key: string) => options.dates?.addedOf(key) ?? REPOSITORY_START;
  for (const file of files) {
    const yaml = parseYaml(file.source);
    problems.push(...yamlErrors(file.file, yaml));
    if (!yaml.data) {
      if (yaml.errors.length === 0)
        problems.push({ file: file.file, line: 1, field: '(Datei)', message: 'die Datei ist leer', fix: fix('') });
      continue;
    }
    const result = messengerSchema.safeParse(yaml.data);
    if (!result.success) {
      problems.push(...issuesToProblems(file.file, result.error.issues, yaml.lineOf, fix));
      continue;
    }
    for (const [criterion, fact] of Object.entries(result.data.facts)) {
      const source = sources.get(fact.source);
      if (!source) {
        problems.push({
          file: file.file,
          line: yaml.lineOf(['facts', criterion, 'source']),
          field: `facts.${criterion}.source`,
          message: fact.verified
            ? `unbekannte Quelle „${fact.source}“ – eine bestätigte Angabe braucht eine vorhandene Quelle`
            : `unbekannte Quelle „${fact.source}“`,
          fix: fix('.source'),
        });
        continue;
      }
      if (fact.checked && source.data.date && fact.checked < source.data.date) {
        problems.push({
          file: file.file,
          line: yaml.lineOf(['facts', criterion, 'checked']),
          field: `facts.${criterion}.checked`,
          message: `das Prüfdatum (${isoDay(fact.checked)}) liegt vor dem Datum der Quelle „${fact.source}“ (${isoDay(source.data.date)})`,
          fix: 'Prüfen Sie die Angabe erneut an der Quelle und tragen Sie den Tag der Prüfung ein.',
        });
      }
      problems.push(
        ...evidenceRules(file.file, criterion, fact, fact.source, source.data, yaml.lineOf, { today, sourceAdded: addedOf(fact.source) }),
      );
    }
  }
  return problems;
}
