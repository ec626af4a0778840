import { describe, expect, it } from "vitest";
import { contentDigest, packStats, unpackStats } from "../../src/output/build-stamp.ts";

const files = [
  { file: "a.txt", size: 120, mtimeMs: 1795603441018.4905 },
  { file: "posts/b.txt", size: 98, mtimeMs: 1795603441019 },
];

describe("contentDigest", () => {
  it("is the same for the same paths, sizes and times", () => {
    expect(contentDigest(files.map((f) => ({ ...f })))).toBe(contentDigest(files));
  });

  it("changes with a path, a size or a modification time, even by a fraction of a millisecond", () => {
    const digests = [
      contentDigest(files),
      contentDigest([files[0]!, { ...files[1]!, file: "posts/c.txt" }]),
      contentDigest([files[0]!, { ...files[1]!, size: 99 }]),
      contentDigest([files[0]!, { ...files[1]!, mtimeMs: 1795603441019.0002 }]),
    ];
    expect(new Set(digests).size).toBe(4);
  });

  it("changes when a document is added, or a size and a time swap places", () => {
    expect(contentDigest([...files, { file: "z.txt", size: 1, mtimeMs: 1 }])).not.toBe(contentDigest(files));
    expect(contentDigest([{ file: "a.txt", size: 5, mtimeMs: 7 }])).not.toBe(contentDigest([{ file: "a.txt", size: 7, mtimeMs: 5 }]));
  });

  it("is the same for the documents packed, as a stat thread sends them", () => {
    expect(contentDigest(packStats(files))).toBe(contentDigest(files));
  });
});

describe("packed stats", () => {
  it("unpack to the documents packed, paths in any script, sizes and fractional times exact", () => {
    const documents = [...files, { file: "Zürich/東京 😀.md", size: 0, mtimeMs: 1795603441019.1234 }];
    expect(unpackStats(packStats(documents))).toEqual(documents);
  });

  it("unpack to no documents when none were packed", () => {
    expect(unpackStats(packStats([]))).toEqual([]);
  });
});
