// @vitest-environment node
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  apiClient,
  buildConsole,
  launchChromium,
  openPage,
  type RunningServer,
  shot,
  signIn as signInWith,
  signOut,
  startServer,
} from './harness.ts';

/**
 * The console end to end, in headless Chromium against the real API server on a fresh embedded
 * database: an editor of 苍溪县 enters and submits a value, a second user approves it, and the
 * overview's status changes. Screenshots of every page land in apps/admin/test-output/.
 */

const CANGXI = '510824';
const LIZHOU = '510802';
const PASSWORD = 'e2e-password-123';
const EDITOR = { username: 'cangxi-editor', displayName: '王统计' };
const HEAD = { username: 'cangxi-head', displayName: '李主任' };
const VIEWER = { username: 'lizhou-viewer', displayName: '赵查看' };

let server: RunningServer;
let browser: Browser;
let cangxiPlanId = '';

beforeAll(async () => {
  await buildConsole();
  server = await startServer();
  const admin = apiClient(server.url);
  await admin.auth.signIn.mutate({ username: 'admin', password: server.adminPassword });
  for (const [u, role, regionCode] of [
    [EDITOR, 'editor', CANGXI],
    [HEAD, 'editor', CANGXI],
    [VIEWER, 'viewer', LIZHOU],
  ] as const) {
    await admin.users.create.mutate({ ...u, role, regionCode, password: PASSWORD });
  }
  const plans = await admin.plans.list.query({ regionCode: CANGXI });
  cangxiPlanId = plans[0]?.id ?? '';
  if (!cangxiPlanId) throw new Error('苍溪县 has no seeded plan');
  browser = await launchChromium();
}, 300_000);

afterAll(async () => {
  await browser?.close();
  await server?.stop();
}, 60_000);

function newPage(): Promise<Page> {
  return openPage(browser, server.url);
}

function signIn(page: Page, username: string, password = PASSWORD) {
  return signInWith(page, username, password);
}

/** "暂无数据 N 项" from the overview's status counts. */
async function noDataCount(page: Page): Promise<number> {
  const item = page.getByRole('list', { name: '状态计数' }).locator('li', { hasText: '暂无数据' });
  const text = (await item.textContent()) ?? '';
  const n = /(\d+)\s*项/.exec(text)?.[1];
  if (n === undefined) throw new Error(`no count in "${text}"`);
  return Number(n);
}

