/**
 * Demo data that must not go live. The shipped src/guild.config.ts describes a made-up guild (the values in
 * ./demo.ts) so that `npm start` works at once; every page then shows the "Musterdaten" notice. Every key is
 * compared with the demo's value: one still equal to it fails, with its key and a German hint, unless the
 * guild lists it in `keptDemoValues` (deliberately kept). The authorities are checked against the address:
 * another guild's Handwerkskammer or data-protection authority never passes, kept or not.
 */
import { demoGuildConfig } from './demo';
import { PLACEHOLDER_MARK, parseGuildConfig, type GuildConfig } from './schema';

export interface ReleaseProblem {
  /** Dotted key in src/guild.config.ts, e.g. "address.street". */
  key: string;
  /** Why, in German. */
  reason: string;
}

/** Values that look like demo data wherever they stand (issue 12: "+49 30 0000000", "example.org"). */
const DEMO_PATTERNS: Array<{ test: RegExp; reason: string }> = [
  { test: new RegExp(PLACEHOLDER_MARK), reason: `enthält „${PLACEHOLDER_MARK}“` },
  { test: /(^|[@./])example\.(org|com|net)\b/, reason: 'nutzt eine Beispiel-Adresse (example.org)' },
  { test: /^\+?[\d ()/-]*\b0{5,}$/, reason: 'ist eine Muster-Telefonnummer' },
];

/**
 * Settings whose shipped value is a sensible default rather than guild data: equal to the demo is fine.
 * Everything else (names, addresses, authorities, dates, proxyLogDays …) must be the guild's own.
 */
const DEFAULT_KEYS = [
  /^colors\./,
  /^logo\.src$/,
  /\.role$/,
  /^postsPerPage$/,
  /^publishApproval$/,
  /^comments\./,
  /^register\.legalForm$/,
  /^hosting\.(country|proxy)$/,
  /^accessibility\.responseMonths$/,
  /^keptDemoValues/,
];

/** Hints per key prefix: what to put there instead. */
const HINTS: Array<[RegExp, string]> = [
  [/^supervisoryAuthority\./, 'die Handwerkskammer, die die Innung beaufsichtigt (§ 75 HwO)'],
  [/^dataProtectionAuthority\./, 'die Datenschutz-Aufsichtsbehörde des eigenen Landes'],
  [/^accessibility\.enforcement\./, 'die Schlichtungs- oder Durchsetzungsstelle des eigenen Landes'],
  [/^hosting\.proxyLogDays$/, 'die Tage, die der eigene Proxy seine Protokolle aufbewahrt (deploy/nginx/logrotate, deploy/Caddyfile)'],
  [/^facebookUrl$/, 'die eigene Facebook-Seite (oder „facebookUrl“ in keptDemoValues, wenn es wirklich Ihre ist)'],
  [/^address\./, 'die Anschrift der Innung'],
];

function hint(key: string): string {
  return HINTS.find(([test]) => test.test(key))?.[1] ?? 'den Wert der eigenen Innung';
}

function leaves(value: unknown, path: string[] = []): Array<[string, unknown]> {
  if (Array.isArray(value)) return value.flatMap((child, i) => leaves(child, [...path, String(i)]));
  if (value && typeof value === 'object') return Object.entries(value).flatMap(([key, child]) => leaves(child, [...path, key]));
  return [[path.join('.'), value]];
}

const demo = new Map(leaves(parseGuildConfig(demoGuildConfig)));

function demoValues(config: GuildConfig): ReleaseProblem[] {
  const kept = new Set(config.keptDemoValues);
  return leaves(config).flatMap(([key, value]): ReleaseProblem[] => {
    const pattern = typeof value === 'string' ? DEMO_PATTERNS.find((p) => p.test.test(value)) : undefined;
    if (pattern) return [{ key, reason: pattern.reason }];
    if (kept.has(key) || DEFAULT_KEYS.some((k) => k.test(key)) || value === undefined) return [];
    if (demo.has(key) && demo.get(key) === value)
      return [{ key, reason: `ist noch der Musterwert „${String(value)}“ – bitte ${hint(key)} eintragen` }];
    return [];
  });
}

