// @vitest-environment node
import { HOSTILE_TEXTS } from '@minsheng/api/testing';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  buildConsole,
  launchChromium,
  openPage,
  type RunningServer,
  shot,
  signIn,
  startServer,
} from './harness.ts';

/**
 * Text shown as text: hostile strings typed into every free-text field of the console's own
 * forms (a user's name, an observation's source and note, a return reason, a project's progress
 * note) and then read on every page that shows them. Nothing may run, no dialog may open, no
 * element may be made from them, and each must be on the page as the same characters.
 */

const PASSWORD = 'e2e-text-password-1';
const HOSTILE: readonly string[] = Object.values(HOSTILE_TEXTS);
const N = HOSTILE.length;
// Names of this run, so the test also runs again against a server kept up (E2E_BASE_URL).
const RUN = Date.now().toString(36).slice(-5);
/** The i-th user's username; its display name is HOSTILE[i]. */
const userName = (i: number) => `text-${RUN}-${i}`;
/** A value of this run, so that a second run changes the rows the first one returned. */
const VALUE = String(Number.parseInt(RUN, 36) % 1000);
const EDITOR = 0;
const REVIEWER = 1;

let server: RunningServer;
let browser: Browser;
/** What each page saw: dialogs opened and uncaught errors, checked after every page. */
const dialogs: string[] = [];
const errors: string[] = [];
let checkedPages = 0;

beforeAll(async () => {
  browser = await launchChromium();
  await buildConsole();
  server = await startServer();
}, 300_000);

afterAll(async () => {
  await browser?.close();
  await server?.stop();
  console.log(
    `[text console] ${N} hostile texts in 5 kinds of field, ${checkedPages} page states checked: ${dialogs.length} dialogs, ${errors.length} page errors`,
  );
}, 60_000);

async function newPage(): Promise<Page> {
  const page = await openPage(browser, server.url);
  page.on('dialog', (d) => {
    dialogs.push(`${d.type()}: ${d.message()}`);
    void d.dismiss();
  });
  page.on('pageerror', (e) => errors.push(e.message));
  return page;
}

/** Nothing ran and nothing was made of the texts: no flag, no dialog, no handler, no link. */
async function expectInert(page: Page): Promise<void> {
  const found = await page.evaluate(() => {
    const handlers: string[] = [];
    for (const el of document.querySelectorAll('*')) {
      for (const a of el.attributes) {
        if (a.name.startsWith('on')) handlers.push(`<${el.localName} ${a.name}>`);
      }
    }
    return {
      pwned: typeof (window as { __pwned?: unknown }).__pwned,
      handlers,
      imgX: document.querySelectorAll('img[src="x"]').length,
      svgFromText: document.querySelectorAll('svg[onload]').length,
      jsUrls: document.querySelectorAll('[href^="javascript:" i], [src^="javascript:" i]').length,
      scripts: [...document.scripts].filter((s) => s.text.includes('__pwned')).length,
    };
  });
  expect(found).toEqual({
    pwned: 'undefined',
    handlers: [],
    imgX: 0,
    svgFromText: 0,
    jsUrls: 0,
    scripts: 0,
  });
  expect(dialogs).toEqual([]);
  expect(errors).toEqual([]);
  checkedPages++;
}

/**
 * Each text is visible as text (Playwright matches text content) in the page's main part, or in
 * its header where the signed-in user's name is.
 */
async function expectShown(
  page: Page,
  texts: readonly string[],
  part: 'main' | 'header' = 'main',
): Promise<void> {
  const scope = page.locator(part === 'main' ? '#main' : 'header');
  try {
    for (const t of texts) await scope.getByText(t).first().waitFor();
  } catch (error) {
    // Text that is missing may have become markup: say so when it did.
    await expectInert(page);
    throw error;
  }
  const content = (await scope.textContent()) ?? '';
  expect(texts.filter((t) => !content.includes(t))).toEqual([]);
  await expectInert(page);
}

/** A session of its own, signed in as one of the test's users, whose name the header shows. */
async function signedIn(i: number): Promise<Page> {
  const page = await newPage();
  await signIn(page, userName(i), PASSWORD);
  await expectShown(page, [HOSTILE[i] as string], 'header');
  return page;
}

/** The last look: a screenshot for a person, then the session is closed. */
async function done(page: Page, name: string): Promise<void> {
  await shot(page, name);
  await page.context().close();
}

async function open(page: Page, item: string, heading = item): Promise<void> {
  await page.getByRole('menuitem', { name: item }).click();
  await page.getByRole('heading', { level: 3, name: heading }).waitFor();
}

/** What the editor entered, by indicator; the reviewer returns the first with a reason. */
interface Entered {
  name: string;
  year: number;
  source: string;
  note: string;
  reason?: string;
}
const entered: Entered[] = [];

