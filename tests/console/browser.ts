import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { chromium, type BrowserContext, type Page } from 'playwright-core';
import type { Core } from 'cytoscape';
import { CONSOLE_DIST } from '../../gateway/console';

declare global {
  interface Window {
    /** The console's drawn route graph (console/src/screens/RouteGraph.tsx). */
    routeGraph?: Core;
  }
}

/** Debian's Chromium (.ci/run installs it when missing); Playwright downloads no browser of its own. */
export const CHROMIUM = process.env.HUB_CHROMIUM ?? '/usr/bin/chromium';
export const SCREENSHOTS = path.join(__dirname, '..', '..', 'docs', 'screenshots');

/** The console as `npm ci` builds it; built here when a checkout has none yet (or an older one than its sources). */
export function ensureConsoleBuilt() {
  execFileSync(process.execPath, [path.join(__dirname, '..', '..', 'scripts', 'build-console.js'), '--if-missing'], { stdio: 'inherit' });
  if (!fs.existsSync(path.join(CONSOLE_DIST, 'index.html'))) throw new Error('the console was not built');
}

export interface OpenBrowser {
  context: BrowserContext;
  close(): Promise<void>;
}

/** One headless Chromium per test file, on a fresh profile, with nothing talking to the network but the hub. */
export async function launchBrowser(): Promise<OpenBrowser> {
  const profile = fs.mkdtempSync(path.join(os.tmpdir(), 'hub-console-'));
  const context = await chromium.launchPersistentContext(profile, {
    executablePath: CHROMIUM,
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
    viewport: { width: 1360, height: 900 },
    locale: 'ru-RU',
  });
  return {
    context,
    async close() {
      await context.close();
      fs.rmSync(profile, { recursive: true, force: true });
    },
  };
}

/** axe-core in the page: the violations that matter (serious, critical), described enough to fix them. */
export async function seriousViolations(page: Page): Promise<string[]> {
  const source = fs.readFileSync(require.resolve('axe-core/axe.min.js'), 'utf8');
  await page.addScriptTag({ content: source });
  const result = await page.evaluate(async () => {
    const axe = (window as unknown as { axe: { run: (ctx: unknown, opts: unknown) => Promise<any> } }).axe;
    const r = await axe.run(document, { runOnly: { type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'best-practice'] } });
    return r.violations
      .filter((v: any) => v.impact === 'serious' || v.impact === 'critical')
      .map((v: any) => `${v.id} (${v.impact}): ${v.nodes.map((n: any) => n.target.join(' ')).join(', ')}`);
  });
  return result as string[];
}

export async function screenshot(page: Page, name: string) {
  fs.mkdirSync(SCREENSHOTS, { recursive: true });
  await page.screenshot({ path: path.join(SCREENSHOTS, `${name}.png`), fullPage: true });
}
