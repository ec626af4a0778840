import type { FileStat } from "../content/discover-documents.ts";
import type { LoadedDocument } from "../content/load-content.ts";
import type { PlannedPage } from "../site/plan-pages.ts";
import type { SiteView } from "../site/views.ts";

/** Messages between the build and its worker threads: plain data only. */
export type WorkerRequest =
  | { id: number; type: "load"; contentDir: string; files: FileStat[] }
  | { id: number; type: "render"; contentDir: string; staging: string; site: SiteView; pages: PlannedPage[] };

export type WorkerResponse =
  | { id: number; type: "load"; documents: LoadedDocument[] }
  | { id: number; type: "render"; written: number }
  | { id: number; type: "error"; message: string; name: string };
