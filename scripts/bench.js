// Entry point of `npm run bench`: registers TypeScript support, then runs the benchmark.
import "tsx/esm";

await import("../bench/run-bench.ts");
