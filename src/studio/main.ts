// npm run studio: the editors' web studio, on 127.0.0.1 by default (STUDIO_HOST, STUDIO_PORT). Its front end is
// built by Vite into studio/dist (npm run build:studio, run by prestudio); the bot never loads any of this.
import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { serve } from '@hono/node-server';
import { configOrExit } from '../cli/arguments.js';
import { createLogger } from '../log.js';
import { openStorage } from '../recaps/storage.js';
import { createStudio } from './app.js';
import { loadStudioConfig, type StudioConfig } from './config.js';

const WEB = fileURLToPath(new URL('../../studio/dist', import.meta.url));

const settings: StudioConfig = configOrExit(() => loadStudioConfig());
const log = createLogger(settings, [settings.signIn?.clientSecret ?? '', settings.signIn?.sessionSecret ?? '']);
if (!existsSync(`${WEB}/index.html`)) {
  process.stderr.write(`The studio's pages are not built: run npm run build:studio (npm run studio does it first).\n`);
  process.exit(2);
}
const storage = await openStorage(settings);
const app = createStudio({ config: settings, storage, log, staticRoot: WEB });
const server = serve({ fetch: app.fetch, hostname: settings.STUDIO_HOST, port: settings.STUDIO_PORT }, (info) => {
  const url = settings.signIn?.publicUrl.origin ?? `http://${info.family === 'IPv6' ? `[${info.address}]` : info.address}:${info.port}`;
  log.info({ url, port: info.port, signIn: settings.signIn ? 'discord' : 'none (loopback, one person)' }, 'studio ready');
});

const stop = () => {
  server.close();
  void storage.close().finally(() => process.exit(0));
};
process.once('SIGINT', stop);
process.once('SIGTERM', stop);
