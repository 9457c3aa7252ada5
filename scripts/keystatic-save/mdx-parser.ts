/** The site's own MDX parser, found through @astrojs/mdx (a direct dependency) in node_modules: for the MDX diff of src/lib/editor/entry-diff.ts. */
import { createRequire } from 'node:module';
import { pathToFileURL } from 'node:url';

/* eslint-disable @typescript-eslint/no-explicit-any -- mdast nodes, compared as plain data */
let mdxParser: Promise<(text: string) => any> | undefined;

/** The site's own MDX parser: @mdx-js/mdx with remark-gfm, as @astrojs/mdx (a direct dependency) uses them. */
export function siteParser(): Promise<(text: string) => any> {
  mdxParser ??= (async () => {
    const fromAstroMdx = createRequire(createRequire(import.meta.url).resolve('@astrojs/mdx/package.json'));
    const [{ createProcessor }, { default: remarkGfm }] = await Promise.all([
      import(pathToFileURL(fromAstroMdx.resolve('@mdx-js/mdx')).href),
      import(pathToFileURL(fromAstroMdx.resolve('remark-gfm')).href),
    ]);
    const processor = createProcessor({ remarkPlugins: [remarkGfm] });
    return (text: string) => processor.parse(text);
  })();
  return mdxParser;
}
/* eslint-enable @typescript-eslint/no-explicit-any */
