/** Generates realistic German articles for the build benchmark (never committed; written to a temp folder). */
import { cpSync, mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

const SENTENCES = [
  'Viele Betriebe im Handwerk stimmen Termine inzwischen per Messenger mit ihrer Kundschaft ab.',
  'Die Datenschutz-Grundverordnung gilt auch für kleine Betriebe mit wenigen Beschäftigten.',
  'Wer Fotos von der Baustelle verschickt, überträgt oft mehr personenbezogene Daten als gedacht.',
  'Ein Auftragsverarbeitungsvertrag regelt, wie ein Dienstleister mit den Daten des Betriebs umgeht.',
  'Die Innung unterstützt ihre Mitgliedsbetriebe mit Mustertexten und Schulungen.',
  'Bei der Auswahl eines Messengers lohnt ein Blick auf Serverstandort und Verschlüsselung.',
  'Angebote und Auftragsbestätigungen können aufbewahrungspflichtige Geschäftsbriefe sein.',
  'Scheidet ein Geselle aus, muss der Zugang zu den Firmenchats zuverlässig gesperrt werden.',
  'Private Handys im Betrieb sind bequem, werfen aber Fragen zur Trennung von Daten auf.',
  'Die Aufsichtsbehörden haben in den vergangenen Jahren mehrfach zu Messengern Stellung genommen.',
  'Eine klare Regel im Team hilft mehr als ein langes Verbot, das niemand einhält.',
  'Kundinnen und Kunden sollten wissen, welche Daten der Betrieb speichert und warum.',
  'Die Verschlüsselung schützt Nachrichten auf dem Weg, nicht aber die Sicherung in der Cloud.',
  'Im Zweifel hilft ein Gespräch mit dem Datenschutzbeauftragten der Handwerkskammer.',
  'Der Betriebsrat muss bei der Einführung neuer Kommunikationswerkzeuge beteiligt werden.',
  'Eine Checkliste erleichtert die Entscheidung und dokumentiert sie zugleich.',
  'Wer auf eine Alternative umsteigt, sollte die Kundschaft rechtzeitig informieren.',
  'Sprachnachrichten sind auf der Baustelle praktisch, lassen sich aber schlecht archivieren.',
  'Die Kosten pro Person und Monat sind für kleine Betriebe oft überschaubar.',
  'Technische Maßnahmen ersetzen keine Schulung der Mitarbeiterinnen und Mitarbeiter.',
];
const HEADINGS = [
  'Worum es geht',
  'Was die Aufsicht sagt',
  'Praxis im Betrieb',
  'Kosten und Aufwand',
  'Unsere Empfehlung',
  'Checkliste für den Alltag',
  'Häufige Fragen',
];
const TAGS = [
  'datenschutz',
  'whatsapp',
  'messenger',
  'threema',
  'recht',
  'ausbildung',
  'baustelle',
  'kundschaft',
  'kosten',
  'team',
  'sicherheit',
  'cloud',
  'fotos',
  'archiv',
  'mitarbeiter',
];
const CATEGORIES = ['Datenschutz', 'Digitales', 'Recht', 'Betrieb'];

/** Small deterministic PRNG so every run builds the same site. */
function rng(seed: number) {
  let s = seed >>> 0;
  return () => (s = (s * 1664525 + 1013904223) >>> 0) / 2 ** 32;
}

export function articleSource(i: number, mdx: boolean): string {
  const r = rng(i + 1);
  const pick = <T>(list: readonly T[]) => list[Math.floor(r() * list.length)]!;
  const tags = [...new Set([pick(TAGS), pick(TAGS), pick(TAGS)])];
  const day = new Date(Date.UTC(2020, 0, 1) + Math.floor(r() * 2000) * 86_400_000).toISOString().slice(0, 10);
  const sections = HEADINGS.slice(0, 4 + Math.floor(r() * 3)).map((heading) => {
    const paragraphs = Array.from({ length: 3 }, () => Array.from({ length: 5 }, () => pick(SENTENCES)).join(' '));
    return `## ${heading}\n\n${paragraphs.join('\n\n')}`;
  });
  if (mdx) sections.splice(1, 0, `<Hinweis titel="Gut zu wissen">${pick(SENTENCES)}</Hinweis>`);
  return `---
title: "Beitrag ${i}: ${pick(HEADINGS)} beim Thema ${tags[0]}"
description: "${pick(SENTENCES)}"
pubDate: ${day}
category: ${pick(CATEGORIES)}
tags: [${tags.join(', ')}]
---

${sections.join('\n\n')}
`;
}

/** A content folder with `count` articles (every fifth one MDX with a building block) plus the real messenger data. */
export function generateContent(root: string, dir: string, count: number, plainMarkdown = false): void {
  rmSync(dir, { recursive: true, force: true });
  mkdirSync(join(dir, 'posts'), { recursive: true });
  cpSync(join(root, 'content/messengers'), join(dir, 'messengers'), { recursive: true });
  cpSync(join(root, 'content/sources'), join(dir, 'sources'), { recursive: true });
  for (let i = 1; i <= count; i++) {
    const mdx = !plainMarkdown && i % 5 === 0;
    let source = articleSource(i, i % 5 === 0);
    if (plainMarkdown) source = source.replace(/<Hinweis titel="[^"]*">([^<]*)<\/Hinweis>/, '> **Gut zu wissen:** $1');
    writeFileSync(join(dir, 'posts', `beitrag-${i}.${mdx ? 'mdx' : 'md'}`), source);
  }
}
