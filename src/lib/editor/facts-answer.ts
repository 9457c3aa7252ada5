/**
 * The answer to a refused "Stimmt noch"/"Stimmt nicht mehr" from a form posted without JavaScript: a small
 * German page with the reason, the fact as it stands now (on a conflict) and a link back to the list.
 */
import { de } from '@/i18n/de';

const t = de.factsReview;

const escape = (text: string) => text.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);

/** Labels of the fields an office worker may see in the current state (no YAML keys on screen). */
const SHOWN: ReadonlyArray<[string, string]> = [
  ['value', t.value],
  ['quote', t.quote],
  ['checked', t.checkedOn],
  ['checkedBy', t.checkedByLabel],
];

export function refusalPage(reason: string, back: string, current?: Record<string, unknown>): string {
  const rows = current
    ? SHOWN.filter(([key]) => current[key] !== undefined && current[key] !== null)
        .map(([key, label]) => `<dt>${escape(label)}</dt><dd>${escape(String(current[key]))}</dd>`)
        .join('')
    : '';
  return [
    '<!doctype html><html lang="de"><head><meta charset="utf-8"><meta name="robots" content="noindex">',
    '<meta name="viewport" content="width=device-width, initial-scale=1">',
    `<title>${escape(t.refusedTitle)}</title></head><body><main>`,
    `<h1>${escape(t.refusedTitle)}</h1><p role="alert">${escape(reason)}</p>`,
    rows ? `<dl>${rows}</dl>` : '',
    `<p><a href="${escape(back)}">${escape(t.toList)}</a></p></main></body></html>`,
  ].join('');
}
