/**
 * Evidence rules for messenger facts (house style rule 16): a fact shown as "bestätigt" carries the source's
 * own words and the day they were read. Refused: `verified: true` without a quote, on a source without an
 * address, or without a check date; a check date in the future or before the source entered the repository
 * (nobody could have read the quote for this site then); a quote not in German without a German gloss.
 * The quote's length is a schema rule (QUOTE_MAX in src/lib/messengers/schema.ts).
 */
import { isoDay } from '../posts/format';
import type { SourceData } from '../messengers/schema';
import type { Problem } from './types';

export interface EvidenceFact {
  verified: boolean;
  quote?: string | undefined;
  quoteLang?: string | undefined;
  gloss?: string | undefined;
  checked?: Date | undefined;
  checkedBy?: string | undefined;
}

export interface EvidenceContext {
  /** Today (UTC day); a check date after it is refused. */
  today: Date;
  /** The day the cited source's file entered the repository; no check can lie before it. */
  sourceAdded: Date;
}

function dayOf(date: Date): string {
  return isoDay(date);
}

export function evidenceRules(
  file: string,
  criterion: string,
  fact: EvidenceFact,
  sourceKey: string,
  source: SourceData,
  lineOf: (path: (string | number)[]) => number,
  context: EvidenceContext,
): Problem[] {
  const problems: Problem[] = [];
  const at = (field: string, message: string, fix: string) =>
    problems.push({ file, line: lineOf(['facts', criterion, field]), field: `facts.${criterion}.${field}`, message, fix });
  const checked = fact.checked ?? source.checked;
  if (fact.verified) {
    if (!fact.quote) {
      at(
        'verified',
        'bestätigt ohne Zitat der Quelle („quote“)',
        'Lesen Sie die Quelle und tragen Sie den Satz, der die Angabe trägt, unter „quote“ ein – oder setzen Sie „verified: false“ (dann erscheint „nicht bestätigt“).',
      );
    }
    if (!source.url) {
      at(
        'source',
        `bestätigt, aber die Quelle „${sourceKey}“ hat keine Adresse („url“)`,
        'Eine bestätigte Angabe braucht eine Quelle, die man aufrufen kann: Adresse in der Quelle ergänzen oder „verified: false“ setzen.',
      );
    }
    if (fact.quote && !checked) {
      at(
        'checked',
        'bestätigt ohne Prüfdatum',
        'Tragen Sie unter „checked“ den Tag ein, an dem Sie das Zitat an der Quelle gelesen haben (JJJJ-MM-TT).',
      );
    }
  }
  if (fact.quote && !fact.checkedBy) {
    at('checkedBy', 'Zitat ohne Angabe, wer es gelesen hat', 'Tragen Sie unter „checkedBy“ Ihren Namen oder „Redaktion“ ein.');
  }
  if (fact.quote && !fact.quoteLang) {
    at('quoteLang', 'Zitat ohne Sprache', 'Tragen Sie unter „quoteLang“ die Sprache des Zitats ein, z. B. „de“ oder „en“.');
  }
  if (fact.quote && fact.quoteLang && !fact.quoteLang.startsWith('de') && !fact.gloss) {
    at(
      'gloss',
      `Zitat in „${fact.quoteLang}“ ohne deutsche Wiedergabe („gloss“)`,
      'Geben Sie den Sinn des Zitats unter „gloss“ auf Deutsch wieder.',
    );
  }
  // The fact's own check date, else its source's: either must be a day someone could have read the quote here.
  const field = fact.checked ? 'checked' : 'source';
  const whose = fact.checked ? 'das Prüfdatum' : `das Prüfdatum der Quelle „${sourceKey}“`;
  if (checked && checked > context.today) {
    at(
      field,
      `${whose} (${dayOf(checked)}) liegt in der Zukunft`,
      'Tragen Sie den Tag ein, an dem Sie das Zitat tatsächlich gelesen haben – nie einen künftigen.',
    );
  } else if (checked && checked < context.sourceAdded) {
    at(
      field,
      `${whose} (${dayOf(checked)}) liegt vor dem Tag, an dem die Quelle „${sourceKey}“ ins Projekt kam (${dayOf(context.sourceAdded)})`,
      'Ein Prüfdatum ist der Tag, an dem jemand das Zitat gelesen hat – übernehmen Sie kein Datum aus einer anderen Tabelle. Lesen Sie die Quelle und tragen Sie den Tag ein, an dem Sie das getan haben.',
    );
  }
  return problems;
}
