/**
 * "Stimmt nicht mehr" on /redaktion/fakten/: an editor's note for the web person that a fact no longer holds.
 * Notes are appended to content/fakten-hinweise.yaml (committed with the next publish, never shown to readers);
 * a note stays open while the fact is as it was when the note was written (same factVersion), so correcting the
 * fact – or re-checking it on a later day – closes it without anyone deleting a line.
 */
import { z } from 'astro/zod';
import { parse, stringify } from 'yaml';
import { isoDate } from '../posts/schema';

/** The notes' file name in the content folder. */
export const DISPUTES_FILE = 'fakten-hinweise.yaml';
export const DISPUTE_NOTE_MIN = 10;
export const DISPUTE_NOTE_MAX = 500;

export const disputeSchema = z
  .object({
    date: isoDate,
    messenger: z.string().min(1),
    criterion: z.string().min(1),
    by: z.string().min(1),
    note: z.string().min(DISPUTE_NOTE_MIN).max(DISPUTE_NOTE_MAX),
    /** factVersion() of the fact when the note was written. */
    version: z.string().min(1),
  })
  .strict();

export type Dispute = z.infer<typeof disputeSchema>;

const HEADER = '# Hinweise der Redaktion: Angaben, die laut Quelle nicht mehr stimmen (/redaktion/fakten/). Nur anhängen.\n';

/** The text to append to the notes file (with the header when the file is new or empty). */
export function disputeText(entry: Omit<Dispute, 'date'> & { date: string }, existing: string): string {
  return (existing.trim() === '' ? HEADER : existing.endsWith('\n') ? '' : '\n') + stringify([entry], { lineWidth: 100 });
}

/** The notes in the file; entries that do not fit the schema are skipped (the file is only a reminder). */
export function parseDisputes(text: string): Dispute[] {
  let raw: unknown;
  try {
    raw = parse(text);
  } catch {
    return [];
  }
  if (!Array.isArray(raw)) return [];
  return raw.flatMap((item) => {
    const result = disputeSchema.safeParse(item);
    return result.success ? [result.data] : [];
  });
}

/** Whether a note is still open: the fact is unchanged since it was written. */
export function isOpen(dispute: Dispute, currentVersion: string | undefined): boolean {
  return dispute.version === currentVersion;
}

/** The note text an editor typed, trimmed, or undefined when it is too short or too long. */
export function cleanNote(note: unknown): string | undefined {
  if (typeof note !== 'string') return undefined;
  const text = note.replace(/\r\n?/g, '\n').trim();
  return text.length >= DISPUTE_NOTE_MIN && text.length <= DISPUTE_NOTE_MAX ? text : undefined;
}
