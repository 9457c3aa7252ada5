/**
 * The Leichte-Sprache page as data, built from the config and the constants the code enforces, so that a unit
 * test can keep the rules a program can check (tests/unit/easy-language.test.ts): sentences of at most 15 words,
 * main clauses only, no passive, hard words only after their explanation, compounds split with a hyphen.
 */
import { formatCount } from '@/i18n/format';
import type { GuildConfig } from './schema';
import { easyModeration } from './notice';

export interface EasyLink {
  href: string;
  label: string;
}

export type EasyBlock =
  /** One sentence per paragraph; `explains` marks the sentence that explains a hard word. */
  | { text: string; link?: EasyLink; explains?: string }
  /** Steps in their order (a numbered list). */
  | { steps: string[] }
  /** Contact lines (address, e-mail): shown as they are, not checked as sentences. */
  | { contact: Array<string | EasyLink> };

export interface EasySection {
  id: string;
  heading: string;
  blocks: EasyBlock[];
}

/** Words a reader may not know: each may only appear after the sentence that explains it. */
export const HARD_WORDS = [
  'Innung',
  'Website',
  'Daten-Schutz',
  'Messenger',
  'Lupe',
  'Kommentar',
  'Barriere',
  'Schlichtungs-Stelle',
] as const;

export interface EasyInput {
  config: Pick<GuildConfig, 'name' | 'email' | 'phone' | 'address' | 'comments' | 'accessibility'>;
  routes: {
    posts: string;
    comparison: string;
    privacy: string;
    accessibility: string;
  };
  editMinutes: number;
}

const number = formatCount;

function aboutUs({ config: g }: EasyInput): EasySection {
  return {
    id: 'wer-wir-sind',
    heading: 'Wer wir sind',
    blocks: [
      {
        text: 'Eine Innung ist eine Gruppe von Handwerks-Betrieben.',
        explains: 'Innung',
      },
      { text: `Wir sind die ${g.name}.` },
      { text: 'Die Betriebe in der Innung heißen: Mitglieder.' },
    ],
  };
}

function offer({ routes }: EasyInput): EasySection {
  return {
    id: 'was-es-hier-gibt',
    heading: 'Was es hier gibt',
    blocks: [
      { text: 'Eine Website ist eine Seite im Internet.', explains: 'Website' },
      { text: 'Sie lesen gerade unsere Website.' },
      { text: 'Auf unserer Website gibt es Texte für Handwerks-Betriebe.' },
      { text: 'Die Texte heißen: Beiträge.' },
      {
        text: 'Daten-Schutz heißt: Wir schützen die Daten von Menschen.',
        explains: 'Daten-Schutz',
      },
      { text: 'Daten sind zum Beispiel: Name, Telefon-Nummer und Adresse.' },
      { text: 'In vielen Beiträgen geht es um Daten-Schutz.' },
      {
        text: 'Alle Beiträge finden Sie hier:',
        link: { href: routes.posts, label: 'Beiträge' },
      },
      {
        text: 'Ein Messenger ist ein Programm für das Handy.',
        explains: 'Messenger',
      },
      { text: 'Mit einem Messenger schreiben Sie Nachrichten.' },
      { text: 'Zum Beispiel: WhatsApp oder Threema.' },
      { text: 'Wir vergleichen Messenger.' },
      { text: 'Der Vergleich zeigt: Welcher Messenger schützt Daten gut?' },
      {
        text: 'Den Vergleich finden Sie hier:',
        link: { href: routes.comparison, label: 'Messenger-Vergleich' },
      },
    ],
  };
}

function search(): EasySection {
  return {
    id: 'suche',
    heading: 'So suchen Sie etwas',
    blocks: [
      { text: 'Oben auf jeder Seite gibt es einen Knopf für die Suche.' },
      {
        text: 'Eine Lupe ist ein Kreis mit einem kurzen Stiel.',
        explains: 'Lupe',
      },
      { text: 'Auf dem Handy zeigt der Knopf nur eine Lupe.' },
      {
        text: 'Auf einem großen Bildschirm steht neben der Lupe das Wort: Suche.',
      },
      {
        steps: [
          'Klicken Sie auf den Knopf.',
          'Dann öffnet sich ein Feld.',
          'Schreiben Sie ein Wort in das Feld. Zum Beispiel: WhatsApp.',
          'Sie sehen alle Beiträge mit diesem Wort.',
        ],
      },
      { text: 'Die Suche läuft nur auf Ihrem Gerät.' },
      { text: 'Ihre Such-Wörter bleiben bei Ihnen.' },
    ],
  };
}

