/**
 * Share-picture figures from a build's log: Astro prints every generated route with the time it
 * took, e.g. "├─ /og/beitraege/x.png (+152ms)" or "(+1.2s)"; the pictures' share is their sum.
 */
export function ogRouteTime(output: string): { count: number; seconds: number } {
  let count = 0;
  let ms = 0;
  for (const match of output.matchAll(/[├└]─ \/(?:[^\s]*\/)?og\/\S+\.png \(\+(\d+(?:\.\d+)?)(ms|s)\)/g)) {
    count++;
    ms += Number(match[1]) * (match[2] === 's' ? 1000 : 1);
  }
  return { count, seconds: ms / 1000 };
}
