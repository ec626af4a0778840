import { Worker } from "node:worker_threads";
import { statDocuments, type FileStat } from "./discover-documents.ts";

/**
 * What `statDocuments` found, as one string and one array of numbers: at 100,000 documents,
 * copying that many objects between threads would cost more than finding them.
 */
export interface PackedStats {
  files: string;
  /** Size and modification time of each file, in turn. */
  numbers: Float64Array;
}

export function packStats(stats: FileStat[]): PackedStats {
  const numbers = new Float64Array(stats.length * 2);
  stats.forEach(({ size, mtimeMs }, i) => {
    numbers[2 * i] = size;
    numbers[2 * i + 1] = mtimeMs;
  });
  // Paths hold no newline: statDocuments lists names a folder gave, and the build refuses none.
  return { files: stats.map((s) => s.file).join("\n"), numbers };
}

export function unpackStats({ files, numbers }: PackedStats): FileStat[] {
  if (numbers.length === 0) return [];
  return files.split("\n").map((file, i) => ({ file, size: numbers[2 * i]!, mtimeMs: numbers[2 * i + 1]! }));
}

/**
 * `statDocuments` on a worker thread, so that this thread can read the previous build's state
 * meanwhile. When the worker fails for any reason (a missing content folder, a thread that could
 * not start), this thread stats the documents itself, and reports what it finds as it would have.
 */
export async function statDocumentsOnWorker(dir: string): Promise<FileStat[]> {
  return (await statOnWorker(dir)) ?? statDocuments(dir);
}

/** What a worker thread found, or undefined when it failed. */
export async function statOnWorker(dir: string): Promise<FileStat[] | undefined> {
  const packed = await new Promise<PackedStats | undefined>((resolve) => {
    const worker = new Worker(new URL("./stat-worker-entry.js", import.meta.url), { workerData: dir });
    worker.once("message", (message: PackedStats | undefined) => resolve(message));
    worker.once("error", () => resolve(undefined));
    worker.once("exit", () => resolve(undefined));
  });
  return packed && unpackStats(packed);
}
