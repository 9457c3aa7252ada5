/**
 * Where editors' content lives. Tests and the benchmark build generated articles from a
 * temporary folder by setting INNUNGSWISSEN_CONTENT_DIR; everyone else uses ./content.
 */
export function contentDir(): string {
  return process.env.INNUNGSWISSEN_CONTENT_DIR ?? './content';
}
