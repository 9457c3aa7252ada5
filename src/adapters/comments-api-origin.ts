/**
 * Reads COMMENTS_API_ORIGIN from the build's environment (process.env): the origin of the comment API and the
 * server-rendered comment pages, for static pages uploaded to another host; empty means the site's own origin.
 * astro.config.mjs checks the value's form. In the browser the origin arrives in the markup (data-api-origin).
 */
import { apiOrigin } from '@/lib/urls';

export function commentsApiOrigin(): string {
  return apiOrigin(process.env.COMMENTS_API_ORIGIN);
}
