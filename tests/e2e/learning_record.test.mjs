// A workshop's last half hour: a trainee passes the final assessment, prints a
// certificate and hands in the record as a file and as a link; the facilitator gathers
// the room's records (a file, a pasted link, a link opened in the address bar), a bad
// one is refused with a reason and changes nothing; the role-play cards per key node.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { serveDist, launch, openApp } from './support.mjs';

let server;
let browser;
before(async () => { server = await serveDist(); browser = await launch(); });
after(async () => { await browser?.close(); await server?.close(); });

/** Checks a quiz once to see its right answers, then answers them all and checks again. */
async function answerAllRight(page, name) {
  const quiz = page.getByTestId(`quiz-${name}`);
  const questions = quiz.getByTestId('choice-question');
  await questions.first().waitFor();
  await page.getByTestId(`${name}-check`).click();
  const right = [];
  for (let i = 0; i < await questions.count(); i++) {
    const marked = (await questions.nth(i).getByTestId('choice-reason').allTextContents()).find((r) => r.startsWith('✓'));
    right.push(marked.slice(2, marked.indexOf(' — ')));
  }
  for (let i = 0; i < right.length; i++) await questions.nth(i).getByLabel(right[i], { exact: true }).check();
  await page.getByTestId(`${name}-check`).click();
  return right.length;
}