function comments({ config: g, editMinutes }: EasyInput): EasySection {
  return {
    id: 'kommentare',
    heading: 'So schreiben Sie Ihre Meinung',
    blocks: [
      {
        text: 'Ein Kommentar ist Ihre Meinung zu einem Beitrag.',
        explains: 'Kommentar',
      },
      { text: 'Unter jedem Beitrag können Sie einen Kommentar schreiben.' },
      { text: 'Sie brauchen dafür nur Ihren Text.' },
      { text: 'Ihren Namen können Sie dazu schreiben.' },
      { text: 'Sie können auch ohne Namen schreiben.' },
      {
        steps: [
          'Schreiben Sie Ihren Text in das große Feld.',
          'Setzen Sie den Haken bei: Ich bin einverstanden.',
          'Klicken Sie auf: Kommentar absenden.',
        ],
      },
      {
        text: 'Der Haken bedeutet: Wir dürfen Ihren Kommentar speichern und zeigen.',
      },
      ...easyModeration(g.comments).map((text) => ({ text })),
      {
        text: `${number(editMinutes, 'Minute', 'Minuten')} lang können Sie Ihren Kommentar noch ändern oder löschen.`,
      },
      { text: 'Manche Kommentare lehnt die Innung ab.' },
      {
        text: `Diese Kommentare löschen wir nach ${number(g.comments.purgeRejectedAfterDays, 'Tag', 'Tagen')}.`,
      },
    ],
  };
}

function contact({ config: g }: EasyInput): EasySection {
  return {
    id: 'kontakt',
    heading: 'So erreichen Sie uns',
    blocks: [
      { text: 'Sie haben eine Frage?' },
      {
        text: 'Dann schreiben Sie uns eine E-Mail:',
        link: { href: `mailto:${g.email}`, label: g.email },
      },
      {
        text: 'Oder rufen Sie uns an:',
        link: {
          href: `tel:${g.phone.replace(/[^+0-9]/g, '')}`,
          label: g.phone,
        },
      },
      { text: 'Oder schreiben Sie uns einen Brief:' },
      {
        contact: [g.name, g.address.street, `${g.address.postalCode} ${g.address.city}`],
      },
    ],
  };
}

function barriers({ config: g, routes }: EasyInput): EasySection {
  return {
    id: 'barrieren',
    heading: 'Was noch nicht gut klappt',
    blocks: [
      { text: 'Eine Barriere ist ein Hindernis.', explains: 'Barriere' },
      { text: 'Zum Beispiel: Ein Text ist zu schwer.' },
      { text: 'Wir wollen eine Website ohne Barrieren.' },
      { text: 'Manche Teile haben noch Barrieren:' },
      {
        steps: [
          'Videos in Gebärden-Sprache fehlen noch.',
          'Das Programm für die Redaktion ist nur zum Teil geprüft.',
          'Die Bilder für Facebook zeigen Text im Bild.',
        ],
      },
      { text: 'Sie finden eine Barriere?' },
      {
        text: 'Dann schreiben Sie uns:',
        link: {
          href: `mailto:${g.accessibility.feedback.email}`,
          label: g.accessibility.feedback.email,
        },
      },
      {
        text: `Wir antworten Ihnen in ${number(g.accessibility.responseMonths, 'Monat', 'Monaten')}.`,
      },
      { text: 'Sie sind mit unserer Antwort unzufrieden?' },
      {
        text: 'Eine Schlichtungs-Stelle hilft bei Streit.',
        explains: 'Schlichtungs-Stelle',
      },
      {
        text: 'Dann fragen Sie die Schlichtungs-Stelle:',
        link: {
          href: g.accessibility.enforcement.url,
          label: g.accessibility.enforcement.name,
        },
      },
      { text: 'Die Hilfe kostet nichts.' },
      {
        text: 'Alles über Barrieren steht hier:',
        link: {
          href: routes.accessibility,
          label: 'Erklärung zur Barriere-Freiheit',
        },
      },
    ],
  };
}

function more({ routes }: EasyInput): EasySection {
  return {
    id: 'mehr',
    heading: 'Mehr Informationen',
    blocks: [
      {
        text: 'Über Ihre Daten steht mehr hier:',
        link: { href: routes.privacy, label: 'Daten-Schutz' },
      },
    ],
  };
}

/** The page, section by section (headings in this order). */
export function easyLanguage(input: EasyInput): EasySection[] {
  return [aboutUs, offer, search, comments, contact, barriers, more].map((section) => section(input));
}
