import { setImmediate as yieldToEventLoop } from "node:timers/promises";

/** Hands out a build's work in batches, by thread: 0 is this one, w + 1 is worker w. */
export interface Batches<B> {
  /** The next batch for `thread`, or undefined when there is none left for it. */
  take(thread: number): B | undefined;
}

/**
 * Runs batches on this thread and on `workers` worker threads until none is left. Each worker has
 * two batches in flight, so it never waits for this thread; this thread yields to the event loop
 * between its own batches, to hear the workers and hand them their next. A thread that is slow to
 * start (a worker loading its modules) simply takes fewer batches.
 */
export async function shareWork<B>(
  batches: Batches<B>,
  workers: number,
  onWorker: (worker: number, batch: B) => Promise<void>,
  here: (batch: B) => void | Promise<void>,
): Promise<void> {
  const feed = async (worker: number) => {
    for (let batch = batches.take(worker + 1); batch !== undefined; batch = batches.take(worker + 1)) await onWorker(worker, batch);
  };
  const local = async () => {
    for (let batch = batches.take(0); batch !== undefined; batch = batches.take(0)) {
      await here(batch);
      await yieldToEventLoop();
    }
  };
  const feeds = Array.from({ length: workers }, (_, worker) => [feed(worker), feed(worker)]).flat();
  await Promise.all([...feeds, local()]);
}

/** Batches of a list, in order, to any thread that asks, each with its position. */
export function inTurn<T>(items: T[], size: number): Batches<{ index: number; items: T[] }> {
  let next = 0;
  return {
    take() {
      if (next * size >= items.length) return undefined;
      const index = next++;
      return { index, items: items.slice(index * size, (index + 1) * size) };
    },
  };
}
