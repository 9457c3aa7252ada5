import type { Tone } from '@/lib/messengers/profile';

/** Colour per tone: white on dark green/red and dark on amber/grey keep the symbol at 4.5:1 contrast. */
export const TONE_CLASSES: Record<Tone, string> = {
  good: 'bg-green-700 text-white',
  fair: 'bg-amber-300 text-slate-900',
  bad: 'bg-red-700 text-white',
  neutral: 'bg-slate-200 text-slate-900',
};

/** Backgrounds carry meaning here, so printers keep them. */
export const MARK_BASE = 'inline-flex items-center justify-center rounded-sm font-bold leading-none [print-color-adjust:exact]';
