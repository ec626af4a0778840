import { readFileSync } from "node:fs";
import { join } from "node:path";
import { beforeAll, describe, expect, it } from "vitest";
import { documentText, listFiles, makeTempDir, readOutput, runBuild, storyFields, writeContent, type CliRun } from "../helpers/fixtures.ts";

const stories = {
  "ferry.md": documentText(storyFields({ topics: ["Transport", "Harbour"] })),
  "2026-03-15-tram.md": documentText(
    storyFields({
      title: "Tram Line 4 Opens",
      publishedDateTime: "2026-03-15T10:00:00Z",
      originalUrl: "https://ledger.example/tram",
      webUrl: "https://ledger.example/tram",
      provider: { name: "Port Alder Ledger", domain: "ledger.example" },
      topics: ["transport"],
      category: "Stats",
    }),
  ),
  "nested/000_abc.txt": documentText(
    storyFields({ title: "Draft Budget", publishedDateTime: "2026-04-01T09:00:00Z", originalUrl: "https://ledger.example/budget", webUrl: undefined, published: false }),
  ),
  "future.md": documentText(storyFields({ title: "Next Year's Festival", publishedDateTime: "2027-01-01T09:00:00Z", originalUrl: "https://ledger.example/festival" })),
  "removed.md": documentText(storyFields({ title: "Withdrawn Story", originalUrl: "https://ledger.example/withdrawn", removed: true })),
};

describe("a build of a small folder", () => {
  let dir: string;
  let run: CliRun;
  let files: string[];
  beforeAll(() => {
    dir = makeTempDir();
    writeContent(dir, stories);
    run = runBuild(dir);
    files = listFiles(join(dir, "dist"));
  });

  it("exits 0 with a one-screen summary", () => {
    expect(run.status).toBe(0);
    expect(run.stdout).toMatch(/Documents\s+5 read \(5 parsed\), 2 published, excluded: 1 draft, 1 removed, 1 scheduled/);
    expect(run.stdout).toMatch(/Pages\s+\d+ written, 0 deleted, \d+ in the site \(full build\)/);
    expect(run.stdout).toMatch(/Time\s+[\d.]+ s/);
  });

  it("writes article pages under the story's date and headline, whatever the file is called", () => {
    expect(files).toContain("2026/03/14/harbour-ferry-adds-night-sailings/index.html");
    expect(files).toContain("2026/03/15/tram-line-4-opens/index.html");
  });

  it("leaves out drafts, removed and scheduled stories", () => {
    expect(files.some((f) => f.includes("draft-budget") || f.includes("withdrawn") || f.includes("festival"))).toBe(false);
  });

  it("writes topic, provider and category pages with their A–Z directories", () => {
    for (const path of ["topics/index.html", "topics/transport/index.html", "topics/harbour/index.html", "providers/index.html", "providers/harbour-times/index.html", "providers/port-alder-ledger/index.html", "categories/index.html", "categories/stats/index.html", "categories/news/index.html"]) {
      expect(files).toContain(path);
    }
  });

  it("merges topic spellings into one topic page listing both stories", () => {
    const page = readOutput(dir, "topics/transport/index.html");
    expect(page).toContain("Harbour Ferry Adds Night Sailings");
    expect(page).toContain("Tram Line 4 Opens");
  });

  it("writes date archives for the year, the month and each day", () => {
    for (const path of ["2026/index.html", "2026/03/index.html", "2026/03/14/index.html", "2026/03/15/index.html", "archive/index.html"]) expect(files).toContain(path);
  });

  it("writes the home page, a 404 page, the search page, feeds, sitemaps and robots.txt", () => {
    for (const path of ["index.html", "404.html", "search/index.html", "feed.xml", "atom.xml", "feed.json", "sitemap.xml", "news-sitemap.xml", "robots.txt"]) expect(files).toContain(path);
  });

  it("lists the newest story first on the home page", () => {
    const home = readOutput(dir, "index.html");
    expect(home.indexOf("Tram Line 4 Opens")).toBeLessThan(home.indexOf("Harbour Ferry Adds Night Sailings"));
  });

  it("never publishes the secured field", () => {
    const secret = "S3CR3T-BLOB-abc123==;xyz==";
    const secretDir = makeTempDir();
    writeContent(secretDir, { "s.md": documentText(storyFields({ secured: secret })) });
    expect(runBuild(secretDir).status).toBe(0);
    for (const file of listFiles(join(secretDir, "dist"))) expect(readFileSync(join(secretDir, "dist", file), "utf8")).not.toContain("S3CR3T");
  });
});

describe("build flags", () => {
  it("publishes drafts with --drafts and scheduled stories with --future", () => {
    const dir = makeTempDir();
    writeContent(dir, stories);
    const run = runBuild(dir, ["--drafts", "--future"]);
    expect(run.status).toBe(0);
    const files = listFiles(join(dir, "dist"));
    expect(files).toContain("2026/04/01/draft-budget/index.html");
    expect(files).toContain("2027/01/01/next-years-festival/index.html");
    expect(files.some((f) => f.includes("withdrawn"))).toBe(false);
  });

  it("puts every link under --path-prefix and every absolute URL under --base-url", () => {
    const dir = makeTempDir();
    writeContent(dir, stories);
    expect(runBuild(dir, ["--path-prefix", "/news/", "--base-url", "https://example.org"]).status).toBe(0);
    const home = readOutput(dir, "index.html");
    const hrefs = [...home.matchAll(/href="([^"]+)"/g)].map((m) => m[1]!);
    expect(hrefs.length).toBeGreaterThan(3);
    for (const href of hrefs) expect(href.startsWith("/news/") || href.startsWith("https://") || href.startsWith("#"), href).toBe(true);
    expect(readOutput(dir, "robots.txt")).toContain("https://example.org/news/sitemap.xml");
  });

  it("prints usage for --help and refuses unknown flags", () => {
    const dir = makeTempDir();
    expect(runBuild(dir, ["--help"]).stdout).toContain("--path-prefix PATH");
    const bad = runBuild(dir, ["--bogus"]);
    expect(bad.status).toBe(2);
    expect(bad.stderr).toContain("Unknown option '--bogus'");
  });
});

describe("determinism", () => {
  it("gives byte-identical output for the same documents", () => {
    const a = makeTempDir();
    const b = makeTempDir();
    writeContent(a, stories);
    writeContent(b, stories);
    runBuild(a);
    runBuild(b);
    const filesA = listFiles(join(a, "dist"));
    expect(listFiles(join(b, "dist"))).toEqual(filesA);
    for (const file of filesA) expect(readFileSync(join(b, "dist", file)).equals(readFileSync(join(a, "dist", file)))).toBe(true);
  });
});
