import { describe, expect, it } from "vitest";
import { inTurn, shareWork } from "../../src/build/share-work.ts";

describe("sharing a build's batches between threads", () => {
  it("runs every batch exactly once, here and on the workers", async () => {
    const ran: { thread: string; index: number }[] = [];
    const batches = inTurn(Array.from({ length: 95 }, (_, i) => i), 10);
    await shareWork(
      batches,
      2,
      async (worker, batch) => {
        await new Promise((done) => setTimeout(done, 1));
        ran.push({ thread: `worker ${worker}`, index: batch.index });
      },
      (batch) => {
        ran.push({ thread: "here", index: batch.index });
      },
    );
    expect(ran.map((r) => r.index).sort((a, b) => a - b)).toEqual([0, 1, 2, 3, 4, 5, 6, 7, 8, 9]);
    expect(new Set(ran.map((r) => r.thread))).toEqual(new Set(["here", "worker 0", "worker 1"]));
  });

  it("hands out the items in order, the last batch short", () => {
    const batches = inTurn(["a", "b", "c", "d", "e"], 2);
    expect([batches.take(0), batches.take(1), batches.take(0), batches.take(1)]).toEqual([
      { index: 0, items: ["a", "b"] },
      { index: 1, items: ["c", "d"] },
      { index: 2, items: ["e"] },
      undefined,
    ]);
  });

  it("without workers, does everything here", async () => {
    let here = 0;
    await shareWork(inTurn([1, 2, 3], 1), 0, () => Promise.reject(new Error("no workers")), () => void (here += 1));
    expect(here).toBe(3);
  });

  it("fails when a worker's batch fails", async () => {
    const failing = shareWork(inTurn([1, 2, 3, 4], 1), 1, () => Promise.reject(new Error("worker failed")), async () => new Promise((done) => setTimeout(done, 5)));
    await expect(failing).rejects.toThrow("worker failed");
  });
});
