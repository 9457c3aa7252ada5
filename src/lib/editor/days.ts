/** A calendar day as the Redaktion shows it: "2026-12-10" → "10.12.2026" (the form the editor's date field takes). */
export function germanDay(iso: string): string {
  const [y, m, d] = iso.slice(0, 10).split('-');
  return y && m && d ? `${d}.${m}.${y}` : iso;
}
