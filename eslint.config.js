import js from '@eslint/js';
import tseslint from 'typescript-eslint';

/** What serves readers never reads the drafts: the YAML parsers, the loader and the checker run only when publishing. */
const drafts = ['**/briefing/loader*', '**/briefing/content-folder*', '**/briefing/content-file*', '**/briefing/content-yaml*', '**/briefing/content-validation*', '**/checker/**', '**/releases/publish*', '**/releases/dry-run*', './publish*', './dry-run*'];
const yamlParsers = ['js-yaml', 'yaml'];
/** The bot's own part of src/releases/ (the rest plans and checks publishes, for the editors' tools). */
const servingReleases = ['src/releases/served.ts', 'src/releases/scheduled.ts', 'src/releases/store.ts', 'src/releases/snapshot.ts', 'src/releases/release.ts', 'src/releases/first-release.ts', 'src/releases/change-set.ts'];

/** The editors' studio (src/studio/ and its front end in studio/) is a composition root of its own: nothing else imports it. */
const studio = ['**/studio/**', 'hono', 'hono/*', '@hono/*'];

/** Which way imports may point (see README, "How it is built"): a wrong arrow fails `npm test`. */
const layers = [
  {
    // The content model knows nothing of replies, Discord, recaps or commands.
    files: ['src/briefing/**', 'src/time/**'],
    patterns: ['**/render/**', '**/discord/**', '**/recaps/**', '**/releases/**', '**/command/**', '**/commands/**', '**/cli/**', '**/checker/**', ...studio],
    paths: ['discord.js', 'discord-api-types/v10'],
  },
  {
    // Payloads, the command model and recaps are computed without a Discord client, and from releases only.
    files: ['src/render/**', 'src/recaps/**', 'src/storage/**', ...servingReleases],
    patterns: ['**/discord/**', '**/commands/**', '**/cli/**', ...drafts, ...studio],
    paths: yamlParsers,
  },
  {
    // The command model is generic: recaps' rules and their posting policy build on it, never the other way.
    files: ['src/command/**'],
    patterns: ['**/discord/**', '**/commands/**', '**/cli/**', '**/recaps/**', ...drafts, ...studio],
    paths: yamlParsers,
  },
  {
    // The checker and the publish step read the drafts; still no Discord client.
    files: ['src/checker/**', 'src/releases/**'],
    ignores: servingReleases,
    patterns: ['**/discord/**', '**/commands/**', '**/cli/**', ...studio],
    paths: [],
  },
  {
    // The shell may import the model, never the commands: composition roots wire those in.
    files: ['src/discord/**', 'src/config.ts', 'src/log.ts'],
    patterns: ['**/commands/**', '**/cli/**', ...drafts, ...studio],
    paths: yamlParsers,
  },
  {
    // The editors' command-line tools and the commands share nothing with the studio's server.
    files: ['src/cli/**', 'commands/**', 'src/deploy-commands.ts'],
    patterns: studio,
    paths: [],
  },
  {
    // The bot's composition root serves releases: it starts the publish step in a process of its own.
    files: ['src/main.ts'],
    patterns: [...drafts, ...studio],
    paths: yamlParsers,
  },
];

/**
 * Loading discord.js at all loads its whole gateway client: only INTERACTIONS=gateway's own modules load it
 * (src/main.ts imports them in that mode only). Everything else takes Discord's types and routes from
 * discord-api-types, REST from @discordjs/rest, and escapeMarkdown from src/render/discordjs.ts, which loads
 * the CommonJS copy discord.js uses (imported as an ES module, it would be a second copy). Commands need no
 * builders: their registered JSON comes from their declarations (src/command/options.ts).
 */
const gatewayOnly = {
  files: ['src/**', 'commands/**'],
  ignores: ['src/discord/gateway-mode.ts', 'src/discord/client.ts', 'src/render/discordjs.ts'],
  rules: {
    '@typescript-eslint/no-restricted-imports': [
      'error',
      {
        paths: [
          { name: 'discord.js', allowTypeImports: true, message: "only INTERACTIONS=gateway's modules load discord.js (src/discord/gateway-mode.ts, client.ts): use discord-api-types/v10, @discordjs/rest or src/render/discordjs.ts" },
          ...['@discordjs/builders', '@discordjs/formatters'].map((name) => ({
            name,
            allowTypeImports: true,
            message: `import it from src/render/discordjs.ts: ${name} imported as an ES module loads a second copy beside the CommonJS one discord.js uses`,
          })),
        ],
      },
    ],
  },
};

export default tseslint.config(
  { ignores: ['node_modules/', 'data/', 'dist/', 'studio/dist/', 'tests/artifacts/', 'bench/results.md', 'coverage/'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    // Plain JavaScript run by node as is (the bench's bare client, test probes).
    files: ['**/*.mjs'],
    languageOptions: { globals: { console: 'readonly', process: 'readonly', performance: 'readonly', setInterval: 'readonly', clearInterval: 'readonly' } },
  },
  {
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      'no-console': 'off',
    },
  },
  ...layers.map(({ files, ignores = [], patterns, paths }) => ({
    files,
    ignores,
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: patterns.map((group) => ({
            group: [group],
            message: drafts.includes(group)
              ? 'what serves readers never reads the drafts: YAML is parsed, loaded and checked only by the publish step (src/releases/publish.ts, the CLIs)'
              : studio.includes(group)
                ? "the studio is a composition root of its own (src/studio/): the bot and the editors' other tools never import it or its server framework"
                : 'imports point one way: commands/ -> src/recaps -> src/command -> src/render -> src/briefing; only composition roots (src/main.ts, src/deploy-commands.ts, src/cli/, src/studio/) import commands/',
          })),
          paths: paths.map((name) => ({ name, message: yamlParsers.includes(name) ? 'what serves readers never parses YAML: publish does (src/releases/publish.ts)' : 'src/briefing/ knows nothing of Discord' })),
        },
      ],
    },
  })),
  gatewayOnly,
);
