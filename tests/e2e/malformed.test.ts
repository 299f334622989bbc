// End to end: interactions Discord would never send a well-registered bot (an unknown command, missing or
// wrongly typed options, forged buttons, autocomplete for options that do not autocomplete) each get a
// polite private answer, or an empty autocomplete, exactly once; and the bot keeps answering.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Emulator, InjectedInteraction } from '../emulator/index.js';
import { SHIPPED_CONTENT } from '../support/content.js';
import type { BotProcess } from './bot-process.js';
import { startAgainstEmulator, type Harness } from './bot-process.js';

let running: Harness;
let emulator: Emulator;
let bot: BotProcess;

beforeAll(async () => {
  running = await startAgainstEmulator({ env: { CONTENT_DIR: SHIPPED_CONTENT } });
  ({ emulator, bot } = running);
}, 30_000);

afterAll(() => running?.close());

/** The one answer to `interaction`, checked to be private and accepted exactly once. */
async function privateAnswer(interaction: InjectedInteraction): Promise<string> {
  const reply = await interaction.waitForReply();
  expect(reply.ephemeral).toBe(true);
  expect(reply.data.allowed_mentions).toEqual({ parse: [] });
  expect(interaction.responses.filter((response) => response.kind === 'callback' && response.status < 300)).toHaveLength(1);
  return reply.content ?? '';
}

async function choices(interaction: InjectedInteraction): Promise<unknown[]> {
  return (await interaction.waitForReply()).choices ?? [];
}

describe('malformed interactions', () => {
  it('an unknown command', async () => {
    expect(await privateAnswer(emulator.injectCommand({ name: 'weather', options: { city: 'Kyiv' } }))).toContain("I don't know that command");
  });

  it('a required option left out', async () => {
    expect(await privateAnswer(emulator.injectCommand({ name: 'position' }))).toContain('The option `actor` is missing or holds a value Discord would not send for it.');
  });

  it('options of the wrong type: a number for a name, a number for a section, a number for a channel', async () => {
    const asNumber = emulator.injectCommand({ name: 'position', options: [{ name: 'actor', value: 42, type: 4 }] });
    expect(await privateAnswer(asNumber)).toContain('The option `actor` is missing or holds a value');
    const section = emulator.injectCommand({ name: 'brief', options: [{ name: 'section', value: 3.5, type: 10 }] });
    expect(await privateAnswer(section)).toContain('The option `section` is missing or holds a value');
    const channel = emulator.injectCommand({ name: 'recap', subcommand: 'subscribe', options: [{ name: 'channel', value: 123, type: 4 }, { name: 'schedule', value: 'daily 08:00' }, { name: 'timezone', value: 'UTC' }], memberPermissions: 1n << 5n });
    expect(await privateAnswer(channel)).toContain('The option `channel` is missing or holds a value');
  });

  it('option values no briefing knows: a name, a topic, a date, a search of symbols', async () => {
    expect(await privateAnswer(emulator.injectCommand({ name: 'position', options: { actor: '@everyone <@&123>' } }))).toContain('is not in this briefing');
    expect(await privateAnswer(emulator.injectCommand({ name: 'quotes', options: { topic: '\u202egnidaer' } }))).toContain('There is no topic');
    expect(await privateAnswer(emulator.injectCommand({ name: 'timeline', options: { from: '2025-13-45' } }))).toContain('is not a date');
    expect(await privateAnswer(emulator.injectCommand({ name: 'quotes', options: { search: '***' } }))).toContain('Search for words');
  });

  it('forged and garbage button ids', async () => {
    expect(await privateAnswer(emulator.injectButton({ customId: 'quotes:p:not-a-page' }))).toContain('That button is not one of mine');
    expect(await privateAnswer(emulator.injectButton({ customId: '\u0000garbage' }))).toContain("I don't know that command or button");
    expect(await privateAnswer(emulator.injectButton({ customId: 'position:p:2:nobody-at-all:' }))).toContain('is not in this briefing');
  });

  it('autocomplete where there is none: an unknown command, a command without autocomplete', async () => {
    expect(await choices(emulator.injectAutocomplete({ name: 'weather', options: { city: 'Ky' }, focused: 'city' }))).toEqual([]);
    expect(await choices(emulator.injectAutocomplete({ name: 'brief', options: { colour: 'bl' }, focused: 'colour' }))).toEqual([]);
  });

  it('autocomplete for an option a command does not have gets valid choices, not an error', async () => {
    const answered = await choices(emulator.injectAutocomplete({ name: 'quotes', options: { colour: 'bl' }, focused: 'colour' }));
    expect(answered.length).toBeLessThanOrEqual(25);
    expect(bot.logs.some((line) => line.msg === 'interaction handler failed')).toBe(false);
  });

  it('keeps running and answers /brief as usual afterwards', async () => {
    const reply = await emulator.injectCommand({ name: 'brief' }).waitForReply();
    expect(reply.ephemeral).toBe(false);
    expect((reply.embeds[0] as { title?: string }).title).toBe('US-led Ukraine peace talks');
    expect(bot.child.exitCode).toBeNull();
  });
});
