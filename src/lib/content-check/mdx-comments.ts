/** `{/* … *\/}` comments in a post: the editor (Keystatic) cannot open such a post, so they are refused. */
import { withoutCode } from './blocks';
import { lineInBody, type ParsedPost, type Problem } from './types';

export function checkMdxComments(post: ParsedPost): Problem[] {
  return [...withoutCode(post.body).matchAll(/\{\s*\/\*/g)].map((m) => ({
    file: post.file,
    line: lineInBody(post, m.index ?? 0),
    field: 'Kommentar',
    message: 'Kommentar „{/* … */}“ im Text: Beiträge mit solchen Kommentaren lassen sich im Redaktionssystem nicht öffnen.',
    fix: 'Löschen Sie den Kommentar samt „{/*“ und „*/}“; Notizen für die Redaktion gehören nicht in den Beitrag.',
  }));
}
