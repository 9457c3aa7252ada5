/**
 * `npm run new -- "Titel des Beitrags"`: creates content/posts/<slug>.mdx as a draft and prints the preview address.
 * The file is written as the browser editor would save it (scripts/keystatic-save.ts), so a later save there changes
 * only what the editor changed.
 */
import { writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { scaffoldPost } from '../src/lib/posts/scaffold';
import { contentDir } from '../src/adapters/content-dir';
import { editorSave } from './keystatic-save';

const title = process.argv
  .slice(2)
  .filter((a) => a !== '--')
  .join(' ')
  .trim();
if (!title) {
  console.error('Bitte geben Sie einen Titel an: npm run new -- "Titel des Beitrags"');
  process.exit(1);
}
try {
  const { slug, content } = scaffoldPost(title);
  const file = join(resolve(contentDir()), 'posts', `${slug}.mdx`);
  writeFileSync(file, await editorSave('posts', slug, content), { flag: 'wx' }); // wx: never overwrite an existing post
  console.log(`Neuer Entwurf: ${file}`);
  console.log(`Vorschau (nach „npm run dev“): http://localhost:4321/beitraege/${slug}/`);
} catch (error) {
  const e = error as NodeJS.ErrnoException;
  console.error(
    e.code === 'EEXIST'
      ? `Es gibt schon einen Beitrag mit dieser Adresse: ${e.path} – wählen Sie einen anderen Titel oder bearbeiten Sie die vorhandene Datei.`
      : e.message,
  );
  process.exit(1);
}
