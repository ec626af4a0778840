import { availableParallelism } from "node:os";

/**
 * Worker threads beside the main one, which does its share: BROADSHEET_WORKERS, else one per
 * core but one; 0 builds on one thread.
 */
export const WORKERS = process.env.BROADSHEET_WORKERS ? Number.parseInt(process.env.BROADSHEET_WORKERS, 10) || 0 : Math.max(1, availableParallelism() - 1);

/**
 * Below these amounts of work, a worker thread costs more than it saves: it loads its modules
 * through tsx, and Eleventy's configuration, for a second or more, while the main thread waits
 * on the same module loader. Measured on 2 cores: 1,000 documents (4,500 pages) build 40 % slower
 * with a worker; 10,000 (17,000 pages) render 15 % faster but parse no faster.
 * BROADSHEET_PARALLEL_FROM sets all three, for tests of the parallel paths.
 */
const PARALLEL_FROM = Number.parseInt(process.env.BROADSHEET_PARALLEL_FROM ?? "", 10);
export const PARALLEL_PARSE_THRESHOLD = Number.isNaN(PARALLEL_FROM) ? 20_000 : PARALLEL_FROM;
export const PARALLEL_RENDER_THRESHOLD = Number.isNaN(PARALLEL_FROM) ? 10_000 : PARALLEL_FROM;
/**
 * Documents in the last build from which the next one stats them on a worker while this thread
 * reads the last build's state: at 100,000 documents each takes over a second. A small site's
 * state reads in less time than a thread takes to start.
 */
export const OVERLAPPED_STAT_THRESHOLD = Number.isNaN(PARALLEL_FROM) ? 10_000 : PARALLEL_FROM;
