// A team's spreadsheet comes in: a GBK CSV from Excel on a Chinese Windows and an xlsx
// from WPS, through the wizard (columns guessed, an unknown stage, the preview with
// each skipped row's reason), one Undo for the whole import, the same sheet twice
// changing nothing, a remembered mapping, a dropped file, a bad file refused, and a sheet
// picked while the later parts still load going first.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { serveDist, launch, openApp, customers, delayParts } from './support.mjs';

let server;
let browser;
let fixtures;
before(async () => {
  // The fixture files are made by the same code the native tests use (tests/common/sheets.rs).
  fixtures = fs.mkdtempSync(path.join(os.tmpdir(), 'waypoint-sheets-'));
  execFileSync('cargo', ['run', '--quiet', '--example', 'sheet_fixtures', '--', fixtures], { cwd: path.resolve(import.meta.dirname, '../..'), stdio: 'inherit' });
  server = await serveDist();
  browser = await launch();
});
after(async () => { await browser?.close(); await server?.close(); });

const fixture = (name) => path.join(fixtures, name);

test('a GBK CSV from Excel: guessed columns, an unknown stage, the preview, one Undo, and the same sheet twice', async () => {
  const { page, context, errors } = await openApp(browser, server.url, { locale: 'zh-CN' });
  page.on('dialog', (d) => d.accept());
  await page.getByTestId('remove-samples').click();
  await page.getByTestId('deal-card').first().waitFor({ state: 'detached' });
  await page.getByTestId('sheet-file').setInputFiles(fixture('excel-gbk.csv'));
  const wizard = page.getByTestId('sheet-wizard');
  await wizard.waitFor();
  assert.equal(await wizard.getByTestId('sheet-encoding').textContent(), '文字编码：GBK / GB18030（自动识别）');
  const fields = wizard.getByTestId('column-field');
  assert.deepEqual(await fields.evaluateAll((s) => s.map((e) => e.value)),
    ['customer', 'title', 'value', 'stage', 'owner', 'expected_close', 'segment', 'status']);
  assert.match(await wizard.locator('tbody tr').first().textContent(), /华东精密机械二期产线自动化350,000需求分析王磊2027\/1\/20/);
  assert.equal(await wizard.getByTestId('sheet-counts').textContent(), '将新增 4 个商机，更新 0 个，0 个不变，跳过 3 行。');
  assert.deepEqual(await wizard.getByTestId('sheet-skipped-row').allTextContents(), [
    '第 5 行：金额“三十五万”不是数字（可以写 350000、35万 或 ¥350,000）',
    '第 6 行：没有客户名称',
    '第 7 行：日期“下周”无法识别（可以写 2027-01-20、2027/1/20 或 2027年1月20日）',
  ]);
  // 商务谈判 is no stage of the roadmap: added unless the person says otherwise; they put it in 报价阶段.
  assert.equal(await wizard.getByTestId('sheet-new-stages').textContent(), '将在路线图末尾添加阶段：商务谈判');
  await wizard.getByTestId('stage-choice').selectOption({ label: '放入“报价阶段”' });
  await wizard.getByTestId('sheet-new-stages').waitFor({ state: 'detached' });
  await wizard.getByTestId('sheet-confirm').click();
  await page.getByTestId('notice').filter({ hasText: '已从 excel-gbk.csv 导入：新增 4 个商机，更新 0 个。' }).waitFor();
  assert.deepEqual((await customers(page)).sort(), ['华东精密机械', '启明教育集团', '海川物流'].sort(), 'the won deal is not on the open board');
  const quotation = page.getByTestId('stage-column').nth(4);
  assert.match(await quotation.textContent(), /海川物流/);
  // One Undo takes the whole import back.
  await page.getByTestId('undo').click();
  await page.getByTestId('deal-card').first().waitFor({ state: 'detached' });
  assert.deepEqual(await customers(page), []);
  await page.getByTestId('redo').click();
  await page.getByTestId('deal-card').first().waitFor();
  assert.equal((await customers(page)).length, 3);
  // The same sheet again: nothing to change, and the stage choice is remembered.
  await page.getByTestId('sheet-file').setInputFiles(fixture('excel-gbk.csv'));
  await wizard.waitFor();
  assert.equal(await wizard.getByTestId('sheet-counts').textContent(), '将新增 0 个商机，更新 0 个，4 个不变，跳过 3 行。');
  assert.equal(await wizard.getByTestId('sheet-nothing').count(), 1);
  assert.equal(await wizard.getByTestId('sheet-confirm').isDisabled(), true);
  await wizard.getByTestId('sheet-cancel').click();
  await wizard.waitFor({ state: 'detached' });
  assert.deepEqual(errors, []);
  await context.close();
});

