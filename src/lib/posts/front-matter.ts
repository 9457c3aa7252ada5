/**
 * The one front-matter reader: a post starts with a "---" line, its YAML, and another "---" line.
 * The content check, the reading time, the editor's schedule and the editor's save all split posts here.
 */
const FRONT_MATTER = /^---\r?\n([\s\S]*?)\r?\n---(?:\r?\n)?/;

export interface SplitPost {
  /** The YAML between the two "---" lines. */
  yaml: string;
  /** Everything after the closing "---" line. */
  body: string;
  /** The line (1-based) the body starts on. */
  bodyLine: number;
}

/** The post's front matter and body, or undefined when the file does not start with a front matter. */
export function splitFrontMatter(text: string): SplitPost | undefined {
  const match = FRONT_MATTER.exec(text);
  if (!match) return undefined;
  return { yaml: match[1] ?? '', body: text.slice(match[0].length), bodyLine: match[0].split('\n').length };
}

/** The body of a post (the whole text when it has no front matter). */
export function postBody(text: string): string {
  return splitFrontMatter(text)?.body ?? text;
}
