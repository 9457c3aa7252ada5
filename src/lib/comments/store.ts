import type { Db } from './db';
import { newSecret } from './tokens';

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
  };
}

/** All SQL lives here, as prepared statements. */
export class CommentStore {
  private readonly q;

  constructor(private readonly db: Db) {
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
      updateText: db.prepare(`UPDATE comments SET text = ?, html = ?, text_hash = ?, updated_at = ? WHERE id = ?`),
      setStatus: db.prepare(
        `UPDATE comments SET status = ?, status_changed_at = ?, report_count = 0, report_reason = NULL WHERE id = ?`,
      ),
      delete: db.prepare(`DELETE FROM comments WHERE id = ?`),
      byStatus: db.prepare(`SELECT * FROM comments WHERE status = ? ORDER BY created_at DESC, id DESC LIMIT 500`),
      reported: db.prepare(`SELECT * FROM comments WHERE report_count > 0 ORDER BY created_at DESC LIMIT 500`),
      report: db.prepare(
        `UPDATE comments SET report_count = report_count + 1, report_reason = ? WHERE id = ? AND status = 'approved'`,
      ),
      pendingCount: db.prepare(`SELECT COUNT(*) AS n FROM comments WHERE status = 'pending'`),
      reportedCount: db.prepare(`SELECT COUNT(*) AS n FROM comments WHERE report_count > 0`),
      purge: db.prepare(`DELETE FROM comments WHERE status = 'rejected' AND status_changed_at < ?`),
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

  updateText(id: number, text: string, html: string, textHash: string, now: number): void {
    this.q.updateText.run(text, html, textHash, now, id);
  }

  setStatus(id: number, status: Status, now: number): boolean {
    return this.q.setStatus.run(status, now, id).changes > 0;
  }

  delete(id: number): boolean {
    return this.q.delete.run(id).changes > 0;
  }

  report(id: number, reason: string): boolean {
    return this.q.report.run(reason, id).changes > 0;
  }

  list(filter: Status | 'reported'): StoredComment[] {
    const rows = (filter === 'reported' ? this.q.reported.all() : this.q.byStatus.all(filter)) as Row[];
    return rows.map(toStored);
  }

  counts(): { pending: number; reported: number } {
    return {
      pending: (this.q.pendingCount.get() as { n: number }).n,
      reported: (this.q.reportedCount.get() as { n: number }).n,
    };
  }

  /** Removes rejected comments older than the cut-off; returns how many. */
  purgeRejected(olderThan: number): number {
    return this.q.purge.run(olderThan).changes;
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
