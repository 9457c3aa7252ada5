import { de } from '../../i18n/de';

/** The German strings the search elements need in the browser, with {n} and {q} placeholders. */
export const searchStrings = {
  results: de.search.results(0, '{q}').replace('0 Ergebnisse', '{n} Ergebnisse'),
  one: de.search.results(1, '{q}'),
  none: de.search.noResults('{q}'),
  unavailable: de.search.unavailable,
  loading: de.search.loading,
};
