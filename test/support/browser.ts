// Headless Chromium for the end-to-end tier (Debian's chromium driven by playwright-core), shared by every
// end-to-end file: one browser per file (launched before its tests, closed after them), pages at the
// explorer's size, and what a page records while a test drives it: script errors, console errors, requests that
// leave the machine, and content-security-policy violations.
import { existsSync } from 'node:fs';
import { afterAll, beforeAll, expect } from 'vitest';
import {
  chromium,
  type Browser,
  type BrowserContext,
  type Locator,
  type Page,
  type Response,
} from 'playwright-core';

const candidates = [process.env.CHROMIUM_PATH, '/usr/bin/chromium', '/usr/bin/chromium-browser'];

/** The size the explorer's tests and screenshots use. */
export const VIEWPORT = { width: 1280, height: 800 };

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

/** One browser for the test file: launched before its tests, closed after them. Call at the file's top level. */
export function browserForFile(): () => Browser {
  let browser: Browser | undefined;
  beforeAll(async () => {
    browser = await launchBrowser();
  });
  afterAll(async () => {
    await browser?.close();
  });
  return () => {
    if (!browser) throw new Error('The browser is launched in beforeAll: use it inside a test.');
    return browser;
  };
}

/** What to record on a page besides uncaught exceptions, and whether to stop requests leaving the machine. */
export interface OpenOptions {
  /** Console errors count as errors (not where a test expects refused requests: Chromium logs those). */
  consoleErrors?: boolean;
  /** Content-security-policy violations (events and console reports) are kept for `cspViolations()`. */
  csp?: boolean;
  /** Requests to another origin are aborted (and recorded), not only recorded. */
  blockOutside?: boolean;
}

/** A page and what it recorded. */
export interface OpenedPage {
  page: Page;
  /** The answer to the page's own address. */
  response: Response | null;
  /** Uncaught exceptions, and console errors when asked for. */
  errors: string[];
  /** Requests to any host other than the page's. */
  outside: string[];
  /** The content-security-policy violations reported so far (with `csp`). */
  cspViolations: () => Promise<string[]>;
}

declare global {
  interface Window {
    cspViolations?: Array<{ directive: string; blocked: string; file: string; line: number; column: number }>;
  }
}

/**
 * Opens `url` in a new page of `target`: of the browser (a page with a context of its own, at the explorer's
 * size) or of a context the test keeps (to share its storage between pages). Recording starts before the page
 * loads.
 */
export async function openPage(
  target: Browser | BrowserContext,
  url: string,
  options: OpenOptions = {},
): Promise<OpenedPage> {
  const page =
    'newContext' in target
      ? await target.newPage({ viewport: VIEWPORT, acceptDownloads: true })
      : await target.newPage();
  const { errors, outside, console: csp } = await record(page, new URL(url), options);
  const response = await page.goto(url);
  const cspViolations = async () => {
    const reported = (await page.evaluate(() => window.cspViolations)) ?? [];
    return [
      ...csp,
      ...reported.map((v) => `${v.directive} blocked ${v.blocked} at ${v.file}:${v.line}:${v.column}`),
    ];
  };
  return { page, response, errors, outside, cspViolations };
}

/** Starts recording on `page` what `options` ask for. */
async function record(page: Page, address: URL, options: OpenOptions) {
  const errors: string[] = [];
  const outside: string[] = [];
  const csp: string[] = [];
  page.on('pageerror', (e) => errors.push(`pageerror: ${e.message}`));
  page.on('console', (m) => {
    if (options.consoleErrors && m.type() === 'error') errors.push(`console: ${m.text()}`);
    if (options.csp && /Content Security Policy|Refused to/i.test(m.text())) csp.push(`console: ${m.text()}`);
  });
  if (options.blockOutside) {
    await page.context().route('**/*', (route) => {
      const url = route.request().url();
      if (url.startsWith('data:') || url.startsWith('blob:') || new URL(url).origin === address.origin) {
        return route.continue();
      }
      outside.push(url);
      return route.abort();
    });
  } else {
    page.on('request', (r) => {
      const u = new URL(r.url());
      if ((u.protocol === 'http:' || u.protocol === 'https:') && u.host !== address.host)
        outside.push(r.url());
    });
  }
  if (options.csp) await page.addInitScript(recordCspViolations);
  return { errors, outside, console: csp };
}

/** Runs in the page before its scripts: keeps every securitypolicyviolation event in `window.cspViolations`. */
function recordCspViolations() {
  window.cspViolations = [];
  document.addEventListener('securitypolicyviolation', (e) =>
    window.cspViolations!.push({
      directive: e.violatedDirective,
      blocked: e.blockedURI || 'inline',
      file: e.sourceFile,
      line: e.lineNumber,
      column: e.columnNumber,
    }),
  );
}

/**
 * On a page of the GraphQL console: waits for the editor to show the first example (the search for Patrushev),
 * runs it and waits for his id in the response. Returns the query editor.
 */
export async function runFirstConsoleExample(page: Page): Promise<Locator> {
  const editor = page.locator('.graphiql-query-editor .view-lines');
  await expect.poll(() => editor.innerText(), { timeout: 60_000 }).toContain('Patrushev');
  await page.locator('.graphiql-execute-button').click();
  await expect
    .poll(() => page.locator('.graphiql-response').innerText(), { timeout: 30_000 })
    .toContain('actor:nikolai-patrushev');
  return editor;
}