test('an xlsx in English: a second sheet, merged cells, a column set not to import, a remembered mapping', async () => {
  const { page, context, errors } = await openApp(browser, server.url, { locale: 'en-US' });
  page.on('dialog', (d) => d.accept());
  await page.getByTestId('remove-samples').click();
  await page.getByTestId('deal-card').first().waitFor({ state: 'detached' });
  await page.getByTestId('sheet-file').setInputFiles(fixture('pipeline.xlsx'));
  const wizard = page.getByTestId('sheet-wizard');
  await wizard.waitFor();
  assert.deepEqual(await wizard.getByTestId('sheet-choice').locator('option').allTextContents(), ['商机', '已成交']);
  assert.equal(await wizard.getByTestId('sheet-merged').textContent(), 'Merged cells were filled with their top-left value (1).');
  assert.equal(await wizard.getByTestId('column-field').nth(2).inputValue(), 'value_wan');
  // The notes column is not wanted.
  await wizard.getByTestId('column-field').nth(6).selectOption('ignore');
  assert.equal(await wizard.getByTestId('sheet-counts').textContent(), '4 deals will be added, 0 updated and 0 left as they are; 0 rows skipped.');
  await wizard.getByTestId('sheet-confirm').click();
  await page.getByTestId('notice').filter({ hasText: 'Imported from pipeline.xlsx: 4 deals added, 0 updated.' }).waitFor();
  const stored = await page.evaluate(() => localStorage.getItem('waypoint.sheet-mappings'));
  assert.match(stored, /"ignore"/);
  // The second sheet, and the remembered choice for the first.
  await page.getByTestId('sheet-file').setInputFiles(fixture('pipeline.xlsx'));
  await wizard.waitFor();
  assert.equal(await wizard.getByTestId('column-field').nth(6).inputValue(), 'ignore', 'the mapping is remembered in this browser');
  await wizard.getByTestId('sheet-choice').selectOption('已成交');
  await wizard.getByTestId('sheet-counts').filter({ hasText: '1 deals will be added' }).waitFor();
  await wizard.getByTestId('sheet-cancel').click();
  assert.deepEqual(errors, []);
  await context.close();
});

test('a dropped sheet opens the wizard; a password-protected workbook is refused and nothing changes', async () => {
  const { page, context, errors } = await openApp(browser, server.url, { locale: 'zh-CN' });
  const before = await customers(page);
  const bytes = [...fs.readFileSync(fixture('utf8-bom.csv'))];
  await page.evaluate((bytes) => {
    const transfer = new DataTransfer();
    transfer.items.add(new File([new Uint8Array(bytes)], '客户表.csv', { type: 'text/csv' }));
    const board = document.querySelector('.board');
    board.dispatchEvent(new DragEvent('dragover', { dataTransfer: transfer, bubbles: true, cancelable: true }));
    board.dispatchEvent(new DragEvent('drop', { dataTransfer: transfer, bubbles: true, cancelable: true }));
  }, bytes);
  const wizard = page.getByTestId('sheet-wizard');
  await wizard.waitFor();
  assert.equal(await wizard.getByTestId('sheet-encoding').textContent(), '文字编码：UTF-8（自动识别）');
  await page.keyboard.press('Escape');
  await wizard.waitFor({ state: 'detached' });
  await page.getByTestId('sheet-file').setInputFiles(fixture('encrypted.xlsx'));
  await wizard.waitFor();
  assert.equal(await wizard.getByTestId('sheet-error').textContent(),
    '无法导入这个表格：这个 Excel 文件设置了打开密码。请在 Excel 里去掉密码（文件 → 信息 → 保护工作簿）后另存，再导入。');
  await wizard.getByTestId('sheet-cancel').click();
  await page.getByTestId('sheet-file').setInputFiles(fixture('not-a-sheet.xlsx'));
  await wizard.getByTestId('sheet-error').filter({ hasText: '这不是表格文件' }).waitFor();
  await wizard.getByTestId('sheet-cancel').click();
  assert.deepEqual(await customers(page), before, 'nothing changed');
  assert.deepEqual(errors, []);
  await context.close();
});

test('on a phone the wizard fits the screen and its table scrolls inside its own box', async () => {
  const context = await browser.newContext({ locale: 'zh-CN', viewport: { width: 390, height: 844 }, isMobile: true, hasTouch: true });
  const page = await context.newPage();
  await page.goto(server.url);
  await page.getByTestId('deal-card').first().waitFor();
  // On a phone the header's actions sit in the overflow menu; the file input is there all the same.
  await page.getByTestId('sheet-file').setInputFiles(fixture('pipeline.xlsx'));
  const wizard = page.getByTestId('sheet-wizard');
  await wizard.getByTestId('sheet-counts').waitFor();
  assert.ok((await page.evaluate(() => document.documentElement.scrollWidth)) <= 390, 'nothing sideways');
  const confirm = wizard.getByTestId('sheet-confirm');
  const box = await confirm.boundingBox();
  assert.ok(box.height >= 44 && box.width >= 44, 'a thumb-sized confirm button');
  await confirm.tap();
  await page.getByTestId('notice').filter({ hasText: '已从 pipeline.xlsx 导入：新增 4 个商机' }).waitFor();
  await context.close();
});

test('a sheet opened while the later parts still load comes first: they wait until its wizard has loaded', async () => {
  const context = await browser.newContext({ locale: 'en-US' });
  const page = await context.newPage();
  const parts = await delayParts(page, 'split_sheet_wizard');
  await page.goto(server.url);
  await page.getByTestId('deal-card').first().waitFor();
  await page.getByTestId('sheet-file').setInputFiles(fixture('excel-gbk.csv'));
  await page.getByTestId('sheet-wizard').waitFor();
  assert.deepEqual(parts.meanwhile(), [], 'parts asked for while the wizard waited for its own');
  // And the preloading goes on once the wizard is up (it was not over before the sheet came).
  await page.waitForFunction(() => performance.getEntriesByType('resource').some((e) => e.name.includes('split_reply_dialog')));
  await context.close();
});
