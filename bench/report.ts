// The bench's output: a line describing the machine, and the results as one Markdown table.
import { execFileSync } from 'node:child_process';
import { readFile } from 'node:fs/promises';
import { availableParallelism, loadavg } from 'node:os';
import type { BenchRow, BenchSection } from './section.js';

export async function describeMachine(startedAt: Date): Promise<string> {
  const cpuinfo = await readFile('/proc/cpuinfo', 'utf8').catch(() => '');
  const model = /^model name\s*:\s*(.+)$/m.exec(cpuinfo)?.[1]?.trim() ?? 'unknown CPU';
  const load = loadavg().map((value) => value.toFixed(2)).join(' ');
  return `Machine: ${model}, ${availableParallelism()} cores, Node ${process.version}, ${startedAt.toISOString()} (load average at start ${load}; ${firstTouchMs()} ms to first write 256 MB in a fresh process)`;
}

/**
 * How fast the machine hands a process new memory. Fresh-process rows (content load, RSS) pay for every page
 * they touch first, and on a virtual machine that cost varies with the host (here, 2026-12-06: about 1 s for
 * 400 MB, 380 MB/s), so compare such a row with another run's only beside this figure.
 */
function firstTouchMs(): string {
  const script = 'const started = performance.now(); Buffer.alloc(256 * 1024 * 1024, 1); process.stdout.write(String(Math.round(performance.now() - started)))';
  return execFileSync(process.execPath, ['-e', script], { encoding: 'utf8' });
}

/** How each section measured, as a list. */
export function methods(sections: readonly BenchSection[]): string {
  return sections.map((section) => `- ${section.name}: ${section.method}`).join('\n');
}

export function markdownTable(sections: readonly { name: string; rows: readonly BenchRow[] }[]): string {
  const header = ['Section', 'Measurement', 'Subject', 'n', 'Median', 'p99', 'Target', 'Result'];
  const lines = [row(header), row(header.map(() => '---'))];
  for (const { name, rows } of sections) {
    for (const entry of rows) {
      const result = entry.met === undefined ? '' : entry.met ? 'met' : '**missed**';
      lines.push(row([name, entry.what, entry.subject, String(entry.samples), entry.median, entry.p99, entry.target, result]));
    }
  }
  return lines.join('\n');
}

function row(cells: readonly string[]): string {
  return `| ${cells.map((cell) => cell.replaceAll('|', '\\|')).join(' | ')} |`;
}
