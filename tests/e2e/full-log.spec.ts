/** MMDAgent-EX's own log (`Plugin_Remote_AllLog=true`) through the real UI, from a fake agent that sends it as the real one does. */
import { expect, test, type Page } from '@playwright/test';
import { FakeAgent } from '../support/fake-agent';
import { openTab } from '../support/dock';
import { savedSettings, startWebPanel, type WebPanel } from '../support/web-panel';

let web: WebPanel;
let agent: FakeAgent;

test.beforeEach(async () => {
  web = await startWebPanel();
  agent = await FakeAgent.connect(web.agentUrl, {
    allLog: true,
    frameMs: 100,
    startup: ['MODEL_EVENT_ADD|0', 'MOTION_EVENT_ADD|0|base', 'CURRENT_TIME|05|05'],
  });
});

test.afterEach(async () => {
  expect(agent.exitCode, 'the panel closed the agent connection').toBeNull();
  agent.quit();
  await web.stop();
});

const log = (page: Page) => page.getByRole('log', { name: 'Message log' });
const kind = (page: Page) => page.getByRole('combobox', { name: 'Kind' });

test("an agent's own error is caught and found: the row fails with its words, kinds, modules, type chips, scene and its error count", async ({
  page,
}, testInfo) => {
  await page.goto(web.uiUrl);
  await expect(page.getByRole('status', { name: 'Connection' })).toContainText('Connected');
  const message = page.getByRole('textbox', { name: 'Message' });
  await message.fill('MOTION_ADD|0|act|motions/action/nope.vmd|PART|ONCE');
  await message.press('Enter');
  const sent = log(page).locator('.row.dir-out', { hasText: 'MOTION_ADD' });
  /* The agent's Error in the tick of the echo: the row reads failed, with the agent's own words, never delivered. */
  await expect(sent).toContainText('failed: addMotion: not found: motions/action/nope.vmd');
  await expect(sent).not.toContainText('delivered');
  await message.fill('MOTION_ADD|0|act|motions/action/ojigi.vmd|PART|ONCE');
  await message.press('Enter');
  await expect(log(page).locator('.row.dir-out', { hasText: 'ojigi' })).toContainText(/delivered \d+ ms/);
  await expect(log(page)).toContainText('addMotion: not found: motions/action/nope.vmd');
  /* The echo is not a second row; the receipts are hidden until asked for. */
  await expect(log(page).locator('.row.dir-in', { hasText: 'MOTION_ADD|0|act' })).toHaveCount(0);
  await expect(log(page).locator('.row.dir-out')).toHaveCount(2);
  await expect(log(page).locator('.row.captured')).toHaveCount(0);
  await expect(log(page).locator('.row.kind-error .c-module')).toHaveText('MMDAgent');

  await log(page).locator('.row.kind-error').click();
  const detail = page.getByRole('region', { name: 'Message details' });
  await expect(detail.getByRole('definition').nth(0)).toHaveText('MMDAgent');
  await expect(detail.getByRole('definition').nth(1)).toHaveText('Error');
  await page.screenshot({ path: testInfo.outputPath('full-log-error.png') });

  await kind(page).selectOption('error');
  await expect(log(page).locator('.row')).toHaveCount(1);
  await expect(log(page).locator('.row')).toContainText('addMotion: not found: motions/action/nope.vmd');
  await kind(page).selectOption('warning');
  await expect(log(page).locator('.row')).toHaveCount(1);
  await expect(log(page).locator('.row')).toContainText('use embedded BreeSerif font');
  await kind(page).selectOption('all');

  await expect(log(page)).toContainText('CURRENT_TIME');
  await page.getByRole('combobox', { name: 'Message type to hide' }).fill('CURRENT_TIME');
  await page.getByRole('button', { name: 'Hide type' }).click();
  await expect(log(page)).not.toContainText('CURRENT_TIME');

  await page.getByRole('checkbox', { name: 'Receipts' }).check();
  await expect(log(page).locator('.row.captured', { hasText: 'MOTION_ADD' })).toHaveCount(2);

  await openTab(page, 'Agents');
  const scene = page.getByRole('region', { name: 'Scene' });
  await expect(scene.getByRole('button', { name: 'Model 0', exact: true })).toBeVisible();
  await expect(scene.getByRole('button', { name: 'Motion base of model 0' })).toBeVisible();

  /* The agent's card counts what its log reported; the count filters the log to it. */
  await page.getByRole('button', { name: '1 error', exact: true }).click();
  await expect(kind(page)).toHaveValue('error');
  await expect(log(page).locator('.row')).toHaveCount(1);
  await expect(page.getByRole('button', { name: '1 warning', exact: true })).toHaveAttribute(
    'title',
    'Warnings agent #1 reported: 1',
  );
});

test('the .mdf snippet turns on the full log and turns off the HTTP command server, and remembers both', async ({
  page,
}) => {
  await page.goto(web.uiUrl);
  await openTab(page, 'Connect');
  const lines = page.getByRole('textbox', { name: '.mdf lines' });
  await expect(lines).not.toHaveValue(/AllLog/);
  await page.getByRole('checkbox', { name: 'Full log (Plugin_Remote_AllLog)' }).check();
  await expect(lines).toHaveValue(/\nPlugin_Remote_AllLog=true$/);
  await page.getByRole('checkbox', { name: "Turn off MMDAgent-EX's HTTP command server" }).check();
  await expect(lines).toHaveValue(/\nPlugin_Remote_AllLog=true\nhttp_server=false$/);
  await expect
    .poll(() => savedSettings(web.dataDir), { message: 'both choices saved before the reload' })
    .toMatchObject({ mdfAllLog: true, mdfHttpOff: true });
  await page.reload();
  await expect(page.getByRole('checkbox', { name: 'Full log (Plugin_Remote_AllLog)' })).toBeChecked();
  await expect(lines).toHaveValue(/\nPlugin_Remote_AllLog=true\nhttp_server=false$/);
});
