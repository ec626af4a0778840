import { isAbsolute, relative, resolve, sep } from "node:path";

/**
 * Where `target` lies from `folder` when it is the folder itself (`""`) or anywhere below it;
 * undefined when it lies elsewhere. A name below that only starts with two dots (`..drafts`) is below.
 */
export function pathInside(folder: string, target: string): string | undefined {
  const path = relative(resolve(folder), resolve(target));
  return path === ".." || path.startsWith(`..${sep}`) || isAbsolute(path) ? undefined : path;
}
