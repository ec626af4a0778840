/**
 * Runs the real CLI (`node scripts/build.js`) as a child process, as a user would, and measures
 * it from outside: wall time, and peak resident memory from GNU time (which reports the largest
 * process of the tree it waited for), falling back to polling the child's VmHWM.
 */
import { spawn } from "node:child_process";
import { existsSync, readFileSync, rmSync } from "node:fs";
import { loadavg } from "node:os";
import { join, resolve } from "node:path";
import { BENCH_NOW } from "./generate-corpus.ts";

export const PROJECT_ROOT = resolve(import.meta.dirname, "..");
const GNU_TIME = "/usr/bin/time";

export interface BuildRun {
  ok: boolean;
  exitCode: number | null;
  wallSeconds: number;
  /** The build's own timing ("Time" line): wall time minus Node, tsx and module start-up. */
  reportedSeconds?: number;
  peakRssMb?: number;
  /** User + system CPU seconds of the build's process tree: steadier than wall time on a busy machine. */
  cpuSeconds?: number;
  /** The one-minute load average when the build started; above the core count, wall times are inflated. */
  loadBefore: number;
  rssSource: "gnu-time" | "proc-vmhwm" | "none";
  pagesWritten?: number;
  pagesDeleted?: number;
  pagesPlanned?: number;
  /** The CLI said "(full build)": it did not trust the previous output. */
  fullBuild?: boolean;
  documentsRead?: number;
  published?: number;
  /** The build's own phases (BROADSHEET_TIMINGS), e.g. "stat 230 ms, load 3382 ms, …". */
  phases?: string;
  /** Which planner the build used and, for the full one, why (BROADSHEET_TIMINGS). */
  planner?: string;
  stdout: string;
  stderr: string;
}

export interface BuildRequest {
  /** The project copy to build with (see code-snapshot.ts); the CLI runs from there. */
  codeDir: string;
  content: string;
  out: string;
  cacheDir: string;
  full?: boolean;
  search?: boolean;
  /** Extra node flags, such as --cpu-prof. */
  nodeFlags?: string[];
  /** Extra environment variables for the build. */
  env?: Record<string, string>;
  /** The build's --now; BENCH_NOW unless given. */
  now?: string;
}

export function hasGnuTime(): boolean {
  return existsSync(GNU_TIME);
}

export async function runBuild(request: BuildRequest): Promise<BuildRun> {
  const cli = ["scripts/build.js", "--content", request.content, "--out", request.out, "--now", request.now ?? BENCH_NOW];
  if (request.full) cli.push("--full");
  if (!request.search) cli.push("--no-search");
  const node = [...(request.nodeFlags ?? []), ...cli];
  const timeFile = join(request.cacheDir, "..", `.time-${process.pid}.txt`);
  const useTime = hasGnuTime();
  const [command, args] = useTime ? [GNU_TIME, ["-v", "-o", timeFile, process.execPath, ...node]] : [process.execPath, node];

  const loadBefore = loadavg()[0]!;
  const started = performance.now();
  const child = spawn(command, args, { cwd: request.codeDir, env: { ...process.env, ...request.env, BROADSHEET_CACHE_DIR: request.cacheDir, BROADSHEET_TIMINGS: "1" }, stdio: ["ignore", "pipe", "pipe"] });
  let stdout = "";
  let stderr = "";
  child.stdout.on("data", (chunk: Buffer) => (stdout += chunk.toString()));
  child.stderr.on("data", (chunk: Buffer) => (stderr += chunk.toString()));
  let polledKb = 0;
  const poll = useTime ? undefined : setInterval(() => (polledKb = Math.max(polledKb, vmHwmKb(child.pid) ?? 0)), 20);
  const exitCode = await new Promise<number | null>((done) => child.on("close", (code) => done(code)));
  const wallSeconds = (performance.now() - started) / 1000;
  if (poll) clearInterval(poll);

  let peakKb: number | undefined;
  let cpuSeconds: number | undefined;
  if (useTime && existsSync(timeFile)) {
    const report = readFileSync(timeFile, "utf8");
    peakKb = Number(/Maximum resident set size \(kbytes\): (\d+)/.exec(report)?.[1]);
    cpuSeconds = Number(/User time \(seconds\): ([\d.]+)/.exec(report)?.[1]) + Number(/System time \(seconds\): ([\d.]+)/.exec(report)?.[1]);
    rmSync(timeFile, { force: true });
  } else if (polledKb > 0) {
    peakKb = polledKb;
  }
  return {
    ok: exitCode === 0,
    exitCode,
    wallSeconds,
    peakRssMb: peakKb ? peakKb / 1024 : undefined,
    cpuSeconds,
    loadBefore,
    rssSource: useTime ? "gnu-time" : polledKb > 0 ? "proc-vmhwm" : "none",
    ...parseSummary(stdout),
    stdout,
    stderr,
  };
}

/** The CLI's summary lines, e.g. "Pages      12 written, 0 deleted, 220 in the site (full build)". */
export function parseSummary(stdout: string): Partial<BuildRun> {
  const pages = /^Pages\s+(\d+) written, (\d+) deleted, (\d+) in the site/m.exec(stdout);
  const documents = /^Documents\s+(\d+) read \(\d+ parsed\), (\d+) published/m.exec(stdout);
  const time = /^Time\s+([\d.]+) s/m.exec(stdout);
  const phases = /^Phases\s+(.+)$/m.exec(stdout);
  const planner = /^Planner\s+(.+)$/m.exec(stdout);
  return {
    pagesWritten: pages ? Number(pages[1]) : undefined,
    pagesDeleted: pages ? Number(pages[2]) : undefined,
    pagesPlanned: pages ? Number(pages[3]) : undefined,
    fullBuild: pages ? /\(full build\)/.test(pages[0]) : undefined,
    documentsRead: documents ? Number(documents[1]) : undefined,
    published: documents ? Number(documents[2]) : undefined,
    reportedSeconds: time ? Number(time[1]) : undefined,
    phases: phases?.[1],
    planner: planner?.[1],
  };
}

function vmHwmKb(pid: number | undefined): number | undefined {
  if (pid === undefined) return undefined;
  try {
    return Number(/VmHWM:\s+(\d+) kB/.exec(readFileSync(`/proc/${pid}/status`, "utf8"))?.[1]);
  } catch {
    return undefined;
  }
}
