/**
 * The Impressum data of a guild site created in the browser (issue 26): the fields the Verwaltung's form asks for,
 * with German labels (a clerk never meets a settings key), how they fill the new site's config, and the release
 * check's problems (src/lib/config/release.ts) turned into a German checklist of those labels. A site whose
 * Impressum still holds sample data is „noch nicht live“: its host answers readers with 503 until it is complete.
 */
import { de } from '@/i18n/de';
import { format } from '@/i18n/format';
import type { ReleaseProblem } from '@/lib/config/release';
import type { GuildConfigInput } from '@/lib/config/schema';

const l = de.siteImpressum;

export interface ImpressumField {
  /** The form field's name. */
  name: string;
  label: string;
  /** The config key the release check names (dotted). */
  key: string;
  type: 'text' | 'email' | 'tel' | 'url';
  /** May stay empty (then the config leaves it out). */
  optional?: boolean;
}

/** The form's fields, in the order of an Impressum. */
export const IMPRESSUM_FIELDS: readonly ImpressumField[] = [
  { name: 'strasse', label: l.street, key: 'address.street', type: 'text' },
  { name: 'plz', label: l.postalCode, key: 'address.postalCode', type: 'text' },
  { name: 'ort', label: l.city, key: 'address.city', type: 'text' },
  { name: 'telefon', label: l.phone, key: 'phone', type: 'tel' },
  { name: 'email', label: l.email, key: 'email', type: 'email' },
  { name: 'verantwortlich', label: l.responsible, key: 'responsiblePerson.name', type: 'text' },
  { name: 'obermeister', label: l.boardChair, key: 'representation.board.0.name', type: 'text' },
  { name: 'stellvertretung', label: l.boardDeputy, key: 'representation.board.1.name', type: 'text', optional: true },
  { name: 'kammer', label: l.chamber, key: 'supervisoryAuthority.name', type: 'text' },
  { name: 'kammer-anschrift', label: l.chamberAddress, key: 'supervisoryAuthority.address', type: 'text' },
  { name: 'kammer-web', label: l.chamberUrl, key: 'supervisoryAuthority.url', type: 'url' },
  { name: 'dsb-name', label: l.dpoName, key: 'dataProtectionOfficer.name', type: 'text' },
  { name: 'dsb-email', label: l.dpoEmail, key: 'dataProtectionOfficer.email', type: 'email' },
  { name: 'ds-behoerde', label: l.dpaName, key: 'dataProtectionAuthority.name', type: 'text' },
  { name: 'ds-behoerde-web', label: l.dpaUrl, key: 'dataProtectionAuthority.url', type: 'url' },
];

/** Labels for the release check's other keys (not in the form), by key prefix; first match wins. */
const OTHER_LABELS: ReadonlyArray<[RegExp, string]> = [
  [/^name$/, l.name],
  [/^shortName$/, l.shortName],
  [/^description$/, l.description],
  [/^logo\./, l.logo],
  [/^representation\./, l.boardChair],
  [/^responsiblePerson\./, l.responsible],
  [/^publicBody\./, l.publicBody],
  [/^privacyNoticeDate$/, l.privacyNoticeDate],
  [/^hosting\.provider\./, l.hostingProvider],
  [/^hosting\.proxyLogDays$/, l.proxyLogDays],
  [/^hosting\./, l.hostingConfirmed],
  [/^editors/, l.editorsBasis],
  [/^accessibility\.feedback\./, l.accessibilityContact],
  [/^accessibility\.enforcement\./, l.accessibilityEnforcement],
  [/^accessibility\.stateLaw/, l.accessibilityLaw],
  [/^accessibility\.preparedOn$/, l.accessibilityPrepared],
  [/^accessibility\.reviewedOn$/, l.accessibilityReviewed],
  [/^facebookUrl$/, l.facebookUrl],
  [/^facebook/, l.facebookInfo],
];

/** The Impressum's keys: sample data in any of them keeps the site off the air. */
const IMPRESSUM_KEY = /^(name|address\.|phone$|email$|responsiblePerson\.|representation\.|supervisoryAuthority\.|dataProtectionOfficer\.|dataProtectionAuthority\.)/;

/** The release check's problems that concern the Impressum. */
export function impressumProblems(problems: readonly ReleaseProblem[]): ReleaseProblem[] {
  return problems.filter((problem) => IMPRESSUM_KEY.test(problem.key));
}

/** The German label of one release-check key; never the key itself. */
export function labelForKey(key: string): string {
  return IMPRESSUM_FIELDS.find((field) => field.key === key)?.label ?? OTHER_LABELS.find(([test]) => test.test(key))?.[1] ?? l.other;
}

