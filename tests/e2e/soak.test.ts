// End to end, at length: 2,000 mixed interactions (slash commands, autocomplete keystrokes, page and
// Sources buttons), several in flight at once, with 500s and 429s injected on interaction callbacks and the
// gateway dropped half way. Every interaction must be answered exactly once, and the bot's memory must not
// creep: RSS may grow by at most RSS_GROWTH_LIMIT_MB between the end of the warm-up and the end.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { inject, interactionMix, type Interaction } from '../support/interaction-mix.js';
import { Random } from '../support/random.js';
import type { Briefing } from '../../src/briefing/briefing.js';
import type { Emulator, InjectedInteraction } from '../emulator/index.js';
import { SHIPPED_CONTENT, shippedBriefing } from '../support/content.js';
import type { BotProcess } from './bot-process.js';
import { residentMemoryMb, startAgainstEmulator, type Harness } from './bot-process.js';

const INTERACTIONS = 2000;
const WARM_UP = 200;
const IN_FLIGHT = 6;
const RSS_GROWTH_LIMIT_MB = 60;
const CALLBACK = /\/interactions\/\d+\/[^/]+\/callback$/;
/** Interaction number -> what goes wrong just before it is sent. */
const FAULTS = new Map<number, (emulator: Emulator) => void>([
  [300, (emulator) => emulator.failNext({ path: CALLBACK, status: 500 })],
  [600, (emulator) => emulator.failNext({ path: CALLBACK, status: 429, retryAfter: 0.2 })],
  [900, (emulator) => emulator.failNext({ path: CALLBACK, status: 500, times: 2 })],
  [INTERACTIONS / 2, (emulator) => emulator.dropGateway()],
  [1300, (emulator) => emulator.failNext({ path: CALLBACK, status: 429, retryAfter: 0.3 })],
  [1700, (emulator) => emulator.failNext({ path: CALLBACK, status: 500 })],
]);

let running: Harness;
let emulator: Emulator;
let bot: BotProcess;
let briefing: Briefing;

beforeAll(async () => {
  briefing = await shippedBriefing();
  running = await startAgainstEmulator({ env: { CONTENT_DIR: SHIPPED_CONTENT } });
  ({ emulator, bot } = running);
}, 30_000);

afterAll(() => running?.close());

/** Sends the interactions, IN_FLIGHT at a time, each sent once its slot's previous one was answered. */
async function send(interactions: readonly Interaction[], onSent: (index: number) => void): Promise<InjectedInteraction[]> {
  const sent: InjectedInteraction[] = [];
  let next = 0;
  const worker = async () => {
    while (next < interactions.length) {
      const index = next++;
      FAULTS.get(index)?.(emulator);
      const interaction = (sent[index] = inject(emulator, interactions[index]!));
      onSent(index);
      await interaction.waitForReply({ timeoutMs: 10_000 });
    }
  };
  await Promise.all(Array.from({ length: IN_FLIGHT }, worker));
  return sent;
}

describe('soak', () => {
  it(`answers ${INTERACTIONS} mixed interactions exactly once through faults and a gateway drop, without creeping memory`, async () => {
    const pid = bot.child.pid!;
    let afterWarmUp: Promise<number> | undefined;
    const sent = await send(interactionMix(briefing, new Random(2025), INTERACTIONS), (index) => {
      if (index === WARM_UP) afterWarmUp = residentMemoryMb(pid);
    });
    const atEnd = await residentMemoryMb(pid);

    const accepted = sent.map((interaction) => interaction.responses.filter((response) => response.kind === 'callback' && response.status < 300).length);
    expect(accepted.filter((count) => count !== 1)).toEqual([]);
    expect(sent.flatMap((interaction) => interaction.responses.filter((response) => response.kind !== 'callback'))).toEqual([]);
    // The faults really happened, and were absorbed: retried by discord.js, not answered with an apology.
    const failedCallbacks = emulator.requests.filter((request) => CALLBACK.test(request.path) && request.status >= 400);
    expect(failedCallbacks.map((request) => request.status).sort()).toEqual([429, 429, 500, 500, 500, 500]);
    expect(emulator.resumeCount).toBe(1);
    expect(bot.logs.filter((line) => line.msg === 'interaction handler failed')).toEqual([]);

    const growth = atEnd - (await afterWarmUp!);
    console.log(`soak: RSS ${(await afterWarmUp!).toFixed(1)} MB after ${WARM_UP} interactions, ${atEnd.toFixed(1)} MB after ${INTERACTIONS} (${growth >= 0 ? '+' : ''}${growth.toFixed(1)} MB)`);
    expect(growth).toBeLessThan(RSS_GROWTH_LIMIT_MB);
  }, 60_000);
});
