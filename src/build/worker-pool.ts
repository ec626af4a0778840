import { Worker } from "node:worker_threads";
import type { PlannedPage } from "../site/plan-pages.ts";
import type { SiteView } from "../site/views.ts";
import type { Article } from "../content/article.ts";
import type { FileStat } from "../content/discover-documents.ts";
import type { LoadedDocument } from "../content/load-content.ts";
import type { WorkerRequest, WorkerResponse } from "./worker-protocol.ts";

type Pending = { resolve: (response: WorkerResponse) => void; reject: (error: Error) => void };

export interface RenderJob {
  contentDir: string;
  staging: string;
  site: SiteView;
}

/** What a worker needs to render: it prepares its Nunjucks environment while the build plans. */
export interface RenderSetup {
  layoutsDir: string;
  configPath: string;
  /** Load Eleventy's setup as soon as the worker starts, for a worker that will only render. */
  prepareAtStart?: boolean;
}

/**
 * Build workers on the other cores. Each keeps the articles it parsed and renders their pages,
 * so the full articles never cross threads; only summaries come back.
 */
export class WorkerPool {
  private readonly workers: Worker[];
  private readonly pending = new Map<number, Pending>();
  private readonly owner = new Map<string, number>();
  private nextId = 0;

  constructor(size: number, setup: RenderSetup) {
    this.workers = Array.from({ length: size }, () => {
      const worker = new Worker(new URL("./worker-entry.js", import.meta.url), { workerData: setup });
      worker.on("message", (response: WorkerResponse) => this.settle(response));
      worker.on("error", (error) => this.failAll(error));
      return worker;
    });
  }

  get size(): number {
    return this.workers.length;
  }

  /** Parses documents on worker `w`, which keeps the articles it parsed to render their pages later. */
  async load(w: number, contentDir: string, files: FileStat[]): Promise<LoadedDocument[]> {
    const response = await this.request(w, { type: "load", contentDir, files, keep: true });
    for (const { file } of files) this.owner.set(file, w);
    return response.type === "load" ? response.documents : [];
  }

  /** Parses documents on worker `w`, which hands the articles back with the summaries and keeps nothing. */
  async parse(w: number, contentDir: string, files: FileStat[]): Promise<{ documents: LoadedDocument[]; articles: Article[] }> {
    const response = await this.request(w, { type: "load", contentDir, files, keep: false });
    return response.type === "load" ? response : { documents: [], articles: [] };
  }

  /** The worker holding a parsed article, if one does. */
  holder(sourcePath: string): number | undefined {
    return this.owner.get(sourcePath);
  }

  /** Renders pages on worker `w` into the staging folder; they must be plain data (`transferable`). */
  async render(w: number, job: RenderJob, pages: PlannedPage[]): Promise<void> {
    await this.request(w, { type: "render", ...job, pages });
  }

  async close(): Promise<void> {
    await Promise.all(this.workers.map((w) => w.terminate()));
  }

  private request(worker: number, request: DistributiveOmit<WorkerRequest, "id">): Promise<WorkerResponse> {
    const id = this.nextId++;
    return new Promise((resolve, reject) => {
      this.pending.set(id, { resolve, reject });
      this.workers[worker]!.postMessage({ ...request, id });
    });
  }

  private settle(response: WorkerResponse): void {
    const pending = this.pending.get(response.id);
    if (!pending) return;
    this.pending.delete(response.id);
    if (response.type === "error") {
      const error = new Error(response.message);
      error.name = response.name;
      pending.reject(error);
    } else {
      pending.resolve(response);
    }
  }

  private failAll(error: Error): void {
    for (const pending of this.pending.values()) pending.reject(error);
    this.pending.clear();
  }
}

type DistributiveOmit<T, K extends keyof any> = T extends unknown ? Omit<T, K> : never;
