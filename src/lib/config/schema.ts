import { z } from 'astro/zod';

/** Values we do not know yet are written as placeholders: they contain this word or use a reserved example domain. */
export const PLACEHOLDER_MARK = 'Platzhalter';

const hex = z
  .string()
  .regex(/^#[0-9a-fA-F]{6}$/, 'erwartet eine Farbe als #rrggbb, z. B. #1d4ed8');

const facebookUrl = z
  .string()
  .url('erwartet eine vollständige Adresse, z. B. https://www.facebook.com/IhreInnung/')
  .refine((value) => {
    try {
      const url = new URL(value);
      return url.protocol === 'https:' && /(^|\.)facebook\.com$/.test(url.hostname);
    } catch {
      return false;
    }
  }, 'erwartet eine https-Adresse auf facebook.com, z. B. https://www.facebook.com/IhreInnung/');

const email = z.string().email('erwartet eine E-Mail-Adresse wie info@innung.de');

export const guildConfigSchema = z
  .object({
    /** Full name of the guild, e.g. "Innung Sanitär Heizung Klima Berlin". */
    name: z.string().min(2, 'erwartet den Namen der Innung'),
    /** Short name for the header on small screens. */
    shortName: z.string().min(2).max(40, 'höchstens 40 Zeichen'),
    /** One or two sentences, used on the home page and as default meta description. */
    description: z.string().min(20).max(200, 'höchstens 200 Zeichen (Suchmaschinen kürzen längere Texte)'),
    /** Public URL of the site, with https and without trailing path. */
    siteUrl: z.string().url('erwartet die öffentliche Adresse, z. B. https://www.innung-berlin.de'),
    /** Path of the logo below public/, shown in the header. */
    logo: z.object({
      src: z.string().startsWith('/', 'erwartet einen Pfad unter public/, beginnend mit /'),
      alt: z.string().min(2, 'erwartet einen Alternativtext für das Logo'),
    }),
    /** Brand colours; text on them must stay readable (WCAG AA). */
    colors: z.object({ primary: hex, primaryDark: hex, accent: hex }),
    address: z.object({
      street: z.string().min(2),
      postalCode: z.string().regex(/^\d{5}$/, 'erwartet eine fünfstellige Postleitzahl'),
      city: z.string().min(2),
    }),
    phone: z.string().regex(/^\+?[0-9 ()/-]{6,}$/, 'erwartet eine Telefonnummer wie +49 30 1234567'),
    email,
    /** Person responsible for the content (Impressum, § 18 Abs. 2 MStV). */
    responsiblePerson: z.object({ name: z.string().min(2), role: z.string().min(2) }),
    /** Legal representative (Obermeister/in) of the guild, a public-law body. */
    representative: z.object({ name: z.string().min(2), role: z.string().min(2) }),
    register: z.object({
      /** e.g. "Körperschaft des öffentlichen Rechts" */
      legalForm: z.string().min(2),
      vatId: z.string().optional(),
    }),
    /** Supervisory authority: the Handwerkskammer. */
    supervisoryAuthority: z.object({ name: z.string().min(2), url: z.string().url() }),
    /** Data protection officer or contact for privacy questions. */
    privacyContact: z.object({ name: z.string().min(2), email }),
    /** Data protection authority responsible for the guild (for the right to complain). */
    dataProtectionAuthority: z.object({ name: z.string().min(2), url: z.string().url() }),
    facebookUrl,
    comments: z.object({
      /** Show the comment section under articles. */
      enabled: z.boolean(),
      /** Days after which rejected comments are purged. */
      purgeRejectedAfterDays: z.number().int().min(1).max(365),
    }),
    /** Articles per page in /beitraege/. */
    postsPerPage: z.number().int().min(3).max(50),
  })
  .strict();

export type GuildConfig = z.infer<typeof guildConfigSchema>;
export type GuildConfigInput = z.input<typeof guildConfigSchema>;

/** Typed helper so the config file gets autocompletion and JSDoc. */
export function defineGuildConfig(config: GuildConfigInput): GuildConfigInput {
  return config;
}

export class ConfigError extends Error {
  constructor(public readonly problems: string[]) {
    super(
      `Die Innungs-Konfiguration (src/guild.config.ts) ist ungültig:\n${problems.map((p) => `  - ${p}`).join('\n')}`,
    );
    this.name = 'ConfigError';
  }
}

/** Parses the config; throws a German error naming every wrong key. */
export function parseGuildConfig(input: unknown): GuildConfig {
  const result = guildConfigSchema.safeParse(input);
  if (result.success) return result.data;
  const problems = result.error.issues.map((issue) => {
    const key = issue.path.join('.') || '(gesamt)';
    const message = issue.code === 'unrecognized_keys' ? `unbekannter Schlüssel ${issue.keys.join(', ')}` : issue.message;
    return `${key}: ${message}`;
  });
  throw new ConfigError(problems);
}

function isPlaceholderValue(value: string): boolean {
  if (value.includes(PLACEHOLDER_MARK)) return true;
  return /(^|[@./])example\.(org|com|net)\b/.test(value);
}

/** Lists the keys whose value is still a placeholder, for the build warning. */
export function findPlaceholders(value: unknown, path: string[] = []): string[] {
  if (typeof value === 'string') return isPlaceholderValue(value) ? [path.join('.')] : [];
  if (value && typeof value === 'object') {
    return Object.entries(value).flatMap(([key, child]) => findPlaceholders(child, [...path, key]));
  }
  return [];
}
