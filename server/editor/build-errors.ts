/**
 * What stopped a build, in the editor's words: the content check's own lines
 * ("content/posts/x.mdx:4 – pubDate – erwartet …") when there are any, otherwise the last lines.
 */
export function buildErrorSummary(output: string, exit: { code: number | null; signal: string | null }): string {
  const lines = output.split('\n').map((line) => line.replace(/\u001b\[[0-9;]*m/g, '').trim());
  const content = lines.filter((line) => /\S+\.(mdx?|ya?ml):\d+ – /.test(line));
  if (content.length > 0)
    return [...new Set(content.map((line) => line.replace(/^.*?((?:[\w.-]+\/)*[\w.-]+\.(?:mdx?|ya?ml):\d+ – )/, '$1')))].join('\n');
  if (exit.signal === 'SIGKILL' || /heap out of memory|ERR_WORKER_OUT_OF_MEMORY/.test(output)) {
    return 'Der Build wurde abgebrochen: nicht genug Arbeitsspeicher. Die Seite bleibt unverändert; bitte die technische Betreuung informieren.';
  }
  if (exit.signal) return `Der Build wurde abgebrochen (${exit.signal}). Die Seite bleibt unverändert.`;
  const meaningful = lines.filter((line) => line && !line.startsWith('at ') && !/^[{}[\]]/.test(line));
  const tail = meaningful.filter((line) => /error|fehler|✗|failed|cannot/i.test(line)).slice(-5);
  return (tail.length > 0 ? tail : meaningful.slice(-5)).join('\n') || `Der Build ist fehlgeschlagen (Exit-Code ${exit.code}).`;
}
