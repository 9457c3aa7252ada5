/// <reference types="astro/client" />

/** The guild colours as CSS (src/integrations/guild-colors.ts). */
declare module 'virtual:guild-colors.css';

/** For plain `tsc`, which cannot read .astro files (`astro check` types them properly). */
declare module '*.astro' {
  const Component: (props: Record<string, unknown>) => unknown;
  export default Component;
}
