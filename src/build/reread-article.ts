import { readFileSync } from "node:fs";
import { join } from "node:path";
import type { Article } from "../content/article.ts";
import { loadDocument } from "../content/load-content.ts";

/**
 * The full article of an unchanged document whose page must be rendered again (a topic it
 * carries was renamed, say). Incremental builds keep only summaries, so it is read anew.
 */
export function rereadArticle(contentDir: string, sourcePath: string): Article {
  let bytes: Uint8Array;
  try {
    bytes = readFileSync(join(contentDir, sourcePath));
  } catch (error) {
    throw new Error(`${sourcePath} went away while the site was being built (${(error as NodeJS.ErrnoException).code ?? (error as Error).message}); build again.`);
  }
  const outcome = loadDocument(sourcePath, bytes);
  if (!outcome.ok) throw new Error(`${sourcePath} changed while the site was being built; build again.`);
  return outcome.article;
}
