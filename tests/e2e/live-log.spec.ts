/** The live log's row window in Chromium: it follows the bottom, and offers a jump back once you scroll up. */
import { expect, test } from '../support/agent-fixture';
import { FakeAgent } from '../support/fake-agent';

for (const height of [600, 800, 1100]) {
  test(`follows the newest row at a ${height} px window, and counts the rows that arrive while scrolled up`, async ({
    page,
    web,
    agent,
  }) => {
    await page.setViewportSize({ width: 1280, height });
    await page.goto(web.uiUrl);
    await expect(page.getByRole('status', { name: 'Connection' })).toContainText('Connected');
    const log = page.getByRole('log', { name: 'Message log' });
    for (let i = 0; i < 120; i++) {
      agent.emit(`ROW|${i}`);
      /* Rows in several renders, not one burst: following is checked at each. */
      if (i % 20 === 19) await expect(log.getByText(`ROW|${i}`, { exact: true })).toBeInViewport();
    }
    await expect(log.getByText('ROW|119', { exact: true })).toBeInViewport();
    await expect(page.getByRole('button', { name: /new ↓/ })).toHaveCount(0);
    /* A second agent adds the agent filter above the log, which shrinks it: the log still follows. */
    const second = await FakeAgent.connect(web.agentUrl);
    await expect(page.getByRole('combobox', { name: 'Agent' })).toBeVisible();
    for (let i = 0; i < 30; i++) second.emit(`OTHER|${i}`);
    await expect(log.getByText('OTHER|29', { exact: true })).toBeInViewport();
    await expect(page.getByRole('button', { name: /new ↓/ })).toHaveCount(0);
    second.quit();
    /* Scrolled up with the wheel: new rows do not move the view, and the button counts them. */
    await log.hover();
    await page.mouse.wheel(0, -100_000);
    await expect(log.getByText('ROW|0', { exact: true })).toBeInViewport();
    for (let i = 120; i < 125; i++) agent.emit(`ROW|${i}`);
    await expect(page.getByRole('button', { name: '5 new ↓' })).toBeVisible();
    await expect(log.getByText('ROW|0', { exact: true })).toBeInViewport();
    await page.getByRole('button', { name: '5 new ↓' }).click();
    await expect(log.getByText('ROW|124', { exact: true })).toBeInViewport();
    agent.emit('ROW|125');
    await expect(log.getByText('ROW|125', { exact: true })).toBeInViewport();
  });
}

test('keeps following through a flood, and only the user (a key here) leaves the bottom', async ({
  page,
  web,
  agent,
}) => {
  await page.goto(web.uiUrl);
  await expect(page.getByRole('status', { name: 'Connection' })).toContainText('Connected');
  const log = page.getByRole('log', { name: 'Message log' });
  for (let i = 0; i < 20_000; i++) agent.emit(`FLOOD|${i}`);
  await expect(log.getByText('FLOOD|19999', { exact: true })).toBeInViewport({ timeout: 20_000 });
  await expect(page.getByRole('button', { name: /new ↓/ })).toHaveCount(0);
  await log.focus();
  await page.keyboard.press('Home');
  await expect(log.getByText('FLOOD|0', { exact: true })).toBeInViewport();
  agent.emit('AFTER|1');
  await expect(page.getByRole('button', { name: '1 new ↓' })).toBeVisible();
  await page.keyboard.press('End');
  await expect(log.getByText('AFTER|1', { exact: true })).toBeInViewport();
  await expect(page.getByRole('button', { name: /new ↓/ })).toHaveCount(0);
});

test('while following, renders four rows above the view (a flood redraws fewer); scrolled up, sixteen', async ({
  page,
  web,
  agent,
}) => {
  await page.goto(web.uiUrl);
  await expect(page.getByRole('status', { name: 'Connection' })).toContainText('Connected');
  const log = page.getByRole('log', { name: 'Message log' });
  for (let i = 0; i < 200; i++) agent.emit(`ROW|${i}`);
  await expect(log.getByText('ROW|199', { exact: true })).toBeInViewport();
  /* The first row in view, as the row window computes it (26 px rows, the view at the bottom). */
  const height = await log.evaluate((el) => el.clientHeight);
  const top = Math.floor((200 * 26 - height) / 26);
  await expect(log.getByText(`ROW|${top - 4}`, { exact: true })).toBeAttached();
  await expect(log.getByText(`ROW|${top - 5}`, { exact: true })).toHaveCount(0);
  /* One wheel turn up: the view leaves the bottom, and sixteen rows above it are ready. */
  await log.hover();
  await page.mouse.wheel(0, -52);
  await expect(log.getByText(`ROW|${top - 2 - 16}`, { exact: true })).toBeAttached();
  await expect(log.getByText(`ROW|${top - 2}`, { exact: true })).toBeInViewport();
});
