/** Paths of the Redaktion's facts list and its form action (through url(), so a base path keeps working). */
import { url } from '../urls';

export const factsRoutes = {
  list: () => url('redaktion/fakten/'),
  /** Where the list's buttons post to. */
  action: () => url('api/redaktion/fakten/'),
  login: () => url('redaktion/anmelden/'),
  editor: () => url('redaktion/'),
  /** The list after a saved action: the confirmation names the fact; the anchor scrolls to it. */
  done: (action: 'stimmt' | 'hinweis', messenger: string, criterion: string) =>
    `${url('redaktion/fakten/')}?erledigt=${action}&fakt=${encodeURIComponent(`${messenger}.${criterion}`)}#${factAnchor(messenger, criterion)}`,
};

export function factAnchor(messenger: string, criterion: string): string {
  return `fakt-${messenger}-${criterion}`;
}
