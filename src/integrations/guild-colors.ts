import type { Plugin } from 'vite';

const ID = 'virtual:guild-colors.css';

/**
 * The guild's brand colours as CSS custom properties in the bundled stylesheet (not an inline
 * style attribute, which the Content-Security-Policy would have to allow).
 */
export function guildColors(colors: { primary: string; primaryDark: string; accent: string }): Plugin {
  return {
    name: 'innungswissen:guild-colors',
    resolveId: (id) => (id === ID ? `\0${ID}` : undefined),
    load: (id) =>
      id === `\0${ID}`
        ? `:root{--guild-primary:${colors.primary};--guild-primary-dark:${colors.primaryDark};--guild-accent:${colors.accent}}`
        : undefined,
  };
}
