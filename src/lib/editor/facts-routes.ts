/** Paths of the Redaktion's facts list and its form action (from the editor's one list of paths). */
import { editorPaths } from './paths';

export const factsRoutes = {
  list: () => editorPaths.facts,
  /** Where the list's buttons post to. */
  action: () => editorPaths.factsAction,
  login: () => editorPaths.login,
  editor: () => editorPaths.dashboard,
  /** The list after a saved action: the confirmation names the fact; the anchor scrolls to it. */
  done: (action: 'stimmt' | 'hinweis', messenger: string, criterion: string) =>
    `${editorPaths.facts}?erledigt=${action}&fakt=${encodeURIComponent(`${messenger}.${criterion}`)}#${factAnchor(messenger, criterion)}`,
};

export function factAnchor(messenger: string, criterion: string): string {
  return `fakt-${messenger}-${criterion}`;
}
