// The benchmark's yardstick: the board's columns and cards, built with direct DOM
// calls and per-element listeners, the way a careful hand-written page would do
// it. It does the same work per card as Waypoint's board (group by stage, money,
// open and overdue milestones, stalled days) and produces the same markup, so
// `render_1k_ms / baseline_render_1k_ms` compares rendering, not features.
'use strict';

(() => {
  const css = new URLSearchParams(location.search).get('css');
  if (css) document.write(`<link rel="stylesheet" href="${css}">`);
})();

const DAY = 86400000;
const money = new Intl.NumberFormat('zh-CN', { minimumFractionDigits: 0, maximumFractionDigits: 2 });
const dayOf = (ms) => Math.floor(ms / DAY);

function el(tag, className, text) {
  const node = document.createElement(tag);
  if (className) node.className = className;
  if (text !== undefined) node.textContent = text;
  return node;
}

function card(deal, stage, stages, today) {
  const done = new Set(deal.milestones.filter((m) => m.done_at != null).map((m) => m.milestone_id));
  const entered = dayOf(deal.stage_history[deal.stage_history.length - 1].entered_at);
  const open = stage.milestones.filter((m) => !done.has(m.id));
  const overdue = open.filter((m) => entered + (m.day_offset || 0) < today).length;
  const days = today - entered;
  const stalled = deal.status === 'open' && days > stage.target_days;
  const index = stages.indexOf(stage);

  const article = el('article', overdue > 0 ? 'card card-late' : 'card');
  article.draggable = true;
  article.dataset.testid = 'deal-card';
  article.dataset.dealId = deal.id;
  article.setAttribute('aria-label', `${deal.title}，${deal.customer}`);
  article.addEventListener('dragstart', (ev) => { ev.dataTransfer.setData('text/plain', deal.id); article.classList.add('dragging'); });
  article.addEventListener('dragend', () => article.classList.remove('dragging'));

  const top = el('div', 'card-top');
  const openButton = el('button', 'card-open');
  openButton.dataset.testid = 'deal-open';
  openButton.addEventListener('click', () => {});
  openButton.append(el('span', 'card-customer', deal.customer));
  top.append(openButton);
  article.append(top, el('p', 'card-title', deal.title));
  if (overdue > 0) article.append(el('p', 'card-overdue', `${overdue} 个里程碑已逾期`));
  if (stalled) article.append(el('p', 'card-stalled', `停留 ${days} 天（目标 ${stage.target_days} 天）`));
  article.append(el('p', 'card-value', `¥${money.format(deal.value_minor / 100)}`));
  if (deal.tags && deal.tags.length) {
    const tags = el('p', 'card-tags');
    for (const tag of deal.tags) tags.append(el('span', 'tag', tag));
    article.append(tags);
  }
  const meta = el('p', 'card-meta');
  meta.append(el('span', 'card-owner', deal.owner || '未分配'), el('span', 'card-close', deal.expected_close ? `预计 ${deal.expected_close}` : '未定成交日'));
  article.append(meta);
  const foot = el('div', 'card-foot');
  foot.append(el('span', open.length ? 'card-milestones' : 'card-milestones all-done', open.length ? `${open.length} 个里程碑未完成` : '里程碑已全部完成'));
  // The follow-up button every card carries (issue 22), as the app draws it.
  const followUp = el('button', 'card-follow-up-set', '跟进');
  followUp.type = 'button';
  followUp.dataset.testid = 'card-follow-up-set';
  followUp.addEventListener('click', () => {});
  const actions = el('span', 'card-actions');
  actions.append(followUp);
  const moves = el('span', 'card-moves');
  for (const [target, glyph, testid] of [[stages[index - 1], '◀', 'move-back'], [stages[index + 1], '▶', 'move-forward']]) {
    if (!target) continue;
    const button = el('button', 'card-move', glyph);
    button.dataset.testid = testid;
    const label = `移到「${target.name.zh ?? target.name}」`;
    button.setAttribute('aria-label', label);
    button.title = label;
    button.addEventListener('click', () => {});
    moves.append(button);
  }
  actions.append(moves);
  foot.append(actions);
  article.append(foot);
  return article;
}

function column(stage, deals, stages, today) {
  const section = el('section', 'column');
  section.dataset.testid = 'stage-column';
  section.dataset.stageId = stage.id;
  section.addEventListener('dragover', (ev) => ev.preventDefault());
  section.addEventListener('drop', (ev) => ev.preventDefault());
  const head = el('header', 'column-head');
  const row = el('div', 'column-title-row');
  row.append(el('h3', 'column-title', stage.name.zh ?? stage.name), el('span', 'column-badges'));
  const total = deals.reduce((sum, d) => sum + d.value_minor, 0) / 100;
  const meta = el('p', 'column-meta');
  meta.append(el('span', '', `${deals.length} 个商机`), el('span', 'column-total', `¥${(total / 10000).toFixed(0)}万`));
  head.append(row, meta, el('p', 'column-prob', `赢单概率 ${stage.win_probability}%`));
  const cards = el('div', 'cards');
  for (const deal of deals) cards.append(card(deal, stage, stages, today));
  const add = el('button', 'column-add', '+ 新建商机');
  add.addEventListener('click', () => {});
  section.append(head, cards, add);
  return section;
}

/** Renders every open deal of the first roadmap; returns milliseconds including style and layout. */
window.renderBoard = (workspace) => {
  const host = document.querySelector('.columns');
  host.replaceChildren();
  void document.body.offsetHeight;
  const start = performance.now();
  const roadmap = workspace.roadmaps[0];
  const today = dayOf(Date.now());
  const byStage = new Map(roadmap.stages.map((s) => [s.id, []]));
  for (const deal of workspace.deals) {
    if (deal.roadmap_id === roadmap.id && deal.status === 'open') byStage.get(deal.stage_id)?.push(deal);
  }
  const fragment = document.createDocumentFragment();
  for (const stage of roadmap.stages) fragment.append(column(stage, byStage.get(stage.id), roadmap.stages, today));
  host.append(fragment);
  void document.body.offsetHeight;
  return performance.now() - start;
};
