/**
 * What an erasure leaves behind: which comment was erased, never what it said. A restore applies these
 * entries to the restored database before it goes live, so a backup never brings an erased comment back.
 */
export interface ErasedComment {
  id: number;
  /** Creation time (ms): with the id it names one comment even after ids were reused by a restore. */
  createdAt: number;
  /** SHA-256 of the normalised text (the duplicate check's hash), not the text. */
  textHash: string;
  erasedAt: number;
  /** The editor who erased it in the moderation (absent when its author deleted it or it expired). */
  by?: string;
}

export interface ErasureLog {
  /** Must be durable when it returns: the deletion commits only after the entries are written. */
  record(entries: readonly ErasedComment[]): void;
}
