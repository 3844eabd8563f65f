//! The board's columns and totals.

mod common;

use chrono::NaiveDate;
use common::*;
use waypoint::core::command::{apply, Command, Outcome};
use waypoint::core::deal::board::{columns, neighbours, owners, tags, BoardFilter, StatusFilter};
use waypoint::core::model::{DealStatus, Id};

#[test]
fn columns_hold_open_deals_per_stage_with_totals_per_currency() {
    let mut ws = workspace();
    let rid = roadmap_id(&ws);
    let mut ids = Vec::new();
    for (customer, value, currency, stage) in
        [("A", 100_00, "USD", 0), ("B", 250_00, "USD", 0), ("C", 70_00, "EUR", 0), ("D", 5_00, "USD", 2)]
    {
        let mut f = fields(&ws, customer, value);
        f.currency = currency.into();
        f.stage_id = stage_id(&ws, stage);
        let Ok(Outcome::Created(id)) = apply(&mut ws, Command::CreateDeal { roadmap_id: rid.clone(), fields: f, sample: false }, NOW)
        else {
            panic!()
        };
        ids.push(id);
    }
    // A won deal leaves the default (open deals) board.
    ws.deal_mut(&ids[3]).unwrap().status = DealStatus::Won;

    let cols = columns(&ws, &rid, &BoardFilter::default(), today());
    assert_eq!(cols.len(), ws.roadmaps[0].stages.len());
    assert_eq!(cols[0].deal_ids().cloned().collect::<Vec<_>>(), ids[..3].to_vec());
    // USD: 100 + 250 = 350.00; EUR: 70.00
    assert_eq!(cols[0].totals, vec![("EUR".to_owned(), 70_00), ("USD".to_owned(), 350_00)]);
    assert!(cols[2].deals.is_empty() && cols[2].totals.is_empty());
}

#[test]
fn neighbours_name_the_stages_either_side() {
    let ws = workspace();
    let ids = |stage_id: Id| {
        let (back, forward) = neighbours(&ws.roadmaps[0], &stage_id);
        (back.map(|s| s.id.clone()), forward.map(|s| s.id.clone()))
    };
    assert_eq!(ids(stage_id(&ws, 0)), (None, Some(stage_id(&ws, 1))));
    assert_eq!(ids(stage_id(&ws, 2)), (Some(stage_id(&ws, 1)), Some(stage_id(&ws, 3))));
    let last = ws.roadmaps[0].stages.len() - 1;
    assert_eq!(ids(stage_id(&ws, last)), (Some(stage_id(&ws, last - 1)), None));
}

fn today() -> NaiveDate {
    NaiveDate::from_ymd_opt(2026, 11, 20).unwrap()
}

