import { basename, dirname, join } from "node:path";

/**
 * The hidden files and folders a build keeps beside its output folder for a while, named after
 * it: for `dist`, `.dist.staging`, `.dist.backup`, `.dist.journal.json`, and the folders of
 * replaced sites waiting to be deleted (`.dist.discarded-…`) or being deleted (`.dist.deleting-…`).
 * So a repository that commits its output need only ignore `.dist.*`.
 */
export function outputNeighbours(outDir: string) {
  const parent = dirname(outDir);
  const hidden = `.${basename(outDir)}.`;
  return {
    parent,
    staging: join(parent, `${hidden}staging`),
    backup: join(parent, `${hidden}backup`),
    journal: join(parent, `${hidden}journal.json`),
    /** Names start with these, followed by a pid and a time. */
    discardedPrefix: `${hidden}discarded-`,
    deletingPrefix: `${hidden}deleting-`,
  };
}
