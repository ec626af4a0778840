import { parentPort, workerData } from "node:worker_threads";
import { StagedWriter } from "./staged-writer.ts";
import type { WriteBatch, WriteReply } from "./threaded-writer.ts";

/** The thread behind a ThreadedWriter: writes the files of each batch into staging, in order. */
const writer = new StagedWriter(workerData as string);

parentPort!.on("message", (batch: WriteBatch) => {
  let reply: WriteReply;
  try {
    for (const [path, content] of batch) writer.write(path, content);
    reply = {};
  } catch (error) {
    reply = { error: (error as Error).message };
  }
  parentPort!.postMessage(reply);
});
