/** The one front-matter reader, and that nothing else splits posts with its own pattern. */
import { describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { postBody, splitFrontMatter } from '@/lib/posts/front-matter';
import { readingTime } from '@/lib/posts/format';
import { ROOT } from '../helpers/paths';
import { sourceFiles } from '../helpers/source-files';

describe('splitFrontMatter', () => {
  it('splits YAML and body and says where the body starts, with LF and CRLF', () => {
    expect(splitFrontMatter('---\ntitle: A\ndraft: true\n---\nText\n')).toEqual({
      yaml: 'title: A\ndraft: true',
      body: 'Text\n',
      bodyLine: 5,
    });
    expect(splitFrontMatter('---\r\ntitle: A\r\n---\r\nText')).toEqual({ yaml: 'title: A', body: 'Text', bodyLine: 4 });
    expect(splitFrontMatter('---\ntitle: A\n---')).toEqual({ yaml: 'title: A', body: '', bodyLine: 3 });
  });

  it('finds none where the file does not start with one', () => {
    expect(splitFrontMatter('Text\n---\ntitle: A\n---\n')).toBeUndefined();
    expect(splitFrontMatter('---\ntitle: A\n')).toBeUndefined();
    expect(postBody('Nur Text')).toBe('Nur Text');
  });

  it('the reading time does not count the front matter', () => {
    const words = Array.from({ length: 400 }, () => 'Wort').join(' ');
    expect(readingTime(`---\ntitle: ${words}\n---\n${words}`)).toBe(2);
  });

  it('is the only front-matter pattern in src/, server/, scripts/ and editor/', () => {
    const files = sourceFiles('src', 'server', 'scripts', 'editor').filter((f) => f !== join('src', 'lib', 'posts', 'front-matter.ts'));
    expect(files.filter((file) => /\/\^---/.test(readFileSync(join(ROOT, file), 'utf8')))).toEqual([]);
  });
});
