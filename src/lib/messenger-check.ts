/** Checks content/messengers/*.yaml and content/sources.yaml like posts: every problem with file, line, field and fix. */
import { issuesToProblems, parseYaml, type Problem, type SourceFile } from './content-check';
import { messengerSchema, sourcesSchema } from './messengers/schema';

const fix = (field: string): string => {
  if (field.endsWith('.source')) return 'Tragen Sie den Schlüssel einer Quelle aus content/sources.yaml ein (z. B. „source: K“).';
  if (field.endsWith('.level')) return 'Wählen Sie einen der genannten Werte; die Bedeutung steht in src/lib/messengers/criteria.ts.';
  if (field.endsWith('date') || field.endsWith('checked')) return 'Schreiben Sie das Datum als JJJJ-MM-TT.';
  return 'Vergleichen Sie mit content/messengers/threema.yaml.';
};

export function checkMessengerFiles(messengers: readonly SourceFile[], sources: SourceFile): Problem[] {
  const problems: Problem[] = [];
  const parsedSources = parseYaml(sources.source);
  for (const error of parsedSources.errors) problems.push({ file: sources.file, line: error.line, field: '(Datei)', message: `kein gültiges YAML: ${error.message}`, fix: 'Prüfen Sie Einrückung und Doppelpunkte.' });
  const sourceResult = sourcesSchema.safeParse(parsedSources.data ?? {});
  if (!sourceResult.success) problems.push(...issuesToProblems(sources.file, sourceResult.error.issues, parsedSources.lineOf, fix));
  const keys = new Set(Object.keys(parsedSources.data ?? {}));

  for (const file of messengers) {
    const yaml = parseYaml(file.source);
    for (const error of yaml.errors) problems.push({ file: file.file, line: error.line, field: '(Datei)', message: `kein gültiges YAML: ${error.message}`, fix: 'Prüfen Sie Einrückung und Doppelpunkte.' });
    if (!yaml.data) continue;
    const result = messengerSchema.safeParse(yaml.data);
    if (!result.success) {
      problems.push(...issuesToProblems(file.file, result.error.issues, yaml.lineOf, fix));
      continue;
    }
    for (const [criterion, fact] of Object.entries(result.data.facts)) {
      if (!keys.has(fact.source)) {
        problems.push({
          file: file.file,
          line: yaml.lineOf(['facts', criterion, 'source']),
          field: `facts.${criterion}.source`,
          message: `unbekannte Quelle „${fact.source}“`,
          fix: fix('.source'),
        });
      }
    }
  }
  return problems;
}
