/** After a click on a search result (?suche=…), marks the search terms on the page with Pagefind's highlighter. */
import { HIGHLIGHT_PARAM } from './search-client';

if (new URLSearchParams(location.search).has(HIGHLIGHT_PARAM)) {
  const path = `${document.documentElement.dataset.base ?? '/'}pagefind/pagefind-highlight.js`;
  import(/* @vite-ignore */ path)
    .then((module: { default?: new (o: object) => unknown; PagefindHighlight?: new (o: object) => unknown }) => {
      const Highlight =
        module.default ??
        module.PagefindHighlight ??
        (window as unknown as { PagefindHighlight?: new (o: object) => unknown }).PagefindHighlight;
      if (Highlight) new Highlight({ highlightParam: HIGHLIGHT_PARAM, markOptions: { className: 'search-hit' } });
    })
    .catch(() => undefined);
}
