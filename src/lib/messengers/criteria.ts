/**
 * The comparison's criteria, defined once: the table, the filters, the detail pages, the editor's fields and
 * the decision aid all read labels, short labels, explanations, "which value is better", neutral symbols and
 * extra features from here. A new criterion is one entry below (and a fact in each messenger file).
 * `score`: 2 = good for data protection, 1 = so-so, 0 = bad, null = not a data-protection question.
 */
export interface Level {
  label: string;
  score: number | null;
  /**
   * The mark of a level that is no data-protection question (score null), shown in grey in the matrix:
   * "how much" (full, half or empty circle) or a kind (for the cost). Scored levels get ✓ ~ ✗.
   */
  symbol?: string;
}

export interface Criterion {
  id: string;
  label: string;
  /** The matrix's column label; the full label is the header's accessible name and tooltip. */
  short: string;
  explanation: string;
  levels: Record<string, Level>;
  /** Named extras a fact of this criterion may list (`features:` in the messenger file), shown beside its value. */
  features?: Record<string, string>;
}

const criteria = [
  {
    id: 'operator',
    label: 'Anbieter und Sitz',
    short: 'Sitz',
    explanation: 'Wer den Dienst betreibt und welches Recht gilt (Zugriff von Behörden, Drittland).',
    levels: {
      eu: { label: 'EU', score: 2 },
      ch: { label: 'Schweiz', score: 2 },
      other: { label: 'anderes Land', score: 0 },
      us: { label: 'USA', score: 0 },
    },
  },
  {
    id: 'servers',
    label: 'Serverstandort',
    short: 'Server',
    explanation: 'Wo Nachrichten und Daten verarbeitet werden.',
    levels: {
      self: { label: 'eigener Server', score: 2 },
      eu: { label: 'EU', score: 2 },
      ch: { label: 'Schweiz', score: 2 },
      mixed: { label: 'verteilt', score: 1 },
      us: { label: 'USA', score: 0 },
    },
  },
  {
    id: 'phone',
    label: 'Telefonnummer nötig',
    short: 'Tel.-Nr.',
    explanation: 'Ob man sich nur mit einer Telefonnummer anmelden kann.',
    levels: {
      no: { label: 'nein', score: 2 },
      optional: { label: 'nicht zwingend', score: 1 },
      yes: { label: 'ja', score: 0 },
    },
  },
  {
    id: 'addressBook',
    label: 'Adressbuch-Upload',
    short: 'Adressbuch',
    explanation: 'Ob die App die Kontakte des Handys – auch von Unbeteiligten – an den Anbieter schickt.',
    levels: {
      none: { label: 'kein Upload', score: 2 },
      optional: { label: 'freiwillig', score: 1 },
      mandatory: { label: 'faktisch Pflicht', score: 0 },
    },
  },
  {
    id: 'e2ee',
    label: 'Ende-zu-Ende-Verschlüsselung',
    short: 'E2EE',
    explanation: 'Ob nur Absender und Empfänger die Nachrichten lesen können – standardmäßig, für alle Chats.',
    levels: {
      default: { label: 'standardmäßig', score: 2 },
      partial: { label: 'nur teilweise', score: 0 },
      none: { label: 'nein', score: 0 },
    },
  },
  {
    id: 'metadata',
    label: 'Metadaten',
    short: 'Metadaten',
    explanation: 'Was der Anbieter darüber erfährt, wer wann mit wem schreibt.',
    levels: {
      minimal: { label: 'minimal', score: 2 },
      moderate: { label: 'einige', score: 1 },
      extensive: { label: 'umfangreich', score: 0 },
    },
  },
  {
    id: 'openSource',
    label: 'Quelloffen',
    short: 'Quelloffen',
    explanation: 'Ob unabhängige Fachleute den Code von App und Server prüfen können.',
    levels: {
      full: { label: 'App und Server', score: 2 },
      client: { label: 'nur App', score: 1 },
      none: { label: 'nein', score: 0 },
    },
  },
  {
    id: 'selfHosting',
    label: 'Selbst betreiben',
    short: 'Selbst betr.',
    explanation: 'Ob der Betrieb oder die Innung einen eigenen Server betreiben kann.',
    levels: {
      yes: { label: 'ja', score: 2 },
      partial: { label: 'eingeschränkt', score: 1 },
      no: { label: 'nein', score: 0 },
    },
  },
  {
    id: 'business',
    label: 'Business-Funktionen',
    short: 'Business',
    explanation: 'Profil, Schnellantworten, Labels, geteiltes Postfach, zentrale Verwaltung von Geräten und Konten.',
    levels: {
      extensive: { label: 'umfangreich', score: null, symbol: '●' },
      some: { label: 'einige', score: null, symbol: '◐' },
      none: { label: 'keine', score: null, symbol: '○' },
    },
    features: {
      profile: 'Unternehmensprofil',
      quickReplies: 'Schnellantworten',
      labels: 'Labels',
      sharedInbox: 'geteiltes Postfach',
      adminConsole: 'zentrale Verwaltung / MDM',
    },
  },
  {
    id: 'cost',
    label: 'Kosten (kleiner Betrieb)',
    short: 'Kosten',
    explanation: 'Was ein Betrieb mit wenigen Personen ungefähr zahlt.',
    levels: {
      free: { label: 'kostenlos', score: null, symbol: '0' },
      oneoff: { label: 'einmalig', score: null, symbol: '1×' },
      subscription: { label: 'pro Person/Monat', score: null, symbol: '/M' },
      perMessage: { label: 'pro Nachricht', score: null, symbol: '/N' },
      unknown: { label: 'unbekannt', score: null, symbol: '?' },
    },
  },
  {
    id: 'avv',
    label: 'AVV verfügbar',
    short: 'AVV',
    explanation: 'Ob der Anbieter einen Auftragsverarbeitungsvertrag (Art. 28 DSGVO) schließt.',
    levels: {
      yes: { label: 'ja', score: 2 },
      notNeeded: { label: 'nicht nötig (eigener Server)', score: 2 },
      unclear: { label: 'unklar', score: 0 },
      no: { label: 'nein', score: 0 },
    },
  },
  {
    id: 'reach',
    label: 'Verbreitung bei Kundschaft',
    short: 'Verbreitung',
    explanation: 'Ob Kundinnen und Kunden Sie ohne neue App erreichen.',
    levels: {
      high: { label: 'sehr hoch', score: null, symbol: '●' },
      low: { label: 'gering', score: null, symbol: '○' },
    },
  },
] as const satisfies readonly Criterion[];

