// Starts the real bot (the same entry point as `npm start`) as a child process against the emulator,
// and collects its JSON log lines so tests can wait for what it says.
import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { startEmulator, type Emulator, type EmulatorOptions } from '../emulator/index.js';

export const REPO = path.resolve(import.meta.dirname, '../..');
/** `node --import tsx <entry>`: what the npm scripts run, in one process. */
export const TSX = ['--import', 'tsx'];

export interface LogLine {
  level: number;
  msg: string;
  [field: string]: unknown;
}

export class BotProcess {
  readonly logs: LogLine[] = [];
  /** Everything the process wrote, raw, both streams. */
  output = '';
  private readonly exited: Promise<{ code: number | null; signal: NodeJS.Signals | null }>;
  private readonly listeners = new Set<() => void>();

  constructor(readonly child: ChildProcess) {
    let pending = '';
    const collect = (chunk: Buffer) => {
      const text = chunk.toString();
      this.output += text;
      pending += text;
      const lines = pending.split('\n');
      pending = lines.pop()!;
      for (const line of lines) {
        try {
          this.logs.push(JSON.parse(line) as LogLine);
        } catch {
          // Not a log line (e.g. a config error printed before the logger exists); kept in `output`.
        }
      }
      for (const listener of this.listeners) listener();
    };
    child.stdout!.on('data', collect);
    child.stderr!.on('data', collect);
    this.exited = new Promise((resolve) => child.once('exit', (code, signal) => resolve({ code, signal })));
  }

  /** Resolves with the first log line (already logged or future) that satisfies `predicate`. */
  waitForLog(predicate: (line: LogLine) => boolean, timeoutMs = 10_000, after = 0): Promise<LogLine> {
    return new Promise((resolve, reject) => {
      const check = () => {
        const found = this.logs.slice(after).find(predicate);
        if (!found) return false;
        cleanup();
        resolve(found);
        return true;
      };
      const timer = setTimeout(() => {
        cleanup();
        reject(new Error(`no matching log line within ${timeoutMs} ms; last lines:\n${this.logs.slice(-8).map((line) => JSON.stringify(line)).join('\n')}`));
      }, timeoutMs);
      const cleanup = () => {
        clearTimeout(timer);
        this.listeners.delete(listener);
      };
      const listener = () => void check();
      if (!check()) this.listeners.add(listener);
    });
  }

  waitForExit(): Promise<{ code: number | null; signal: NodeJS.Signals | null }> {
    return this.exited;
  }

  async stop(signal: NodeJS.Signals = 'SIGTERM'): Promise<{ code: number | null; ms: number }> {
    const started = Date.now();
    if (this.child.exitCode === null) this.child.kill(signal);
    const { code } = await this.exited;
    return { code, ms: Date.now() - started };
  }
}

export function startProcess(entry: string, env: Record<string, string | undefined>): BotProcess {
  const child = spawn(process.execPath, [...TSX, entry], {
    cwd: REPO,
    env: { PATH: process.env.PATH, LOG_FORMAT: 'json', LOG_LEVEL: 'info', ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  return new BotProcess(child);
}

export interface Harness {
  emulator: Emulator;
  bot: BotProcess;
  /** Stops the process and the emulator, and removes the recap database it used. */
  close(): Promise<void>;
}

export interface HarnessOptions {
  /** The process to start (default the bot, `src/main.ts`); any entry that logs `ready` as a JSON line. */
  entry?: string;
  env?: Record<string, string>;
  emulator?: EmulatorOptions;
  /** INTERACTIONS=http: the bot serves an interactions endpoint (any free port), and the emulator POSTs there. */
  http?: boolean;
}

/** An emulator and a client connected to it, READY; the bot gets a recap database of its own. */
export async function startAgainstEmulator({ entry = 'src/main.ts', env = {}, emulator: options = {}, http = false }: HarnessOptions = {}): Promise<Harness> {
  const emulator = await startEmulator(options);
  const dataDir = await mkdtemp(path.join(tmpdir(), 'bot-data-'));
  const bot = startProcess(entry, {
    DISCORD_TOKEN: emulator.token,
    DISCORD_API_URL: emulator.restUrl,
    DATABASE_PATH: path.join(dataDir, 'bot.sqlite'),
    ...(http ? httpModeEnv(emulator) : {}),
    ...env,
  });
  const close = async () => {
    await bot.stop();
    await emulator.close();
    await rm(dataDir, { recursive: true, force: true });
  };
  try {
    const ready = await bot.waitForLog((line) => line.msg === 'ready', 20_000);
    if (http) emulator.setInteractionsUrl(endpointUrl(ready));
  } catch (error) {
    await close();
    throw error;
  }
  return { emulator, bot, close };
}

/** The environment of a bot in HTTP interactions mode against `emulator`, on a free port. */
export function httpModeEnv(emulator: Emulator): Record<string, string> {
  return { INTERACTIONS: 'http', PORT: '0', DISCORD_PUBLIC_KEY: emulator.publicKey };
}

/** The interactions endpoint a bot in HTTP mode announced in its `ready` line. */
export function endpointUrl(ready: LogLine): string {
  return `http://127.0.0.1:${String(ready.port)}/interactions`;
}

/** VmRSS of a live process, in MB, as the kernel reports it in /proc/<pid>/status. */
export async function residentMemoryMb(pid: number): Promise<number> {
  const status = await readFile(`/proc/${pid}/status`, 'utf8');
  const kilobytes = /^VmRSS:\s+(\d+) kB$/m.exec(status)?.[1];
  if (!kilobytes) throw new Error(`no VmRSS for process ${pid}`);
  return Number(kilobytes) / 1024;
}
