/** The bare projects the benchmark compares against, written to a temp folder in each run (never committed). */
import { mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { join, relative } from 'node:path';

/** Astro 5 with a plain Markdown layout and no integrations: what the same articles cost without this site. */
export function writeBuildBaseline(dir: string): void {
  rmSync(dir, { recursive: true, force: true });
  mkdirSync(join(dir, 'src/pages/beitraege'), { recursive: true });
  writeFileSync(join(dir, 'astro.config.mjs'), "export default { site: 'https://example.org' };\n");
  writeFileSync(
    join(dir, 'src/content.config.ts'),
    `import { defineCollection } from 'astro:content';
import { glob } from 'astro/loaders';
export const collections = { posts: defineCollection({ loader: glob({ pattern: '**/*.md', base: process.env.BASELINE_CONTENT + '/posts' }) }) };
`,
  );
  writeFileSync(
    join(dir, 'src/pages/beitraege/[slug].astro'),
    `---
import { getCollection, render } from 'astro:content';
export async function getStaticPaths() {
  return (await getCollection('posts')).map((post) => ({ params: { slug: post.id }, props: { post } }));
}
const { post } = Astro.props;
const { Content } = await render(post);
---
<html lang="de"><head><meta charset="utf-8" /><title>{post.data.title}</title></head>
<body><main><h1>{post.data.title}</h1><Content /></main></body></html>
`,
  );
}

/** A minimal Astro endpoint on the same Node adapter running the same SQLite statements, with no validation, rendering or caching. */
export function writeCommentBaseline(dir: string, root: string): void {
  rmSync(dir, { recursive: true, force: true });
  mkdirSync(join(dir, 'src/pages'), { recursive: true });
  const db = relative(join(dir, 'src/pages'), join(root, 'src/adapters/comments/db.ts')).replace(/\.ts$/, '');
  writeFileSync(
    join(dir, 'astro.config.mjs'),
    "import node from '@astrojs/node';\nexport default { output: 'server', adapter: node({ mode: 'standalone' }), security: { checkOrigin: false } };\n",
  );
  const open = `import { openDatabase } from '${db}';\nconst db = openDatabase(process.env.COMMENTS_DB);\n`;
  writeFileSync(
    join(dir, 'src/pages/thread.ts'),
    `${open}const q = db.prepare("SELECT id, parent_id, author, html, created_at FROM comments WHERE thread = ? AND status = 'approved' ORDER BY created_at, id");
export const GET = ({ url }) => new Response(JSON.stringify({ comments: q.all(url.searchParams.get('thread')) }), { headers: { 'Content-Type': 'application/json' } });
`,
  );
  writeFileSync(
    join(dir, 'src/pages/counts.ts'),
    `${open}const q = db.prepare("SELECT COUNT(*) AS n FROM comments WHERE thread = ? AND status = 'approved'");
export const GET = ({ url }) => {
  const counts = {};
  for (const t of (url.searchParams.get('threads') ?? '').split(',')) counts[t] = q.get(t).n;
  return new Response(JSON.stringify({ counts }), { headers: { 'Content-Type': 'application/json' } });
};
`,
  );
  writeFileSync(
    join(dir, 'src/pages/post.ts'),
    `${open}const q = db.prepare("INSERT INTO comments (thread, parent_id, author, text, html, status, created_at, status_changed_at, edit_token_hash, text_hash) VALUES (?, NULL, ?, ?, ?, 'pending', ?, ?, 'x', ?)");
export const POST = async ({ request }) => {
  const b = await request.json();
  const now = Date.now();
  const id = q.run(b.thread, b.author ?? 'Gast', b.text, b.text, now, now, String(now) + Math.random()).lastInsertRowid;
  return new Response(JSON.stringify({ id: Number(id) }), { status: 201, headers: { 'Content-Type': 'application/json' } });
};
`,
  );
}
