import { cpSync, existsSync, mkdirSync, readdirSync, readFileSync, symlinkSync, utimesSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { precompiledCli } from "../../scripts/precompiled.js";
import { sourcesDigest } from "../../src/build/source-digest.js";
import { sourceDigest } from "../../src/build/code-digest.ts";
import { makeTempDir, PROJECT_ROOT } from "../helpers/fixtures.ts";

/** A copy of the project's src/ with its own node_modules/.cache and the project's esbuild (packages stay external to the bundle). */
function projectCopy(): string {
  const root = makeTempDir();
  cpSync(join(PROJECT_ROOT, "src"), join(root, "src"), { recursive: true });
  mkdirSync(join(root, "node_modules"));
  symlinkSync(join(PROJECT_ROOT, "node_modules", "esbuild"), join(root, "node_modules", "esbuild"));
  return root;
}

describe("the precompiled bundle of src/", () => {
  it("holds the CLI, the worker and write-thread entries and the Eleventy plugin, made once per version of the sources", async () => {
    const root = projectCopy();
    const first = await precompiledCli(root);
    expect(first).toBeDefined();
    expect(["cli.js", "worker-entry.js", "write-entry.js", "plugin.js"].every((file) => existsSync(join(first!, file)))).toBe(true);
    expect(await precompiledCli(root)).toBe(first);

    writeFileSync(join(root, "src", "cli.ts"), `${readFileSync(join(root, "src", "cli.ts"), "utf8")}\n// an edit\n`);
    const second = await precompiledCli(root);
    expect(second).not.toBe(first);
    expect(existsSync(join(second!, "cli.js"))).toBe(true);
  });

  it("carries the digest of the sources it was made from, the one a build from src/ computes", async () => {
    const root = projectCopy();
    const bundle = (await precompiledCli(root))!;
    expect(sourcesDigest(join(PROJECT_ROOT, "src"))).toBe(sourceDigest());
    const code = readdirSync(bundle).map((file) => readFileSync(join(bundle, file), "utf8")).join("\n");
    expect(code).toContain(JSON.stringify(sourcesDigest(join(root, "src"))));
  });

  it("removes bundles of older sources a day after they were made", async () => {
    const root = projectCopy();
    const old = (await precompiledCli(root))!;
    utimesSync(old, new Date(Date.now() - 25 * 3_600_000), new Date(Date.now() - 25 * 3_600_000));
    writeFileSync(join(root, "src", "cli.ts"), `${readFileSync(join(root, "src", "cli.ts"), "utf8")}\n// an edit\n`);
    await precompiledCli(root);
    expect(existsSync(old)).toBe(false);
  });

  it("is not made from sources that do not compile, so the build runs them through tsx and reports the error", async () => {
    const root = projectCopy();
    writeFileSync(join(root, "src", "cli.ts"), "export const broken = ;\n");
    expect(await precompiledCli(root)).toBeUndefined();
  });
});

describe("the Eleventy plugin for .eleventy.js", () => {
  it("comes from the bundle a build names in BROADSHEET_BUNDLE_DIR, the code the build itself runs", async () => {
    const bundle = makeTempDir();
    writeFileSync(join(bundle, "plugin.js"), 'export const madeBy = "the bundle";\n');
    const before = process.env.BROADSHEET_BUNDLE_DIR;
    process.env.BROADSHEET_BUNDLE_DIR = bundle;
    try {
      const { loadBroadsheetPlugin } = await import("../../src/eleventy/load-plugin.js");
      expect(((await loadBroadsheetPlugin()) as unknown as { madeBy: string }).madeBy).toBe("the bundle");
    } finally {
      if (before === undefined) delete process.env.BROADSHEET_BUNDLE_DIR;
      else process.env.BROADSHEET_BUNDLE_DIR = before;
    }
  });
});
