import { join } from "node:path";
import { Worker } from "node:worker_threads";
import { describe, expect, it } from "vitest";
import { statHere, statOnWorker, type StatReply } from "../../src/build/stat-ahead.ts";
import { contentDigest, packStats } from "../../src/output/build-stamp.ts";
import { makeTempDir, writeContent } from "../helpers/fixtures.ts";

/** What the stat thread itself sends for `dir`. */
function statThreadReply(dir: string): Promise<StatReply> {
  const worker = new Worker(new URL("../../src/build/stat-entry.js", import.meta.url), { workerData: dir });
  return new Promise((resolve, reject) => {
    worker.once("message", resolve);
    worker.once("error", reject);
  }).finally(() => worker.terminate()) as Promise<StatReply>;
}

describe("statting on a thread of its own", () => {
  const content = writeContent(makeTempDir(), { "b.md": "x", "a/é 東京.txt": "yy", "a/notes.json": "{}" });

  it("sends the documents packed, with their digest, as this thread finds them", async () => {
    const here = statHere(content);
    expect(here.stats.map((s) => s.file)).toEqual(["a/é 東京.txt", "b.md"]);
    expect(here.folders.map((f) => f.folder)).toEqual(["", "a"]);
    expect(await statThreadReply(content)).toEqual({ ...packStats(here.stats), digest: here.digest, folders: here.folders });
    expect(here.digest).toBe(contentDigest(here.stats));
  });

  it("sends nothing for a folder that is not there", async () => {
    expect(await statThreadReply(join(content, "missing"))).toBeUndefined();
  });

  it("gives the documents as this thread finds them", async () => {
    expect(await statOnWorker(content)).toEqual(statHere(content));
  });

  it("reports a folder that is not there as this thread does", async () => {
    const missing = join(content, "missing");
    expect(() => statHere(missing)).toThrow(/the content folder .*missing does not exist/);
    await expect(statOnWorker(missing)).rejects.toThrow(/the content folder .*missing does not exist/);
  });
});
