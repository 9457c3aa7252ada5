import { z } from 'astro/zod';
import { DEFAULT_PURGE_PENDING_AFTER_DAYS } from '../comments/settings';

/** Values we do not know yet are written as placeholders containing this word (see ./release.ts for all demo data). */
export const PLACEHOLDER_MARK = 'Platzhalter';

const hex = z.string().regex(/^#[0-9a-fA-F]{6}$/, 'erwartet eine Farbe als #rrggbb, z. B. #1d4ed8');

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

const person = z.object({ name: z.string().min(2), role: z.string().min(2) });

const isoDay = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, 'erwartet ein Datum im Format JJJJ-MM-TT');

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
    /**
     * Who represents the guild (§ 66 Abs. 3 HwO): by law its board (Vorstand), listed in `board`; the statutes
     * (Satzung) may transfer the representation to named members: then `statute` quotes the clause and names
     * them (`representatives`).
     */
    representation: z.object({
      /** The members of the board with their function, e.g. { name: 'Max Muster', role: 'Obermeister' }. */
      board: z.array(person).min(1, 'erwartet mindestens ein Vorstandsmitglied'),
      /** Only when the Satzung transfers representation: the clause (e.g. "§ 12 Abs. 2 der Satzung") and who represents. */
      statute: z.object({ clause: z.string().min(5), representatives: z.array(person).min(1) }).optional(),
    }),
    register: z.object({
      /** e.g. "Körperschaft des öffentlichen Rechts" */
      legalForm: z.string().min(2),
      vatId: z.string().optional(),
      /** Wirtschafts-Identifikationsnummer (§ 5 Abs. 1 Nr. 6 DDG), once issued, e.g. "DE123456789-00001". */
      economicId: z
        .string()
        .regex(/^DE\d{9}-\d{5}$/, 'erwartet eine Wirtschafts-Identifikationsnummer wie DE123456789-00001')
        .optional(),
    }),
    /** Supervisory authority: the Handwerkskammer (§ 75 HwO), with its postal address. */
    supervisoryAuthority: z.object({
      name: z.string().min(2),
      address: z.string().min(5, 'erwartet die Postanschrift der Handwerkskammer'),
      url: z.string().url(),
    }),
    /**
     * Does the guild act as a public body? An Innung is a Körperschaft des öffentlichen Rechts (§ 53 HwO):
     * then every legal basis is Art. 6 Abs. 1 lit. e DSGVO with the national law named here (never lit. f,
     * Art. 6 Abs. 1 UAbs. 2), and a data protection officer is mandatory (Art. 37 Abs. 1 lit. a).
     * `false` for a private operator (e.g. an association): legal basis lit. f.
     */
    publicBody: z.union([
      z.object({
        /** The national provision for lit. e, e.g. the general clause of the state data protection act with § 54 HwO. */
        nationalBasis: z.string().min(5, 'erwartet die nationale Rechtsgrundlage, z. B. „§ 3 BlnDSG in Verbindung mit § 54 HwO“'),
      }),
      z.literal(false),
    ]),
    /** Data protection officer (Art. 37 DSGVO); mandatory for a public body. */
    dataProtectionOfficer: z
      .object({ name: z.string().min(2), email, phone: z.string().optional(), address: z.string().optional() })
      .optional(),
    /** Data protection authority responsible for the guild (for the right to complain). */
    dataProtectionAuthority: z.object({ name: z.string().min(2), url: z.string().url() }),
    /** The day the Datenschutzerklärung was last adopted ("Stand"), JJJJ-MM-TT; absent = draft (refused by `npm run check:release`). */
    privacyNoticeDate: isoDay.optional(),
    /** Where the site runs: facts the Datenschutzerklärung states. */
    hosting: z.object({
      /** The hosting provider, a processor under Art. 28 DSGVO (recipient). */
      provider: z.object({ name: z.string().min(2), address: z.string().min(5) }),
      /** Where the servers are; the notice states that no data goes to third countries only for an EU/EEA location. */
      country: z.string().min(2),
      /** The reverse proxy in front, configured with the shipped files (deploy/nginx/ or deploy/Caddyfile). */
      proxy: z.enum(['nginx', 'caddy']).default('nginx'),
      /**
       * Days the proxy keeps its logs: the access log (without IP addresses) and the error log (which can
       * hold one). Must equal `rotate` in deploy/nginx/logrotate and `roll_keep_for` in deploy/Caddyfile; 0 = no error log.
       */
      proxyLogDays: z.number().int().min(0).max(365),
      /** The day someone confirmed the proxy runs as the deploy files say, JJJJ-MM-TT; absent = refused by `npm run check:release`. */
      confirmedOn: isoDay.optional(),
    }),
    /**
     * The editors (accounts of /redaktion/): the legal basis for processing staff data in the guild's state
     * (Art. 88 DSGVO with the state law), with where it is written.
     */
    editors: z.object({ legalBasis: z.string().min(5), source: z.string().url() }).optional(),
    /** Accessibility statement (/barrierefreiheit/), on the EU model (Durchführungsbeschluss (EU) 2018/1523). */
    accessibility: z.object({
      /** Who takes feedback on barriers. */
      feedback: z.object({ name: z.string().min(2), email, phone: z.string().optional() }),
      /** The state's conciliation/enforcement body. */
      enforcement: z.object({ name: z.string().min(2), url: z.string().url(), address: z.string().optional() }),
      /** The state's accessibility law that binds the guild (BITV 2.0 binds federal bodies only), e.g. "Berliner Barrierefreie-IKT-Gesetz (BIKTG Bln)". */
      stateLaw: z.object({ name: z.string().min(5), url: z.string().url().optional() }).optional(),
      /** The day this statement was prepared ("erstellt am"), JJJJ-MM-TT; absent = refused by `npm run check:release`. */
      preparedOn: isoDay.optional(),
      /** Day of the last manual review, JJJJ-MM-TT; absent = not yet reviewed by hand (refused by `npm run check:release`). */
      reviewedOn: isoDay.optional(),
      /** Months within which the guild answers a report of a barrier (§ 12b Abs. 4 BGG and the state laws: one month). */
      responseMonths: z.number().int().min(1).max(3).default(1),
    }),
    facebookUrl,
    /**
     * The Facebook page is a joint controllership with Meta (Art. 26 DSGVO; DSK of 22.06.2022): link the page's
     * Art. 26 information (`jointControllerInfo`), or state the guild's documented decision (`decision`).
     * `npm run check:release` refuses a config with neither.
     */
    facebook: z.object({ jointControllerInfo: z.string().url().optional(), decision: z.string().min(20).optional() }).default({}),
    comments: z.object({
      /** Show the comment section under articles. */
      enabled: z.boolean(),
      /**
       * "pre": the guild approves every comment before it is shown; "post": shown at once, checked afterwards.
       * The consent text, the Datenschutzerklärung and the Leichte-Sprache page are built from it; the server
       * refuses a COMMENTS_MODERATION that says otherwise in live mode.
       */
      moderation: z.enum(['pre', 'post']).default('pre'),
      /** Days after which rejected comments are purged. */
      purgeRejectedAfterDays: z.number().int().min(1).max(365),
      /** Days a comment may wait for moderation; then it is erased unseen. */
      purgePendingAfterDays: z.number().int().min(1).max(365).default(DEFAULT_PURGE_PENDING_AFTER_DAYS),
      /**
       * Backups of the comment database: copies older than `backupKeep` days are deleted (and never more than
       * the newest `backupKeep` kept), by the server and by `npm run backup` alike (COMMENTS_BACKUP_KEEP default).
       */
      backupKeep: z.number().int().min(1).max(365),
      /** Whether the running server makes one backup a day (COMMENTS_BACKUP_DAILY default). */
      backupDaily: z.boolean().default(true),
      /**
       * Days `npm run restore` keeps the replaced database beside the restored one (then it is deleted by the
       * next backup run); 0 = deleted as soon as the restore succeeded.
       */
      restoreKeepDays: z.number().int().min(0).max(30).default(0),
      /** A copy of the backups kept elsewhere (another provider: a processor under Art. 28 DSGVO), as the notice states it. */
      offsiteBackup: z.object({ processor: z.string().min(2), retentionDays: z.number().int().min(1).max(365) }).optional(),
    }),
    /**
     * Keys (dotted, e.g. "facebookUrl") whose value equals the shipped demo's on purpose: `npm run check:release`
     * otherwise refuses every value still equal to the demo.
     */
    keptDemoValues: z.array(z.string()).default([]),
    /**
     * Freigabe ("Vier-Augen-Prinzip"): a publish in the Redaktion waits until a second account approves it;
     * the history shows who approved. Off by default.
     */
    publishApproval: z.boolean().default(false),
    /** Articles per page in /beitraege/. */
    postsPerPage: z.number().int().min(3).max(50),
  })
  .strict()
  .superRefine((config, ctx) => {
    if (config.publicBody !== false && !config.dataProtectionOfficer) {
      ctx.addIssue({
        code: z.ZodIssueCode.custom,
        path: ['dataProtectionOfficer'],
        message: 'Pflicht für eine öffentliche Stelle (Art. 37 Abs. 1 lit. a DSGVO): Name und E-Mail der oder des Datenschutzbeauftragten',
      });
    }
    // The notice promises an erased comment is gone from every copy after backupKeep days.
    if (config.comments.restoreKeepDays > config.comments.backupKeep) {
      ctx.addIssue({
        code: z.ZodIssueCode.custom,
        path: ['comments', 'restoreKeepDays'],
        message: `höchstens comments.backupKeep (${config.comments.backupKeep}) Tage: die Datenschutzerklärung sagt, dass ein gelöschter Kommentar danach aus jeder Kopie verschwunden ist`,
      });
    }
  });

