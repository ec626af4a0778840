import type { Article } from "../content/article.ts";
import type { FileStat } from "../content/discover-documents.ts";
import type { LoadedDocument } from "../content/load-content.ts";
import type { PlannedPage } from "../site/plan-pages.ts";
import type { SiteView } from "../site/views.ts";

/** Messages between the build and its worker threads: plain data only. */
export type WorkerRequest =
  /** `keep`: the worker keeps the articles and renders their pages later; otherwise they come back with the summaries. */
  | { id: number; type: "load"; contentDir: string; files: FileStat[]; keep: boolean }
  | { id: number; type: "render"; contentDir: string; staging: string; site: SiteView; pages: PlannedPage[] };

export type WorkerResponse =
  | { id: number; type: "load"; documents: LoadedDocument[]; articles: Article[] }
  | { id: number; type: "render"; written: number }
  | { id: number; type: "error"; message: string; name: string };
