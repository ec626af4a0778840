/**
 * Every output path of a build with its fingerprint, as the next build reads it. Kept as one text
 * of records sorted by path and an array of where each starts, not as a Map: at 100,000 stories
 * the Map's 133,000 entries took 0.6 s to read back and 0.2 s to copy, and a build that adds a
 * few stories looks up a few hundred of them. Records are `path\0fingerprint\0`; neither a path
 * nor a fingerprint can hold a NUL.
 */
export class OutputTable {
  private constructor(
    private readonly text: string,
    /** Where record i starts; one more entry than records, the text's length. */
    private readonly starts: Uint32Array,
  ) {}

  static of(fingerprints: ReadonlyMap<string, string>): OutputTable {
    // The default order is by UTF-16 code units, as `compare`'s, and much faster without a comparator.
    const paths = [...fingerprints.keys()].sort();
    const records = new Records(paths.length);
    for (const path of paths) records.add(path, fingerprints.get(path)!);
    return new OutputTable(...records.done());
  }

  /** A table as `serialized` left it, or undefined when the data is not one. */
  static revive(data: unknown): OutputTable | undefined {
    if (typeof data !== "object" || data === null) return undefined;
    const { text, starts } = data as { text?: unknown; starts?: unknown };
    if (typeof text !== "string" || !(starts instanceof Uint32Array) || starts.length === 0 || starts[starts.length - 1] !== text.length) return undefined;
    return new OutputTable(text, starts);
  }

  /** Plain data for `v8.serialize`, which writes and reads a string and a typed array whole. */
  serialized(): { text: string; starts: Uint32Array } {
    return { text: this.text, starts: this.starts };
  }

  get size(): number {
    return this.starts.length - 1;
  }

  get(path: string): string | undefined {
    let low = 0;
    let high = this.size - 1;
    while (low <= high) {
      const middle = (low + high) >>> 1;
      const order = compare(this.pathAt(middle), path);
      if (order === 0) return this.fingerprintAt(middle);
      if (order < 0) low = middle + 1;
      else high = middle - 1;
    }
    return undefined;
  }

  /** The paths of `planned` whose fingerprint this table does not have: new paths and changed ones. */
  changedIn(planned: ReadonlyMap<string, string>): Set<string> {
    const changed = new Set<string>();
    for (const [path, fingerprint] of planned) if (this.get(path) !== fingerprint) changed.add(path);
    return changed;
  }

  /** Calls `visit` with every path and its fingerprint, in order. */
  forEach(visit: (path: string, fingerprint: string) => void): void {
    for (let i = 0; i < this.size; i += 1) visit(this.pathAt(i), this.fingerprintAt(i));
  }

  /**
   * This table with the paths `drop` picks taken out, then `changes` put in: a path already
   * there gets the new fingerprint, a new one is added. Runs of records kept are copied whole.
   * `removed` lists the paths taken out that `changes` did not put back, in order.
   */
  with(changes: ReadonlyMap<string, string>, drop: (path: string) => boolean = () => false): { table: OutputTable; removed: string[] } {
    const incoming = [...changes].sort(([a], [b]) => compare(a, b));
    const records = new Records(this.size + incoming.length);
    const removed: string[] = [];
    let runStart = 0; // the first record of the run kept so far
    let next = 0;
    const keepRun = (end: number) => {
      if (end > runStart) records.copy(this.text.slice(this.starts[runStart]!, this.starts[end]!), this.starts.subarray(runStart, end + 1));
    };
    for (let i = 0; i < this.size; i += 1) {
      const path = this.pathAt(i);
      while (next < incoming.length && compare(incoming[next]![0], path) < 0) {
        keepRun(i);
        runStart = i;
        records.add(...incoming[next++]!);
      }
      const replaced = next < incoming.length && incoming[next]![0] === path;
      if (replaced || drop(path)) {
        if (!replaced) removed.push(path);
        keepRun(i);
        runStart = i + 1;
      }
    }
    keepRun(this.size);
    while (next < incoming.length) records.add(...incoming[next++]!);
    return { table: new OutputTable(...records.done()), removed };
  }

  private pathAt(i: number): string {
    const start = this.starts[i]!;
    return this.text.slice(start, this.text.indexOf("\0", start));
  }

  private fingerprintAt(i: number): string {
    return this.text.slice(this.text.indexOf("\0", this.starts[i]!) + 1, this.starts[i + 1]! - 1);
  }
}

/** The text and starts of a table, put together record by record or a run of records at a time. */
class Records {
  /** Paths, fingerprints and runs of records without their last NUL, to be joined by NULs. */
  private readonly parts: string[] = [];
  private readonly starts: Uint32Array;
  private count = 0;
  private length = 0;

  constructor(capacity: number) {
    this.starts = new Uint32Array(capacity + 1);
  }

  add(path: string, fingerprint: string): void {
    if (path.includes("\0") || fingerprint.includes("\0")) throw new Error(`The output ${JSON.stringify(path)} or its fingerprint holds a NUL character.`);
    this.parts.push(path, fingerprint);
    this.starts[this.count++] = this.length;
    this.length += path.length + fingerprint.length + 2;
  }

  /** Records as joined in another table, their starts there, and the end of the last. */
  copy(text: string, starts: Uint32Array): void {
    this.parts.push(text.slice(0, -1));
    const shift = this.length - starts[0]!;
    for (let r = 0; r < starts.length - 1; r += 1) this.starts[this.count++] = starts[r]! + shift;
    this.length += text.length;
  }

  done(): [string, Uint32Array] {
    this.starts[this.count] = this.length;
    const text = this.count === 0 ? "" : `${this.parts.join("\0")}\0`;
    return [text, this.starts.slice(0, this.count + 1)];
  }
}

/** By UTF-16 code units, as sorting and searching must agree. */
function compare(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}
