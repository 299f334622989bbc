// A realistic mix of interactions (slash commands, autocomplete keystrokes, page buttons) drawn from a
// briefing, and sending one through the emulator. Used by the end-to-end bench and the soak test.
import { briefingCommands } from '../../commands/index.js';
import type { Briefing } from '../../src/briefing/briefing.js';
import type { OptionValues } from '../../src/command/command.js';
import type { Emulator, InjectedInteraction } from '../emulator/index.js';
import { reply } from './commands.js';
import type { Random } from './random.js';
import { autocompletedOptions, Scenarios } from './scenarios.js';

export type Interaction =
  | { kind: 'command'; name: string; options: Record<string, string> }
  | { kind: 'autocomplete'; name: string; options: Record<string, string>; focused: string }
  | { kind: 'button'; customId: string };

/** Commands 45%, autocomplete 30%, page buttons 25%, in a random order. */
export function interactionMix(briefing: Briefing, random: Random, count: number): Interaction[] {
  const scenarios = new Scenarios(briefing, random);
  const completing = briefingCommands.filter((command) => command.autocomplete && autocompletedOptions(command).length > 0);
  return Array.from({ length: count }, (): Interaction => {
    const roll = random.next();
    if (roll < 0.3) {
      const command = random.pick(completing);
      const { focused, options } = scenarios.autocomplete(command);
      return { kind: 'autocomplete', name: command.data.name, options: { ...given(options), [focused.name]: focused.value }, focused: focused.name };
    }
    if (roll < 0.55) return { kind: 'button', customId: pageButton(briefing, scenarios, random) };
    const command = random.pick(briefingCommands);
    return { kind: 'command', name: command.data.name, options: given(scenarios.call(command).options) };
  });
}

export function inject(emulator: Emulator, interaction: Interaction): InjectedInteraction {
  switch (interaction.kind) {
    case 'command':
      return emulator.injectCommand({ name: interaction.name, options: interaction.options });
    case 'autocomplete':
      return emulator.injectAutocomplete({ name: interaction.name, options: interaction.options, focused: interaction.focused });
    case 'button':
      return emulator.injectButton({ customId: interaction.customId });
  }
}

/** The custom id of an enabled page button on some page of some reply, as a user would press it. */
function pageButton(briefing: Briefing, scenarios: Scenarios, random: Random): string {
  for (let attempt = 0; attempt < 1000; attempt++) {
    const command = random.pick(briefingCommands);
    const { options, page } = scenarios.call(command);
    const buttons = reply(command, briefing, options, page).components?.[0]?.components ?? [];
    const enabled = buttons.flatMap((button) => ('custom_id' in button && !button.disabled ? [button.custom_id] : []));
    if (enabled.length > 0) return random.pick(enabled);
  }
  throw new Error('no reply in this briefing has page buttons');
}

function given(options: OptionValues): Record<string, string> {
  return Object.fromEntries(Object.entries(options).flatMap(([name, value]) => (value === undefined ? [] : [[name, String(value)]])));
}
