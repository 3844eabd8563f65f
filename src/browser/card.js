// Builds board cards (their class, marks and inside) from the texts the app worked out in Rust
// (core::deal::card::CardTexts::packed, which says the order of the fields).
//
// One string crosses from wasm for all the cards drawn in a task, instead of a dozen
// per card that are each decoded on the way, and the DOM calls are made here the way
// plain DOM code makes them: that is what lets a board of a thousand cards draw nearly
// as fast as hand-written DOM. Texts go in as textContent and attributes, never as HTML.

const FIELD = '\x1f';
const TAG = '\x1e';
const NEXT = '\x1d';

function el(tag, className, text) {
  const node = document.createElement(tag);
  node.className = className;
  if (text !== undefined) node.textContent = text;
  return node;
}

function withTestId(node, testid) {
  node.setAttribute('data-testid', testid);
  return node;
}

/** A flag line: its text again as a title, as a windowed column cuts long flags to one line. */
function flag(className, testid, text) {
  const line = withTestId(el('p', className, text), testid);
  line.title = text;
  return line;
}

function moveButton(testid, glyph, stage, label) {
  const button = withTestId(el('button', 'card-move', glyph), testid);
  button.setAttribute('data-move-to', stage);
  button.setAttribute('aria-label', label);
  button.title = label;
  return button;
}

function fillCard(card, packed) {
  const [id, label, flags, customer, badge, title, overdue, stalled, followUp, followUpButton, value, tags, owner, close, milestones,
    backStage, backLabel, forwardStage, forwardLabel] = packed.split(FIELD);
  card.className = `card${flags.includes('l') ? ' card-late' : ''}${flags.includes('s') ? ' card-stalled-plan' : ''}`;
  card.draggable = true;
  card.setAttribute('data-testid', 'deal-card');
  card.setAttribute('data-deal-id', id);
  card.setAttribute('aria-label', label);

  const top = el('div', 'card-top');
  const open = withTestId(el('button', 'card-open'), 'deal-open');
  open.append(el('span', 'card-customer', customer));
  top.append(open);
  if (badge) top.append(el('span', 'badge badge-sample', badge));
  card.append(top, el('p', 'card-title', title));
  if (overdue) card.append(flag('card-overdue', 'card-overdue', overdue));
  if (stalled) card.append(flag('card-stalled', 'card-stalled', stalled));
  if (followUp) card.append(flag('card-follow-up', 'card-follow-up', followUp));
  card.append(withTestId(el('p', 'card-value', value), 'deal-value'));
  if (tags) {
    const line = el('p', 'card-tags');
    for (const tag of tags.split(TAG)) line.append(el('span', 'tag', tag));
    card.append(line);
  }
  const meta = el('p', 'card-meta');
  meta.append(el('span', 'card-owner', owner), el('span', 'card-close', close));
  card.append(meta);

  const foot = el('div', 'card-foot');
  const openMilestones = withTestId(el('span', flags.includes('d') ? 'card-milestones all-done' : 'card-milestones', milestones), 'open-milestones');
  const setFollowUp = withTestId(el('button', 'card-follow-up-set', followUpButton), 'card-follow-up-set');
  setFollowUp.type = 'button';
  const moves = el('span', 'card-moves');
  if (backStage) moves.append(moveButton('move-back', '◀', backStage, backLabel));
  if (forwardStage) moves.append(moveButton('move-forward', '▶', forwardStage, forwardLabel));
  // The buttons stay together: in a narrow column they go under the milestones line as one row.
  const actions = el('span', 'card-actions');
  actions.append(setFollowUp, moves);
  foot.append(openMilestones, actions);
  card.append(foot);
}

/** Fills `cards` in order from `packed`, their texts separated by NEXT. */
export function fillCards(cards, packed) {
  const texts = packed.split(NEXT);
  for (let i = 0; i < cards.length; i++) fillCard(cards[i], texts[i]);
}
