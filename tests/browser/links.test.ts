import { mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, describe, expect, inject, it } from "vitest";
import { htmlFiles } from "./helpers/html-files.ts";
import { checkLinks } from "./helpers/link-check.ts";
import { PROJECT_ROOT } from "./helpers/sample-site.ts";
import { serveStatic, type StaticServer } from "./helpers/static-server.ts";

const site = inject("site");
const prefixedSite = inject("prefixedSite");
const { baseUrl } = JSON.parse(readFileSync(join(PROJECT_ROOT, "broadsheet.config.json"), "utf8")) as { baseUrl: string };

describe("the link check", () => {
  const fixtureDir = mkdtempSync(join(tmpdir(), "broadsheet-links-"));
  let server: StaticServer | undefined;
  afterAll(async () => {
    await server?.close();
    rmSync(fixtureDir, { recursive: true, force: true });
  });

  it("reports a missing page, a missing fragment on another page and a missing fragment on the same page", async () => {
    const page = (body: string) => `<!doctype html><html lang="en"><head><title>t</title></head><body>${body}</body></html>`;
    writeFileSync(join(fixtureDir, "index.html"), page(`<h1 id="top">Home</h1><a href="/other.html">fine</a> <a href="/gone/">gone</a> <a href="/other.html#nowhere">bad fragment</a> <a href="#top">fine fragment</a> <a href="#absent">bad local fragment</a> <a href="https://elsewhere.example/">outside</a>`));
    writeFileSync(join(fixtureDir, "other.html"), page(`<h1 id="here">Other</h1>`));
    writeFileSync(join(fixtureDir, "404.html"), page(`<h1>Not found</h1>`));
    server = await serveStatic(fixtureDir);

    const outcome = await checkLinks(server.home);

    expect([...new Set(outcome.broken.map((b) => b.url))].sort()).toEqual([`${server.origin}/#absent`, `${server.origin}/gone/`, `${server.origin}/other.html#nowhere`].sort());
    expect(outcome.ok).toContain(`${server.origin}/other.html`);
    expect(outcome.ok).not.toContain("https://elsewhere.example/");
  });
});

describe.each([
  { name: "at the site root", served: site },
  { name: "under /news/", served: prefixedSite },
])("the built site $name", ({ served }) => {
  it("has no broken internal link, stylesheet reference or #fragment, following every page", async () => {
    const outcome = await checkLinks(served.home, baseUrl);

    expect(outcome.broken).toEqual([]);
    const pagesReached = new Set(outcome.ok.map((url) => url.split("#")[0]).filter((url) => url!.endsWith("/") || url!.endsWith(".html")));
    expect(pagesReached.size, "pages the crawl reached, against the pages built").toBeGreaterThanOrEqual(htmlFiles(served.dir).length - 1);
  });
});