#[test]
fn filters_narrow_the_board_by_owner_segment_status_text_overdue_and_stalled() {
    let mut ws = workspace();
    let rid = roadmap_id(&ws);
    let make = |ws: &mut waypoint::core::model::Workspace, customer: &str, owner: &str, tag: &str| {
        let mut f = fields(ws, customer, 100);
        f.owner = owner.into();
        let Ok(Outcome::Created(id)) = apply(ws, Command::CreateDeal { roadmap_id: rid.clone(), fields: f, sample: false }, NOW) else {
            panic!()
        };
        apply(ws, Command::SetDealTags { deal_id: id.clone(), tags: vec![tag.into()] }, NOW).unwrap();
        id
    };
    let a = make(&mut ws, "Acme Robotics", "Ana", "Factory");
    let b = make(&mut ws, "Borealis Bank", "Ben", "Finance");
    let c = make(&mut ws, "Cobalt Mining", "Ana", "Finance");
    apply(&mut ws, Command::CloseDeal { deal_id: c.clone(), won: true, reason: None, note: String::new() }, NOW).unwrap();

    let shown = |filter: BoardFilter, today: NaiveDate| -> Vec<Id> {
        columns(&ws, &rid, &filter, today).iter().flat_map(|c| c.deal_ids().cloned().collect::<Vec<_>>()).collect()
    };
    assert_eq!(shown(BoardFilter::default(), today()), vec![a.clone(), b.clone()]);
    assert_eq!(shown(BoardFilter { owner: Some("Ana".into()), ..Default::default() }, today()), vec![a.clone()]);
    assert_eq!(
        shown(BoardFilter { tag: Some("Finance".into()), status: StatusFilter::All, ..Default::default() }, today()),
        vec![b.clone(), c.clone()]
    );
    assert_eq!(shown(BoardFilter { status: StatusFilter::Won, ..Default::default() }, today()), vec![c.clone()]);
    assert_eq!(shown(BoardFilter { text: "BANK".into(), ..Default::default() }, today()), vec![b.clone()]);
    assert_eq!(shown(BoardFilter { text: "factory".into(), ..Default::default() }, today()), vec![a.clone()], "segments are searched");
    // Created 18 Nov in a 14-day stage: stalled from 3 Dec; its first milestone (day 4) is overdue from 23 Nov.
    assert!(shown(BoardFilter { stalled_only: true, ..Default::default() }, today()).is_empty());
    let late = NaiveDate::from_ymd_opt(2026, 12, 3).unwrap();
    assert_eq!(shown(BoardFilter { stalled_only: true, ..Default::default() }, late), vec![a.clone(), b.clone()]);
    assert!(shown(BoardFilter { overdue_only: true, ..Default::default() }, today()).is_empty());
    assert_eq!(shown(BoardFilter { overdue_only: true, ..Default::default() }, late).len(), 2);

    assert_eq!(owners(&ws), ["Ana", "Ben"]);
    assert_eq!(tags(&ws), ["Factory", "Finance"]);
}

#[test]
fn short_columns_draw_every_card_and_long_ones_only_those_in_view() {
    use waypoint::core::deal::board::{window, OVERSCAN, SLOT_PX, WINDOW_FROM};
    let all = window(WINDOW_FROM, 5_000.0, 600.0, SLOT_PX);
    assert_eq!((all.start, all.end, all.windowed), (0, WINDOW_FROM, false));

    // A wide screen's slot and a touch screen's taller one.
    for slot in [SLOT_PX, 262.0] {
        let top = window(5_000, 0.0, 600.0, slot);
        assert!(top.windowed && top.start == 0 && top.before_px == 0.0);
        assert!(top.end as f64 * slot >= 600.0, "the view is covered");
        assert!(top.end < 30, "but not much more: {}", top.end);

        let middle = window(5_000, 100.0 * slot + 10.0, 600.0, slot);
        assert_eq!(middle.start, 100 - OVERSCAN);
        assert!(middle.end as f64 * slot >= 100.0 * slot + 610.0);
        // The spacers and the drawn cards add up to the full column height.
        let drawn = (middle.end - middle.start) as f64 * slot;
        assert_eq!(middle.before_px + drawn + middle.after_px, 5_000.0 * slot);

        let past_end = window(5_000, 1e9, 600.0, slot);
        assert!(past_end.start <= past_end.end && past_end.end == 5_000 && past_end.after_px == 0.0);
    }
    // The same scroll reaches fewer cards down when each takes more room.
    assert!(window(5_000, 50_000.0, 600.0, 262.0).start < window(5_000, 50_000.0, 600.0, SLOT_PX).start);
    // A slot the page could not say (unstyled, or not a number) counts as the wide screen's.
    for unknown in [0.0, -5.0, f64::NAN, f64::INFINITY] {
        assert_eq!(window(5_000, 10_000.0, 600.0, unknown), window(5_000, 10_000.0, 600.0, SLOT_PX));
    }
}

