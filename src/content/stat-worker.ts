import { parentPort, workerData } from "node:worker_threads";
import { statDocuments } from "./discover-documents.ts";
import { packStats, type PackedStats } from "./stat-on-worker.ts";

/** Stats the documents under the folder it is given and sends back what it found, or nothing (stat-on-worker.ts). */
let packed: PackedStats | undefined;
try {
  packed = packStats(statDocuments(workerData as string));
} catch {
  packed = undefined; // the main thread stats again and reports the problem
}
parentPort!.postMessage(packed, packed ? [packed.numbers.buffer as ArrayBuffer] : []);
