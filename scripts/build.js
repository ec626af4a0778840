// Entry point of `npm run build`: runs the CLI from the precompiled bundle of src/, or through
// tsx when there is none (scripts/precompiled.js) or BROADSHEET_PRECOMPILED=0 asks for src/
// itself, as a profile that names source files does.
import { pathToFileURL } from "node:url";
import { join } from "node:path";
import { precompiledCli } from "./precompiled.js";

// Eleventy registers an ESM resolver (a loader thread on Node 20) that lets --serve reload a
// changed config file. A build imports each file once, so it only costs every thread that loads
// Eleventy 0.2 s and 0.25 CPU seconds; worker threads inherit this environment.
process.env.ELEVENTY_SKIP_ESM_RESOLVER ??= "1";

const bundle = process.env.BROADSHEET_PRECOMPILED === "0" ? undefined : await precompiledCli();
if (bundle === undefined) await import("tsx/esm");
// .eleventy.js, loaded by every thread that renders, takes the Eleventy plugin from the same bundle (src/eleventy/load-plugin.js).
else process.env.BROADSHEET_BUNDLE_DIR = bundle;
const { main } = await import(bundle === undefined ? "../src/cli.ts" : pathToFileURL(join(bundle, "cli.js")).href);
process.exitCode = await main(process.argv.slice(2));
