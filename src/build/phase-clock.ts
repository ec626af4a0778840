/**
 * Where a build's time and memory went, phase by phase: `BROADSHEET_TIMINGS=1` prints it, the
 * benchmark records it. Memory is this thread's JavaScript heap in use at the end of the phase.
 */
export class PhaseClock {
  readonly phases: { name: string; ms: number; heapMb: number }[] = [];
  private last = performance.now();

  /** Ends the phase running since the previous mark (or the clock's start) and names it. */
  mark(name: string): void {
    const now = performance.now();
    this.phases.push({ name, ms: Math.round(now - this.last), heapMb: Math.round(process.memoryUsage().heapUsed / 1048576) });
    this.last = now;
  }
}
