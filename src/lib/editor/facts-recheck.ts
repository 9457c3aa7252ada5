/**
 * "Stimmt noch" on /redaktion/fakten/: sets a fact's `checked` (the Berlin day) and `checkedBy` (the signed-in
 * editor) in its messenger file, through the yaml package's Document API so comments, order and quoting of
 * everything else stay as they were. Refused for a fact without the source's own words (a quote): a re-check
 * confirms that those words still say it, so there must be words to read. A `version` taken when the list was
 * shown guards against overwriting a change someone else saved since (409, like the editor's saves).
 */
import { isMap, isScalar, parseDocument, type Document, type YAMLMap } from 'yaml';
import { de } from '@/i18n/de';

const t = de.factsReview;

export type RecheckRefusal = { ok: false; status: 404 | 409 | 422; reason: string; current?: Record<string, unknown> };
export type RecheckResult = { ok: true; text: string } | RecheckRefusal;

export interface ConfirmRequest {
  criterion: string;
  /** The signed-in editor's name. */
  by: string;
  /** The calendar day in Berlin, YYYY-MM-DD (berlinDay). */
  today: string;
  /** factVersion() of the fact as the list showed it; absent = no check. */
  version?: string | undefined;
}

/** A short fingerprint of a fact's data (FNV-1a over its JSON): changes whenever any field of the fact changes. */
export function factVersion(fact: unknown): string {
  let hash = 0x811c9dc5;
  for (const ch of JSON.stringify(fact ?? null)) {
    hash ^= ch.codePointAt(0)!;
    hash = Math.imul(hash, 0x01000193) >>> 0;
  }
  return hash.toString(16).padStart(8, '0');
}

function factNode(doc: Document, criterion: string): YAMLMap | undefined {
  const node = doc.getIn(['facts', criterion], true);
  return isMap(node) ? node : undefined;
}

/** A value as YAML text: plain where that reads back as the same string, else double-quoted. */
function scalarText(value: string): string {
  const plain =
    /^[\p{L}\p{N}][\p{L}\p{N} .'-]*$/u.test(value) && !/^(?:null|true|false|yes|no|on|off)$/i.test(value) && !value.endsWith(' ');
  return plain ? value : JSON.stringify(value);
}

interface Edit {
  at: number;
  end: number;
  text: string;
}

/**
 * Sets fields of one fact by editing only their own characters in the text: an existing value is replaced in
 * place, a missing field is added at the end of the fact (a new line in a block map, before "}" in a flow map).
 * Re-printing the whole document would re-fold long lines and re-quote strings elsewhere in the file.
 */
function setFields(text: string, node: YAMLMap, fields: ReadonlyArray<[string, string]>): string {
  const edits: Edit[] = [];
  const missing: Array<[string, string]> = [];
  for (const [field, value] of fields) {
    const pair = node.items.find((p) => isScalar(p.key) && p.key.value === field);
    const range = pair && isScalar(pair.value) ? pair.value.range : undefined;
    if (range) {
      const old = text.slice(range[0], range[1]);
      edits.push({ at: range[0], end: range[1], text: scalarText(value) + (old.endsWith('\n') ? '\n' : '') });
    } else missing.push([field, value]);
  }
  const [start, end] = node.range ?? [0, 0];
  if (missing.length > 0 && node.flow) {
    const close = start + text.slice(start, end).lastIndexOf('}');
    const at = start + text.slice(start, close).trimEnd().length;
    edits.push({ at, end: at, text: missing.map(([f, v]) => `, ${f}: ${scalarText(v)}`).join('') });
  } else if (missing.length > 0) {
    const indent = ' '.repeat(start - text.lastIndexOf('\n', start - 1) - 1);
    const lead = text[end - 1] === '\n' ? '' : '\n';
    edits.push({ at: end, end, text: lead + missing.map(([f, v]) => `${indent}${f}: ${scalarText(v)}\n`).join('') });
  }
  let result = text;
  for (const edit of edits.sort((a, b) => b.at - a.at)) result = result.slice(0, edit.at) + edit.text + result.slice(edit.end);
  return result;
}

/** The file's text with the fact re-checked, or why not (German). */
export function confirmFact(text: string, request: ConfirmRequest): RecheckResult {
  const doc = parseDocument(text);
  if (doc.errors.length > 0) return { ok: false, status: 422, reason: t.unreadableFile };
  const node = factNode(doc, request.criterion);
  if (!node) return { ok: false, status: 404, reason: t.unknownFact };
  const current = node.toJSON() as Record<string, unknown>;
  if (request.version !== undefined && request.version !== factVersion(current))
    return { ok: false, status: 409, reason: t.changed, current };
  if (typeof current.quote !== 'string' || current.quote.trim() === '') return { ok: false, status: 422, reason: t.noQuote };
  const updated = setFields(text, node, [
    ['checked', request.today],
    ['checkedBy', request.by],
  ]);
  // The edit touched only this fact's two fields: anything else would be a bug here, and is refused, not saved.
  const expected = doc.toJSON() as { facts: Record<string, Record<string, unknown>> };
  expected.facts[request.criterion] = { ...current, checked: request.today, checkedBy: request.by };
  const after = parseDocument(updated);
  if (after.errors.length > 0 || JSON.stringify(after.toJSON()) !== JSON.stringify(expected))
    return { ok: false, status: 422, reason: t.unreadableFile };
  return { ok: true, text: updated };
}

/** The version of every fact in a messenger file (criterion → version), as the list shows them. */
export function factVersions(text: string): Record<string, string> {
  const doc = parseDocument(text);
  const facts = doc.get('facts', true);
  if (!isMap(facts)) return {};
  const versions: Record<string, string> = {};
  for (const pair of facts.items) {
    if (isScalar(pair.key) && isMap(pair.value)) versions[String(pair.key.value)] = factVersion(pair.value.toJSON());
  }
  return versions;
}
