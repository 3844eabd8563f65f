// Practice scenarios open in a sandbox: whatever happens there, the person's own
// workspace is exactly as it was, in the page and in storage.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { serveDist, launch, openApp, readStored } from './support.mjs';

let server;
let browser;
before(async () => { server = await serveDist(); browser = await launch(); });
after(async () => { await browser?.close(); await server?.close(); });

const storedWorkspace = async (page) => JSON.stringify((await readStored(page)).workspace);
const customers = (page) => page.getByTestId('deal-card').locator('.card-customer').allTextContents();

test('a scenario session leaves the own workspace untouched', async () => {
  const { page, context, errors } = await openApp(browser, server.url, { locale: 'zh-CN' });
  page.on('dialog', (d) => d.accept());
  await page.getByTestId('deal-card').filter({ hasText: '海川物流' }).getByTestId('move-forward').click();
  await page.waitForTimeout(400);
  const before = await storedWorkspace(page);
  const ownCards = await customers(page);

  await page.getByTestId('practice').selectOption('equipment-project');
  const banner = page.getByTestId('sandbox-banner');
  await banner.waitFor();
  assert.match(await banner.textContent(), /练习模式：恒力机械：设备项目销售/);
  assert.ok((await customers(page)).includes('光明家电'), 'the scenario is on the board');
  // Work in the scenario: move a deal, add one, delete the samples' equivalents.
  await page.getByTestId('deal-card').filter({ hasText: '江南汽车零部件' }).getByTestId('move-forward').click();
  await page.getByTestId('new-deal').click();
  await page.getByTestId('field-customer').fill('练习客户');
  await page.getByTestId('field-title').fill('练习商机');
  await page.getByTestId('field-value').fill('5000');
  await page.getByTestId('save-deal').click();
  await page.waitForTimeout(400);
  assert.equal(await storedWorkspace(page), before, 'nothing reached storage');

  await page.getByTestId('reset-scenario').click();
  assert.ok(!(await customers(page)).includes('练习客户'), 'reset gives the scenario back as it started');
  assert.equal(await page.getByTestId('stage-column').first().getByText('江南汽车零部件').count(), 1);

  await page.getByTestId('leave-sandbox').click();
  await banner.waitFor({ state: 'detached' });
  assert.deepEqual(await customers(page), ownCards);
  await page.waitForTimeout(400);
  assert.equal(await storedWorkspace(page), before);
  await page.reload();
  await page.getByTestId('board').waitFor();
  assert.deepEqual(await customers(page), ownCards);
  assert.deepEqual(errors, []);
  await context.close();
});

test('a reload during practice comes back to the own workspace', async () => {
  const { page, context } = await openApp(browser, server.url, { locale: 'en-US' });
  const ownCards = await customers(page);
  await page.getByTestId('practice').selectOption('saas-launch');
  await page.getByTestId('sandbox-banner').waitFor();
  await page.getByTestId('deal-card').filter({ hasText: 'Orange Education' }).getByTestId('move-forward').click();
  await page.reload();
  await page.getByTestId('board').waitFor();
  assert.equal(await page.getByTestId('sandbox-banner').count(), 0);
  assert.deepEqual(await customers(page), ownCards);
  await context.close();
});

test('an own change made just before opening a scenario is saved, even if the page is left in the sandbox', async () => {
  const { page, context, errors } = await openApp(browser, server.url, { locale: 'en-US' });
  await page.waitForTimeout(400);
  // Inside the save delay, then straight into practice, then the page is left.
  await page.getByTestId('deal-card').filter({ hasText: 'Eastline Precision' }).getByTestId('move-forward').click();
  await page.getByTestId('practice').selectOption('saas-launch');
  await page.getByTestId('sandbox-banner').waitFor();
  await page.reload();
  await page.getByTestId('board').waitFor();
  const ws = (await readStored(page)).workspace;
  const eastline = ws.deals.find((d) => d.customer === 'Eastline Precision');
  assert.equal(ws.roadmaps[0].stages.findIndex((s) => s.id === eastline.stage_id), 1, 'the move before practice is kept');
  assert.deepEqual(errors, []);
  await context.close();
});

