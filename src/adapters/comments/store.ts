/** Adapter: the comment SQL (better-sqlite3 prepared statements) on the database src/adapters/comments/db.ts opens. */
import type { Database as Db } from 'better-sqlite3';
import type { ErasedComment, ErasureLog } from '@/lib/comments/erasure';
import { newSecret } from '@/lib/comments/tokens';

export type Status = 'pending' | 'approved' | 'rejected';

export interface PublicComment {
  id: number;
  parentId: number | null;
  author: string;
  html: string;
  createdAt: string;
}

export interface StoredComment extends PublicComment {
  thread: string;
  text: string;
  status: Status;
  updatedAt: string | null;
  statusChangedAt: string;
  reportCount: number;
  reportReason: string | null;
  /** Changed by its author since moderation last looked at it. */
  edited: boolean;
  /** The editor who approved or rejected it last (null: nobody yet, or before this was recorded). */
  moderatedBy: string | null;
}

interface Row {
  id: number;
  thread: string;
  parent_id: number | null;
  author: string;
  text: string;
  html: string;
  status: Status;
  created_at: number;
  updated_at: number | null;
  status_changed_at: number;
  edit_token_hash: string;
  text_hash: string;
  report_count: number;
  report_reason: string | null;
  edited_since_review: number;
  moderated_by: string | null;
}

const iso = (ms: number) => new Date(ms).toISOString();

function toStored(row: Row): StoredComment {
  return {
    id: row.id,
    thread: row.thread,
    parentId: row.parent_id,
    author: row.author,
    text: row.text,
    html: row.html,
    status: row.status,
    createdAt: iso(row.created_at),
    updatedAt: row.updated_at === null ? null : iso(row.updated_at),
    statusChangedAt: iso(row.status_changed_at),
    reportCount: row.report_count,
    reportReason: row.report_reason,
    edited: row.edited_since_review === 1,
    moderatedBy: row.moderated_by ?? null,
  };
}

/** Bytes a WAL is cut back to after a checkpoint reset it (0: to nothing). */
export const JOURNAL_SIZE_LIMIT = 0;

/** All SQL lives here, as prepared statements. */
export class CommentStore {
  private readonly q;

  /**
   * `erasures` records every erased comment (id and hash only) before the deletion commits; without it
   * (tests, in-memory databases) nothing is recorded.
   */
  constructor(
    private readonly db: Db,
    private readonly erasures?: ErasureLog,
  ) {
    // A WAL reset truncates the file to nothing, so erased text does not linger in unused WAL frames.
    db.pragma(`journal_size_limit = ${JOURNAL_SIZE_LIMIT}`);
    this.q = {
      insert: db.prepare(
        `INSERT INTO comments (thread, parent_id, author, text, html, status, created_at, status_changed_at, edit_token_hash, text_hash)
         VALUES (@thread, @parentId, @author, @text, @html, @status, @now, @now, @editTokenHash, @textHash)`,
      ),
      approved: db.prepare(
        `SELECT id, parent_id, author, html, created_at FROM comments WHERE thread = ? AND status = 'approved' ORDER BY created_at, id`,
      ),
      count: db.prepare(`SELECT COUNT(*) AS n FROM comments WHERE thread = ? AND status = 'approved'`),
      get: db.prepare(`SELECT * FROM comments WHERE id = ?`),
      duplicate: db.prepare(`SELECT 1 FROM comments WHERE thread = ? AND text_hash = ? AND status != 'rejected' LIMIT 1`),
      updateText: db.prepare(
        `UPDATE comments SET text = @text, html = @html, text_hash = @textHash, updated_at = @now,
           status = @status, status_changed_at = CASE WHEN status = @status THEN status_changed_at ELSE @now END,
           edited_since_review = @edited WHERE id = @id`,
      ),
      setStatus: db.prepare(
        `UPDATE comments SET status = ?, status_changed_at = ?, moderated_by = ?, report_count = 0, report_reason = NULL, edited_since_review = 0 WHERE id = ?`,
      ),
      delete: db.prepare(`DELETE FROM comments WHERE id = ?`),
      // A comment with its replies (ON DELETE CASCADE removes them with it).
      subtree: db.prepare(
        `WITH RECURSIVE sub(id) AS (SELECT ? UNION ALL SELECT c.id FROM comments c JOIN sub ON c.parent_id = sub.id)
         SELECT id, created_at, text_hash FROM comments WHERE id IN sub`,
      ),
      expired: db.prepare(
        `SELECT id FROM comments WHERE (status = 'rejected' AND status_changed_at < ?) OR (status = 'pending' AND status_changed_at < ?)`,
      ),
      byStatus: db.prepare(`SELECT * FROM comments WHERE status = ? ORDER BY created_at DESC, id DESC LIMIT 500`),
      reported: db.prepare(`SELECT * FROM comments WHERE report_count > 0 ORDER BY created_at DESC LIMIT 500`),
      edited: db.prepare(`SELECT * FROM comments WHERE edited_since_review = 1 ORDER BY updated_at DESC LIMIT 500`),
      editedCount: db.prepare(`SELECT COUNT(*) AS n FROM comments WHERE edited_since_review = 1`),
      useToken: db.prepare(`INSERT OR IGNORE INTO used_form_tokens (nonce, expires_at) VALUES (?, ?)`),
      purgeTokens: db.prepare(`DELETE FROM used_form_tokens WHERE expires_at < ?`),
      report: db.prepare(`UPDATE comments SET report_count = report_count + 1, report_reason = ? WHERE id = ? AND status = 'approved'`),
      pendingCount: db.prepare(`SELECT COUNT(*) AS n FROM comments WHERE status = 'pending'`),
      reportedCount: db.prepare(`SELECT COUNT(*) AS n FROM comments WHERE report_count > 0`),
      all: db.prepare(`SELECT id, text FROM comments`),
      setHtml: db.prepare(`UPDATE comments SET html = ? WHERE id = ?`),
      metaGet: db.prepare(`SELECT value FROM meta WHERE key = ?`),
      metaSet: db.prepare(`INSERT OR IGNORE INTO meta (key, value) VALUES (?, ?)`),
    };
  }

