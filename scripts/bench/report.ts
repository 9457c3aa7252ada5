/** The report's rows and notes: every section adds to them, `writeReport` prints and saves the Markdown. */
import { mkdirSync, readdirSync, statSync, writeFileSync } from 'node:fs';
import { cpus } from 'node:os';
import { join } from 'node:path';
import { ONLY, ROOT, SMOKE } from './context';

/** `binding`: the budget holds on every machine (memory), so it fails a --smoke run on CI too; time budgets do not. */
interface Row {
  section: string;
  figure: string;
  value: string;
  budget: string;
  pass: boolean | null;
  binding: boolean;
}
const rows: Row[] = [];
export const notes: string[] = [];
export const add = (section: string, figure: string, value: string, budget = '–', pass: boolean | null = null, binding = false) => {
  rows.push({ section, figure, value, budget, pass, binding });
  console.error(`  ${section} · ${figure}: ${value}${budget !== '–' ? ` (Budget ${budget}: ${pass ? 'ok' : 'VERFEHLT'})` : ''}`);
};
/** A memory budget: binding on CI's --smoke run as well. */
export const addMemory = (section: string, figure: string, value: string, budget: string, pass: boolean) =>
  add(section, figure, value, budget, pass, true);
export const kb = (bytes: number) => `${(bytes / 1024).toFixed(1)} kB`;
export const mb = (bytes: number) => `${(bytes / 1024 / 1024).toFixed(0)} MB`;

export function dirSize(dir: string): number {
  return readdirSync(dir).reduce((sum, name) => {
    const full = join(dir, name);
    return sum + (statSync(full).isDirectory() ? dirSize(full) : statSync(full).size);
  }, 0);
}

/** The failed budgets so far, and of those the binding ones (memory). */
export function failures(): { failed: number; bindingFailed: number } {
  const failed = rows.filter((r) => r.pass === false);
  return { failed: failed.length, bindingFailed: failed.filter((r) => r.binding).length };
}

/** The bench's exit code: a failed memory budget fails every run, a failed time budget only a full run (not CI's --smoke). */
export function exitCode({ failed, bindingFailed }: { failed: number; bindingFailed: number }, smoke: boolean): number {
  return bindingFailed > 0 || (failed > 0 && !smoke) ? 1 : 0;
}

/** Writes bench/report.md and stdout. */
export function writeReport(): void {
  const failed = rows.filter((r) => r.pass === false);
  const lines = [
    `# Benchmark-Bericht${SMOKE ? ' (Smoke: 100 Beiträge, kurze Lastläufe; nur Speicher-Budgets verbindlich)' : ''}${ONLY ? ` (nur ${ONLY.join(', ')})` : ''}`,
    '',
    `${new Date().toISOString()} · Node ${process.version} · ${cpus().length} Kerne`,
    '',
    '| Bereich | Kennzahl | Wert | Budget | |',
    '|---|---|---|---|---|',
    ...rows.map(
      (r) =>
        `| ${r.section} | ${r.figure} | ${r.value} | ${r.budget}${r.binding ? ' (auch CI)' : ''} | ${r.pass === null ? '' : r.pass ? '✅' : '❌'} |`,
    ),
    '',
    ...notes,
    '',
    failed.length === 0
      ? 'Alle Budgets eingehalten.'
      : `${failed.length} Budget(s) verfehlt: ${failed.map((f) => `${f.section} – ${f.figure}`).join('; ')}`,
    '',
  ];
  const report = lines.join('\n');
  mkdirSync(join(ROOT, 'bench'), { recursive: true });
  writeFileSync(join(ROOT, 'bench', 'report.md'), report);
  console.log(report);
}
