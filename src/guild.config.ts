/**
 * The one place for the guild's data. Every page, the legal pages, the Facebook links
 * and the comment settings read from here.
 *
 * As shipped, this describes a made-up guild (Musterdaten) so that `npm start` works at once:
 * every page then shows a "Musterdaten" notice, and `npm run check:release` names each key that
 * still holds demo data. Replace them all before going live.
 */
import { defineGuildConfig } from './lib/config/schema';

export default defineGuildConfig({
  name: 'Berliner Innung',
  shortName: 'Berliner Innung',
  description:
    'Wissen und Austausch für die Mitgliedsbetriebe der Innung: Datenschutz, Digitales und Praxis im Handwerk – verständlich und mit Quellen.',
  siteUrl: 'https://innung.example.org',
  logo: { src: '/logo.svg', alt: 'Logo der Berliner Innung' },
  colors: { primary: '#1d4ed8', primaryDark: '#1e3a8a', accent: '#b45309' },
  address: { street: 'Platzhalter-Straße 1', postalCode: '10115', city: 'Berlin' },
  phone: '+49 30 0000000',
  email: 'info@example.org',
  responsiblePerson: { name: 'Platzhalter: Name der verantwortlichen Person', role: 'Geschäftsführung' },
  // The board (Vorstand) represents the guild (§ 66 Abs. 3 HwO); here the person who represents the board.
  representative: { name: 'Platzhalter: Name des Obermeisters', role: 'Obermeister' },
  register: { legalForm: 'Körperschaft des öffentlichen Rechts' },
  supervisoryAuthority: {
    name: 'Handwerkskammer Berlin',
    address: 'Platzhalter: Postanschrift der Handwerkskammer',
    url: 'https://www.hwk-berlin.de/',
  },
  // An Innung is a Körperschaft des öffentlichen Rechts (§ 53 HwO), so it acts as a public body.
  publicBody: { nationalBasis: 'Platzhalter: Landesdatenschutzgesetz (allgemeine Befugnisnorm) in Verbindung mit § 54 HwO' },
  dataProtectionOfficer: { name: 'Platzhalter: Name der oder des Datenschutzbeauftragten', email: 'datenschutz@example.org' },
  dataProtectionAuthority: {
    name: 'Berliner Beauftragte für Datenschutz und Informationsfreiheit',
    url: 'https://www.datenschutz-berlin.de/',
  },
  // privacyNoticeDate: '2027-01-15',  // the day the guild adopted the Datenschutzerklärung
  hosting: {
    provider: { name: 'Platzhalter: Name des Hosting-Anbieters', address: 'Platzhalter: Anschrift des Hosting-Anbieters' },
    country: 'Deutschland',
    proxyLogDays: 7,
  },
  accessibility: {
    feedback: { name: 'Platzhalter: Ansprechperson für Barrierefreiheit', email: 'barrierefreiheit@example.org' },
    enforcement: { name: 'Platzhalter: Schlichtungsstelle des Landes', url: 'https://schlichtung.example.org/' },
    // reviewedOn: '2027-01-15',  // the day of the last manual accessibility review
  },
  facebookUrl: 'https://www.facebook.com/Berliner.Innung/',
  comments: { enabled: true, purgeRejectedAfterDays: 30, backupKeep: 14 },
  postsPerPage: 10,
});
