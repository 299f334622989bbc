/**
 * Gateway v10 (JSON text frames, no compression) on the REST server's port:
 * HELLO and heartbeat ACKs, IDENTIFY -> READY + GUILD_CREATE, RESUME with
 * replay of every dispatch the client missed, and the faults tests need.
 */
import type { Server } from 'node:http';
import { WebSocket, WebSocketServer } from 'ws';
import { randomToken } from './snowflake.js';
import { Signal, waitUntil } from './waiters.js';
import type { World } from './world.js';

const Op = {
  Dispatch: 0,
  Heartbeat: 1,
  Identify: 2,
  Resume: 6,
  InvalidSession: 9,
  Hello: 10,
  HeartbeatAck: 11,
} as const;
const CloseCode = { DecodeError: 4002, AuthenticationFailed: 4004 } as const;

export interface GatewayOptions {
  url: string;
  token: string;
  applicationId: string;
  heartbeatIntervalMs: number;
  world: World;
}

interface Session {
  id: string;
  /** Serialized dispatch frames; frame `s` is at index `s - 1`. */
  frames: string[];
  /** The socket that identified or last resumed, while it is open. */
  socket: WebSocket | null;
}

export class Gateway {
  identifyCount = 0;
  readyCount = 0;
  resumeCount = 0;
  readonly #changed = new Signal();
  readonly #server: WebSocketServer;
  #session: Session | null = null;

  constructor(
    server: Server,
    private readonly options: GatewayOptions,
  ) {
    this.#server = new WebSocketServer({ server });
    this.#server.on('connection', (socket) => this.#onConnection(socket));
  }

  /**
   * Sends a dispatch on the current session, or keeps it for replay while the
   * client is disconnected. Returns its sequence number.
   */
  dispatch(t: string, d: unknown): number {
    const session = this.#session;
    if (!session) throw new Error(`Emulator: cannot dispatch ${t}: no gateway session (await waitForReady() first)`);
    const s = session.frames.length + 1;
    const frame = JSON.stringify({ op: Op.Dispatch, t, s, d });
    session.frames.push(frame);
    if (session.socket?.readyState === WebSocket.OPEN) session.socket.send(frame);
    return s;
  }

  /** Closes every gateway connection with `code`; the session survives for a RESUME. */
  drop(code: number): void {
    if (this.#session) this.#session.socket = null;
    for (const socket of this.#server.clients) socket.close(code, 'Emulator dropped the connection');
  }

  /** Sends op 9 (not resumable) and forgets the session: the client must IDENTIFY again. */
  invalidateSession(): void {
    this.#session?.socket?.send(JSON.stringify({ op: Op.InvalidSession, d: false, s: null, t: null }));
    this.#session = null;
  }

  /** Resolves once `counter` (e.g. readyCount) reaches `target`. */
  waitForCount(counter: 'readyCount' | 'resumeCount', target: number, timeoutMs: number): Promise<void> {
    return waitUntil(
      this.#changed,
      () => (this[counter] >= target ? true : undefined),
      timeoutMs,
      () => `${counter} >= ${target} (is ${this[counter]})`,
    ).then(() => undefined);
  }

  close(): Promise<void> {
    for (const socket of this.#server.clients) socket.terminate();
    return new Promise((resolve) => this.#server.close(() => resolve()));
  }

  #onConnection(socket: WebSocket): void {
    send(socket, { op: Op.Hello, d: { heartbeat_interval: this.options.heartbeatIntervalMs }, s: null, t: null });
    socket.on('message', (raw) => this.#onMessage(socket, raw.toString()));
    socket.on('close', () => {
      if (this.#session?.socket === socket) this.#session.socket = null;
    });
  }

  #onMessage(socket: WebSocket, raw: string): void {
    let payload: { op?: unknown; d?: unknown };
    try {
      payload = JSON.parse(raw) as { op?: unknown; d?: unknown };
    } catch {
      socket.close(CloseCode.DecodeError, 'Error while decoding payload.');
      return;
    }
    const d = (payload.d ?? {}) as Record<string, unknown>;
    switch (payload.op) {
      case Op.Heartbeat:
        send(socket, { op: Op.HeartbeatAck, d: null, s: null, t: null });
        break;
      case Op.Identify:
        this.#identify(socket, d);
        break;
      case Op.Resume:
        this.#resume(socket, d);
        break;
      default:
        // Presence updates, member requests and the like need no answer here.
        break;
    }
  }

  #authenticated(socket: WebSocket, token: unknown): boolean {
    const ok = token === this.options.token || token === `Bot ${this.options.token}`;
    if (!ok) socket.close(CloseCode.AuthenticationFailed, 'Authentication failed.');
    return ok;
  }

  #identify(socket: WebSocket, d: Record<string, unknown>): void {
    this.identifyCount++;
    if (!this.#authenticated(socket, d.token)) return;
    const { world, url, applicationId } = this.options;
    const sessionId = randomToken(16);
    this.#session = { id: sessionId, frames: [], socket };
    this.dispatch('READY', world.readyPayload(sessionId, url, applicationId));
    for (const guild of world.memberGuilds) this.dispatch('GUILD_CREATE', world.guildCreatePayload(guild));
    this.readyCount++;
    this.#changed.notify();
  }

  #resume(socket: WebSocket, d: Record<string, unknown>): void {
    if (!this.#authenticated(socket, d.token)) return;
    const session = this.#session;
    if (!session || session.id !== d.session_id) {
      send(socket, { op: Op.InvalidSession, d: false, s: null, t: null });
      return;
    }
    session.socket = socket;
    for (const frame of session.frames.slice(Number(d.seq ?? 0))) socket.send(frame);
    send(socket, { op: Op.Dispatch, t: 'RESUMED', s: null, d: { _trace: ['emulator'] } });
    this.resumeCount++;
    this.#changed.notify();
  }
}

function send(socket: WebSocket, payload: unknown): void {
  if (socket.readyState === WebSocket.OPEN) socket.send(JSON.stringify(payload));
}
