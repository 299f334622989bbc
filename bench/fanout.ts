// Bench section: recap fan-out. 500 channels are due at the same second (an operator recap from
// RECAP_CHANNEL_IDS), and the first 5% of posts are answered 429. Measures the wall time from the slot to
// the last message, messages delivered, duplicates and losses, against the floor Discord's rate limits set.
import { cronAt, secondsFromNow } from '../tests/support/schedule.js';
import { startAgainstEmulator } from '../tests/e2e/bot-process.js';
import { snowflake } from '../tests/emulator/snowflake.js';
import type { BenchRow, BenchSection } from './section.js';
import { ms, ratio } from './stats.js';

/** FANOUT_CHANNELS=200 npm run bench -- recap-fan-out measures another size. */
const CHANNELS = Number(process.env.FANOUT_CHANNELS) || 500;
const RATE_LIMITED = Math.round(CHANNELS * 0.05);
/** discord.js's default global limit, which Discord also enforces: requests per second per bot. */
const GLOBAL_PER_SECOND = 50;
const RETRY_AFTER_S = 1;
/** Time for the bot to start and the scheduler to arm before the slot. */
const LEAD_S = 15;
const TARGET = 1.2;

export const fanout: BenchSection = {
  name: 'recap fan-out',
  method:
    `${CHANNELS} channels due at one second (RECAP_SCHEDULE), the first ${RATE_LIMITED} posts answered 429 with retry_after ${RETRY_AFTER_S} s. ` +
    `Wall time runs from the slot to the last message the emulator stored. The floor is the start of the last one-second window ` +
    `the global limit of ${GLOBAL_PER_SECOND} requests a second allows for every post plus every retry: ceil((posts + 429s) / ${GLOBAL_PER_SECOND}) - 1 s.`,
  async run(context) {
    context.progress(`recap fan-out: ${CHANNELS} channels`);
    const slot = secondsFromNow(LEAD_S);
    // Channel ids are chosen here, so the bot can be told them before the emulator starts.
    const ids = Array.from({ length: CHANNELS }, () => snowflake());
    const running = await startAgainstEmulator({
      emulator: { guilds: [{ name: 'Newsrooms', channels: ids.map((id, index) => ({ id, name: `talks-${index}` })) }] },
      env: { CONTENT_DIR: context.shippedDir, RECAP_SCHEDULE: cronAt(slot), RECAP_CHANNEL_IDS: ids.join(',') },
    });
    try {
      const { emulator } = running;
      emulator.failNext({ method: 'POST', path: /^\/channels\/\d+\/messages$/, status: 429, retryAfter: RETRY_AFTER_S, times: RATE_LIMITED });
      await Promise.all(ids.map((id) => emulator.waitForMessages(id, 1, (LEAD_S + 60) * 1000)));
      const last = Math.max(...ids.map((id) => Date.parse(emulator.messages(id)[0]!.timestamp)));
      // Anything still in flight that would make a duplicate has a moment to land.
      await new Promise((resolve) => setTimeout(resolve, 2000));
      const counts = ids.map((id) => emulator.messages(id).length);
      const wall = last - slot.getTime();
      const floor = (Math.ceil((CHANNELS + RATE_LIMITED) / GLOBAL_PER_SECOND) - 1) * 1000;
      const row = (what: string, median: string, target = '', met?: boolean): BenchRow => ({ what, subject: `${CHANNELS} channels`, samples: 1, median, p99: '', target, met });
      return [
        row('wall time, slot to last message', ms(wall)),
        row('rate-limit floor', ms(floor)),
        row('wall time / floor', ratio(wall / floor), `≤ ${TARGET}x`, wall / floor <= TARGET),
        row('messages delivered', String(counts.reduce((sum, count) => sum + count, 0))),
        row('duplicates', String(counts.filter((count) => count > 1).length), '0', counts.every((count) => count <= 1)),
        row('losses', String(counts.filter((count) => count === 0).length), '0', counts.every((count) => count >= 1)),
        row('429s answered', String(emulator.requests.filter((request) => request.status === 429).length)),
      ];
    } finally {
      await running.close();
    }
  },
};
