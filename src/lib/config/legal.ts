/**
 * Legal bases for the Datenschutzerklärung, all derived from one choice: does the guild act as a public body?
 * An Innung is a Körperschaft des öffentlichen Rechts (§ 53 HwO). A public body performing its tasks relies on
 * Art. 6 Abs. 1 UAbs. 1 lit. e DSGVO with a national provision and may not use lit. f (Art. 6 Abs. 1 UAbs. 2).
 */
import type { GuildConfig } from './schema';

export interface LegalBases {
  publicBody: boolean;
  /** Delivering pages, spam protection, handling reports and moderation. */
  task: string;
  /** Name and text of a comment: the consent given with the checkbox. */
  comment: string;
  /** The edit key in the reader's browser storage. */
  deviceStorage: string;
  /** Whether Art. 21 (right to object) applies: it does to processing on lit. e and lit. f. */
  objection: boolean;
}

export function legalBases(config: Pick<GuildConfig, 'publicBody'>): LegalBases {
  const task =
    config.publicBody === false
      ? 'Art. 6 Abs. 1 UAbs. 1 lit. f DSGVO (berechtigtes Interesse an einer sicheren, spamfreien Website)'
      : `Art. 6 Abs. 1 UAbs. 1 lit. e DSGVO in Verbindung mit ${config.publicBody.nationalBasis} (Wahrnehmung der Aufgaben der Innung, ihre Mitglieder und die Öffentlichkeit zu informieren)`;
  return {
    publicBody: config.publicBody !== false,
    task,
    comment: 'Art. 6 Abs. 1 UAbs. 1 lit. a DSGVO (Ihre Einwilligung mit dem Häkchen im Formular)',
    deviceStorage: '§ 25 Abs. 2 Nr. 2 TDDDG (unbedingt erforderlich für die von Ihnen gewünschte Funktion, Ihren Kommentar zu ändern)',
    objection: true,
  };
}

/** EU and EEA states, in German, for "keine Übermittlung in Drittländer". */
const EEA = [
  'Belgien',
  'Bulgarien',
  'Dänemark',
  'Deutschland',
  'Estland',
  'Finnland',
  'Frankreich',
  'Griechenland',
  'Irland',
  'Island',
  'Italien',
  'Kroatien',
  'Lettland',
  'Liechtenstein',
  'Litauen',
  'Luxemburg',
  'Malta',
  'Niederlande',
  'Norwegen',
  'Österreich',
  'Polen',
  'Portugal',
  'Rumänien',
  'Schweden',
  'Slowakei',
  'Slowenien',
  'Spanien',
  'Tschechien',
  'Ungarn',
  'Zypern',
];

export function inEea(country: string): boolean {
  return EEA.includes(country.trim());
}

type Representation = GuildConfig['representation'];

/**
 * The Impressum's representation (§ 66 Abs. 3 HwO): the board represents the guild; the Satzung may transfer it
 * to named members. Returns the lead sentence and the board as "Name (Funktion)".
 */
export function representation(rep: Representation): { lead: string; board: string[] } {
  const people = (list: Representation['board']) => list.map((p) => `${p.name} (${p.role})`);
  const lead = rep.statute
    ? `Die Innung wird nach § 66 Abs. 3 Handwerksordnung durch ihren Vorstand vertreten. Nach ${rep.statute.clause} vertreten sie: ${people(rep.statute.representatives).join(', ')}.`
    : 'Die Innung wird durch ihren Vorstand vertreten (§ 66 Abs. 3 Handwerksordnung).';
  return { lead, board: people(rep.board) };
}