#[test]
fn a_window_says_which_cards_it_draws_and_reads_their_positions() {
    use waypoint::core::deal::board::{window, Window, OVERSCAN, SLOT_PX};
    let middle = window(5_000, 100.0 * SLOT_PX, 600.0, SLOT_PX);
    assert!(middle.draws(100) && middle.draws(100 - OVERSCAN) && middle.draws(middle.end - 1));
    assert!(!middle.draws(100 - OVERSCAN - 1) && !middle.draws(middle.end) && !middle.draws(0));
    // aria-posinset counts from 1; anything else is not a position.
    assert_eq!(Window::index_of_posinset("1"), Some(0));
    assert_eq!(Window::index_of_posinset("401"), Some(400));
    assert_eq!(Window::index_of_posinset("0"), None);
    assert_eq!(Window::index_of_posinset("x"), None);
}

#[test]
fn a_card_names_its_neighbouring_stages_and_flags_a_stalled_deal() {
    use waypoint::core::deal::card::card_facts;
    let mut ws = workspace();
    let rid = roadmap_id(&ws);
    let acme = fields(&ws, "Acme", 123_456_78);
    let Ok(Outcome::Created(id)) = apply(&mut ws, Command::CreateDeal { roadmap_id: rid, fields: acme, sample: false }, NOW) else {
        panic!()
    };
    let (roadmap, deal) = (&ws.roadmaps[0], ws.deal(&id).unwrap());
    let card = card_facts(roadmap, deal, today()).unwrap();
    assert_eq!(card.customer, "Acme");
    assert!(card.value.contains("123,456.78"), "{}", card.value);
    assert_eq!(card.back, None, "the first stage has nothing before it");
    assert_eq!(card.forward.map(|(id, _)| id), Some(stage_id(&ws, 1)));
    assert_eq!(card.stalled, None);
    assert_eq!(card.open_milestones, roadmap.stages[0].milestones.len());
    let late = NaiveDate::from_ymd_opt(2027, 1, 20).unwrap();
    let stalled = card_facts(roadmap, deal, late).unwrap();
    assert!(matches!(stalled.stalled, Some((days, target)) if days > i64::from(target)));
    assert!(stalled.overdue > 0);
}

#[test]
fn card_texts_follow_the_language_and_leave_out_what_a_deal_lacks() {
    use waypoint::core::deal::card::{card_facts, card_texts};
    use waypoint::core::text::i18n::Lang;
    let mut ws = workspace();
    let rid = roadmap_id(&ws);
    let mut f = fields(&ws, "Acme", 500_00);
    f.owner = String::new();
    let Ok(Outcome::Created(id)) = apply(&mut ws, Command::CreateDeal { roadmap_id: rid, fields: f, sample: false }, NOW) else { panic!() };
    let facts = card_facts(&ws.roadmaps[0], ws.deal(&id).unwrap(), today()).unwrap();
    let (en, zh) = (card_texts(&facts, Lang::En), card_texts(&facts, Lang::Zh));
    assert_eq!(en.customer, "Acme");
    assert_eq!((en.sample_badge, en.overdue.as_deref(), en.stalled.as_deref()), (None, None, None));
    assert_eq!(en.back, None);
    let (stage, label) = en.forward.clone().unwrap();
    assert_eq!(stage, stage_id(&ws, 1).to_string());
    assert!(label.contains(ws.roadmaps[0].stages[1].name.get(Lang::En)), "{label}");
    assert_ne!(en.owner, zh.owner, "the no-owner text is in each language");
    assert_ne!(en.milestones, zh.milestones);
}

