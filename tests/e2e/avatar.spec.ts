/** The Avatar region through the real UI in Chromium, against a fake agent that answers as the real one does. */
import { expect, test, type Page } from '@playwright/test';
import { loadTestModel } from '../support/avatar-files';
import { openTab } from '../support/dock';
import { FakeAgent } from '../support/fake-agent';
import { expectQuiet } from '../support/wait';
import { sendSentinel, startWebPanel, type WebPanel } from '../support/web-panel';

let web: WebPanel;
let agent: FakeAgent;

test.beforeEach(async () => {
  web = await startWebPanel();
  agent = await FakeAgent.connect(web.agentUrl, {
    startup: ['MODEL_ADD|0|test/Test.pmd', 'MODEL_EVENT_ADD|0'],
    avatar: { modelDir: 'test', actionMs: 1200 },
  });
});

test.afterEach(async () => {
  expect(agent.exitCode, 'the panel closed the agent connection').toBeNull();
  agent.quit();
  await web.stop();
});

async function openAvatar(page: Page): Promise<void> {
  await page.goto(web.uiUrl);
  await expect(page.getByRole('status', { name: 'Connection' }).getByRole('button')).toHaveCount(1);
  await openTab(page, 'Avatar');
  await loadTestModel(page);
  await expect(page.getByRole('region', { name: 'Avatar' })).toContainText(
    'Test.pmd: 3 morphs, 3 actions, 2 avatar morphs',
  );
}

const region = (page: Page) => page.getByRole('region', { name: 'Avatar' });
const lines = (prefix: string) => agent.received.filter((l) => l.startsWith(prefix));

test('an action from the loaded .shapemap plays after __AV_START and __AV_SETMODEL, and shows until its motion ends', async ({
  page,
}) => {
  await openAvatar(page);
  const laugh = region(page).getByRole('button', { name: '2 laugh' });
  await laugh.click();
  await agent.waitFor(() => agent.received.includes('__AV_ACTION,2'), 3000, 'the action line');
  expect(agent.received.filter((l) => l.startsWith('__AV'))).toEqual([
    '__AV_START',
    '__AV_SETMODEL,0',
    '__AV_ACTION,2',
  ]);
  await expect(region(page).getByRole('status', { name: 'Action playing' })).toHaveText('playing: laugh');
  await expect(laugh).toHaveAttribute('aria-pressed', 'true');
  /* The agent's MOTION_EVENT_DELETE|0|__action0 ends it. */
  await expect(laugh).toHaveAttribute('aria-pressed', 'false', { timeout: 5000 });
  await expect(region(page).getByRole('status', { name: 'Action playing' })).toHaveText('');
  await region(page).getByRole('button', { name: '16 thinking' }).click();
  await agent.waitFor(() => agent.avatar.played.includes(16), 3000, 'the second action');
  expect(lines('__AV_START')).toHaveLength(1);
});

test('a morph slider holds its morph, and back at 0 binds it to 0 and then unbinds it', async ({ page }) => {
  await openAvatar(page);
  await region(page).getByRole('searchbox', { name: 'Find morph' }).fill('まば');
  await expect(region(page).getByRole('slider')).toHaveCount(1);
  const blink = region(page).getByRole('slider', { name: 'まばたき' });
  await blink.focus();
  await blink.press('End');
  await agent.waitFor(() => agent.avatar.morphs.get('まばたき') === 1, 3000, 'the eyes closed');
  expect(agent.avatar.bound.has('まばたき')).toBe(true);
  expect(lines('MODEL_BINDFACE').at(-1)).toBe('MODEL_BINDFACE|0|まばたき|1|0.2');
  await blink.press('ArrowLeft');
  await agent.waitFor(() => agent.avatar.morphs.get('まばたき') === 0.99, 3000, 'one step down');
  await blink.press('Home');
  await agent.waitFor(() => agent.received.includes('MODEL_UNBINDFACE|0|まばたき'), 3000, 'the unbind');
  const bindZero = agent.received.indexOf('MODEL_BINDFACE|0|まばたき|0|0.2');
  expect(bindZero).toBeGreaterThan(-1);
  expect(bindZero).toBeLessThan(agent.received.indexOf('MODEL_UNBINDFACE|0|まばたき'));
  expect(agent.avatar.morphs.get('まばたき')).toBe(0);
  expect(agent.avatar.bound.has('まばたき')).toBe(false);
  await expect(blink).toHaveValue('0');
});

