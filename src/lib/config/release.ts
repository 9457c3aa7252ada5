/**
 * Demo data that must not go live. The shipped src/guild.config.ts describes a made-up guild so that
 * `npm start` works at once; every page then shows the "Musterdaten" notice, and `npm run check:release`
 * names each key still holding demo data (exit 1) until all are real.
 */
import { PLACEHOLDER_MARK, type GuildConfig } from './schema';

export interface ReleaseProblem {
  /** Dotted key in src/guild.config.ts, e.g. "address.street". */
  key: string;
  /** Why, in German. */
  reason: string;
}

/** Values of the shipped demo guild that look real but are not (issue 12: "+49 30 0000000", "Berliner Innung"). */
const DEMO_PATTERNS: Array<{ test: RegExp; reason: string }> = [
  { test: new RegExp(PLACEHOLDER_MARK), reason: `enthält „${PLACEHOLDER_MARK}“` },
  { test: /(^|[@./])example\.(org|com|net)\b/, reason: 'nutzt eine Beispiel-Adresse (example.org)' },
  { test: /Berliner[ .]Innung/, reason: 'nennt die Muster-Innung „Berliner Innung“' },
  { test: /^\+?[\d ()/-]*\b0{5,}$/, reason: 'ist eine Muster-Telefonnummer' },
];

function demoValues(value: unknown, path: string[] = []): ReleaseProblem[] {
  if (typeof value === 'string') {
    const hit = DEMO_PATTERNS.find((p) => p.test.test(value));
    return hit ? [{ key: path.join('.'), reason: hit.reason }] : [];
  }
  if (value && typeof value === 'object') return Object.entries(value).flatMap(([key, child]) => demoValues(child, [...path, key]));
  return [];
}

/** Every key that still holds demo data or lacks what a live site needs. Empty = ready to go live. */
export function releaseProblems(config: GuildConfig): ReleaseProblem[] {
  const problems = demoValues(config);
  if (!config.privacyNoticeDate) problems.push({ key: 'privacyNoticeDate', reason: 'fehlt: der Tag, an dem die Datenschutzerklärung beschlossen wurde (JJJJ-MM-TT)' });
  if (!config.accessibility.reviewedOn) problems.push({ key: 'accessibility.reviewedOn', reason: 'fehlt: der Tag der letzten Prüfung der Barrierefreiheit von Hand (JJJJ-MM-TT)' });
  return problems;
}

export function formatReleaseReport(problems: readonly ReleaseProblem[], file = 'src/guild.config.ts'): string {
  if (problems.length === 0) return `${file}: keine Musterdaten mehr – bereit für den Livegang.`;
  return [
    `${file}: ${problems.length === 1 ? '1 Schlüssel enthält' : `${problems.length} Schlüssel enthalten`} noch Musterdaten – vor dem Livegang ersetzen:`,
    ...problems.map((p) => `  ${p.key} – ${p.reason}`),
  ].join('\n');
}
