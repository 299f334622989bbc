import js from '@eslint/js';
import tseslint from 'typescript-eslint';

/** Which way imports may point (see README, "How it is built"): a wrong arrow fails `npm test`. */
const layers = [
  {
    // The content model knows nothing of replies, Discord, recaps or commands.
    files: ['src/briefing/**', 'src/time/**'],
    patterns: ['**/render/**', '**/discord/**', '**/recaps/**', '**/command/**', '**/commands/**', '**/cli/**', '**/checker/**'],
    paths: ['discord.js', 'discord-api-types/v10'],
  },
  {
    // Payloads, the command model and recaps are computed without a Discord client.
    files: ['src/render/**', 'src/command/**', 'src/recaps/**', 'src/checker/**'],
    patterns: ['**/discord/**', '**/commands/**', '**/cli/**'],
    paths: [],
  },
  {
    // The shell may import the model, never the commands: composition roots wire those in.
    files: ['src/discord/**', 'src/config.ts', 'src/log.ts'],
    patterns: ['**/commands/**', '**/cli/**'],
    paths: [],
  },
];

/**
 * discord.js bundles these: importing them directly as well loads a second copy of each (about 1.2 MB of
 * heap). Everything they export is exported by discord.js.
 */
const secondCopies = ['@discordjs/builders', '@discordjs/formatters'].map((name) => ({
  name,
  message: `import it from 'discord.js': ${name} imported directly loads a second copy beside the one discord.js uses`,
}));

export default tseslint.config(
  { ignores: ['node_modules/', 'data/', 'dist/', 'bench/results.md', 'coverage/'] },
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
      'no-restricted-imports': ['error', { paths: secondCopies }],
    },
  },
  ...layers.map(({ files, patterns, paths }) => ({
    files,
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: patterns.map((group) => ({ group: [group], message: 'imports point one way: commands/ -> src/command -> src/render, src/recaps -> src/briefing; only composition roots (src/main.ts, src/deploy-commands.ts, src/cli/) import commands/' })),
          // A rule set here replaces the one above for these files, so the second copies are listed again.
          paths: [...paths.map((name) => ({ name, message: 'src/briefing/ knows nothing of Discord' })), ...secondCopies],
        },
      ],
    },
  })),
);