test('learn mode walks the stages, keeps progress, and scores the ordering self-check', async () => {
  const { page, context, errors } = await openApp(browser, server.url, { locale: 'en-US' });
  await page.getByTestId('tab-learn').click();
  const lesson = page.getByTestId('lesson');
  assert.match(await lesson.textContent(), /Step 1 of 6.*Prospect identification.*What the customer is thinking/);
  await page.getByTestId('learn-mark').click();
  await page.getByTestId('learn-next').click();
  assert.match(await lesson.locator('.lesson-title').textContent(), /Needs analysis/);
  assert.match(await page.getByTestId('lesson-example').textContent(), /Hengli Machinery/);
  assert.equal(await page.getByTestId('learn-progress').textContent(), '1 of 6 mastered');

  // Solve the shuffled list from the keyboard: bring each stage up to its place.
  const expected = await page.getByTestId('learn-step').locator('span:not(.learn-step-number):not(.learn-check)').allTextContents();
  await page.getByTestId('learn-section-checks').click();
  const items = page.getByTestId('quiz-item');
  for (let place = 0; place < expected.length; place++) {
    let names = await items.locator('.quiz-name').allTextContents();
    let at = names.indexOf(expected[place]);
    while (at > place) {
      await items.nth(at).getByRole('button', { name: `Move stage up: ${expected[place]}` }).press('Enter');
      at -= 1;
    }
  }
  await page.getByTestId('quiz-check').click();
  assert.equal(await page.getByTestId('quiz-result').locator('.quiz-verdict').textContent(), 'All correct!');
  assert.equal(await page.getByTestId('quiz-history').textContent(), 'Recent scores: 6/6');

  await page.reload();
  await page.getByTestId('learn-progress').waitFor();
  assert.equal(await page.getByTestId('learn-progress').textContent(), '1 of 6 mastered', 'progress is kept in this browser');
  await page.getByTestId('learn-section-checks').click();
  assert.equal(await page.getByTestId('quiz-history').textContent(), 'Recent scores: 6/6');
  // A fresh shuffle is never already solved, so checking it at once scores below 6.
  await page.getByTestId('quiz-check').click();
  assert.match(await page.getByTestId('quiz-result').locator('.quiz-verdict').textContent(), /^[0-5] of 6 stages in the right place$/);
  assert.deepEqual(errors, []);
  await context.close();
});

test('a presentation run: clicker keys, hidden money, funnel and replay on demand', async () => {
  const { page, context, errors } = await openApp(browser, server.url, { locale: 'zh-CN' });
  await page.setViewportSize({ width: 1280, height: 720 });
  await page.getByTestId('present').click();
  const slide = page.getByTestId('slide');
  await page.getByTestId('presentation').waitFor();
  assert.equal(await page.getByTestId('slide-counter').textContent(), '1 / 20');
  assert.match(await slide.textContent(), /项目销售里程碑.*潜在客户识别.*1 个商机在此阶段，共 ¥35万/);
  await page.keyboard.press('PageDown');
  assert.equal(await slide.locator('.slide-title').textContent(), '潜在客户识别');
  await page.keyboard.press('ArrowRight');
  assert.equal(await slide.locator('.slide-title').textContent(), '整理客户基本信息和联系人');
  assert.match(await slide.textContent(), /进入阶段后第 4 天到期/);
  await page.keyboard.press('PageUp');
  assert.equal(await page.getByTestId('slide-counter').textContent(), '2 / 20');

  await page.keyboard.press('h');
  assert.match(await slide.textContent(), /1 个商机在此阶段/);
  assert.doesNotMatch(await slide.textContent(), /¥/, 'no money in front of the room');
  await page.keyboard.press('f');
  await page.getByTestId('presentation-funnel').waitFor();
  const funnel = await page.getByTestId('present-funnel-canvas').getAttribute('aria-label');
  assert.match(funnel, /^潜在客户识别: 10 · 100%/);
  assert.doesNotMatch(funnel, /¥/);

  await page.keyboard.press('r');
  const replay = page.getByTestId('replay');
  await replay.waitFor();
  await page.waitForFunction(() => Number(document.querySelector('[data-testid=replay]')?.dataset.frame) >= 3);
  await page.screenshot({ path: '/tmp/presentation.png' }).catch(() => {});
  await page.keyboard.press('Escape');
  await page.getByTestId('presentation').waitFor({ state: 'detached' });
  assert.deepEqual(errors, []);
  await context.close();
});

test('the multiple-choice self-checks score answers and explain every option', async () => {
  const { page, context, errors } = await openApp(browser, server.url, { locale: 'en-US' });
  await page.getByTestId('tab-learn').click();
  await page.getByTestId('learn-section-checks').click();
  const stages = (await readStored(page)).workspace.roadmaps[0].stages;
  // Spot the missing milestone, answered from the roadmap itself: all right.
  const missing = page.getByTestId('quiz-missing');
  const questions = missing.getByTestId('choice-question');
  await questions.first().waitFor();
  const count = await questions.count();
  for (let i = 0; i < count; i++) {
    const prompt = await questions.nth(i).locator('.choice-prompt').textContent();
    const [, stageName, listed] = prompt.match(/^“(.+)” lists: (.+)\. Which one is missing\?$/);
    const stage = stages.find((s) => s.name.en === stageName);
    const answer = stage.milestones.map((m) => m.title.en).find((t) => !listed.split(', ').includes(t));
    await questions.nth(i).getByLabel(answer, { exact: true }).check();
  }
  await page.getByTestId('missing-check').click();
  assert.equal(await page.getByTestId('missing-score').textContent(), `${count} of ${count} right`);
  // Every option says why: one ✓, and a reason naming where each wrong one belongs.
  const reasons = missing.getByTestId('choice-why').first().getByTestId('choice-reason');
  assert.equal(await reasons.count(), 4);
  assert.equal((await reasons.allTextContents()).filter((r) => r.startsWith('✓')).length, 1);
  assert.match((await reasons.allTextContents()).find((r) => r.startsWith('·')), / — It belongs to “.+”, not to “.+”\./);
  // Unanswered questions count as wrong and still explain every option.
  const situation = page.getByTestId('quiz-situation');
  await page.getByTestId('situation-check').click();
  assert.equal(await page.getByTestId('situation-score').textContent(), '0 of 2 right');
  assert.match(await situation.getByTestId('choice-why').first().textContent(), /^✗ Not quite/);
  assert.equal(await situation.getByTestId('choice-why').first().getByTestId('choice-reason').count(), 4);
  // Cases from a practice scenario quote its figures.
  assert.match(await page.getByTestId('quiz-cases').getByTestId('choice-question').first().textContent(), /practice data/);
  assert.deepEqual(errors, []);
  await context.close();
});

