/// <reference types="astro/client" />

/** The guild colours as CSS (src/integrations/guild-colors.ts). */
declare module 'virtual:guild-colors.css';

/** For plain `tsc`, which cannot read .astro files (`astro check` types them properly). */
declare module '*.astro' {
  const Component: (props: Record<string, unknown>) => unknown;
  export default Component;
}

/** Set by the server only after it checked the editor's session (editor pages and /api/redaktion/ endpoints). */
declare namespace App {
  interface Locals {
    editor?: { name: string; contentDir: string };
  }
}
