/**
 * Fills `{name}` placeholders of a dictionary template; unknown placeholders stay as they are.
 * Browser-safe: the custom elements use it on the templates they get in their data-strings, the
 * server on the same templates from de.ts.
 */
export function format(template: string, values: Readonly<Record<string, string | number>>): string {
  return formatParts(template, values)
    .map((part) => part.text)
    .join('');
}

/** The template split into literal text and filled-in values (so a name can go into its own <bdi>). */
export function formatParts(template: string, values: Readonly<Record<string, string | number>>): Array<{ text: string; value?: string }> {
  return template
    .split(/(\{\w+\})/)
    .filter(Boolean)
    .map((piece) => {
      const key = /^\{(\w+)\}$/.exec(piece)?.[1];
      return key !== undefined && Object.hasOwn(values, key) ? { text: String(values[key]), value: key } : { text: piece };
    });
}

// Made on first use and kept: toLocaleString builds a new formatter on every call, which was 0.3 s of
// prerendering 1,000 posts (CPU profile, 04.12.2026).
let numberFormat: Intl.NumberFormat | undefined;

/** A number the German way: 5000 → "5.000", 1.5 → "1,5". Browser-safe (Intl). */
export function formatNumber(n: number): string {
  numberFormat ??= new Intl.NumberFormat('de-DE', { maximumFractionDigits: 1 });
  return numberFormat.format(n);
}

/** "1 Tag" / "30 Tagen": a count with its singular or plural noun, the number formatted by formatNumber. */
export function formatCount(n: number, one: string, many: string): string {
  return `${formatNumber(n)} ${n === 1 ? one : many}`;
}