test('concept lessons: a diagram, the article\'s lists, case questions answered with reasons, progress kept; the glossary', async () => {
  const { page, context, errors } = await openApp(browser, server.url, { locale: 'zh-CN' });
  await page.getByTestId('tab-learn').click();
  await page.getByTestId('learn-section-concepts').click();
  const lesson = page.getByTestId('concept-lesson');
  assert.equal(await lesson.locator('h2').textContent(), '销售里程碑');
  assert.match(await lesson.textContent(), /进度跟踪.*资源管理.*客户沟通.*绩效评估/);
  assert.match(await page.getByTestId('concept-diagram').locator('img').getAttribute('alt'), /确定销售目标 → 分析客户需求 → 设定关键节点 → 制定时间表 → 监控与调整/);
  assert.ok(await page.getByTestId('concept-diagram').locator('img').evaluate((img) => img.complete && img.naturalWidth > 0), 'the diagram draws');
  // Check with nothing chosen: every option is explained and the right ones are marked.
  const quiz = page.getByTestId('quiz-concept-milestones');
  const questions = quiz.getByTestId('choice-question');
  await page.getByTestId('concept-milestones-check').click();
  assert.equal(await page.getByTestId('concept-milestones-score').textContent(), '答对了 0/4 题');
  const right = [];
  for (let i = 0; i < await questions.count(); i++) {
    const marked = (await questions.nth(i).getByTestId('choice-reason').allTextContents()).find((r) => r.startsWith('✓'));
    right.push(marked.slice(2, marked.indexOf(' — ')));
  }
  for (let i = 0; i < right.length; i++) await questions.nth(i).getByLabel(right[i], { exact: true }).check();
  await page.getByTestId('concept-milestones-check').click();
  assert.equal(await page.getByTestId('concept-milestones-score').textContent(), '答对了 4/4 题');
  // Mastered, and still so after a reload.
  await page.getByTestId('concept-mark').click();
  assert.equal(await page.getByTestId('concept-progress').textContent(), '已掌握 1/5 个概念');
  await page.getByTestId('concept-step').nth(4).click();
  assert.equal(await lesson.locator('h2').textContent(), '销售项目管理');
  assert.match(await lesson.textContent(), /S 具体.*M 可衡量.*A 可达成.*R 相关.*T 有时限/);
  await page.reload();
  await page.getByTestId('learn-section-concepts').click();
  assert.equal(await page.getByTestId('concept-progress').textContent(), '已掌握 1/5 个概念');
  await page.getByTestId('learn-section-glossary').click();
  const terms = await page.getByTestId('glossary-term').allTextContents();
  for (const word of ['商机', '线索', '里程碑', '关键节点', '赢单概率', '加权管道', '转化率']) assert.ok(terms.includes(word), word);
  assert.deepEqual(errors, []);
  await context.close();
});

test('a facilitator hands a scenario out as a file and a participant imports it', async () => {
  const facilitator = await openApp(browser, server.url, { locale: 'en-US' });
  await facilitator.page.getByTestId('practice').selectOption('software-key-account');
  await facilitator.page.getByTestId('sandbox-banner').waitFor();
  const [download] = await Promise.all([facilitator.page.waitForEvent('download'), facilitator.page.getByTestId('export').click()]);
  assert.match(download.suggestedFilename(), /^waypoint-scenario-software-key-account-\d{4}-\d{2}-\d{2}\.json$/);
  // The download lives only as long as its browser profile: keep a copy for the participant.
  const file = path.join(os.tmpdir(), `waypoint-handout-${process.pid}.json`);
  await download.saveAs(file);
  await facilitator.context.close();

  const participant = await openApp(browser, server.url, { locale: 'en-US' });
  await participant.page.getByTestId('import-file').setInputFiles(file);
  await participant.page.getByTestId('notice').filter({ hasText: 'Imported 7 deals' }).waitFor();
  assert.equal(await participant.page.getByTestId('roadmap-name').textContent(), 'Roadmap: Key-account roadmap');
  assert.ok((await customers(participant.page)).includes('Voyager Group'));
  fs.rmSync(file);
  await participant.context.close();
});
