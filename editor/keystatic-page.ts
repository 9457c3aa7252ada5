/** The Keystatic app, with our configuration; rendered only in the browser (client:only). */
import { makePage } from '@keystatic/astro/ui';
import config from './keystatic.config';

export const Keystatic = makePage(config);
