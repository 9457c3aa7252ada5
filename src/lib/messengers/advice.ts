/**
 * "Welcher Messenger passt zu meinem Betrieb?" – a ranked, explained recommendation derived
 * from the same facts as the table. Every reason names its criterion and carries its fact (and source).
 */
import { criterion, type CriterionId } from './criteria';
import type { Fact, Messenger } from './model';

export interface Answers {
  /** What the messenger is for. */
  use: 'kunden' | 'team' | 'beides';
  /** Customers must reach the business without installing a new app. */
  ohneNeueApp: boolean;
  /** Staff use their private phones. */
  privateHandys: boolean;
  /** A data processing agreement is required (it is, for business use under the GDPR). */
  avvPflicht: boolean;
  budget: 'kostenlos' | 'klein' | 'egal';
}

export const QUESTIONS = {
  use: {
    label: 'Wofür brauchen Sie den Messenger?',
    options: { kunden: 'Kontakt mit Kundschaft', team: 'Abstimmung im Team', beides: 'beides' },
  },
  ohneNeueApp: { label: 'Muss die Kundschaft Sie erreichen, ohne eine neue App zu installieren?' },
  privateHandys: { label: 'Nutzen Mitarbeitende dafür ihre privaten Handys?' },
  avvPflicht: { label: 'Brauchen Sie einen Auftragsverarbeitungsvertrag (AVV)? (Für den Einsatz im Betrieb in aller Regel ja.)' },
  budget: {
    label: 'Wie viel darf es kosten?',
    options: { kostenlos: 'nichts', klein: 'ein paar Euro pro Person und Monat', egal: 'spielt keine große Rolle' },
  },
} as const;

export const DEFAULT_ANSWERS: Answers = { use: 'team', ohneNeueApp: false, privateHandys: true, avvPflicht: true, budget: 'klein' };

export interface Reason {
  criterion: CriterionId;
  criterionLabel: string;
  /** true: speaks for the messenger; false: against it. */
  positive: boolean;
  text: string;
  fact: Fact;
}

export interface Recommendation {
  messenger: Messenger;
  suitable: boolean;
  score: number;
  reasons: Reason[];
}

function yes(value: string | null): boolean | undefined {
  return value === 'ja' ? true : value === 'nein' ? false : undefined;
}

/** Answers from the form's query (?use=team&ohneNeueApp=nein…); null when the form was not sent. */
export function parseAnswers(params: URLSearchParams): Answers | null {
  const use = params.get('use');
  if (use !== 'kunden' && use !== 'team' && use !== 'beides') return null;
  const budget = params.get('budget');
  return {
    use,
    ohneNeueApp: use !== 'team' && (yes(params.get('ohneNeueApp')) ?? false),
    privateHandys: yes(params.get('privateHandys')) ?? DEFAULT_ANSWERS.privateHandys,
    avvPflicht: yes(params.get('avvPflicht')) ?? DEFAULT_ANSWERS.avvPflicht,
    budget: budget === 'kostenlos' || budget === 'klein' || budget === 'egal' ? budget : DEFAULT_ANSWERS.budget,
  };
}

export function recommend(messengers: readonly Messenger[], answers: Answers): Recommendation[] {
  const results = messengers.map((messenger) => {
    const reasons: Reason[] = [];
    let suitable = true;
    let score = messenger.privacyScore;
    const add = (id: CriterionId, positive: boolean, text: string, weight: number, excludes = false) => {
      reasons.push({ criterion: id, criterionLabel: criterion(id).label, positive, text, fact: messenger.facts[id] });
      score += positive ? weight : -weight;
      if (excludes) suitable = false;
    };
    const f = messenger.facts;

    if (answers.use !== 'team') {
      if (f.reach.level === 'high') add('reach', true, 'Kundschaft erreicht Sie mit der App, die sie schon hat.', 40);
      else add('reach', false, 'Kundschaft müsste erst eine neue App installieren.', answers.ohneNeueApp ? 0 : 15, answers.ohneNeueApp);
    }
    if (answers.use !== 'kunden') {
      if (f.business.features?.includes('adminConsole'))
        add('business', true, 'Zentrale Verwaltung: Geräte einrichten, Konten beim Ausscheiden sperren.', 20);
      else add('business', false, 'Keine zentrale Verwaltung der Konten im Betrieb.', 10);
    }
    if (answers.use !== 'team' && f.business.features?.includes('sharedInbox')) {
      add('business', true, 'Geteiltes Postfach: mehrere Personen beantworten Anfragen.', 10);
    }
    if (answers.avvPflicht) {
      if (f.avv.level === 'yes' || f.avv.level === 'notNeeded') add('avv', true, 'Ein AVV ist möglich.', 15);
      else add('avv', false, f.avv.level === 'unclear' ? 'Ob es einen AVV gibt, ist unklar.' : 'Es gibt keinen AVV.', 30, true);
    }
    if (answers.privateHandys) {
      if (f.addressBook.level === 'mandatory')
        add('addressBook', false, 'Lädt das private Adressbuch hoch – auch Kontakte, die nichts mit dem Betrieb zu tun haben.', 30, true);
      else add('addressBook', true, 'Private Kontakte bleiben auf dem Handy.', 5);
      if (f.phone.level === 'yes') add('phone', false, 'Die private Telefonnummer wird zur Kennung im Betrieb.', 5);
    }
    if (f.e2ee.level !== 'default') add('e2ee', false, 'Nachrichten sind nicht durchgehend Ende-zu-Ende-verschlüsselt.', 15);
    if (answers.budget === 'kostenlos' && (f.cost.level === 'subscription' || f.cost.level === 'perMessage')) {
      add('cost', false, 'Verursacht laufende Kosten.', 20, true);
    } else if (answers.budget === 'klein' && f.cost.level === 'perMessage') {
      add('cost', false, 'Kosten pro Nachricht, dazu Gebühren eines Dienstleisters.', 10);
    } else if (f.cost.level === 'unknown') {
      add('cost', false, 'Die Kosten sind nicht bestätigt – fragen Sie beim Anbieter nach.', 5);
    } else if (f.cost.level === 'free' || f.cost.level === 'oneoff') {
      add('cost', true, f.cost.level === 'free' ? 'Kostenlos.' : 'Nur einmalige Kosten.', 5);
    }
    return { messenger, suitable, score, reasons };
  });
  return results.sort(
    (a, b) => Number(b.suitable) - Number(a.suitable) || b.score - a.score || a.messenger.name.localeCompare(b.messenger.name, 'de'),
  );
}
