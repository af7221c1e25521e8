/** The operator dock's tabs, as a test reaches a control in one of them. */
import type { Page } from '@playwright/test';

export type DockTabName =
  | 'Cues'
  | 'Quick'
  | 'Avatar'
  | 'Say it'
  | 'Audio'
  | 'Agents'
  | 'Connect'
  | 'キュー'
  | 'クイック'
  | 'アバター'
  | '発話'
  | '音声'
  | 'エージェント'
  | '接続';

/** Opens the dock tab (by its accessible name) and resolves once its panel shows it. */
export async function openTab(page: Page, name: DockTabName): Promise<void> {
  const tab = page.getByRole('tab', { name, exact: false });
  await tab.click();
  await tab.and(page.locator('[aria-selected="true"]')).waitFor();
}
