import { existsSync, realpathSync } from "node:fs";
import { resolve } from "node:path";
import { pathInside } from "../path-inside.ts";
import { ConfigError } from "./site-config.ts";

/** A folder or file the build reads, by what a person would call it. */
export interface BuildInput {
  name: string;
  path: string;
}

/**
 * A full build replaces its output folder wholesale: it swaps in the staged site and deletes the
 * folder it replaced. An output folder that holds the documents, the layouts, the project or the
 * build's own cache would take them with it, so it is refused before anything is written. So is
 * one inside the content folder, whose `.txt` pages would be read back as documents.
 */
export function checkOutputFolder(outDir: string, inputs: BuildInput[], contentDir: string): void {
  const out = realPath(outDir);
  for (const input of inputs) {
    if (contains(out, realPath(input.path))) {
      throw new ConfigError(
        `The output folder ${outDir} holds ${input.name} (${input.path}). A build replaces its output folder entirely, so ${input.name} would be deleted. Choose an output folder of its own, such as dist (--out or "outDir").`,
      );
    }
  }
  if (contains(realPath(contentDir), out)) {
    throw new ConfigError(`The output folder ${outDir} is inside the content folder ${contentDir}, where its files would be read as documents. Choose an output folder outside it, such as dist (--out or "outDir").`);
  }
}

/** Where a path really is, through symbolic links, as far as it exists. */
function realPath(path: string): string {
  return existsSync(path) ? realpathSync(path) : resolve(path);
}

/** True when `inner` is `outer` or lies somewhere below it. */
function contains(outer: string, inner: string): boolean {
  return pathInside(outer, inner) !== undefined;
}
