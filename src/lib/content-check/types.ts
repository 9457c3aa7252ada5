/** A file handed to the content check: its path relative to the project (for messages) and its text. */
export interface SourceFile {
  /** e.g. content/posts/whatsapp-im-unternehmen.mdx */
  file: string;
  source: string;
}

/** One problem, shown to editors as `file:line – field – message – fix`, in German. */
export interface Problem {
  file: string;
  line: number;
  field: string;
  message: string;
  fix: string;
}

/** A post after its front matter was split off; shared by the rules that look at posts. */
export interface ParsedPost {
  file: string;
  slug: string;
  data: Record<string, unknown> | null;
  body: string;
  /** Line of the file on which the body starts. */
  bodyLine: number;
  lineOf: (path: (string | number)[]) => number;
}

/** Line in the file of a character index in the post's body. */
export function lineInBody(post: ParsedPost, index: number): number {
  return post.bodyLine + post.body.slice(0, index).split('\n').length - 1;
}
