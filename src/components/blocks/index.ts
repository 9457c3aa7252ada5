/** Building blocks available in every post without an import (see docs/redaktion.md). */
import Hinweis from './Hinweis.astro';
import Warnung from './Warnung.astro';
import Checkliste from './Checkliste.astro';
import Quelle from './Quelle.astro';
import FacebookHinweis from './FacebookHinweis.astro';
import MessengerComparison from './MessengerComparison.astro';

export const blocks = { Hinweis, Warnung, Checkliste, Quelle, FacebookHinweis, MessengerComparison };
