/// <reference types="astro/client" />

/** The guild colours as CSS (src/integrations/guild-colors.ts). */
declare module 'virtual:guild-colors.css';

/** For plain `tsc`, which cannot read .astro files (`astro check` types them properly). */
declare module '*.astro' {
  const Component: (props: Record<string, unknown>) => unknown;
  export default Component;
}

/**
 * What the production server (server/http.ts, server/editor/routes.ts) hands the on-demand pages. It sets
 * `editor` only for a request with a valid session on an editor path (src/lib/editor/paths.ts); an editor
 * page redirects to the login without it. `editorLogin` carries a refused login back into its form.
 */
declare namespace App {
  interface Locals {
    editor?: {
      name: string;
      contentDir: string;
      /** What the next publish puts live (issue 25); undefined without a live state in git. */
      whatGoesLive?: () => Promise<import('@/lib/editor/live-changes').WhatGoesLive | undefined>;
      /** The saved posts whose day has not come yet. */
      scheduled?: () => import('@/lib/editor/live-changes').ScheduledPost[];
      /** Freigabe is on: a publish waits for a second account. */
      approval?: boolean;
      /** The account's role (issue 26): `verwaltung` creates sites and accounts. */
      role?: 'redaktion' | 'verwaltung';
      /** Several guilds on one installation: the sites this editor may work on, this one marked. */
      sites?: import('@/lib/editor/administration').EditorSiteLink[];
      /** Several guilds, `verwaltung` accounts only: creating sites and accounts (server/many-sites.ts). */
      administration?: import('@/lib/editor/administration').Administration;
    };
    editorLogin?: { status: number; error: string; name: string };
  }
}
