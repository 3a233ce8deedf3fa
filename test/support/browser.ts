// Headless Chromium for the end-to-end tier: Debian's chromium driven by playwright-core.
import { existsSync } from 'node:fs';
import { chromium, type Browser } from 'playwright-core';

const candidates = [process.env.CHROMIUM_PATH, '/usr/bin/chromium', '/usr/bin/chromium-browser'];

/** Launches headless Chromium (Playwright gives it a fresh, empty profile), or fails with one line naming the system package to install. */
export async function launchBrowser(): Promise<Browser> {
  const executablePath = candidates.find((p): p is string => !!p && existsSync(p));
  if (!executablePath) {
    throw new Error(
      'Chromium is needed for the end-to-end tests: install it with `apt-get install -y chromium`.',
    );
  }
  return chromium.launch({
    executablePath,
    headless: true,
    args: [
      '--no-sandbox',
      '--disable-gpu',
      '--disable-quic',
      '--no-first-run',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
    ],
  });
}
