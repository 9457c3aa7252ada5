/**
 * The shared comparison as JSON for the Verwaltung (issue 26): GET gives the newest version and each site's state
 * (the page's status element polls it), POST does what the page's button does („Gemeinsamen Vergleich
 * veröffentlichen“). Only `verwaltung` accounts; everyone else gets 403 with a German message.
 */
import type { APIRoute } from 'astro';
import { de } from '@/i18n/de';
import { editorPaths } from '@/lib/editor/paths';
import { sharedBuildLabel, sharedPinLabel } from '@/lib/sites/shared-status';

export const prerender = false;
const t = de.sharedPublish;

const json = (status: number, body: unknown) =>
  new Response(JSON.stringify(body), {
    status,
    headers: { 'Content-Type': 'application/json; charset=utf-8', 'Cache-Control': 'no-store' },
  });

function overview(admin: NonNullable<NonNullable<App.Locals['editor']>['administration']>) {
  const { newest, sites } = admin.shared();
  return {
    newest: newest ?? null,
    sites: sites.map((site) => ({
      kennung: site.kennung,
      name: site.name,
      version: sharedPinLabel(site),
      state: site.build.state,
      label: sharedBuildLabel(site.build),
    })),
  };
}

export const ALL: APIRoute = async ({ locals, request, redirect }) => {
  const editor = locals.editor;
  if (!editor) return redirect(editorPaths.login, 303);
  if (editor.role !== 'verwaltung') return json(403, { error: { code: 'verwaltung_only', message: t.onlyVerwaltung } });
  const admin = editor.administration;
  if (!admin) return json(404, { error: { code: 'single_site', message: t.single } });
  if (request.method === 'GET' || request.method === 'HEAD') return json(200, overview(admin));
  if (request.method !== 'POST') return json(405, { error: { code: 'method', message: t.onlyPost } });
  const result = admin.publishShared(editor.name);
  if (!result.ok) return json(422, { error: { code: 'refused', message: result.problems.join(' ') } });
  return json(202, { message: result.message, ...overview(admin) });
};
