/** A complete Impressum of the fixture Innung Mitte, by the Verwaltung form's field names (src/lib/sites/impressum.ts). */
export const COMPLETE_IMPRESSUM: Readonly<Record<string, string>> = {
  strasse: 'Marktplatz 3',
  plz: '34117',
  ort: 'Mittelstadt',
  telefon: '+49 561 123456',
  email: 'info@mitte.innung.test',
  verantwortlich: 'Greta Geschäftsführerin',
  obermeister: 'Otto Obermeister',
  stellvertretung: '',
  kammer: 'Handwerkskammer Mittelstadt',
  'kammer-anschrift': 'Kammerplatz 1, 34117 Mittelstadt',
  'kammer-web': 'https://www.hwk-mitte.test/',
  'dsb-name': 'Doris Datenschutz',
  'dsb-email': 'datenschutz@mitte.innung.test',
  'ds-behoerde': 'Landesbeauftragte für Datenschutz Mittelland',
  'ds-behoerde-web': 'https://www.datenschutz-mittelland.test/',
};
