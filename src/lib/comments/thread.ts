import type { PublicComment } from '@/adapters/comments/store';

/** Top-level comments in order, each with its replies (one level deep). */
export function nestReplies(comments: readonly PublicComment[]): Array<{ comment: PublicComment; replies: PublicComment[] }> {
  const top = comments.filter((c) => c.parentId === null);
  return top.map((comment) => ({
    comment,
    replies: comments.filter((c) => c.parentId === comment.id),
  }));
}
