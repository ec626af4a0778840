import { describe, expect, it } from "vitest";
import { foldName } from "../../src/fold-name.ts";

describe("foldName", () => {
  it("folds case, as case-insensitive hosts do", () => {
    expect(foldName("Topics/AI/index.html")).toBe(foldName("topics/ai/index.html"));
  });

  it("folds Unicode normalisation forms, as some file systems do", () => {
    expect(foldName("caf\u0065\u0301/")).toBe(foldName("caf\u00e9/"));
    expect(foldName("CAF\u00c9/")).toBe(foldName("caf\u00e9/"));
  });

  it("keeps names apart that differ in more than that", () => {
    expect(foldName("topics/ai/")).not.toBe(foldName("topics/a-i/"));
  });
});
