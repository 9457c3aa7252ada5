/** `npm run comments:rerender`: renders every stored comment again from its Markdown (after a renderer change). */
import { openDatabase } from '../src/adapters/comments/db';
import { CommentStore } from '../src/adapters/comments/store';
import { renderComment } from '../src/lib/comments/render';
import { readSettings } from '../src/lib/comments/settings';

// Databases and backups are readable by this user only, also outside systemd.
process.umask(0o077);

const path = readSettings(process.env, 0).dbPath;
const count = new CommentStore(openDatabase(path)).rerenderAll(renderComment);
console.log(`${count} Kommentare in ${path} neu dargestellt.`);
