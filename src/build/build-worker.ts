import { parentPort, workerData } from "node:worker_threads";
import type nunjucks from "nunjucks";
import type { Article } from "../content/article.ts";
import { parseDocuments } from "../content/load-content.ts";
import { StagedWriter } from "../output/staged-writer.ts";
import { createEnvironment } from "../render/environment.ts";
import { renderInto, takeArticle } from "./render-loop.ts";
import { rereadArticle } from "./reread-article.ts";
import type { RenderSetup } from "./worker-pool.ts";
import type { WorkerRequest, WorkerResponse } from "./worker-protocol.ts";

/**
 * A build worker: parses its share of the documents, keeps the full articles, and later renders
 * the pages it is given into the staging folder, so articles never cross threads.
 */
const articles = new Map<string, Article>();
const setup = workerData as RenderSetup;
let environment: Promise<nunjucks.Environment> | undefined;
let writer: StagedWriter | undefined;
// Eleventy takes most of a second to load, so it is loaded only once the documents are parsed.
const prepareEnvironment = () =>
  (environment ??= import("../render/eleventy-registrations.ts")
    .then(({ loadEleventyRegistrations }) => loadEleventyRegistrations(setup.configPath))
    .then((registrations) => createEnvironment(setup.layoutsDir, registrations)));

async function handle(request: WorkerRequest): Promise<WorkerResponse> {
  if (request.type === "load") {
    if (!request.keep) {
      const parsed = new Map<string, Article>();
      const documents = parseDocuments(request.contentDir, request.files, parsed);
      return { id: request.id, type: "load", documents, articles: [...parsed.values()] };
    }
    const documents = parseDocuments(request.contentDir, request.files, articles);
    // Loading Eleventy's configuration takes a while: do it while the main thread plans the pages.
    setImmediate(() => prepareEnvironment().catch(() => {})); // a failure is reported by the render request
    return { id: request.id, type: "load", documents, articles: [] };
  }
  const env = await prepareEnvironment();
  if (writer?.staging !== request.staging) writer = new StagedWriter(request.staging);
  await renderInto(writer, env, request.pages, request.site, (sourcePath) => takeArticle(articles, sourcePath) ?? rereadArticle(request.contentDir, sourcePath));
  return { id: request.id, type: "render", written: request.pages.length };
}

if (setup.prepareAtStart) prepareEnvironment().catch(() => {}); // a failure is reported by the render request

parentPort!.on("message", (request: WorkerRequest) => {
  handle(request).then(
    (response) => parentPort!.postMessage(response),
    (error: Error) => parentPort!.postMessage({ id: request.id, type: "error", message: error.message, name: error.name } satisfies WorkerResponse),
  );
});
