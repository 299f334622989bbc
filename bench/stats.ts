// Summaries of timing and memory samples: median and p99 (nearest rank), and how they are printed.

export interface Summary {
  count: number;
  median: number;
  p99: number;
}

/** Nearest-rank percentile of sorted samples: with fewer than 100 samples, p99 is the maximum. */
function percentile(sorted: readonly number[], fraction: number): number {
  return sorted[Math.min(sorted.length - 1, Math.max(0, Math.ceil(fraction * sorted.length) - 1))]!;
}

export function summarize(samples: readonly number[]): Summary {
  if (samples.length === 0) throw new Error('no samples to summarize');
  const sorted = [...samples].sort((a, b) => a - b);
  const middle = sorted.length >> 1;
  const median = sorted.length % 2 === 1 ? sorted[middle]! : (sorted[middle - 1]! + sorted[middle]!) / 2;
  return { count: sorted.length, median, p99: percentile(sorted, 0.99) };
}

/** Milliseconds with precision that suits their size: `0.042 ms`, `3.21 ms`, `1530 ms`. */
export function ms(value: number): string {
  if (value < 1) return `${value.toFixed(3)} ms`;
  if (value < 100) return `${value.toFixed(2)} ms`;
  return `${Math.round(value)} ms`;
}

export function mb(value: number): string {
  return `${value.toFixed(1)} MB`;
}

export function ratio(value: number): string {
  return `${value.toFixed(2)}x`;
}
