// The stat thread from src/, through tsx; the precompiled bundle has stat-entry.js of its own.
import { tsImport } from "tsx/esm/api";

await tsImport("./stat-worker.ts", import.meta.url);
