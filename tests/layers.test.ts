// The lint rule that keeps imports pointing one way fails on a wrong arrow, and lets the right ones pass.
import { ESLint } from 'eslint';
import { describe, expect, it } from 'vitest';

const eslint = new ESLint();

async function restrictedImports(filePath: string, code: string): Promise<string[]> {
  const [result] = await eslint.lintText(code, { filePath });
  return result!.messages.filter((message) => message.ruleId === 'no-restricted-imports').map((message) => message.message);
}

describe('import direction', () => {
  it('refuses commands/ imported from the shell, the model or the renderers', async () => {
    for (const file of ['src/discord/adapter.ts', 'src/render/format.ts', 'src/recaps/delivery.ts', 'src/command/answer.ts']) {
      const found = await restrictedImports(file, "import { brief } from '../../commands/brief.js';\nexport const x = brief;\n");
      expect(found, file).toEqual([expect.stringContaining('imports point one way')]);
    }
  });

  it('refuses Discord, replies and recaps in the content model', async () => {
    expect(await restrictedImports('src/briefing/queries.ts', "import { literal } from '../render/text.js';\nexport const x = literal;\n")).toHaveLength(1);
    expect(await restrictedImports('src/briefing/queries.ts', "import { Client } from 'discord.js';\nexport const x = Client;\n")).toHaveLength(1);
    expect(await restrictedImports('src/briefing/loader.ts', "import { openDatabase } from '../recaps/database.js';\nexport const x = openDatabase;\n")).toHaveLength(1);
  });

  it('refuses recaps in the command model, and lets recaps build on it', async () => {
    for (const file of ['src/command/checks.ts', 'src/command/context.ts']) {
      const found = await restrictedImports(file, "import type { ChannelKind } from '../recaps/subscriptions.js';\nexport type X = ChannelKind;\n");
      expect(found, file).toEqual([expect.stringContaining('imports point one way')]);
    }
    expect(await restrictedImports('src/recaps/rules.ts', "import { UserError } from '../command/command.js';\nexport const x = UserError;\n")).toEqual([]);
  });

  it('lets composition roots and commands import what they wire', async () => {
    expect(await restrictedImports('src/main.ts', "import { commands } from '../commands/index.js';\nexport const x = commands;\n")).toEqual([]);
    expect(await restrictedImports('src/cli/preview.ts', "import { commands } from '../../commands/index.js';\nexport const x = commands;\n")).toEqual([]);
    expect(await restrictedImports('commands/brief.ts', "import { briefDocument } from '../src/render/brief.js';\nexport const x = briefDocument;\n")).toEqual([]);
  });
});

describe('the studio is a composition root of its own', () => {
  it('may import commands/ and the editors\' tools', async () => {
    expect(await restrictedImports('src/studio/previews.ts', "import { briefingCommands } from '../../commands/index.js';\nexport const x = briefingCommands;\n")).toEqual([]);
    expect(await restrictedImports('src/studio/app.ts', "import { checkContent } from '../checker/check.js';\nexport const x = checkContent;\n")).toEqual([]);
  });

  it('is imported by nothing else, and its server framework stays out of the bot', async () => {
    for (const file of ['src/main.ts', 'src/discord/adapter.ts', 'src/render/format.ts', 'src/releases/publish.ts', 'src/cli/publish.ts', 'commands/brief.ts']) {
      const found = await restrictedImports(file, "import { createStudio } from '../studio/app.js';\nexport const x = createStudio;\n");
      expect(found, file).toEqual([expect.stringContaining('the studio is a composition root of its own')]);
    }
    expect(await restrictedImports('src/main.ts', "import { Hono } from 'hono';\nexport const x = Hono;\n")).toEqual([expect.stringContaining('composition root of its own')]);
  });
});

describe('what serves readers never reads the drafts', () => {
  it('refuses the YAML parsers, the loader and the checker in the bot and the code it runs', async () => {
    for (const file of ['src/main.ts', 'src/releases/served.ts', 'src/recaps/scheduler.ts', 'src/discord/adapter.ts']) {
      expect(await restrictedImports(file, "import { loadBriefing } from '../briefing/loader.js';\nexport const x = loadBriefing;\n"), file).toEqual([expect.stringContaining('never reads the drafts')]);
      expect(await restrictedImports(file, "import { load } from 'js-yaml';\nexport const x = load;\n"), file).toEqual([expect.stringContaining('never parses YAML')]);
    }
    expect(await restrictedImports('src/releases/served.ts', "import { planPublish } from './publish.js';\nexport const x = planPublish;\n")).toHaveLength(1);
  });

  it('lets the publish step and the checker read them', async () => {
    expect(await restrictedImports('src/releases/publish.ts', "import { checkContent } from '../checker/check.js';\nexport const x = checkContent;\n")).toEqual([]);
    expect(await restrictedImports('src/checker/check.ts', "import { loadBriefing } from '../briefing/loader.js';\nexport const x = loadBriefing;\n")).toEqual([]);
  });
});
