/**
 * A refused publish in the clerk's words (issue 25): the content check's lines (`file:line – field – message –
 * fix`, src/lib/content-check/report.ts) become "the post by its title, the field by its German label, what is
 * wrong", with the entry to open in the editor. No path, line number or YAML key: those stay in the server
 * log and in `npm run check:content`.
 */
import { de } from '@/i18n/de';
import { CRITERIA } from '@/lib/messengers/criteria';

export interface ClerkProblem {
  collection: 'posts' | 'messengers' | 'sources';
  slug: string;
  /** The entry's title; the caller reads it from the saved file. */
  title: string;
  /** The field by its German label. */
  field: string;
  message: string;
}

const t = de.liveChanges;
const LINE = /(?:^|\/)(posts|messengers|sources)\/([^/\s:]+)\.(?:mdx?|ya?ml):\d+ – (.+?) – (.+)$/;
/** A key as the files spell it (pubDate, facts.cost.source, cover.alt): never shown. */
const KEY = /^[a-z]\w*(?:\.\w+)*$/;

function fieldLabel(field: string): string {
  const parts = field.split('.');
  if (parts[0] === 'facts' && parts[1]) {
    const criterion = CRITERIA.find((c) => c.id === parts[1]);
    const part = parts[2] ? (t.factFields as Record<string, string>)[parts[2]] : undefined;
    if (criterion) return part ? `${criterion.label}: ${part}` : criterion.label;
  }
  const known = (t.postFields as Record<string, string>)[parts[0]!] ?? (t.entryFields as Record<string, string>)[parts[0]!];
  if (known) return known;
  // The content check's own German names ("Bild", "HTML", "Ausdruck") are shown as they are.
  return KEY.test(field) ? t.otherField : field;
}

/** The message without the technical parts: quoted keys and "(Zeile n)" notes are dropped. */
function clerkMessage(message: string): string {
  return message.replace(/\s*\((?:Zeile|line) \d+\)/g, '').trim();
}

/** The content check's problems in a build error, or [] when the build failed for another reason. */
export function clerkProblems(
  error: string,
  titleOf: (collection: ClerkProblem['collection'], slug: string) => string | undefined,
): ClerkProblem[] {
  const problems: ClerkProblem[] = [];
  for (const line of error.split('\n')) {
    const match = LINE.exec(line.trim());
    if (!match) continue;
    const collection = match[1] as ClerkProblem['collection'];
    const slug = match[2]!;
    // "message – fix": the fix is the last part; the message may itself hold a dash.
    const rest = match[4]!.split(' – ');
    const message = clerkMessage(rest.length > 1 ? rest.slice(0, -1).join(' – ') : rest[0]!);
    problems.push({
      collection,
      slug,
      title: titleOf(collection, slug) ?? slug,
      field: fieldLabel(match[3]!.trim()),
      message,
    });
  }
  return problems;
}