describe('text entered in the console is shown as text', () => {
  it('takes hostile display names in the Users form, refuses a hostile username', async () => {
    const page = await newPage();
    await signIn(page, 'admin', server.adminPassword);
    await open(page, '用户与角色');
    for (let i = 0; i < N; i++) {
      await page.getByRole('button', { name: '新建用户' }).click();
      const form = page.getByRole('dialog', { name: '新建用户' });
      if (i === 0) {
        // A username is a login name: the form holds it to letters, digits and "_.-".
        await form.getByLabel('用户名').fill(HOSTILE_TEXTS.script);
        await form.getByRole('button', { name: /创\s*建/ }).click();
        await form.getByText('2—40位字母、数字').waitFor();
      }
      await form.getByLabel('用户名').fill(userName(i));
      await form.getByLabel('姓名').fill(HOSTILE[i] as string);
      if (i < 2) {
        await form.getByLabel('所属地区').fill('苍溪县');
        await page.locator('.ant-select-item-option', { hasText: '苍溪县' }).click();
      }
      await form.getByLabel('初始密码').fill(PASSWORD);
      await form.getByRole('button', { name: /创\s*建/ }).click();
      await page.getByText(`已创建用户 ${userName(i)}`).waitFor();
    }
    await expectShown(page, HOSTILE);
    await done(page, 'text-01-users');
  }, 90_000);

  it('an editor types them as sources, notes and progress notes', async () => {
    const page = await signedIn(EDITOR);
    await open(page, '数据填报');
    const rows = page.locator('table.entry-grid tbody tr:not(.locked)');
    await rows.first().waitFor();
    for (let i = 0; i < N; i++) {
      const [value, source, note] = [0, 1, 2].map((c) => rows.nth(i).locator('input').nth(c));
      if (!value || !source || !note) throw new Error('an entry row has three inputs');
      const label = (await value.getAttribute('aria-label')) ?? '';
      const m = /^(.*) (\d{4})年本年数值$/.exec(label);
      if (!m) throw new Error(`unexpected cell name "${label}"`);
      const row = {
        name: m[1] ?? '',
        year: Number(m[2]),
        source: HOSTILE[i] ?? '',
        note: HOSTILE[(i + 1) % N] ?? '',
      };
      entered.push(row);
      await value.fill(VALUE);
      await source.fill(row.source);
      await note.fill(row.note);
    }
    await page.getByRole('button', { name: '保存草稿' }).click();
    await page.getByText(`已保存草稿 ${N} 项`).waitFor();
    await page.getByRole('button', { name: '提交审核' }).click();
    await page.getByText(`提交审核 ${N} 项`).waitFor();
    await expectInert(page);

    // One progress note holding every text, a line each: one save instead of seven.
    await open(page, '项目任务', '项目与任务');
    await page
      .getByRole('button', { name: /^更新进度：/ })
      .first()
      .click();
    const dialog = page.getByRole('dialog', { name: '更新项目进度' });
    await dialog.getByLabel('说明').fill(HOSTILE.join('\n'));
    await dialog.getByRole('button', { name: /保\s*存/ }).click();
    await dialog.waitFor({ state: 'hidden' });
    await expectShown(page, HOSTILE);
    await done(page, 'text-02-projects');
  }, 90_000);

  it('a second user reads them in the queue and returns one with every text as its reason', async () => {
    const page = await signedIn(REVIEWER);
    await open(page, '审核队列');
    await expectShown(
      page,
      entered.flatMap((e) => [`来源：${e.source}`, `备注：${e.note}`]),
    );
    await shot(page, 'text-03-approvals');
    // One reason holding every text, a line each: one return instead of seven.
    const first = entered[0];
    if (!first) throw new Error('nothing was entered');
    first.reason = HOSTILE.join('\n');
    const returnButton = page.getByRole('button', {
      name: `退回 ${first.name} ${first.year}年`,
      exact: true,
    });
    await returnButton.click();
    const dialog = page.getByRole('dialog', { name: `退回：${first.name} ${first.year}年` });
    await dialog.getByLabel('退回原因（必填）').fill(first.reason);
    await dialog.getByRole('button', { name: /^退\s*回$/ }).click();
    await page.getByText(`已退回：${first.name} ${first.year}年`).waitFor();
    await returnButton.waitFor({ state: 'detached' });
    await expectInert(page);

    await open(page, '操作日志');
    await expectShown(page, [...HOSTILE, `退回原因：${HOSTILE[0]}`]);
    await shot(page, 'text-04-audit');

    await open(page, '指标监测');
    await expectInert(page);
    await page.getByRole('link', { name: first.name, exact: true }).click();
    await page.getByText('填报记录').waitFor();
    await page.locator('.ant-card', { hasText: '操作留痕' }).getByText('退回').first().waitFor();
    await expectShown(page, [first.source, ...HOSTILE, `退回原因：${HOSTILE[0]}`]);
    await done(page, 'text-05-indicator');
  }, 90_000);

  it('the editor sees the reason on the entry sheet, and the texts kept in its cells', async () => {
    const page = await signedIn(EDITOR);
    await open(page, '数据填报');
    await expectShown(page, [...HOSTILE, `退回原因：${HOSTILE[0]}`]);
    for (const e of entered) {
      const cell = (column: string) =>
        page.getByRole('textbox', { name: `${e.name} ${e.year}年${column}`, exact: true });
      await expect(cell('数据来源').inputValue()).resolves.toBe(e.source);
      await expect(cell('备注').inputValue()).resolves.toBe(e.note);
    }
    await shot(page, 'text-06-entry-returned');
    await page.getByRole('menuitem', { name: '规划总览' }).click();
    await page.getByRole('list', { name: '状态计数' }).waitFor();
    await expectShown(page, [HOSTILE[0] as string], 'header');
    await page.context().close();
  }, 60_000);
});
