/**
 * The comparison's criteria, defined once: the table, the filters, the detail pages and the
 * decision aid all read labels, explanations and "which value is better" from here.
 * `score`: 2 = good for data protection, 1 = so-so, 0 = bad, null = not a data-protection question.
 */
export interface Level {
  label: string;
  score: number | null;
}

export interface Criterion {
  id: string;
  label: string;
  explanation: string;
  levels: Record<string, Level>;
}

const criteria = [
  {
    id: 'operator',
    label: 'Anbieter und Sitz',
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
    explanation: 'Profil, Schnellantworten, Labels, geteiltes Postfach, zentrale Verwaltung von Geräten und Konten.',
    levels: {
      extensive: { label: 'umfangreich', score: null },
      some: { label: 'einige', score: null },
      none: { label: 'keine', score: null },
    },
  },
  {
    id: 'cost',
    label: 'Kosten (kleiner Betrieb)',
    explanation: 'Was ein Betrieb mit wenigen Personen ungefähr zahlt.',
    levels: {
      free: { label: 'kostenlos', score: null },
      oneoff: { label: 'einmalig', score: null },
      subscription: { label: 'pro Person/Monat', score: null },
      perMessage: { label: 'pro Nachricht', score: null },
      unknown: { label: 'unbekannt', score: null },
    },
  },
  {
    id: 'avv',
    label: 'AVV verfügbar',
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
    explanation: 'Ob Kundinnen und Kunden Sie ohne neue App erreichen.',
    levels: {
      high: { label: 'sehr hoch', score: null },
      low: { label: 'gering', score: null },
    },
  },
] as const satisfies readonly Criterion[];

export const CRITERIA: readonly Criterion[] = criteria;
export type CriterionId = (typeof criteria)[number]['id'];
export const CRITERION_IDS = criteria.map((c) => c.id) as CriterionId[];

export function criterion(id: CriterionId): Criterion {
  return CRITERIA.find((c) => c.id === id)!;
}

export const BUSINESS_FEATURES = {
  profile: 'Unternehmensprofil',
  quickReplies: 'Schnellantworten',
  labels: 'Labels',
  sharedInbox: 'geteiltes Postfach',
  adminConsole: 'zentrale Verwaltung / MDM',
} as const;
export type BusinessFeature = keyof typeof BUSINESS_FEATURES;

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
