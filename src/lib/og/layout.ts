/**
 * The share picture's layout (1200 × 630) as a tree for satori: the page's kind, its title, the
 * guild's logo and name, in the guild's colours. Pure: the same input gives the same tree and key.
 */
import { createHash } from 'node:crypto';

export const OG_WIDTH = 1200;
export const OG_HEIGHT = 630;
/** Raise when the layout changes, so cached pictures are drawn again. */
export const LAYOUT_VERSION = 1;

export interface OgInput {
  title: string;
  /** What the page is: a post's category, "Messenger-Vergleich", … */
  kind: string;
  siteName: string;
  /** Host and path shown small, e.g. "innung.example.org". */
  host: string;
  colors: { primary: string; primaryDark: string; accent: string };
  /** The logo as a data: URL (SVG or PNG). */
  logo: string;
}

interface Node {
  type: string;
  props: { style?: Record<string, string | number>; children?: Node[] | string; src?: string; width?: number; height?: number };
}

const h = (type: string, style: Record<string, string | number>, children?: Node[] | string): Node => ({
  type,
  props: { style, children },
});

/** Long titles get a smaller size so they fit in at most four lines. */
export function titleSize(title: string): number {
  const n = title.length;
  return n <= 50 ? 68 : n <= 90 ? 58 : n <= 130 ? 48 : 40;
}

/** Cuts a title that would not fit even at the smallest size, at a word boundary. */
export function fitTitle(title: string, max = 170): string {
  if (title.length <= max) return title;
  const cut = title.slice(0, max);
  return `${cut.slice(0, Math.max(cut.lastIndexOf(' '), max - 20)).trimEnd()} …`;
}

export function ogTree(input: OgInput): Node {
  const title = fitTitle(input.title);
  const bar = 24;
  const [top, right, bottom, left] = [56, 72, 56, 64];
  const width = OG_WIDTH - bar - left - right;
  return h(
    'div',
    {
      width: OG_WIDTH,
      height: OG_HEIGHT,
      display: 'flex',
      backgroundColor: input.colors.primaryDark,
      color: '#ffffff',
      fontFamily: 'Inter',
    },
    [
      h('div', { width: bar, height: OG_HEIGHT, backgroundColor: input.colors.accent }),
      h(
        'div',
        {
          display: 'flex',
          flexDirection: 'column',
          justifyContent: 'space-between',
          width,
          height: OG_HEIGHT - top - bottom,
          margin: `${top}px ${right}px ${bottom}px ${left}px`,
        },
        [
          h('div', { display: 'flex' }, [
            h(
              'div',
              {
                display: 'flex',
                backgroundColor: '#ffffff',
                color: input.colors.primaryDark,
                fontSize: 28,
                fontWeight: 700,
                padding: '8px 20px',
                borderRadius: 8,
              },
              input.kind,
            ),
          ]),
          h('div', { display: 'flex', width, fontSize: titleSize(title), fontWeight: 700, lineHeight: 1.15 }, title),
          h('div', { display: 'flex', alignItems: 'center' }, [
            h('div', { display: 'flex', backgroundColor: '#ffffff', padding: 6, borderRadius: 14 }, [
              { type: 'img', props: { src: input.logo, width: 72, height: 72, style: { borderRadius: 10 } } },
            ]),
            h('div', { display: 'flex', flexDirection: 'column', marginLeft: 24 }, [
              h('div', { display: 'flex', fontSize: 34, fontWeight: 700 }, input.siteName),
              h('div', { display: 'flex', fontSize: 26, color: '#dbeafe' }, input.host),
            ]),
          ]),
        ],
      ),
    ],
  );
}

/** The cache key: everything that changes the picture, and nothing else. */
export function ogKey(input: OgInput, fontId: string): string {
  return createHash('sha256')
    .update(JSON.stringify([LAYOUT_VERSION, fontId, input]))
    .digest('hex')
    .slice(0, 32);
}