  create(input: {
    thread: string;
    parentId: number | null;
    author: string;
    text: string;
    html: string;
    status: Status;
    editTokenHash: string;
    textHash: string;
    now: number;
  }): number {
    return Number(this.q.insert.run(input).lastInsertRowid);
  }

  listApproved(thread: string): PublicComment[] {
    return (this.q.approved.all(thread) as Row[]).map((r) => ({
      id: r.id,
      parentId: r.parent_id,
      author: r.author,
      html: r.html,
      createdAt: iso(r.created_at),
    }));
  }

  countApproved(thread: string): number {
    return (this.q.count.get(thread) as { n: number }).n;
  }

  get(id: number): (StoredComment & { editTokenHash: string; createdAtMs: number }) | undefined {
    const row = this.q.get.get(id) as Row | undefined;
    return row ? { ...toStored(row), editTokenHash: row.edit_token_hash, createdAtMs: row.created_at } : undefined;
  }

  isDuplicate(thread: string, textHash: string): boolean {
    return this.q.duplicate.get(thread, textHash) !== undefined;
  }

  /** Stores edited text; `status` and `edited` say how moderation sees the comment afterwards. */
  updateText(id: number, edit: { text: string; html: string; textHash: string; now: number; status: Status; edited: boolean }): void {
    this.q.updateText.run({ id, ...edit, edited: edit.edited ? 1 : 0 });
  }

  /**
   * Creates a comment and marks its form token's nonce used, in one transaction.
   * Returns null (and stores nothing) when the nonce was used before.
   */
  createWithToken(input: Parameters<CommentStore['create']>[0], nonce: string, expiresAt: number): number | null {
    return this.db.transaction(() => {
      if (this.q.useToken.run(nonce, expiresAt).changes === 0) return null;
      return this.create(input);
    })();
  }

  /** Forgets used form-token nonces whose tokens have expired anyway. */
  purgeUsedTokens(now: number): number {
    return this.q.purgeTokens.run(now).changes;
  }

  /** A moderation decision, with the name of the editor who made it (the moderation always gives one). */
  setStatus(id: number, status: Status, now: number, by?: string): boolean {
    return this.q.setStatus.run(status, now, by ?? null, id).changes > 0;
  }

  /**
   * Erases a comment and its replies: logged (id, hash; `by` names the editor who erased it, none when
   * its author did), deleted, overwritten (secure_delete), WAL truncated.
   */
  delete(id: number, now = Date.now(), by?: string): boolean {
    return this.erase([id], now, by) > 0;
  }

  /** Deletes the comments with these ids and all replies to them; returns how many rows went. */
  private erase(ids: readonly number[], now: number, by?: string): number {
    if (ids.length === 0) return 0;
    const removed = this.db.transaction(() => {
      const rows = new Map<number, ErasedComment>();
      for (const id of ids) {
        for (const r of this.q.subtree.all(id) as Array<{ id: number; created_at: number; text_hash: string }>) {
          rows.set(r.id, { id: r.id, createdAt: r.created_at, textHash: r.text_hash, erasedAt: now, ...(by ? { by } : {}) });
        }
      }
      this.erasures?.record([...rows.values()]);
      for (const id of ids) this.q.delete.run(id);
      return rows.size;
    })();
    if (removed > 0) this.checkpoint();
    return removed;
  }

  /**
   * Folds the WAL into the database and truncates it to zero bytes, so erased text is neither in the
   * WAL nor (thanks to secure_delete) in the main file. Busy readers may delay it to the next call.
   */
  checkpoint(): void {
    this.db.pragma('wal_checkpoint(TRUNCATE)');
  }

  report(id: number, reason: string): boolean {
    return this.q.report.run(reason, id).changes > 0;
  }

  list(filter: Status | 'reported' | 'edited'): StoredComment[] {
    const rows = (
      filter === 'reported' ? this.q.reported.all() : filter === 'edited' ? this.q.edited.all() : this.q.byStatus.all(filter)
    ) as Row[];
    return rows.map(toStored);
  }

  counts(): { pending: number; reported: number; edited: number } {
    return {
      pending: (this.q.pendingCount.get() as { n: number }).n,
      reported: (this.q.reportedCount.get() as { n: number }).n,
      edited: (this.q.editedCount.get() as { n: number }).n,
    };
  }

  /**
   * Erases rejected comments decided before `rejectedBefore` and pending comments waiting since before
   * `pendingBefore` (with their replies); returns how many rows went.
   */
  purgeExpired(rejectedBefore: number, pendingBefore: number, now = Date.now()): number {
    const ids = (this.q.expired.all(rejectedBefore, pendingBefore) as Array<{ id: number }>).map((r) => r.id);
    return this.erase(ids, now);
  }

  /** Re-renders every comment's HTML from its Markdown source, in one transaction. */
  rerenderAll(render: (text: string) => string): number {
    const rows = this.q.all.all() as Array<{ id: number; text: string }>;
    this.db.transaction(() => rows.forEach((r) => this.q.setHtml.run(render(r.text), r.id)))();
    return rows.length;
  }

  /** A secret created on first start and kept in the database (signs form tokens). */
  secret(name: string): string {
    this.q.metaSet.run(name, newSecret());
    return (this.q.metaGet.get(name) as { value: string }).value;
  }
}
