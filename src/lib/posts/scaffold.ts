import { slugify } from './slug';
import { berlinDay } from './publish';
import { DESCRIPTION_MAX, DESCRIPTION_MIN } from './schema';

/**
 * The front matter and example building blocks of a new post, ready to edit. No MDX comments ("{/*" … "*\/}"):
 * the editor (Keystatic) cannot open a post containing them, and the content check refuses them.
 */
export function scaffoldPost(title: string, now = new Date()): { slug: string; content: string } {
  const slug = slugify(title);
  if (!slug) throw new Error('Bitte geben Sie einen Titel mit Buchstaben oder Zahlen an, z. B. npm run new -- "Neue Pflichten ab 2027"');
  const content = `---
title: ${JSON.stringify(title)}
description: "Platzhalter: Fassen Sie den Beitrag in ein bis zwei Sätzen zusammen (${DESCRIPTION_MIN} bis ${DESCRIPTION_MAX} Zeichen)."
pubDate: ${berlinDay(now)}
author: Redaktion
category: Datenschutz   # Datenschutz | Digitales | Recht | Betrieb
tags: [datenschutz]     # klein geschrieben, z. B. [whatsapp, messenger]
draft: true             # auf false setzen, wenn der Beitrag erscheinen soll
sources: []
#  - title: Name der Quelle
#    url: https://…
#    date: 2026-01-31   # nur das Datum, das die Quelle selbst trägt; sonst weglassen
---

Schreiben Sie hier den ersten Absatz. Eine Zwischenüberschrift beginnt mit „## “.

## Beispiele für Bausteine

Löschen Sie diesen Abschnitt und alle Bausteine, die Sie nicht brauchen. Ein Bild binden Sie so ein: \`![Was auf dem Bild zu sehen ist](./bild.jpg)\` – die Bilddatei liegt neben dieser Datei.

<Hinweis titel="Gut zu wissen">
Ein Hinweis in einem blauen Kasten.
</Hinweis>

<Warnung titel="Achtung">
Eine Warnung in einem orangen Kasten.
</Warnung>

<Checkliste titel="Das sollten Sie prüfen">
- erster Punkt
- zweiter Punkt
</Checkliste>

Eine Aussage mit Beleg <Quelle title="Name der Quelle" url="https://example.org/quelle" />.

<MessengerComparison only={["whatsapp-business", "threema-work"]} />

<FacebookHinweis />
`;
  return { slug, content };
}
