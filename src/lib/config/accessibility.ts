/**
 * The accessibility statement's method section, generated from the checks the project's tests really run
 * (a unit test keeps every entry tied to its test file). They run in the project's test suite, not when an
 * editor publishes: the statement says so.
 */
export interface AutomatedCheck {
  /** The test file that runs it. */
  file: string;
  /** Text that must occur in that file (the check's call or test name). */
  marker: string;
  /** What it checks, in German, for the statement. */
  text: string;
}

export const AUTOMATED_CHECKS: readonly AutomatedCheck[] = [
  {
    file: 'tests/browser/gates.test.ts',
    // The rule set (WCAG 2.0/2.1 A and AA tags) is in tests/helpers/axe.ts, which every browser test uses.
    marker: 'no axe violation (WCAG 2.0/2.1 A and AA)',
    text: 'Prüfwerkzeug axe-core mit den Regeln der WCAG 2.0 und 2.1 (Stufen A und AA, darunter der Farbkontrast) in einem echten Browser: eine Seite jeder Seitenart und jeder Zustand der Bedienelemente (etwa die geöffnete Suche und das Kommentarformular mit Fehlermeldungen)',
  },
  {
    file: 'tests/browser/gates.test.ts',
    marker: 'keyboard only: every control reachable with Tab, focus visible, no trap',
    text: 'Bedienung nur mit der Tastatur: jedes Bedienelement ist mit der Tabulatortaste erreichbar, der Fokus ist sichtbar, es gibt keine Tastaturfalle',
  },
  {
    file: 'tests/browser/comments.test.ts',
    marker: 'posts with the keyboard only',
    text: 'Kommentar schreiben nur mit der Tastatur; Fehlermeldungen stehen bei ihren Feldern und werden von Screenreadern angesagt',
  },
  {
    file: 'tests/browser/editor.test.ts',
    marker: 'the login page and the editor start page pass axe',
    text: 'axe-core auf der Anmeldeseite und der Startseite des Redaktionsbereichs',
  },
  {
    file: 'tests/build/html-validity.test.ts',
    marker: 'vnu',
    text: 'gültiges HTML jeder Seite (Nu Html Checker), damit Hilfsmittel die Seiten richtig auslesen',
  },
];

/** "einem Monat" / "2 Monaten" (dative, as in "innerhalb von …"). */
export const withinMonths = (n: number) => (n === 1 ? 'einem Monat' : `${n} Monaten`);
