import { existsSync, mkdirSync, readFileSync, rmSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { ThreadedWriter } from "../../src/output/threaded-writer.ts";
import { listFiles, makeTempDir } from "../helpers/fixtures.ts";

function staging(): string {
  const dir = join(makeTempDir(), "staging");
  mkdirSync(dir);
  return dir;
}

describe("ThreadedWriter", () => {
  it("writes every file, text or bytes, at any depth, by the time it has settled", async () => {
    const dir = staging();
    const writer = new ThreadedWriter(dir);
    const expected: string[] = [];
    for (let i = 0; i < 1_234; i += 1) {
      const path = `2026/${String(i % 12).padStart(2, "0")}/story-${i}/index.html`;
      writer.write(path, `<h1>Story ${i}</h1>`);
      expected.push(path);
      if (i % 200 === 199) await writer.caughtUp();
    }
    writer.write("favicon.svg", new Uint8Array([60, 115, 118, 103, 62]));
    await writer.settled();
    expect(listFiles(dir)).toEqual([...expected, "favicon.svg"].sort());
    expect(readFileSync(join(dir, "2026/05/story-617/index.html"), "utf8")).toBe("<h1>Story 617</h1>");
    expect(readFileSync(join(dir, "favicon.svg"), "utf8")).toBe("<svg>");
  });

  it("refuses a path outside the staging folder at once, before the thread sees it", async () => {
    const dir = staging();
    const writer = new ThreadedWriter(dir);
    expect(() => writer.write("../escaped.html", "x")).toThrow(/outside the output folder/);
    expect(() => writer.write("/etc/escaped.html", "x")).toThrow(/outside the output folder/);
    await writer.settled();
    expect(existsSync(join(dir, "..", "escaped.html"))).toBe(false);
  });

  it("fails when the staging folder is gone, rather than bringing it back", async () => {
    const dir = staging();
    const writer = new ThreadedWriter(dir);
    rmSync(dir, { recursive: true });
    writer.write("news/story/index.html", "x");
    await expect(writer.settled()).rejects.toThrow(/ENOENT/);
    expect(existsSync(dir)).toBe(false);
  });

  it("reports a failed write to the next write and to caughtUp, so rendering stops", async () => {
    const dir = staging();
    const writer = new ThreadedWriter(dir);
    rmSync(dir, { recursive: true });
    for (let i = 0; i < 60; i += 1) writer.write(`page-${i}/index.html`, "x");
    await expect(writer.caughtUp()).resolves.toBeUndefined(); // one batch out: not yet waited for
    await expect(writer.settled()).rejects.toThrow(/ENOENT/);
    expect(() => writer.write("late/index.html", "x")).toThrow(/ENOENT/);
    await expect(writer.caughtUp()).rejects.toThrow(/ENOENT/);
  });

  it("stops without writing the rest when the build gives up", async () => {
    const dir = staging();
    const writer = new ThreadedWriter(dir);
    await writer.stop();
    expect(listFiles(dir)).toEqual([]);
  });
});
