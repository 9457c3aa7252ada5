/** Every image in a post body needs a text alternative. */
import { lineInBody, type ParsedPost, type Problem } from './types';

export function checkImages(post: ParsedPost): Problem[] {
  return [...post.body.matchAll(/!\[\s*\]\(([^)]*)\)|<img\b(?![^>]*\balt=)[^>]*>/g)].map((m) => ({
    file: post.file,
    line: lineInBody(post, m.index ?? 0),
    field: 'Bild',
    message: 'Bild ohne Alternativtext: Menschen mit Screenreader erfahren nicht, was es zeigt.',
    fix: 'Beschreiben Sie das Bild in den eckigen Klammern: ![Beschreibung des Bildes](bild.jpg)',
  }));
}
