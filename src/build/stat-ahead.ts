import { Worker } from "node:worker_threads";
import { statDocuments, type FileStat, type FolderTime } from "../content/discover-documents.ts";
import { contentDigest, unpackStats, type PackedStats } from "../output/build-stamp.ts";

/** The documents as `stat` found them, with their digest (build-stamp.ts). */
export interface StattedDocuments {
  stats: FileStat[];
  digest: string;
  folders: FolderTime[];
}

/** What the stat thread sends: the documents packed, with their digest. */
export type StatReply = (PackedStats & { digest: string; folders: FolderTime[] }) | undefined;

export function statHere(dir: string): StattedDocuments {
  const folders: FolderTime[] = [];
  const stats = statDocuments(dir, folders);
  return { stats, digest: contentDigest(stats), folders };
}

/**
 * Stats the documents on a thread of their own, leaving this one free to read the previous
 * build's state meanwhile. Should that thread fail, they are statted here, which reports a
 * missing content folder as a build on one thread does.
 */
export async function statOnWorker(dir: string): Promise<StattedDocuments> {
  const worker = new Worker(new URL("./stat-entry.js", import.meta.url), { workerData: dir });
  try {
    const reply = await new Promise<StatReply>((resolve) => {
      worker.once("message", resolve);
      worker.once("error", () => resolve(undefined));
      worker.once("exit", () => resolve(undefined));
    });
    return reply === undefined ? statHere(dir) : { stats: unpackStats(reply), digest: reply.digest, folders: reply.folders };
  } finally {
    void worker.terminate();
  }
}