test('a trainee passes the final assessment, gets a certificate and hands in the record; the facilitator gathers the room', async () => {
  const trainee = await openApp(browser, server.url, { locale: 'en-US' });
  await trainee.context.grantPermissions(['clipboard-read', 'clipboard-write'], { origin: new URL(server.url).origin });
  const page = trainee.page;
  await page.getByTestId('tab-learn').click();
  await page.getByTestId('learn-mark').click();
  await page.getByTestId('learn-section-concepts').click();
  await page.getByTestId('concept-mark').click();
  await page.getByTestId('learn-section-checks').click();
  await page.getByTestId('missing-check').click();
  await page.getByTestId('learn-section-record').click();
  assert.equal(await page.getByTestId('record-stages').textContent(), 'Stages: 1 of 6 mastered · Prospect identification');
  assert.equal(await page.getByTestId('record-concepts').textContent(), 'Concepts: 1 of 5 mastered');
  assert.match(await page.getByTestId('record-checks').textContent(), /^The missing milestone: 0\/3 · \d{4}-\d{2}-\d{2}$/);
  assert.equal(await page.getByTestId('record-assessment').textContent(), 'Not taken yet. 80% right passes.');
  // Without a name, nothing is handed in.
  await page.getByTestId('record-download').click();
  await page.getByTestId('notice').filter({ hasText: 'Fill in your name first.' }).waitFor();
  await page.getByTestId('record-name').fill('Li Lei');
  await page.getByTestId('record-name').press('Tab');
  assert.equal(await answerAllRight(page, 'assessment'), 10);
  assert.equal(await page.getByTestId('assessment-score').textContent(), '10 of 10 right');
  assert.equal(await page.getByTestId('record-assessment').textContent(), '10 of 10 (100%): passed ✓');
  assert.match(await page.getByTestId('certificate').textContent(), /Certificate of completion.*Li Lei has completed the Waypoint sales roadmap course: 1 stages and 1 concepts mastered, final assessment 100%/);
  await page.getByTestId('record-qr').waitFor();
  // The record as a file and as a link.
  const [download] = await Promise.all([page.waitForEvent('download'), page.getByTestId('record-download').click()]);
  assert.equal(download.suggestedFilename(), 'waypoint-record-Li-Lei.json');
  const file = path.join(os.tmpdir(), `waypoint-record-${process.pid}.json`);
  await download.saveAs(file);
  await page.getByTestId('record-copy').click();
  await page.getByTestId('notice').filter({ hasText: 'Link copied.' }).waitFor();
  const link = await page.evaluate(() => navigator.clipboard.readText());
  assert.match(link, /#record=[A-Za-z0-9_-]+$/);
  // The record survives a reload.
  await page.reload();
  await page.getByTestId('tab-learn').click();
  await page.getByTestId('learn-section-record').click();
  assert.equal(await page.getByTestId('record-name').inputValue(), 'Li Lei');
  assert.equal(await page.getByTestId('record-assessment').textContent(), '10 of 10 (100%): passed ✓');
  assert.deepEqual(trainee.errors, []);
  await trainee.context.close();

  // The facilitator, in Chinese, in a browser of their own.
  const facilitator = await openApp(browser, server.url, { locale: 'zh-CN' });
  const f = facilitator.page;
  await f.getByTestId('tab-learn').click();
  await f.getByTestId('learn-section-facilitator').click();
  assert.equal(await f.getByTestId('role-card').count(), 4, 'one card per key node of the project sale');
  assert.match(await f.getByTestId('role-card').first().textContent(), /推进条件：需求、预算和决策人都已书面确认。/);
  assert.equal(await f.getByTestId('room-empty').textContent(), '还没有学员交来记录。');
  // A file that is not a record: refused with the reason, the room unchanged.
  const bogus = path.join(os.tmpdir(), `waypoint-not-a-record-${process.pid}.json`);
  fs.writeFileSync(bogus, '{"format":"waypoint","version":2,"workspace":{}}');
  await f.getByTestId('room-files').setInputFiles(bogus);
  await f.getByTestId('notice').filter({ hasText: '第 1 份无法读取：这不是 Waypoint 的学习记录' }).waitFor();
  assert.equal(await f.getByTestId('room-empty').count(), 1);
  // The trainee's file, then the same record as a pasted link: one row.
  await f.getByTestId('room-files').setInputFiles(file);
  await f.getByTestId('notice').filter({ hasText: '已加入 1 份记录，更新 0 份，0 份没有变化。' }).waitFor();
  await f.getByTestId('room-links').fill(`${link}\n\nnot a link`);
  await f.getByTestId('room-add').click();
  await f.getByTestId('notice').filter({ hasText: '已加入 0 份记录，更新 0 份，1 份没有变化。 第 2 份无法读取' }).waitFor();
  assert.equal(await f.getByTestId('room-row').count(), 1);
  assert.equal(await f.getByTestId('room-summary').textContent(), '1 名学员 · 1 人参加结业测评 · 1 人通过 · 平均 100%');
  assert.match(await f.getByTestId('room-row').textContent(), /^Li Lei1\/61\/50\/3100% 通过\d{4}-\d{2}-\d{2}$/);
  // A second trainee, who did not pass, handed in as a file.
  const second = JSON.parse(fs.readFileSync(file, 'utf8'));
  Object.assign(second, { id: 'another-browser', name: '韩梅梅', assessment: { ...second.assessment, score: 6 } });
  const secondFile = path.join(os.tmpdir(), `waypoint-record-2-${process.pid}.json`);
  fs.writeFileSync(secondFile, JSON.stringify(second));
  await f.getByTestId('room-files').setInputFiles(secondFile);
  await f.getByTestId('room-row').nth(1).waitFor();
  assert.equal(await f.getByTestId('room-summary').textContent(), '2 名学员 · 2 人参加结业测评 · 1 人通过 · 平均 80%');
  // The first trainee's link opened straight in the address bar: still one row for them.
  await f.goto(link.replace(/^https?:\/\/[^/]+/, new URL(server.url).origin));
  await f.getByTestId('notice').filter({ hasText: '已把 Li Lei 的学习记录加入全班成绩' }).waitFor();
  await f.getByTestId('learn-section-facilitator').click();
  assert.equal(await f.getByTestId('room-row').count(), 2, 'the same trainee stays one row');
  await f.reload();
  await f.getByTestId('tab-learn').click();
  await f.getByTestId('learn-section-facilitator').click();
  assert.equal(await f.getByTestId('room-row').count(), 2, 'the room is kept in this browser');
  assert.deepEqual(facilitator.errors, []);
  await facilitator.context.close();
});

test('a damaged hand-in link opened in the address bar says why, in the person\'s language', async () => {
  const { page, context, errors } = await openApp(browser, server.url, { locale: 'zh-CN' });
  await page.goto(`${server.url}#record=AAAA`);
  await page.getByTestId('notice').filter({ hasText: '无法读取这份学习记录：链接不完整或被改动过，请让学员重新复制。' }).waitFor();
  await page.getByTestId('learn-section-facilitator').click();
  assert.equal(await page.getByTestId('room-empty').count(), 1);
  assert.deepEqual(errors, []);
  await context.close();
});

test('the design exercise walks the five steps and lists what each milestone still lacks', async () => {
  const { page, context, errors } = await openApp(browser, server.url, { locale: 'en-US' });
  await page.getByTestId('tab-learn').click();
  await page.getByTestId('learn-section-design').click();
  const gaps = () => page.getByTestId('design-gap').allTextContents();
  assert.equal((await gaps()).length, 7, 'every step starts empty');
  // 1. The goal, 2. the customer.
  await page.getByTestId('design-goal').fill('12 new manufacturing customers in the east');
  await page.getByTestId('design-goal').blur();
  await page.getByTestId('design-target').fill('12');
  await page.getByTestId('design-target').blur();
  await page.getByTestId('design-end').fill('2027-06-30');
  await page.getByTestId('design-end').blur();
  await page.getByTestId('design-next').click();
  await page.getByTestId('design-needs').fill('Peak-season capacity runs short');
  await page.getByTestId('design-needs').blur();
  await page.getByTestId('design-decision').fill('The plant manager proposes, the general manager decides');
  await page.getByTestId('design-decision').blur();
  // 3. Stages and key nodes, from the current roadmap.
  await page.getByTestId('design-next').click();
  await page.getByTestId('design-from-roadmap').click();
  assert.equal(await page.getByTestId('design-stage').count(), 6);
  // 4. The timeline: owners and due days came along; the feedback points are missing.
  await page.getByTestId('design-next').click();
  const feedback = page.getByTestId('design-feedback');
  const count = await feedback.count();
  assert.equal((await gaps()).filter((g) => g.includes('has no customer feedback planned after it')).length, count);
  for (let i = 0; i < count; i++) await feedback.nth(i).check();
  await page.getByTestId('design-owner').first().fill('');
  await page.getByTestId('design-owner').first().blur();
  assert.deepEqual(await gaps(), [
    '4. “Record the company profile and contacts” in “Prospect identification” has no owner (clear ownership).',
    '5. Decide how often progress is reviewed (regular reviews).',
  ]);
  await page.getByTestId('design-owner').first().fill('Wang Lei');
  await page.getByTestId('design-owner').first().blur();
  // 5. Reviews.
  await page.getByTestId('design-next').click();
  await page.getByTestId('design-review').fill('Every Monday; adjust dates when the customer changes plans');
  await page.getByTestId('design-review').blur();
  await page.getByTestId('design-complete').waitFor();
  // Kept in this browser, and in the learning record.
  await page.reload();
  await page.getByTestId('tab-learn').click();
  await page.getByTestId('learn-section-design').click();
  await page.getByTestId('design-complete').waitFor();
  await page.getByTestId('learn-section-record').click();
  assert.match(await page.getByTestId('record-checks').textContent(), /Design exercise \(items done\): (\d+)\/\1/);
  assert.deepEqual(errors, []);
  await context.close();
});
