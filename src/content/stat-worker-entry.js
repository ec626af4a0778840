// Worker threads do not inherit the parent's TypeScript loader; register it here, then start the
// worker. The precompiled bundle (scripts/precompiled.js) has its own stat-worker-entry.js instead.
import { tsImport } from "tsx/esm/api";

await tsImport("./stat-worker.ts", import.meta.url);
