import { readFileSync } from "node:fs";
import { join } from "node:path";
import type { Article } from "../content/article.ts";
import { loadDocument } from "../content/load-content.ts";

/**
 * The full article of an unchanged document whose page must be rendered again (a topic it
 * carries was renamed, say). Incremental builds keep only summaries, so it is read anew.
 */
export function rereadArticle(contentDir: string, sourcePath: string): Article {
  const outcome = loadDocument(sourcePath, readFileSync(join(contentDir, sourcePath)));
  if (!outcome.ok) throw new Error(`${sourcePath} changed while the site was being built; build again.`);
  return outcome.article;
}