test('an avatar-morph slider is resent while held, so the face stays, and released with =0', async ({ page }) => {
  await openAvatar(page);
  const wink = region(page).getByRole('slider', { name: 'wink' });
  await wink.focus();
  await wink.press('End');
  await agent.waitFor(() => agent.received.includes('__AV_EXMORPH,wink=1'), 3000, 'the avatar morph');
  /* The fake lets go after 1 s without a resend, as the real one does; held for 2.5 s it stays. */
  const start = agent.avatar.exmorphTimes.length;
  await agent.waitFor(() => agent.avatar.exmorphTimes.length >= start + 8, 5000, 'eight resends');
  expect(agent.avatar.exmorphValue('wink')).toBe(1);
  const times = agent.avatar.exmorphTimes.slice(start);
  for (let i = 1; i < times.length; i++) expect(times[i]! - times[i - 1]!).toBeLessThan(1000);
  await expect(wink).toHaveAttribute('aria-valuetext', '1, held');
  await wink.press('Home');
  await agent.waitFor(() => agent.received.includes('__AV_EXMORPH,wink=0'), 3000, 'the release');
  expect(agent.avatar.exmorphValue('wink')).toBe(0);
  const after = agent.avatar.exmorphTimes.length;
  await expectQuiet(1200, '__AV_EXMORPH after the release', () => agent.avatar.exmorphTimes.length > after);
});

test('the composer warns before sending an __AV line MMDAgent-EX does not know, and sends it on a second Send', async ({
  page,
}) => {
  await page.goto(web.uiUrl);
  const box = page.getByRole('textbox', { name: 'Message' });
  await box.fill('__AV_TRACK,1,2');
  await expect(page.locator('#compose-feedback')).toContainText('MMDAgent-EX ignores it silently');
  await page.getByRole('button', { name: 'Send', exact: true }).click();
  await expect(page.getByRole('alert')).toContainText('__AV_TRACK is not an __AV line MMDAgent-EX knows');
  await sendSentinel(page, agent, 'KEY|before');
  expect(agent.received).not.toContain('__AV_TRACK,1,2');
  await box.fill('__AV_TRACK,1,2');
  await page.getByRole('button', { name: 'Send', exact: true }).click();
  await page.getByRole('button', { name: 'Send', exact: true }).click();
  await agent.waitFor(() => agent.received.includes('__AV_TRACK,1,2'), 3000, 'the line sent anyway');
});

test('a saved preset applies on its hotkey: the face it saved, then its action; the example presets work too', async ({
  page,
}) => {
  await openAvatar(page);
  const laughMorph = region(page).getByRole('slider', { name: '笑い' });
  await laughMorph.focus();
  await laughMorph.press('End');
  const wink = region(page).getByRole('slider', { name: 'wink' });
  await wink.focus();
  await wink.press('End');
  await agent.waitFor(() => agent.avatar.morphs.get('笑い') === 1, 3000, 'the morph');
  await region(page).getByRole('button', { name: 'Save preset…' }).click();
  await region(page).getByRole('textbox', { name: 'Preset name' }).fill('Cheeky');
  await region(page).getByRole('combobox', { name: 'Action' }).selectOption('laugh');
  await region(page).getByRole('textbox', { name: 'Hotkey' }).fill('Shift+9');
  await region(page).getByRole('button', { name: 'Save', exact: true }).click();
  await expect(region(page).getByRole('button', { name: 'Cheeky', exact: true })).toHaveAttribute(
    'aria-keyshortcuts',
    'Shift+9',
  );

  await region(page).getByRole('button', { name: 'Reset face' }).click();
  await agent.waitFor(() => agent.received.includes('MODEL_UNBINDFACE|0|笑い'), 3000, 'the face reset');
  const mark = agent.received.length;
  await page.locator('body').press('Shift+9');
  await agent.waitFor(() => agent.avatar.played.includes(2), 3000, 'the preset’s action');
  const after = agent.received.slice(mark);
  expect(after).toContain('MODEL_BINDFACE|0|笑い|1|0.2');
  expect(after).toContain('__AV_EXMORPH,wink=1');
  expect(after.indexOf('__AV_ACTION,2')).toBeGreaterThan(after.indexOf('MODEL_BINDFACE|0|笑い|1|0.2'));

  /* The example set's "Eyes closed" (Shift+3) closes the eyes and releases the rest. */
  await page.locator('body').press('Shift+3');
  await agent.waitFor(() => agent.avatar.morphs.get('まばたき') === 1, 3000, 'the example preset');
  await agent.waitFor(() => agent.received.includes('__AV_EXMORPH,wink=0'), 3000, 'the wink released');
  await expect(region(page).getByRole('slider', { name: 'まばたき' })).toHaveValue('1');
});
