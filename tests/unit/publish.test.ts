import { describe, expect, it } from 'vitest';
import { isPublished, isVisible } from '@/lib/posts/publish';

const post = (pubDate: string, draft = false) => ({ data: { draft, pubDate: new Date(`${pubDate}T00:00:00Z`) } });

describe('publish filter', () => {
  it('hides drafts even when their date has passed', () => {
    expect(isPublished(post('2020-01-01', true), new Date('2026-01-01T12:00:00Z'))).toBe(false);
  });

  it('hides a post dated in the future and shows it from that day on', () => {
    expect(isPublished(post('2026-12-01'), new Date('2026-11-28T12:00:00Z'))).toBe(false);
    expect(isPublished(post('2026-12-01'), new Date('2026-12-01T12:00:00Z'))).toBe(true);
  });

  it('goes live at midnight in Berlin, not at midnight UTC', () => {
    // 23:30 UTC on 30 Nov is 00:30 on 1 Dec in Berlin (CET, UTC+1).
    expect(isPublished(post('2026-12-01'), new Date('2026-11-30T22:59:59Z'))).toBe(false);
    expect(isPublished(post('2026-12-01'), new Date('2026-11-30T23:00:00Z'))).toBe(true);
    // Summer time: UTC+2.
    expect(isPublished(post('2026-07-01'), new Date('2026-06-30T21:59:59Z'))).toBe(false);
    expect(isPublished(post('2026-07-01'), new Date('2026-06-30T22:00:00Z'))).toBe(true);
  });

  it('shows drafts and scheduled posts in preview (astro dev) only', () => {
    expect(isVisible(post('2099-01-01', true), { preview: true })).toBe(true);
    expect(isVisible(post('2099-01-01', true), { preview: false })).toBe(false);
  });
});
