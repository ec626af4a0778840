// Worker threads do not inherit the parent's TypeScript loader; register it here, then start the worker.
import { tsImport } from "tsx/esm/api";

await tsImport("./build-worker.ts", import.meta.url);
