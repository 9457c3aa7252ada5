import { slugify } from './slug';
import { berlinDay } from './publish';

/** The front matter and commented building blocks of a new post, ready to edit. */
export function scaffoldPost(title: string, now = new Date()): { slug: string; content: string } {
  const slug = slugify(title);
  if (!slug) throw new Error('Bitte geben Sie einen Titel mit Buchstaben oder Zahlen an, z. B. npm run new -- "Neue Pflichten ab 2027"');
  const content = `---
title: ${JSON.stringify(title)}
description: "Platzhalter: Fassen Sie den Beitrag in ein bis zwei Sätzen zusammen (30 bis 160 Zeichen)."
pubDate: ${berlinDay(now)}
author: Redaktion
category: Datenschutz   # Datenschutz | Digitales | Recht | Betrieb
tags: [datenschutz]     # klein geschrieben, z. B. [whatsapp, messenger]
draft: true             # auf false setzen, wenn der Beitrag erscheinen soll
sources: []
#  - title: Name der Quelle
#    url: https://…
#    date: ${berlinDay(now)}
---

Schreiben Sie hier den ersten Absatz. Eine Zwischenüberschrift beginnt mit „## “.

{/*
Bausteine – entfernen Sie die Kommentarzeichen um den Baustein, den Sie brauchen:

<Hinweis titel="Gut zu wissen">Ein Hinweis in einem blauen Kasten.</Hinweis>

<Warnung titel="Achtung">Eine Warnung in einem orangen Kasten.</Warnung>

<Checkliste titel="Das sollten Sie prüfen">
- erster Punkt
- zweiter Punkt
</Checkliste>

Eine Aussage mit Beleg <Quelle title="Name der Quelle" url="https://…" date="2026-01-31" />.

<MessengerComparison only={["whatsapp-business", "threema-work"]} />

<FacebookHinweis />

Ein Bild neben dieser Datei: ![Was auf dem Bild zu sehen ist](./bild.jpg)
*/}
`;
  return { slug, content };
}