/** Another guild's authorities: the demo's chamber or data-protection authority while the address is not the demo's. */
function foreignAuthorities(config: GuildConfig): ReleaseProblem[] {
  const ownAddress = config.address.postalCode !== demo.get('address.postalCode') || config.address.city !== demo.get('address.city');
  if (!ownAddress) return [];
  const checks: Array<[string, string]> = [
    ['supervisoryAuthority.name', config.supervisoryAuthority.name],
    ['supervisoryAuthority.url', config.supervisoryAuthority.url],
    ['dataProtectionAuthority.name', config.dataProtectionAuthority.name],
    ['dataProtectionAuthority.url', config.dataProtectionAuthority.url],
  ];
  return checks
    .filter(([key, value]) => demo.get(key) === value)
    .map(([key, value]) => ({
      key,
      reason: `„${value}“ ist für ${demo.get('address.city')} zuständig, die Innung sitzt aber in ${config.address.postalCode} ${config.address.city} – bitte ${hint(key)} eintragen`,
    }));
}

const sampleData = new WeakMap<GuildConfig, boolean>();

/** Whether the config still holds demo data; worked out once per config (every page's notice asks). */
export function holdsSampleData(config: GuildConfig): boolean {
  let sample = sampleData.get(config);
  if (sample === undefined) sampleData.set(config, (sample = releaseProblems(config).length > 0));
  return sample;
}

/** Every key that still holds demo data or lacks what a live site needs. Empty = ready to go live. */
export function releaseProblems(config: GuildConfig): ReleaseProblem[] {
  const problems = [...demoValues(config)];
  for (const foreign of foreignAuthorities(config)) {
    const index = problems.findIndex((p) => p.key === foreign.key);
    if (index >= 0) problems[index] = foreign;
    else problems.push(foreign);
  }
  const missing = (key: string, reason: string) => problems.push({ key, reason: `fehlt: ${reason}` });
  if (!config.privacyNoticeDate) missing('privacyNoticeDate', 'der Tag, an dem die Datenschutzerklärung beschlossen wurde (JJJJ-MM-TT)');
  if (!config.accessibility.reviewedOn)
    missing('accessibility.reviewedOn', 'der Tag der letzten Prüfung der Barrierefreiheit von Hand (JJJJ-MM-TT)');
  if (!config.accessibility.preparedOn)
    missing('accessibility.preparedOn', 'der Tag, an dem die Erklärung zur Barrierefreiheit erstellt wurde (JJJJ-MM-TT)');
  if (!config.accessibility.stateLaw)
    missing('accessibility.stateLaw', 'das Landesgesetz über barrierefreie Informationstechnik, das für die Innung gilt');
  if (!config.hosting.confirmedOn) {
    missing(
      'hosting.confirmedOn',
      'der Tag, an dem geprüft wurde, dass der Proxy mit den Dateien aus deploy/ läuft (Zugriffsprotokoll ohne IP, Protokolle nach hosting.proxyLogDays Tagen gelöscht)',
    );
  }
  if (!config.editors)
    missing('editors', 'die Rechtsgrundlage für die Daten der Redaktion (Beschäftigtendaten nach Landesrecht) mit Quelle');
  if (!config.facebook.jointControllerInfo && !config.facebook.decision) {
    missing(
      'facebook',
      'für die verlinkte Facebook-Seite die Informationen nach Art. 26 DSGVO (facebook.jointControllerInfo) oder der dokumentierte Beschluss der Innung (facebook.decision)',
    );
  }
  return problems;
}

export function formatReleaseReport(problems: readonly ReleaseProblem[], file = 'src/guild.config.ts'): string {
  if (problems.length === 0) return `${file}: keine Musterdaten mehr – bereit für den Livegang.`;
  return [
    `${file}: ${problems.length === 1 ? '1 Schlüssel enthält' : `${problems.length} Schlüssel enthalten`} noch Musterdaten oder fehlt – vor dem Livegang ergänzen:`,
    ...problems.map((p) => `  ${p.key} – ${p.reason}`),
  ].join('\n');
}
