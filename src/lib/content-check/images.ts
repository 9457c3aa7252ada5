/** Images in posts: each needs a text alternative, and the editor finds only those in the post's own folder. */
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

/** A path inside this project's content (not a web address, not below public/). */
const isLocal = (src: string) => !/^(?:[a-z][a-z0-9+.-]*:|\/|#)/i.test(src);

/**
 * Warnings, not errors: the site shows an image placed right next to the post file, but the browser
 * editor stores and finds a post's images in a folder named like the post (content/posts/<slug>/), and
 * saving such a post in the editor turns the image into plain text (a cover is dropped).
 */
export function checkImagePlacement(post: ParsedPost): Problem[] {
  const found: Array<{ src: string; line: number; field: string }> = [];
  const cover = (post.data?.cover as { src?: unknown } | undefined)?.src;
  if (typeof cover === 'string') found.push({ src: cover, line: post.lineOf(['cover', 'src']), field: 'cover.src' });
  // Markdown images only (Astro processes those; a raw <img> is passed through as it is). Code blocks are
  // blanked out first, keeping their line breaks, so an example in a code block is not taken for an image.
  const body = post.body.replace(/```[\s\S]*?```/g, (code) => code.replace(/[^\n]/g, ' '));
  for (const m of body.matchAll(/!\[[^\]]*\]\(\s*(?:<([^>]+)>|([^)\s]+))[^)]*\)/g)) {
    found.push({ src: (m[1] ?? m[2])!, line: lineInBody(post, m.index ?? 0), field: 'Bild' });
  }
  return found
    .filter(({ src }) => isLocal(src) && !src.replace(/^\.\//, '').startsWith(`${post.slug}/`))
    .map(({ src, line, field }) => {
      const name = src.split('/').pop()!;
      return {
        file: post.file,
        line,
        field,
        message: `${src} liegt nicht im Ordner des Beitrags: Die Website zeigt das Bild, der Editor findet es aber nicht und macht beim Speichern Text daraus.`,
        fix: `Legen Sie die Datei nach content/posts/${post.slug}/${name} und schreiben Sie ./${post.slug}/${name}`,
      };
    });
}
