import type { Problem } from './types';

export function formatProblem(p: Problem): string {
  return `${p.file}:${p.line} – ${p.field} – ${p.message} – ${p.fix}`;
}

export function sortProblems(problems: Problem[]): Problem[] {
  return problems.sort((a, b) => a.file.localeCompare(b.file) || a.line - b.line);
}

export function formatReport(problems: readonly Problem[]): string {
  if (problems.length === 0) return 'Alle Inhalte sind in Ordnung.';
  const heading = problems.length === 1 ? '1 Problem in den Inhalten gefunden:' : `${problems.length} Probleme in den Inhalten gefunden:`;
  return [heading, ...problems.map((p) => `  ${formatProblem(p)}`)].join('\n');
}
