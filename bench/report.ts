// The bench's output: a line describing the machine, and the results as one Markdown table.
import { readFile } from 'node:fs/promises';
import { availableParallelism, loadavg } from 'node:os';
import type { BenchRow, BenchSection } from './section.js';

export async function describeMachine(startedAt: Date): Promise<string> {
  const cpuinfo = await readFile('/proc/cpuinfo', 'utf8').catch(() => '');
  const model = /^model name\s*:\s*(.+)$/m.exec(cpuinfo)?.[1]?.trim() ?? 'unknown CPU';
  const load = loadavg().map((value) => value.toFixed(2)).join(' ');
  return `Machine: ${model}, ${availableParallelism()} cores, Node ${process.version}, ${startedAt.toISOString()} (load average at start ${load})`;
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
