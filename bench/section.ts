// What a bench section is: a named step of `npm run bench` that measures something and returns table rows.

export interface BenchContext {
  /** The shipped content/ folder. */
  shippedDir: string;
  /** The generated 100x briefing, in a temporary folder. */
  hundredXDir: string;
  /** Progress for the person waiting (stderr; the table goes to stdout). */
  progress(message: string): void;
}

export interface BenchRow {
  /** What was measured, e.g. `/quotes reply`. */
  what: string;
  /** Which content or process: `shipped`, `100x`, `bot`, `bare`, ... */
  subject: string;
  samples: number;
  median: string;
  p99: string;
  /** The target in words, e.g. `p99 < 1 ms`, or empty when the row is for information. */
  target: string;
  /** Whether the target was met; undefined when the row has no target. */
  met?: boolean;
}

export interface BenchSection {
  name: string;
  /** How it measures, in a sentence or three, printed under the table. */
  method: string;
  run(context: BenchContext): Promise<BenchRow[]>;
}
