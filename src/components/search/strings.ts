import { de } from '@/i18n/de';

/** The German strings the search elements need in the browser, with {n} and {q} placeholders (filled by format()). */
export const searchStrings = {
  results: de.templates.searchResults,
  one: de.templates.searchResultOne,
  none: de.templates.searchNone,
  unavailable: de.search.unavailable,
  loading: de.search.loading,
  /** Labels of the result types (Pagefind filter values → German). */
  typeLabels: de.search.typeLabels,
};
