// The write thread from src/, through tsx; the precompiled bundle has write-entry.js of its own.
import { tsImport } from "tsx/esm/api";

await tsImport("./write-worker.ts", import.meta.url);
