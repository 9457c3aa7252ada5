import { z } from 'astro/zod';
import { CRITERIA, BUSINESS_FEATURES, type BusinessFeature } from './criteria';
import { isoDate } from '../posts/schema';

function fact(levels: string[]) {
  return z
    .object({
      value: z.string({ required_error: 'fehlt: der sichtbare Wert („value“)' }).min(2),
      level: z.enum(levels as [string, ...string[]], {
        errorMap: () => ({ message: `erwartet einen dieser Werte: ${levels.join(', ')}` }),
      }),
      source: z.string({ required_error: 'fehlt: Quelle („source“, ein Schlüssel aus content/sources.yaml)' }).min(1),
      /** false = not confirmed by a current primary source; shown as "nicht bestätigt". */
      verified: z.boolean().default(true),
      note: z.string().optional(),
      /** When we checked the fact, if later than the source's own date. */
      checked: isoDate.optional(),
    })
    .strict();
}

const featureIds = Object.keys(BUSINESS_FEATURES) as [BusinessFeature, ...BusinessFeature[]];

const factShape = Object.fromEntries(
  CRITERIA.map((c) => {
    const base = fact(Object.keys(c.levels));
    return [c.id, c.id === 'business' ? base.extend({ features: z.array(z.enum(featureIds)).default([]) }) : base];
  }),
);

export const messengerSchema = z
  .object({
    name: z.string().min(2),
    aliases: z.array(z.string()).default([]),
    category: z.string().min(2),
    summary: z.string().min(20).max(200, 'höchstens 200 Zeichen'),
    facts: z.object(factShape, { required_error: 'fehlt: die Fakten („facts“)' }).strict(),
    assessment: z.string({ required_error: 'fehlt: die Einschätzung („assessment“)' }).min(50, 'erwartet eine Einschätzung von mindestens 50 Zeichen'),
  })
  .strict();

export const sourceSchema = z
  .object({
    title: z.string().min(3),
    url: z.string().url('erwartet eine vollständige Adresse mit https://'),
    date: isoDate,
  })
  .strict();

export const sourcesSchema = z.record(sourceSchema);

export type MessengerData = z.infer<typeof messengerSchema>;
export type SourceData = z.infer<typeof sourceSchema>;
