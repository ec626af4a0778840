import { deserialize, serialize } from "node:v8";
import { describe, expect, it } from "vitest";
import { OutputTable } from "../../src/output/output-table.ts";
import { Random } from "../../bench/prng.ts";

const entries = (table: OutputTable) => {
  const found: [string, string][] = [];
  table.forEach((path, fingerprint) => found.push([path, fingerprint]));
  return found;
};

describe("OutputTable", () => {
  it("finds every path's fingerprint, and nothing for a path it lacks", () => {
    const table = OutputTable.of(new Map([["topics/rail/index.html", "b"], ["index.html", "a"], ["2026/01/02/zürich-東京/index.html", "c"]]));
    expect(table.size).toBe(3);
    expect(table.get("index.html")).toBe("a");
    expect(table.get("topics/rail/index.html")).toBe("b");
    expect(table.get("2026/01/02/zürich-東京/index.html")).toBe("c");
    expect(table.get("topics/rail/")).toBeUndefined();
    expect(table.get("")).toBeUndefined();
    expect(table.get("zzz")).toBeUndefined();
  });

  it("visits its paths with their fingerprints in code-unit order", () => {
    const table = OutputTable.of(new Map([["b", "1"], ["B", "2"], ["a/b", "3"], ["a", "4"], ["é", "5"]]));
    expect(entries(table)).toEqual([["B", "2"], ["a", "4"], ["a/b", "3"], ["b", "1"], ["é", "5"]]);
  });

  it("is empty when nothing was written", () => {
    const table = OutputTable.of(new Map());
    expect(table.size).toBe(0);
    expect(table.get("index.html")).toBeUndefined();
    expect(table.with(new Map([["a", "1"]])).table.get("a")).toBe("1");
  });

  it("comes back whole from V8's serialisation, and refuses what is not a table", () => {
    const table = OutputTable.of(new Map([["index.html", "a"], ["feed.xml", "b"]]));
    const back = OutputTable.revive(deserialize(serialize(table.serialized())))!;
    expect(entries(back)).toEqual(entries(table));
    expect(OutputTable.revive(new Map([["index.html", "a"]]))).toBeUndefined();
    expect(OutputTable.revive({ text: "index.html\0a\0", starts: new Uint32Array([0, 5]) })).toBeUndefined();
  });

  it("refuses a path holding a NUL, which would break its records", () => {
    expect(() => OutputTable.of(new Map([["a\0b", "1"]]))).toThrow(/NUL/);
  });

  it("replaces, adds and drops paths as a Map would, for any mix of them", () => {
    const random = new Random(7);
    const path = () => `${random.pick(["", "topics/", "2026/11/", "é/"])}${random.int(0, 59)}/index.html`;
    for (let round = 0; round < 200; round += 1) {
      const before = new Map(Array.from({ length: random.int(0, 40) }, () => [path(), `f${random.int(0, 4)}`] as [string, string]));
      const changes = new Map(Array.from({ length: random.int(0, 10) }, () => [path(), `g${random.int(0, 4)}`] as [string, string]));
      const dropped = (p: string) => p.startsWith("topics/");
      const expected = new Map([...before].filter(([p]) => !dropped(p)));
      for (const [p, f] of changes) expected.set(p, f);
      const { table, removed } = OutputTable.of(before).with(changes, dropped);
      expect(entries(table)).toEqual([...expected].sort(([a], [b]) => (a < b ? -1 : 1)));
      expect(entries(OutputTable.revive(deserialize(serialize(table.serialized())))!)).toEqual(entries(table));
      expect(removed).toEqual([...before.keys()].filter((p) => !expected.has(p)).sort());
      const changedIn = [...changes].filter(([p, f]) => before.get(p) !== f).map(([p]) => p);
      expect([...OutputTable.of(before).changedIn(changes)].sort()).toEqual(changedIn.sort());
    }
  });
});
