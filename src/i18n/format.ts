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
  return template.split(/(\{\w+\})/).filter(Boolean).map((piece) => {
    const key = /^\{(\w+)\}$/.exec(piece)?.[1];
    return key !== undefined && Object.hasOwn(values, key) ? { text: String(values[key]), value: key } : { text: piece };
  });
}
