/**
 * A Playwright fixture: browser mode with one faithful fake MMDAgent-EX connected,
 * and a check at the end that the panel never closed the agent's connection.
 */
import { expect, test as base } from '@playwright/test';
import { FakeAgent } from './fake-agent';
import { startWebPanel, type WebPanel } from './web-panel';

export const test = base.extend<{ web: WebPanel; agent: FakeAgent }>({
  /* Playwright reads a fixture's dependencies from this destructuring; this one has none. */
  // eslint-disable-next-line no-empty-pattern
  web: async ({}, use) => {
    const web = await startWebPanel();
    await use(web);
    await web.stop();
  },
  agent: async ({ web }, use) => {
    const agent = await FakeAgent.connect(web.agentUrl, { frameMs: 150 });
    await use(agent);
    expect(agent.exitCode, 'the panel closed the agent connection').toBeNull();
    agent.quit();
  },
});

export { expect };
