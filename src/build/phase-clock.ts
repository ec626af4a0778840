/** Where a build's time went, phase by phase: `BROADSHEET_TIMINGS=1` prints it, the benchmark records it. */
export class PhaseClock {
  readonly phases: { name: string; ms: number }[] = [];
  private last = performance.now();

  /** Ends the phase running since the previous mark (or the clock's start) and names it. */
  mark(name: string): void {
    const now = performance.now();
    this.phases.push({ name, ms: Math.round(now - this.last) });
    this.last = now;
  }
}
