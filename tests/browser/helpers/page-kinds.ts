import { readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";

export interface PageKind {
  /** What kind of page, e.g. "topic", "story with a video". */
  kind: string;
  /** Site path without the prefix, e.g. `topics/harbour/` (`""` is the home page). */
  path: string;
}

const STORY_FILE = /^\d{4}\/\d{2}\/\d{2}\/[^/]+\/index\.html$/;

/**
 * One page of every kind the site has, picked from a build's output so the list follows the
 * content: the first (alphabetical) topic, provider and category, the newest story, stories that
 * embed a video or describe a course, the newest year, month and day, and a missing address.
 */
export function pageKinds(siteDir: string): PageKind[] {
  const files = readdirSync(siteDir, { recursive: true })
    .map((p) => String(p).split("\\").join("/"))
    .sort();
  const dirsOf = (pattern: RegExp) => files.filter((f) => pattern.test(f)).map((f) => f.slice(0, -"index.html".length));
  const stories = dirsOf(STORY_FILE).reverse();
  const storyWith = (marker: string) => stories.find((path) => readFileSync(join(siteDir, path, "index.html"), "utf8").includes(marker));
  const first = (label: string, paths: (string | undefined)[]) => {
    const path = paths[0];
    if (path === undefined) throw new Error(`the sample site has no ${label} page`);
    return { kind: label, path };
  };
  return [
    { kind: "home", path: "" },
    first("older stories", dirsOf(/^page\/\d+\/index\.html$/)),
    first("story", stories),
    first("story with a video", [storyWith("<iframe")]),
    first("story with course details", [storyWith("<dl")]),
    { kind: "topic directory", path: "topics/" },
    first("topic", dirsOf(/^topics\/[^/]+\/index\.html$/)),
    { kind: "provider directory", path: "providers/" },
    first("provider", dirsOf(/^providers\/[^/]+\/index\.html$/)),
    { kind: "category directory", path: "categories/" },
    first("category", dirsOf(/^categories\/[^/]+\/index\.html$/)),
    { kind: "archive", path: "archive/" },
    first("year", dirsOf(/^\d{4}\/index\.html$/).reverse()),
    first("month", dirsOf(/^\d{4}\/\d{2}\/index\.html$/).reverse()),
    first("day", dirsOf(/^\d{4}\/\d{2}\/\d{2}\/index\.html$/).reverse()),
    { kind: "search", path: "search/" },
    { kind: "page not found", path: "no-such-page/" },
  ];
}
