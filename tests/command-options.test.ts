// Options declared once: the JSON Discord registers and the values a handler is given both come from the
// declaration, and a request that does not hold what was declared gets a polite private notice.
import { ChannelType } from 'discord-api-types/v10';
import { beforeAll, describe, expect, expectTypeOf, it } from 'vitest';
import { commands } from '../commands/index.js';
import type { Briefing } from '../src/briefing/briefing.js';
import { answerCommand } from '../src/command/answer.js';
import { guildOnly, type InGuild } from '../src/command/checks.js';
import type { Check } from '../src/command/command.js';
import { subcommand, withSubcommands } from '../src/command/define.js';
import { boolean, channel, integer, optionsJSON, readOptions, readPartly, string, type Parsed } from '../src/command/options.js';
import { localizeDefinitions } from '../src/i18n/commands.js';
import { isPrivate, notice } from '../src/render/reply.js';
import { at, named, TEST_CALLER } from './support/commands.js';
import { shippedBriefing } from './support/content.js';

const declared = {
  channel: channel('Where', { required: true, channelTypes: [ChannelType.GuildText] }),
  when: string('When', { choices: [{ name: 'Now', value: 'now' }, { name: 'Later', value: 'later' }] }),
  count: integer('How many', { min: 1 }),
  loud: boolean('Loudly'),
};

describe('reading options against their declaration', () => {
  it('gives the values typed: required ones always there, choices as their values', () => {
    expectTypeOf<Parsed<typeof declared>>().toEqualTypeOf<{ readonly channel: string } & { readonly when?: 'now' | 'later'; readonly count?: number; readonly loud?: boolean }>();
    expect(readOptions(declared, { channel: '200000000000000001', when: 'later', count: 2, loud: false, other: 'ignored' })).toEqual({
      ok: true,
      options: { channel: '200000000000000001', when: 'later', count: 2, loud: false },
    });
  });

  it('names the first option missing or holding what Discord would not send for it', () => {
    expect(readOptions(declared, {})).toEqual({ ok: false, wrong: 'channel' });
    for (const channelId of [123, '123', true]) expect(readOptions(declared, { channel: channelId })).toEqual({ ok: false, wrong: 'channel' });
    expect(readOptions(declared, { channel: '200000000000000001', when: 'soon' })).toEqual({ ok: false, wrong: 'when' });
    expect(readOptions(declared, { channel: '200000000000000001', count: 0 })).toEqual({ ok: false, wrong: 'count' });
    expect(readOptions(declared, { channel: '200000000000000001', count: 1.5 })).toEqual({ ok: false, wrong: 'count' });
    expect(readOptions(declared, { channel: '200000000000000001', loud: 'yes' })).toEqual({ ok: false, wrong: 'loud' });
  });

  it('lets autocomplete read what holds its type, without the option being typed', () => {
    expect(readPartly(declared, { channel: 123, when: 'now', count: 3 }, 'count')).toEqual({ when: 'now' });
  });

  it('registers exactly what is declared, for every command and subcommand', () => {
    for (const command of commands) {
      const json = command.data.toJSON();
      if ('options' in command.declared) expect(json.options, command.data.name).toEqual(optionsJSON(command.declared.options));
      else {
        const subcommands = Object.entries(command.declared.subcommands).map(([name, options]) => ({ name, options: optionsJSON(options) }));
        expect(json.options!.map((option) => ({ name: option.name, options: 'options' in option ? option.options : undefined })), command.data.name).toEqual(subcommands);
      }
    }
  });
});