/** The checklist: each missing thing once, by its German label, in the release check's order. */
export function releaseChecklist(problems: readonly ReleaseProblem[]): string[] {
  return [...new Set(problems.map((problem) => labelForKey(problem.key)))];
}

export type ImpressumValues = Record<string, string>;

/** The form's values, trimmed; only the Impressum fields. */
export function impressumFromForm(form: { get(name: string): unknown }): ImpressumValues {
  const values: ImpressumValues = {};
  for (const field of IMPRESSUM_FIELDS) {
    const value = form.get(field.name);
    values[field.name] = typeof value === 'string' ? value.trim() : '';
  }
  return values;
}

/** Sets one dotted key in a plain object tree (arrays by index); a missing step becomes an empty object. */
function setKey(target: Record<string, unknown>, key: string, value: unknown): void {
  const parts = key.split('.');
  let node: Record<string, unknown> = target;
  for (const part of parts.slice(0, -1)) node = (node[part] ??= {}) as Record<string, unknown>;
  node[parts.at(-1)!] = value;
}

/** Reads one dotted key of a plain object tree; undefined when a step is missing. */
function getKey(source: unknown, key: string): unknown {
  let node: unknown = source;
  for (const part of key.split('.')) node = node && typeof node === 'object' ? (node as Record<string, unknown>)[part] : undefined;
  return node;
}

/**
 * The Impressum of an existing site as the Verwaltung's form shows it (issue 26): each field's current value from
 * its config, but sample data (what the release check names) as empty, so the clerk sees what is still to type.
 */
export function impressumValuesOf(config: unknown, problems: readonly ReleaseProblem[]): ImpressumValues {
  const sample = (key: string) => problems.some((problem) => problem.key === key || problem.key.startsWith(`${key}.`));
  const values: ImpressumValues = {};
  for (const field of IMPRESSUM_FIELDS) {
    const value = getKey(config, field.key);
    values[field.name] = typeof value === 'string' && !sample(field.key) ? value : '';
  }
  return values;
}

/**
 * The template config with the typed Impressum laid over it: what the clerk left empty keeps the template's
 * sample value (the checklist names it, and the site stays „noch nicht live“); an empty deputy drops that row.
 */
export function withImpressum(config: GuildConfigInput, values: ImpressumValues): GuildConfigInput {
  const next = structuredClone(config) as unknown as Record<string, unknown>;
  for (const field of IMPRESSUM_FIELDS) {
    const value = values[field.name] ?? '';
    if (value) setKey(next, field.key, value);
  }
  const board = (next.representation as { board: Array<{ name: string; role?: string }> }).board;
  if (!values.stellvertretung && board.length > 1) board.splice(1);
  // A deputy typed for a site that had none: the row gets its function too.
  if (board[1] && !board[1].role) board[1].role = l.boardDeputyRole;
  return next as unknown as GuildConfigInput;
}

/** What the schema expects of a typed value (src/lib/config/schema.ts), as a German reason; undefined: fine. */
function fieldProblem(field: ImpressumField, value: string): string | undefined {
  if (field.type === 'email' && !/^[^\s@]+@[^\s@]+\.[^\s@]+$/.test(value)) return format(l.invalidEmail, { label: field.label });
  if (field.type === 'url' && !/^https?:\/\/[^\s/]+\.[^\s]+$/.test(value)) return format(l.invalidUrl, { label: field.label });
  if (field.type === 'tel' && !/^\+?[0-9 ()/-]{6,}$/.test(value)) return format(l.invalidPhone, { label: field.label });
  if (field.key === 'address.postalCode' && !/^\d{5}$/.test(value)) return format(l.invalidPostalCode, { label: field.label });
  const min = field.key === 'supervisoryAuthority.address' ? 5 : 2;
  if (value.length < min) return format(l.tooShort, { label: field.label, min });
  if (value.length > IMPRESSUM_VALUE_MAX_LENGTH) return format(l.tooLong, { label: field.label, max: IMPRESSUM_VALUE_MAX_LENGTH });
  return undefined;
}

export const IMPRESSUM_VALUE_MAX_LENGTH = 200;

/** Every German reason a typed Impressum value is refused; empty fields are allowed (the checklist names them). */
export function impressumFieldProblems(values: ImpressumValues): string[] {
  return IMPRESSUM_FIELDS.flatMap((field) => {
    const value = values[field.name] ?? '';
    const problem = value ? fieldProblem(field, value) : undefined;
    return problem ? [problem] : [];
  });
}
