/**
 * The one content check: posts, messenger facts and sources, over file texts the caller passes in
 * (src/adapters/content/read-content.ts reads them from the content folder for the build and `npm run check:content`).
 * Each rule lives in its own module and takes file texts, so it is tested on fixtures.
 */
import { parse as parseYamlText } from 'yaml';
import { messengerSchema } from '../messengers/schema';
import { buildMessenger, RECHECK_MONTHS, staleFacts } from '../messengers/model';
import { formatCount } from '../../i18n/format';
import { formatDate } from '../posts/format';
import { checkMessengers } from './messengers';
import { checkPostFiles, type SafetyMemo } from './posts';
import { formatProblem, sortProblems } from './report';
import { checkSources, keyOfSourceFile } from './sources';
import type { SourceDates } from './source-dates';
import { checkChangeLog } from './changes';
import type { Problem, SourceFile } from './types';

export type { Problem, SourceFile } from './types';
export { checkPosts, type SafetyMemo } from './posts';
export { checkMessengers } from './messengers';
export { checkSources } from './sources';
export { formatProblem, formatReport } from './report';
export { KNOWN_COMPONENTS, blockNamesIn } from './blocks';
export { checkSavedFiles, type SavedFiles } from './editor-save';

export interface ContentFiles {
  posts: SourceFile[];
  messengers: SourceFile[];
  sources: SourceFile[];
  /** content/aenderungen.yaml, the comparison's public change log, if present. */
  changes?: SourceFile | undefined;
}

export interface ContentReport {
  /** Errors: the build stops, `npm run check:content` exits 1. */
  problems: Problem[];
  /** Hints that do not stop the build (facts not checked for 12 months, images the editor would not find). */
  warnings: string[];
}

/** Every rule over the given files. */
export function checkFiles(files: ContentFiles, now = new Date(), dates?: SourceDates, memo?: SafetyMemo): ContentReport {
  const sourceCheck = checkSources(files.sources);
  const posts = checkPostFiles(files.posts, memo);
  const changeLog = files.changes
    ? checkChangeLog(files.changes, new Set(sourceCheck.sources.keys()), new Set(files.messengers.map((f) => keyOfSourceFile(f.file))), now)
    : [];
  const problems = sortProblems([
    ...posts.problems,
    ...sourceCheck.problems,
    ...checkMessengers(files.messengers, sourceCheck.sources, { now, ...(dates ? { dates } : {}) }),
    ...changeLog,
  ]);
  const warnings: string[] = posts.warnings.map(formatProblem);
  if (problems.length === 0 && files.messengers.length > 0) {
    const sources = Object.fromEntries([...sourceCheck.sources].map(([key, s]) => [key, s.data]));
    const messengers = files.messengers.map((f) =>
      buildMessenger(keyOfSourceFile(f.file), messengerSchema.parse(parseYamlText(f.source)), sources),
    );
    const stale = staleFacts(messengers, now);
    if (stale.length > 0) {
      const list = stale.map((s) => `${s.id}.${s.criterion} (${s.checked ? formatDate(s.checked) : 'nie geprüft'})`).join(', ');
      warnings.push(
        `${stale.length} Angaben im Messenger-Vergleich wurden seit mehr als ${formatCount(RECHECK_MONTHS, 'Monat', 'Monaten')} nicht an ihrer Quelle geprüft – bitte prüfen: ${list}`,
      );
    }
  }
  return { problems, warnings };
}
