// Starts the real bot as a child process against the emulator, exactly as `npm start` runs it (the
// compiled JavaScript in dist/, with the node flags of package.json), and collects its JSON log lines so
// tests can wait for what it says. tests/support/build.ts compiles dist/ once per test run.
import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { mkdtemp, readFile, readdir, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { startEmulator, type Emulator, type EmulatorOptions } from '../emulator/index.js';

export const REPO = path.resolve(import.meta.dirname, '../..');
/** `node --import tsx <entry>`: how development scripts (preview, content:check, the bench's helpers) run. */
export const TSX = ['--import', 'tsx'];

/** The entry points users start through npm, and the npm script that starts each. */
const NPM_SCRIPTS: Record<string, string> = { 'src/main.ts': 'start', 'src/deploy-commands.ts': 'deploy-commands' };

/**
 * The node arguments that run `entry` the way users run it: an entry with an npm script runs as that script's
 * `node ...` command (compiled JavaScript, production flags); plain JavaScript runs as is; other TypeScript
 * under tsx.
 */
export function nodeArguments(entry: string): string[] {
  const script = NPM_SCRIPTS[entry];
  if (script) {
    const scripts = (JSON.parse(readFileSync(path.join(REPO, 'package.json'), 'utf8')) as { scripts: Record<string, string> }).scripts;
    const [command, ...args] = scripts[script]!.split(/\s+/);
    if (command !== 'node') throw new Error(`npm run ${script} should be a plain node command, not: ${scripts[script]}`);
    return args;
  }
  return /\.m?js$/.test(entry) ? [entry] : [...TSX, entry];
}

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

/**
 * Starts `entry` in the repository. A process told of no database gets a throw-away SQLite file of its own,
 * removed when it exits: never the repository's data/bot.sqlite, whose releases it would serve or add to.
 */
export function startProcess(entry: string, env: Record<string, string | undefined>): BotProcess {
  const scratch = env.DATABASE_PATH || env.DATABASE_URL ? undefined : mkdtempSync(path.join(tmpdir(), 'bot-process-'));
  const child = spawn(process.execPath, nodeArguments(entry), {
    cwd: REPO,
    env: { PATH: process.env.PATH, LOG_FORMAT: 'json', LOG_LEVEL: 'info', ...(scratch ? { DATABASE_PATH: path.join(scratch, 'bot.sqlite') } : {}), ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  if (scratch) child.once('exit', () => rmSync(scratch, { recursive: true, force: true }));
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

/** The process and every live descendant (children, their children, ...), from /proc. */
export async function processTree(pid: number): Promise<number[]> {
  const parents = new Map<number, number[]>();
  for (const name of await readdir('/proc')) {
    if (!/^\d+$/.test(name)) continue;
    // /proc/<pid>/stat: `pid (comm) state ppid ...`; comm may hold spaces and parentheses, so read after the last `)`.
    const stat = await readFile(`/proc/${name}/stat`, 'utf8').catch(() => undefined);
    const parent = stat && Number(stat.slice(stat.lastIndexOf(')') + 2).split(' ')[1]);
    if (parent) parents.set(parent, [...(parents.get(parent) ?? []), Number(name)]);
  }
  const tree = [pid];
  for (let index = 0; index < tree.length; index++) tree.push(...(parents.get(tree[index]!) ?? []));
  return tree;
}

/** VmRSS of a process and all its descendants, summed, in MB: what the whole program costs the machine. */
export async function processTreeMemoryMb(pid: number): Promise<number> {
  const [root, ...descendants] = await processTree(pid);
  let total = await residentMemoryMb(root!);
  // A descendant may exit between listing and reading.
  for (const member of descendants) total += await residentMemoryMb(member).catch(() => 0);
  return total;
}