describe('admin console', () => {
  let indicatorName = '';
  let year = 0;
  let noDataBefore = 0;

  it('signs in as an editor, enters a value with an inline error, saves and submits', async () => {
    const page = await newPage();
    await page.goto('/overview');
    await page.waitForURL(/\/login/);
    await shot(page, '01-sign-in');
    await signIn(page, EDITOR.username);

    // The user and role are always shown.
    const header = page.locator('header');
    await expect(header.textContent()).resolves.toContain(EDITOR.displayName);
    await expect(header.textContent()).resolves.toContain('填报员');

    await page.getByRole('list', { name: '状态计数' }).waitFor();
    noDataBefore = await noDataCount(page);
    expect(noDataBefore).toBeGreaterThan(0);
    await shot(page, '02-overview');

    await page.getByRole('menuitem', { name: '数据填报' }).click();
    const grid = page.locator('table.entry-grid');
    await grid.waitFor();
    // The first editable row whose target is a plain number: its target is a value anyone can type.
    const rows = grid.locator('tbody tr:not(.locked)');
    const count = await rows.count();
    let row = rows.first();
    let value = '';
    for (let i = 0; i < count; i++) {
      const target = ((await rows.nth(i).locator('td').nth(2).textContent()) ?? '').trim();
      if (/^\d+(\.\d+)?$/.test(target)) {
        row = rows.nth(i);
        value = target;
        break;
      }
    }
    expect(value).not.toBe('');
    const cell = row.locator('input').first();
    const label = (await cell.getAttribute('aria-label')) ?? '';
    const m = /^(.*) (\d{4})年本年数值$/.exec(label);
    expect(m).not.toBeNull();
    indicatorName = m?.[1] ?? '';
    year = Number(m?.[2]);
    // Found again by its cell's name: once submitted the row is locked and the filter above moves.
    row = grid.locator('tbody tr', {
      has: page.getByRole('textbox', { name: label, exact: true }),
    });

    // The grammar's error, in Chinese, on the cell itself.
    await cell.fill('九十五点三');
    await expect(cell.getAttribute('aria-invalid')).resolves.toBe('true');
    const error = row.getByRole('alert');
    await expect(error.textContent()).resolves.toContain('无法识别“九十五点三”');
    await shot(page, '03-entry-error');

    await cell.fill(value);
    await expect(row.getByRole('alert').count()).resolves.toBe(0);

    // Leaving with unsaved changes asks first; staying keeps what was typed.
    await page.getByRole('menuitem', { name: '规划总览' }).click();
    const dialog = page.getByRole('dialog', { name: '有未保存的修改' });
    await dialog.waitFor();
    await dialog.getByRole('button', { name: '留在本页' }).click();
    expect(page.url()).toMatch(/\/entry$/);
    await expect(cell.inputValue()).resolves.toBe(value);
    await page.getByRole('button', { name: '保存草稿' }).click();
    await page.getByText('已保存草稿 1 项').waitFor();
    await page.getByRole('button', { name: '提交审核' }).click();
    await page.getByText(/提交审核 1 项/).waitFor();
    await expect(row.textContent()).resolves.toContain('待审核');
    await shot(page, '04-entry-submitted');

    // The editor cannot approve their own submission.
    await page.getByRole('menuitem', { name: '审核队列' }).click();
    const own = page.getByRole('button', { name: `审核通过 ${indicatorName} ${year}年` });
    await expect(own.isDisabled()).resolves.toBe(true);
    await signOut(page);
    await page.context().close();
  }, 120_000);

  it('a second user approves it, and the overview shows the new status', async () => {
    const page = await newPage();
    await signIn(page, HEAD.username);
    await page.getByRole('menuitem', { name: '审核队列' }).click();
    const approve = page.getByRole('button', { name: `审核通过 ${indicatorName} ${year}年` });
    await approve.waitFor();
    await shot(page, '05-approvals');
    await approve.click();
    await page.getByText(`已审核通过：${indicatorName} ${year}年`).waitFor();

    await page.getByRole('menuitem', { name: '规划总览' }).click();
    await page.getByRole('list', { name: '状态计数' }).waitFor();
    await expect(page.getByLabel('评估年度').locator('..').textContent()).resolves.toContain(
      `${year}年`,
    );
    expect(await noDataCount(page)).toBe(noDataBefore - 1);
    await shot(page, '06-overview-after-approval');

    await page.getByRole('menuitem', { name: '指标监测' }).click();
    const link = page.getByRole('link', { name: indicatorName, exact: true });
    const row = page.locator('tr', { has: link });
    await expect(row.textContent()).resolves.not.toContain('暂无数据');
    await shot(page, '07-indicators');

    await link.click();
    await page.getByText('填报记录').waitFor();
    await page.locator('table', { hasText: '审核通过' }).waitFor();
    const history = await page.locator('.ant-card', { hasText: '填报记录' }).textContent();
    expect(history).toContain(EDITOR.username);
    expect(history).toContain(HEAD.username);
    await shot(page, '08-indicator-detail');

    for (const [item, heading, file] of [
      ['上级对标', '上级对标', '09-alignment'],
      ['规划检查', '规划检查', '10-checks'],
      ['服务标准', '基本公共服务标准', '11-services'],
      ['项目任务', '项目与任务', '12-projects'],
      ['操作日志', '操作日志', '13-audit'],
    ] as const) {
      await page.getByRole('menuitem', { name: item }).click();
      await page.getByRole('heading', { level: 3, name: heading }).waitFor();
      await expect.poll(() => page.getByText('加载中…').count(), { timeout: 60_000 }).toBe(0);
      await page.locator('.ant-table-row').first().waitFor({ timeout: 60_000 });
      await shot(page, file);
    }
    await page.context().close();
  }, 180_000);

  it('saves a sheet whole or not at all: one cell changed meanwhile refuses it, named', async () => {
    const page = await newPage();
    await signIn(page, EDITOR.username);
    await page.getByRole('menuitem', { name: '数据填报' }).click();
    const grid = page.locator('table.entry-grid');
    await grid.waitFor();
    // Two editable rows with nothing saved yet and a plain-number target to type.
    const rows = grid.locator('tbody tr:not(.locked)');
    const picked: { label: string; value: string }[] = [];
    for (let i = 0; i < (await rows.count()) && picked.length < 2; i++) {
      const target = ((await rows.nth(i).locator('td').nth(2).textContent()) ?? '').trim();
      const cell = rows.nth(i).locator('input').first();
      if (/^\d+(\.\d+)?$/.test(target) && (await cell.inputValue()) === '') {
        picked.push({ label: (await cell.getAttribute('aria-label')) ?? '', value: target });
      }
    }
    expect(picked).toHaveLength(2);
    const [first, second] = picked as [(typeof picked)[0], (typeof picked)[0]];
    const nameOf = (label: string) => /^(.*) (\d{4})年本年数值$/.exec(label)?.[1] ?? '';
    const sheetYear = Number(/(\d{4})年本年数值$/.exec(first.label)?.[1]);

    // Meanwhile a colleague saves the first row's value through the API.
    const head = apiClient(server.url);
    await head.auth.signIn.mutate({ username: HEAD.username, password: PASSWORD });
    const indicators = await head.indicators.list.query({ planId: cangxiPlanId });
    const idOf = (label: string) => indicators.find((i) => i.name === nameOf(label))?.id ?? '';
    await head.observations.saveDraft.mutate({
      planId: cangxiPlanId,
      indicatorId: idOf(first.label),
      year: sheetYear,
      value: first.value,
      expectedVersion: null,
    });

    for (const p of picked) {
      await page.getByRole('textbox', { name: p.label, exact: true }).fill(p.value);
    }
    await page.getByRole('button', { name: '保存草稿' }).click();
    const alert = page.getByRole('alert').filter({ hasText: '本表未保存' });
    await alert.waitFor();
    const text = (await alert.textContent()) ?? '';
    expect(text).toContain(`“${nameOf(first.label)}”${sheetYear}年`);
    expect(text).toContain(`已被${HEAD.username}修改`);
    expect(text).not.toContain(nameOf(second.label));
    await shot(page, '16-entry-sheet-refused');

    // Nothing of the sheet was written, and what was typed is still in the grid.
    const saved = await head.observations.list.query({ planId: cangxiPlanId, year: sheetYear });
    expect(saved.find((o) => o.indicatorId === idOf(second.label))).toBeUndefined();
    expect(saved.find((o) => o.indicatorId === idOf(first.label))?.enteredBy).toBe(HEAD.username);
    await expect(
      page.getByRole('textbox', { name: second.label, exact: true }).inputValue(),
    ).resolves.toBe(second.value);
    await page.context().close();
  }, 120_000);

  it('refuses pages outside the role, in the console and at the API', async () => {
    const page = await newPage();
    await signIn(page, EDITOR.username);
    await expect(page.getByRole('menuitem', { name: '用户与角色' }).count()).resolves.toBe(0);
    await page.goto('/users');
    await page.getByText('无权访问').waitFor();
    await shot(page, '14-refused-users');
    const status = await page.evaluate(async () => (await fetch('/trpc/users.list')).status);
    expect(status).toBe(403);
    await page.context().close();

    // A viewer of 利州区 reads, but may not enter values, and the API refuses 苍溪县's plan data.
    const viewer = await newPage();
    await signIn(viewer, VIEWER.username);
    await viewer.goto('/entry');
    await viewer.getByText('无权访问').waitFor();
    const refused = await viewer.evaluate(async (planId) => {
      const input = encodeURIComponent(JSON.stringify({ planId }));
      return (await fetch(`/trpc/indicators.list?input=${input}`)).status;
    }, cangxiPlanId);
    expect(refused).toBe(403);
    await viewer.context().close();

    const admin = await newPage();
    await signIn(admin, 'admin', server.adminPassword);
    await admin.getByRole('menuitem', { name: '用户与角色' }).click();
    await admin.getByText(EDITOR.username).waitFor();
    await shot(admin, '15-users');
    await admin.context().close();
  }, 120_000);
});
