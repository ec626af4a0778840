import { setFlagsFromString } from "node:v8";

/**
 * Percentage by which V8 may grow a heap beyond what survived its last full collection, during a
 * full build once its documents are loaded. BROADSHEET_HEAP_GROWTH sets it; 0 leaves V8's own
 * policy, for the whole build.
 */
const HEAP_GROWTH = Number.parseInt(process.env.BROADSHEET_HEAP_GROWTH ?? "15", 10);

/**
 * The same while the documents load. Nearly everything a build allocates then stays alive (the
 * summaries, and the articles until their pages are rendered), so a collection at every 15 % of
 * growth mostly copies live objects around; and the peak comes later, while rendering. At 100,000
 * documents, four alternating pairs: 40 % while loading, then 15 %, built in 40.2–42.3 s against
 * 42.0–48.5 s for 15 % throughout (loading 10.3–11.6 s against 12.4–17.6 s), and peaked at
 * 1,401–1,427 MB of RSS against 1,427–1,484 MB. Unbounded while loading: 39.4–39.9 s, but
 * 1,634–1,769 MB.
 */
const LOADING_HEAP_GROWTH = 40;

/**
 * Documents from which a full build bounds its heaps' growth. Below it the heaps hold a few
 * hundred megabytes at most, and growing them 15 % at a time cost a 10,000-document build 0.6–0.9
 * CPU seconds of collections and 0.3–0.5 s of wall time (three alternating pairs), to peak at
 * 315–320 MB of RSS instead of 330–340 MB.
 */
export const BOUNDED_HEAP_FROM = 20_000;

/** What a full build is doing, as far as its heaps' growth goes. */
export type BuildStage = "loading" | "after loading";

/**
 * V8 grows a heap by up to four times what survived its last full collection, and on a machine
 * with memory to spare it let a full build's heaps swell far beyond what they hold: 2.6 GB of RSS
 * at 100,000 stories for about 1 GB of live objects. Growing by 15 % instead kept it to 1.5 GB
 * (20 %: 1.53 GB), for no CPU time that stood out from this machine's noise at 100,000 (it cost
 * a tenth more at 10,000: BOUNDED_HEAP_FROM). Unlike a cap on the heap, a growth factor never
 * fails a bigger site. Incremental builds keep V8's policy: they build up their live objects (the
 * state, the plan) in a few seconds, and a fixed factor made them collect so often they took a
 * quarter longer.
 *
 * V8 reads the factor whenever it collects, and for every thread of the process, workers included.
 */
export function boundHeapGrowth(documents: number, stage: BuildStage): void {
  if (HEAP_GROWTH <= 0 || documents < BOUNDED_HEAP_FROM) return;
  setFlagsFromString(`--heap-growing-percent=${stage === "loading" ? Math.max(HEAP_GROWTH, LOADING_HEAP_GROWTH) : HEAP_GROWTH}`);
}
