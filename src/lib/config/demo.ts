/**
 * The shipped demo guild, as src/guild.config.ts ships it: `npm run check:release` compares every key of the
 * real config with these values. Never edit this file for a real guild; edit src/guild.config.ts.
 */
import { defineGuildConfig } from './schema';

export const demoGuildConfig = defineGuildConfig({
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
  // The board (Vorstand) represents the guild (§ 66 Abs. 3 HwO): list its members. Only if the Satzung
  // transfers representation to named members: statute: { clause: '§ … der Satzung', representatives: [ … ] }.
  representation: {
    board: [
      { name: 'Platzhalter: Name des Obermeisters', role: 'Obermeister' },
      { name: 'Platzhalter: Name der stellvertretenden Obermeisterin', role: 'Stellvertretende Obermeisterin' },
    ],
  },
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
    proxy: 'nginx',
    // Days the proxy keeps its logs: must equal `rotate` in deploy/nginx/logrotate and roll_keep_for in deploy/Caddyfile.
    proxyLogDays: 7,
    // confirmedOn: '2027-01-15',  // the day you checked that the proxy runs with the files from deploy/
  },
  // editors: { legalBasis: '§ 18 BlnDSG in Verbindung mit Art. 88 DSGVO', source: 'https://gesetze.berlin.de/…' },
  accessibility: {
    feedback: { name: 'Platzhalter: Ansprechperson für Barrierefreiheit', email: 'barrierefreiheit@example.org' },
    enforcement: { name: 'Platzhalter: Schlichtungsstelle des Landes', url: 'https://schlichtung.example.org/' },
    // stateLaw: { name: 'Berliner Barrierefreie-IKT-Gesetz (BIKTG Bln)', url: 'https://gesetze.berlin.de/…' },
    // preparedOn: '2027-01-15',  // the day this statement was prepared ("erstellt am")
    // reviewedOn: '2027-01-15',  // the day of the last manual accessibility review
    responseMonths: 1,
  },
  facebookUrl: 'https://www.facebook.com/Berliner.Innung/',
  // For the Facebook page (Art. 26 DSGVO): the URL of the page's joint-controller information, or the
  // guild's documented decision, e.g. decision: 'Der Vorstand hat am … beschlossen, …'.
  facebook: {},
  comments: {
    enabled: true,
    moderation: 'pre',
    purgeRejectedAfterDays: 30,
    purgePendingAfterDays: 90,
    backupKeep: 14,
    backupDaily: true,
    restoreKeepDays: 0,
  },
  keptDemoValues: [],
  postsPerPage: 10,
});