describe('a wrong option is a polite private notice, never a crash', () => {
  let briefing: Briefing;
  beforeAll(async () => {
    briefing = await shippedBriefing();
  });

  it('for a command: /position with a number for its actor, or none', async () => {
    for (const options of [{ actor: 42 }, {}]) {
      const reply = await answerCommand(named('position'), at(briefing), { caller: TEST_CALLER, options });
      expect(reply).toEqual(notice("The option `actor` is missing or holds a value Discord would not send for it. Type the command again and pick what it asks for from Discord's list."));
    }
    const german = await answerCommand(named('brief'), at(briefing), { caller: { ...TEST_CALLER, locale: 'de' }, options: { section: 'everything' } });
    expect(german.content).toMatch(/^Die Option `abschnitt` fehlt/);
  });

  it('for a subcommand, and for a subcommand there is not, in the caller\'s language', async () => {
    const echo = subcommand<unknown>()({ description: 'Echo', options: { times: integer('How often', { required: true }) }, run: (_context, { options }) => notice(`${options.times}`) });
    const command = withSubcommands<unknown>()({ name: 'brief', description: 'Test', integrationTypes: [], contexts: [], subcommands: { echo } });
    expect(await answerCommand(command, {}, { caller: TEST_CALLER, subcommand: 'echo', options: { times: 2 } })).toEqual(notice('2'));
    expect((await answerCommand(command, {}, { caller: TEST_CALLER, subcommand: 'echo', options: { times: 'twice' } })).content).toMatch(/^The option `times` is missing/);
    for (const asked of ['shout', undefined, 'constructor']) {
      const reply = await answerCommand(command, {}, { caller: { ...TEST_CALLER, locale: 'fr' }, subcommand: asked, options: {} });
      expect(isPrivate(reply)).toBe(true);
      expect(reply.content).toBe("/synthèse n'a pas de telle sous-commande. Retapez `/synthèse` et choisissez-en une dans la liste de Discord.");
    }
  });
});

describe('checks that narrow, per subcommand', () => {
  it('hand the handler what they proved: after guildOnly, a guild id', () => {
    subcommand<unknown, InGuild>()({
      description: 'Where',
      run(_context, { caller }) {
        expectTypeOf(caller.guildId).toEqualTypeOf<string>();
        return notice(caller.guildId);
      },
    });
    const inAGuild = subcommand<unknown, InGuild>()({ description: 'Where', run: (_context, { caller }) => notice(caller.guildId) });
    withSubcommands<unknown>()({ name: 'x', description: 'x', integrationTypes: [], contexts: [], checks: [guildOnly], subcommands: { inAGuild } });
    // @ts-expect-error a subcommand that needs a guild id is refused by a command whose checks do not prove one
    withSubcommands<unknown>()({ name: 'x', description: 'x', integrationTypes: [], contexts: [], subcommands: { inAGuild } });
  });

  it('that read an option attach only where it is declared', () => {
    const readsChannel: Check<unknown, object, { channel: string }> = { name: 'reads channel', readsOptions: true, run: () => undefined };
    subcommand<unknown>()({ description: 'With', options: { channel: channel('Where', { required: true }) }, checks: [readsChannel], run: () => notice('ok') });
    // @ts-expect-error no channel option here for the check to read
    subcommand<unknown>()({ description: 'Without', checks: [readsChannel], run: () => notice('ok') });
  });

  it('run in order, before the handler, the caller given what each proved', async () => {
    const seen: string[] = [];
    const proves: Check<unknown, { proof: string }> = { name: 'proves', run: () => (seen.push('check'), { proof: 'yes' }) };
    const shown = subcommand<unknown>()({
      description: 'Shows',
      checks: [proves],
      run: (_context, { caller }) => (seen.push('run'), notice(caller.proof)),
    });
    const command = withSubcommands<unknown>()({ name: 'x', description: 'x', integrationTypes: [], contexts: [], subcommands: { shown } });
    expect(await answerCommand(command, {}, { caller: TEST_CALLER, subcommand: 'shown', options: {} })).toEqual(notice('yes'));
    expect(seen).toEqual(['check', 'run']);
  });
});

describe('command translations by path', () => {
  it('refuse a shared key that would translate two different English descriptions', () => {
    const withEdition = (name: string, description: string) => ({ name, description, options: [{ type: 3, name: 'edition', description }] }) as never;
    expect(() => localizeDefinitions([withEdition('brief', 'An earlier edition, YYYY-MM-DD (default: the newest)'), withEdition('sources', 'Something else')])).toThrow(
      /the de translation "edition" serves two descriptions/,
    );
  });
});
