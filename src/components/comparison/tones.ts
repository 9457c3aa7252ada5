import type { Tone } from '@/lib/messengers/profile';

/** Colour per tone: white on dark green/red and dark on amber/grey keep the symbol at 4.5:1 contrast. */
export const TONE_CLASSES: Record<Tone, string> = {
  good: 'bg-green-700 text-white',
  fair: 'bg-amber-300 text-slate-900',
  bad: 'bg-red-700 text-white',
  neutral: 'bg-slate-200 text-slate-900',
};

/** The symbol's box (`.fact-mark` in global.css, where printers are told to keep its colours); one short class because the matrix repeats it 144 times. */
export const MARK_BASE = 'fact-mark';
