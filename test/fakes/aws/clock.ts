// Simulated time for the fake. Manual by default (tests call advance); with a timeScale it also
// follows real time, so a real bundle that polls with real sleeps sees stacks progress.
import type { FakeClock } from "./types";

export interface ClockOptions {
  /** Simulated epoch at start; defaults to the real time at start. */
  startTime?: number;
  /** 0: time moves only through advance(). N: N simulated ms per real ms. */
  timeScale?: number;
  /** Real time source, injectable so the scaled mode is testable without waiting. */
  realNow?: () => number;
}

export class SimClock implements FakeClock {
  private readonly start: number;
  private readonly realStart: number;
  private readonly scale: number;
  private readonly realNow: () => number;
  private offset = 0;

  constructor(options: ClockOptions = {}) {
    this.realNow = options.realNow ?? (() => Date.now());
    this.realStart = this.realNow();
    this.start = options.startTime ?? this.realStart;
    this.scale = options.timeScale ?? 0;
  }

  now(): number {
    const scaled = this.scale ? (this.realNow() - this.realStart) * this.scale : 0;
    return Math.floor(this.start + this.offset + scaled);
  }

  date(): Date {
    return new Date(this.now());
  }

  advance(ms: number): void {
    if (!(ms >= 0)) throw new Error(`clock.advance needs a non-negative duration, got ${ms}`);
    this.offset += ms;
  }
}
