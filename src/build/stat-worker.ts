import { parentPort, workerData } from "node:worker_threads";
import { statDocuments, type FolderTime } from "../content/discover-documents.ts";
import { contentDigest, packStats } from "../output/build-stamp.ts";
import type { StatReply } from "./stat-ahead.ts";

// The thread behind `statOnWorker`: stats the documents once, sends them packed, and ends. On an
// error it sends nothing, and the main thread stats them itself, to report the error as it would.
let reply: StatReply;
try {
  const folders: FolderTime[] = [];
  const packed = packStats(statDocuments(workerData as string, folders));
  reply = { ...packed, digest: contentDigest(packed), folders };
} catch {
  reply = undefined;
}
parentPort!.postMessage(reply, reply ? [reply.numbers.buffer as ArrayBuffer] : []);
