/**
 * JSON for the inside of a `<script>` element (JSON-LD, a data island). `JSON.stringify` leaves `<`
 * as it is, so a title containing `</script>` would end the element and start HTML of its own; here
 * `<`, `>`, `&` and the two line separators JavaScript does not allow in strings are escaped.
 */
export function jsonForScript(value: unknown): string {
  return JSON.stringify(value).replace(/[<>&\u2028\u2029]/g, (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`);
}
