/**
 * The console's layout in Chromium: the live log's share of the window at the two sizes operators
 * use, in English and Japanese; statuses that never move it; a bar where nothing covers the address;
 * dialogs that fit; and an accessibility audit with axe-core in both themes and both languages.
 */
import AxeBuilder from '@axe-core/playwright';
import { expect, test, type Page } from '@playwright/test';
import { loadTestModel } from '../support/avatar-files';
import { openTab } from '../support/dock';
import { FakeAgent } from '../support/fake-agent';
import { startWebPanel, type WebPanel } from '../support/web-panel';

let web: WebPanel;
const agents: FakeAgent[] = [];

test.beforeEach(async () => {
  web = await startWebPanel();
  for (const name of ['reception-left', 'reception-right'])
    agents.push(await FakeAgent.connect(`${web.agentUrl}/${name}`, { frameMs: 100, startup: ['MODEL_EVENT_ADD|0'] }));
});

test.afterEach(async () => {
  for (const a of agents.splice(0)) {
    expect(a.exitCode, 'the panel closed an agent connection').toBeNull();
    a.quit();
  }
  await web.stop();
});

async function open(page: Page, lang: 'en' | 'ja', theme: 'dark' | 'light' = 'dark'): Promise<void> {
  await page.goto(web.uiUrl);
  const language = page.getByRole('combobox', { name: 'Language' });
  if (lang === 'ja') await language.selectOption('ja');
  await page.getByRole('combobox', { name: lang === 'ja' ? 'テーマ' : 'Theme' }).selectOption(theme);
  await expect(page.locator('html')).toHaveAttribute('lang', lang);
  await expect(page.locator('html')).toHaveAttribute('data-theme', theme);
  await expect(
    page.getByRole('status', { name: lang === 'ja' ? '接続' : 'Connection' }).getByRole('button'),
  ).toHaveCount(2);
}

const logHeight = async (page: Page): Promise<number> => (await page.locator('[role=log]').boundingBox())!.height;

for (const [width, height, share] of [
  [1280, 800, 0.6],
  [1024, 700, 0.5],
] as const) {
  for (const lang of ['en', 'ja'] as const) {
    test(`at ${width}×${height} (${lang}) the log has at least ${share * 100}% of the height, and nothing moves it`, async ({
      page,
    }) => {
      await page.setViewportSize({ width, height });
      await open(page, lang);
      const before = await logHeight(page);
      expect(before / height).toBeGreaterThanOrEqual(share);
      /* The seven tabs share one row with the fold button: none is cut off. */
      const tabs = await page.getByRole('tablist').evaluate((el) => el.scrollWidth - el.clientWidth);
      expect(tabs, `the tabs overflow by ${tabs} px`).toBeLessThanOrEqual(0);
      /* Every control is one click away without scrolling: no tab's panel needs to scroll, the Avatar tab with a model as large as Gene either. */
      await openTab(page, lang === 'en' ? 'Avatar' : 'アバター');
      await loadTestModel(page, 60);
      await expect(page.getByRole('slider')).toHaveCount(65);
      for (const tab of lang === 'en'
        ? (['Avatar', 'Cues', 'Say it', 'Audio', 'Agents', 'Connect', 'Quick'] as const)
        : (['アバター', 'キュー', '発話', '音声', 'エージェント', '接続', 'クイック'] as const)) {
        await openTab(page, tab);
        expect(await logHeight(page)).toBe(before);
        const overflow = await page.locator('#dock-panel').evaluate((el) => el.scrollHeight - el.clientHeight);
        expect(overflow, `${tab} scrolls by ${overflow} px`).toBeLessThanOrEqual(0);
      }

      /* The address and the agents' badges share the bar: neither lies over the other. */
      const url = (await page.locator('.endpoint-url').boundingBox())!;
      for (const badge of await page.locator('.badge').all()) {
        const b = (await badge.boundingBox())!;
        expect(b.x >= url.x + url.width || b.x + b.width <= url.x).toBe(true);
      }

      /* A refusal in the composer, an agent leaving: statuses have their place, the log keeps its height. */
      await page.getByRole('textbox', { name: lang === 'ja' ? 'メッセージ' : 'Message' }).fill('SNDFILE');
      await page.keyboard.press('Enter');
      await expect(page.locator('#compose-feedback [role=alert]')).toBeVisible();
      agents.pop()!.quit();
      await expect(page.getByRole('alert').filter({ hasText: 'reception-right' })).toBeVisible();
      expect(await logHeight(page)).toBe(before);

      await page.getByRole('button', { name: lang === 'ja' ? '設定' : 'Settings', exact: true }).click();
      const apply = page.getByRole('button', { name: lang === 'ja' ? '適用' : 'Apply' });
      await expect(apply).toBeInViewport({ ratio: 1 });
    });
  }
}

for (const theme of ['dark', 'light'] as const) {
  for (const lang of ['en', 'ja'] as const) {
    test(`axe finds no serious or critical violation (${theme}, ${lang}) on any tab, with an alert showing`, async ({
      page,
    }) => {
      await page.setViewportSize({ width: 1280, height: 800 });
      await open(page, lang, theme);
      agents[0]!.emit('CURRENT_TIME|12|00');
      agents.pop()!.quit();
      await expect(page.getByRole('alert').filter({ hasText: 'reception-right' })).toBeVisible();
      const tabs =
        lang === 'en'
          ? ['Quick', 'Avatar', 'Cues', 'Say it', 'Audio', 'Agents', 'Connect']
          : ['クイック', 'アバター', 'キュー', '発話', '音声', 'エージェント', '接続'];
      const audit = async (where: string): Promise<void> => {
        const results = await new AxeBuilder({ page }).withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa']).analyze();
        const serious = results.violations
          .filter((v) => v.impact === 'serious' || v.impact === 'critical')
          .map((v) => `${v.id} (${v.nodes.length}): ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`);
        expect(serious, `${where}: ${serious.join('\n')}`).toEqual([]);
      };
      /* The Avatar tab as it is used: a model's files given, one agent chosen, a morph held, the preset form open. */
      await openTab(page, tabs[1] as Parameters<typeof openTab>[1]);
      await loadTestModel(page, 10);
      await page
        .getByRole('region', { name: lang === 'ja' ? 'アバター' : 'Avatar' })
        .getByRole('combobox', { name: lang === 'ja' ? 'エージェント' : 'Agent' })
        .selectOption({ label: 'reception-left' });
      await page.getByRole('slider', { name: 'まばたき' }).press('End');
      await page.getByRole('button', { name: lang === 'ja' ? 'プリセットを保存…' : 'Save preset…' }).click();
      for (const tab of tabs) {
        await openTab(page, tab as Parameters<typeof openTab>[1]);
        await audit(tab);
      }
      /* The dialogs an operator opens during a show: settings, the shortcut list, the quick-command editor. */
      await page.getByRole('button', { name: lang === 'ja' ? '設定' : 'Settings', exact: true }).click();
      await audit('Settings');
      await page.getByRole('button', { name: lang === 'ja' ? 'キャンセル' : 'Cancel' }).click();
      await page
        .getByRole('button', { name: lang === 'ja' ? 'キーボードショートカット' : 'Keyboard shortcuts' })
        .click();
      await audit('Shortcuts');
      await page.keyboard.press('Escape');
      await openTab(page, tabs[0] as Parameters<typeof openTab>[1]);
      await page.getByRole('button', { name: lang === 'ja' ? '+ ボタンを追加' : '+ Add button' }).click();
      await audit('Quick-command editor');
    });
  }
}
