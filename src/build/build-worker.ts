import { readFile } from "node:fs/promises";
import { join } from "node:path";
import { parentPort } from "node:worker_threads";
import type nunjucks from "nunjucks";
import { summarise, type Article } from "../content/article.ts";
import { loadDocument } from "../content/load-content.ts";
import { StagedWriter } from "../output/staged-writer.ts";
import { WriteQueue } from "../output/write-queue.ts";
import { createEnvironment } from "../render/environment.ts";
import { loadEleventyRegistrations } from "../render/eleventy-registrations.ts";
import { renderPage } from "./render-pages.ts";
import { rereadArticle } from "./reread-article.ts";
import type { LoadedDocument } from "../content/content-cache.ts";
import type { WorkerRequest, WorkerResponse } from "./worker-protocol.ts";

/**
 * A build worker: parses its share of the documents, keeps the full articles, and later renders
 * the pages it is given into the staging folder, so articles never cross threads.
 */
const articles = new Map<string, Article>();
let env: nunjucks.Environment | undefined;

async function handle(request: WorkerRequest): Promise<WorkerResponse> {
  if (request.type === "load") {
    const documents: LoadedDocument[] = [];
    for (const { file, size, mtimeMs } of request.files) {
      const outcome = loadDocument(file, await readFile(join(request.contentDir, file)));
      if (outcome.ok) {
        articles.set(file, outcome.article);
        documents.push({ file, size, mtimeMs, summary: summarise(outcome.article), errors: [], warnings: outcome.warnings });
      } else {
        documents.push({ file, size, mtimeMs, errors: outcome.errors, warnings: outcome.warnings });
      }
    }
    return { id: request.id, type: "load", documents };
  }
  env ??= createEnvironment(request.layoutsDir, await loadEleventyRegistrations(request.configPath));
  const writer = new StagedWriter(request.staging);
  const article = (sourcePath: string) => articles.get(sourcePath) ?? rereadArticle(request.contentDir, sourcePath);
  const writes = new WriteQueue();
  for (const page of request.pages) {
    const rendered = renderPage(env, page, request.site, article);
    await writes.add(writer.write(rendered.outputPath, rendered.content));
  }
  await writes.drain();
  return { id: request.id, type: "render", written: request.pages.length };
}

parentPort!.on("message", (request: WorkerRequest) => {
  handle(request).then(
    (response) => parentPort!.postMessage(response),
    (error: Error) => parentPort!.postMessage({ id: request.id, type: "error", message: error.message, name: error.name } satisfies WorkerResponse),
  );
});
