/**
 * The comparison's numbers that a reader or editor sees in a sentence: defined once, imported by the code
 * that enforces them and by de.ts. No imports, so the browser bundles that read de.ts stay small.
 */

/** A fact's check counts as fresh for this many months; older ones are due for a re-check. */
export const RECHECK_MONTHS = 12;

/** At most this many messengers side by side ("vergleichen" checkboxes, the ?vergleich= query). */
export const MAX_COMPARED = 3;