export const CRITERIA: readonly Criterion[] = criteria;
export type CriterionId = (typeof criteria)[number]['id'];
export const CRITERION_IDS = criteria.map((c) => c.id) as CriterionId[];

export function criterion(id: CriterionId): Criterion {
  return CRITERIA.find((c) => c.id === id)!;
}

/** Every feature id any criterion declares (`features` above). */
export type FeatureId = keyof NonNullable<Extract<(typeof criteria)[number], { features: object }>['features']>;

/** Criteria with no data-protection question (every level unscored): a grey mark, explained in the legend. */
export const NEUTRAL_CRITERIA = criteria
  .filter((c) => Object.values(c.levels).every((l) => l.score === null))
  .map((c) => c.id) as CriterionId[];

/** Yes/no questions for the filter toggles, each answered from one criterion. */
export const FILTERS = [
  { id: 'ohne-telefonnummer', label: 'ohne Telefonnummer nutzbar', criterion: 'phone', levels: ['no'] },
  { id: 'kein-adressbuch', label: 'kein Adressbuch-Upload', criterion: 'addressBook', levels: ['none', 'optional'] },
  { id: 'server-eu-ch', label: 'Server in EU/Schweiz', criterion: 'servers', levels: ['eu', 'ch', 'self'] },
  { id: 'e2ee', label: 'Ende-zu-Ende-Verschlüsselung standardmäßig', criterion: 'e2ee', levels: ['default'] },
  { id: 'avv', label: 'AVV verfügbar', criterion: 'avv', levels: ['yes', 'notNeeded'] },
  { id: 'business', label: 'Business-Funktionen', criterion: 'business', levels: ['extensive', 'some'] },
] as const satisfies ReadonlyArray<{ id: string; label: string; criterion: CriterionId; levels: readonly string[] }>;
export type FilterId = (typeof FILTERS)[number]['id'];
