// The dashboard under test: built by Vite into a temporary folder (never the checkout's web/dist), served by
// the real server (createServer + the node:http adapter) on a free loopback port, over the embedded store
// with the demo data; and Debian's Chromium driven by playwright-core, with every non-loopback request
// refused and recorded.
import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { seedDemo } from '../../lib/demo/seed.js';
import { createNodeHandler } from '../../lib/http/node.js';
import { createTestApi } from './graphql.js';

export const ROOT = fileURLToPath(new URL('../..', import.meta.url));
export const CHROMIUM = '/usr/bin/chromium';
export const SCREENSHOTS = join(ROOT, 'test-output');

/** Builds web/ with the project's Vite config into a fresh folder and returns it. */
export function buildDashboard(): string {
  const outDir = mkdtempSync(join(tmpdir(), 'dashboard-'));
  execFileSync(
    process.execPath,
    [
      join(ROOT, 'node_modules/vite/bin/vite.js'),
      'build',
      '--config',
      join(ROOT, 'web/vite.config.ts'),
      '--outDir',
      outDir,
      '--emptyOutDir',
      '--logLevel',
      'warn',
    ],
    {
      cwd: ROOT,
      stdio: ['ignore', 'ignore', 'inherit'],
    },
  );
  return outDir;
}

export interface RunningDashboard {
  url: string;
  api: Awaited<ReturnType<typeof createTestApi>>;
  close(): Promise<void>;
}

export async function startDashboard(env: Record<string, string> = {}): Promise<RunningDashboard> {
  const dir = buildDashboard();
  const api = await createTestApi({ DASHBOARD_DIR: dir, GRAPHIQL: 'true', ...env });
  await seedDemo(api.rt.app);
  const server: Server = createServer(createNodeHandler(api.yoga));
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    api,
    async close() {
      server.closeAllConnections();
      await new Promise((resolve) => server.close(resolve));
      await api.rt.close();
      rmSync(dir, { recursive: true, force: true });
    },
  };
}

const LOOPBACK = new Set(['127.0.0.1', 'localhost', '[::1]']);

export async function launchBrowser() {
  const { chromium } = await import('playwright-core');
  const profile = mkdtempSync(join(tmpdir(), 'chromium-profile-'));
  const context = await chromium.launchPersistentContext(profile, {
    executablePath: CHROMIUM,
    headless: true,
    args: [
      '--headless',
      '--no-sandbox',
      '--disable-gpu',
      '--disable-quic',
      '--no-first-run',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
    ],
    viewport: { width: 1280, height: 900 },
  });
  /** Every request that tried to leave the machine (refused). */
  const offMachine: string[] = [];
  await context.route('**/*', async (route) => {
    const url = new URL(route.request().url());
    if ((url.protocol === 'http:' || url.protocol === 'https:') && !LOOPBACK.has(url.hostname)) {
      offMachine.push(url.href);
      await route.abort('internetdisconnected');
      return;
    }
    await route.continue();
  });
  mkdirSync(SCREENSHOTS, { recursive: true });
  return {
    context,
    offMachine,
    async close() {
      await context.close();
      rmSync(profile, { recursive: true, force: true });
    },
  };
}

export const hasChromium = (): boolean => existsSync(CHROMIUM);
