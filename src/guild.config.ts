/**
 * The one place for the guild's data. Every page, the legal pages, the Facebook links
 * and the comment settings read from here. Values we do not know yet contain the word
 * "Platzhalter" (or an example.org address); a production build lists them as a warning.
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
  representative: { name: 'Platzhalter: Name des Obermeisters', role: 'Obermeister' },
  register: { legalForm: 'Körperschaft des öffentlichen Rechts' },
  supervisoryAuthority: { name: 'Handwerkskammer Berlin', url: 'https://www.hwk-berlin.de/' },
  privacyContact: { name: 'Platzhalter: Datenschutzbeauftragte Person', email: 'datenschutz@example.org' },
  dataProtectionAuthority: {
    name: 'Berliner Beauftragte für Datenschutz und Informationsfreiheit',
    url: 'https://www.datenschutz-berlin.de/',
  },
  facebookUrl: 'https://www.facebook.com/Berliner.Innung/',
  comments: { enabled: true, purgeRejectedAfterDays: 30 },
  postsPerPage: 10,
});