#[test]
fn a_packed_card_splits_back_into_its_texts_whatever_they_hold() {
    use waypoint::core::deal::card::{card_facts, card_texts, CARD_FIELD, CARD_TAG};
    use waypoint::core::text::i18n::Lang;
    let mut ws = workspace();
    let rid = roadmap_id(&ws);
    // Separators typed into a customer's name or a tag (a crafted file) must not shift the fields.
    let mut f = fields(&ws, "Ac\u{1f}me", 500_00);
    f.tags = vec!["key\u{1e}account".into(), "east".into()];
    let Ok(Outcome::Created(id)) = apply(&mut ws, Command::CreateDeal { roadmap_id: rid, fields: f, sample: false }, NOW) else { panic!() };
    // Moved on a stage, so the card has both move buttons.
    let next = stage_id(&ws, 1);
    apply(&mut ws, Command::MoveDeal { deal_id: id.clone(), to_stage: next, confirmed: true }, NOW).unwrap();
    let facts = card_facts(&ws.roadmaps[0], ws.deal(&id).unwrap(), today()).unwrap();
    let texts = card_texts(&facts, Lang::En);
    let packed = texts.packed(&id);
    let fields: Vec<&str> = packed.split(CARD_FIELD).collect();
    assert_eq!(fields.len(), 19, "{packed:?}");
    assert_eq!(fields[0], id.as_str());
    assert_eq!(fields[1], texts.label.replace(CARD_FIELD, " "));
    assert_eq!(fields[3], "Ac me");
    assert_eq!(fields[4], "", "not a sample: no badge");
    assert_eq!(fields[5], texts.title.replace(CARD_FIELD, " "));
    assert_eq!(fields[9], texts.follow_up_button);
    assert_eq!(fields[10], texts.value);
    assert_eq!(fields[11].split(CARD_TAG).collect::<Vec<_>>(), ["key account", "east"]);
    assert_eq!((fields[12], fields[13], fields[14]), (texts.owner.as_str(), texts.close.as_str(), texts.milestones.as_str()));
    let (back, forward) = (texts.back.clone().unwrap(), texts.forward.clone().unwrap());
    assert_eq!(fields[15..], [back.0.as_str(), back.1.as_str(), forward.0.as_str(), forward.1.as_str()]);
    // Flags: late, stalled plan and all done, by letter, only when so.
    assert_eq!(fields[2].contains('l'), texts.late);
    assert_eq!(fields[2].contains('s'), texts.stalled_plan);
    assert_eq!(fields[2].contains('d'), texts.all_done);
    assert!(!texts.all_done && !fields[2].contains('d'));
    // The flag lines: empty when the card has none.
    let line = |text: &Option<String>| text.clone().unwrap_or_default();
    assert_eq!(
        (fields[6], fields[7], fields[8]),
        (line(&texts.overdue).as_str(), line(&texts.stalled).as_str(), line(&texts.follow_up).as_str())
    );
}

#[test]
fn cards_packed_into_one_batch_split_back_card_by_card() {
    use waypoint::core::deal::card::{card_facts, card_texts, CARD_FIELD, CARD_NEXT};
    use waypoint::core::text::i18n::Lang;
    let mut ws = workspace();
    let rid = roadmap_id(&ws);
    // The batch separator typed into a name (a crafted file) must not split a card in two.
    let mut ids = Vec::new();
    for customer in ["North\u{1d}wind", "Acme"] {
        let f = fields(&ws, customer, 120_00);
        let Ok(Outcome::Created(id)) = apply(&mut ws, Command::CreateDeal { roadmap_id: rid.clone(), fields: f, sample: false }, NOW)
        else {
            panic!()
        };
        ids.push(id);
    }
    let mut batch = String::new();
    for (i, id) in ids.iter().enumerate() {
        if i > 0 {
            batch.push(CARD_NEXT);
        }
        let texts = card_texts(&card_facts(&ws.roadmaps[0], ws.deal(id).unwrap(), today()).unwrap(), Lang::Zh);
        texts.pack_into(id, &mut batch);
        // Packing alone and packing into a batch write the same card.
        assert!(batch.ends_with(&texts.packed(id)));
    }
    let cards: Vec<Vec<&str>> = batch.split(CARD_NEXT).map(|card| card.split(CARD_FIELD).collect()).collect();
    assert_eq!(cards.len(), 2, "{batch:?}");
    assert!(cards.iter().all(|fields| fields.len() == 19));
    assert_eq!((cards[0][0], cards[0][3]), (ids[0].as_str(), "North wind"));
    assert_eq!((cards[1][0], cards[1][3]), (ids[1].as_str(), "Acme"));
}
