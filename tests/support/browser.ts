// Debian's Chromium, headless, driven by playwright-core (which downloads no browser): the flags that work as
// root in a closed network (see the notes on browser tests), and a guard that refuses, and records, any request
// a page makes beyond 127.0.0.1, so a test proves the studio fetches nothing from outside.
import { chromium, type Browser, type BrowserContext } from 'playwright-core';

export const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';

export function launchChromium(): Promise<Browser> {
  return chromium.launch({
    executablePath: CHROMIUM,
    args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--no-first-run', '--disable-sync'],
  });
}

/** A fresh browser profile (its own cookies) whose requests beyond loopback are refused and listed in `outside`. */
export async function loopbackContext(browser: Browser, viewport = { width: 1500, height: 950 }): Promise<{ context: BrowserContext; outside: string[] }> {
  const context = await browser.newContext({ viewport });
  const outside: string[] = [];
  await context.route('**/*', (route) => {
    const url = new URL(route.request().url());
    if (url.protocol === 'data:' || url.hostname === '127.0.0.1') return route.continue();
    outside.push(url.href);
    return route.abort();
  });
  return { context, outside };
}