export type GuildConfig = z.infer<typeof guildConfigSchema>;
export type GuildConfigInput = z.input<typeof guildConfigSchema>;

/** Typed helper so the config file gets autocompletion and JSDoc. */
export function defineGuildConfig(config: GuildConfigInput): GuildConfigInput {
  return config;
}

export class ConfigError extends Error {
  /** `file`: the config file as the reader knows it (a site's sites/<kennung>/guild.config.ts). */
  constructor(
    public readonly problems: string[],
    public readonly file = 'src/guild.config.ts',
  ) {
    super(`Die Innungs-Konfiguration (${file}) ist ungültig:\n${problems.map((p) => `  - ${p}`).join('\n')}`);
    this.name = 'ConfigError';
  }
}

/** Parses the config; throws a German error naming every wrong key. */
export function parseGuildConfig(input: unknown, file?: string): GuildConfig {
  const result = guildConfigSchema.safeParse(input);
  if (result.success) return result.data;
  const problems = result.error.issues.map((issue) => {
    const key = issue.path.join('.') || '(gesamt)';
    const message = issue.code === 'unrecognized_keys' ? `unbekannter Schlüssel ${issue.keys.join(', ')}` : issue.message;
    return `${key}: ${message}`;
  });
  throw new ConfigError(problems, file);
}
