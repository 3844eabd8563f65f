//! The packed copy kept in localStorage: reads back exactly, stays within the
//! browser's quota at 10,000 deals, and a damaged copy is reported, never guessed at.

use waypoint::core::files::envelope::{encode_compact, start_from, ImportError, StartFrom};
use waypoint::core::files::stored::{decode, encode, Encoding};
use waypoint::core::generate::generate_workspace;

const NOW: i64 = 1_795_392_000_000;

/// What localStorage counts: UTF-16 code units, two bytes each.
fn stored_bytes(text: &str) -> usize {
    text.encode_utf16().count() * 2
}

#[test]
fn a_packed_copy_reads_back_as_the_same_workspace() {
    for deals in [0, 1, 7, 500] {
        let ws = generate_workspace(5, deals, NOW);
        assert_eq!(decode(&encode(&ws, NOW)), Ok(ws), "{deals} deals");
    }
}

#[test]
fn a_copy_that_packs_far_smaller_than_usual_reads_back_whole() {
    // Notes of one repeated phrase deflate to almost nothing: reading the copy must grow
    // its output many times past the usual ratio.
    let mut ws = generate_workspace(5, 300, NOW);
    for deal in &mut ws.deals {
        for activity in &mut std::sync::Arc::make_mut(deal).activities {
            activity.notes = "跟进".repeat(500);
        }
    }
    let text = encode(&ws, NOW);
    let json_len = encode_compact(&ws, NOW).len();
    assert!(json_len > 40 * stored_bytes(&text) / 2, "the copy packs {json_len} bytes of JSON into {} bytes", stored_bytes(&text));
    assert_eq!(decode(&text), Ok(ws));
}

#[test]
fn packing_in_slices_gives_the_same_text_as_packing_at_once() {
    let ws = generate_workspace(3, 400, NOW);
    let whole = encode(&ws, NOW);
    let json_len = encode_compact(&ws, NOW).len();
    let longest_deal = ws.deals.iter().map(|d| serde_json::to_string(&**d).unwrap().len()).max().unwrap();
    for slice in [1_000, 4_096, 65_536, json_len - 1, json_len, usize::MAX] {
        let mut encoding = Encoding::new(&ws, NOW);
        let mut steps = 1;
        while !encoding.step(slice) {
            steps += 1;
        }
        // A step writes about its slice (whole deals, at least one): small slices, many short steps.
        assert!(steps >= json_len / (slice.saturating_add(longest_deal)), "slice {slice}: {steps} steps");
        assert!(steps <= ws.deals.len() + 2, "slice {slice}: {steps} steps");
        assert!(encoding.step(slice), "a finished encoding stays finished");
        assert_eq!(encoding.into_text(), whole, "slice {slice}");
    }
    // Stopped halfway, the rest is done when the text is asked for.
    let mut half = Encoding::new(&ws, NOW);
    assert!(!half.step(json_len / 2));
    assert_eq!(decode(&half.into_text()), Ok(ws));
}

#[test]
fn the_pieces_a_save_is_written_in_join_into_the_compact_file() {
    use waypoint::core::files::envelope::compact_pieces::{deal, head, tail};
    use waypoint::core::learn::samples::first_visit_workspace;
    use waypoint::core::text::i18n::Lang;
    let empty = {
        let mut ws = generate_workspace(4, 0, NOW);
        ws.deals.clear();
        ws
    };
    for ws in [generate_workspace(8, 120, NOW), first_visit_workspace("t1", Lang::Zh, NOW), empty] {
        let mut joined = head(&ws, NOW);
        for (i, d) in ws.deals.iter().enumerate() {
            deal(&mut joined, d, i == 0);
        }
        joined.extend(tail(&ws));
        assert_eq!(String::from_utf8(joined).unwrap(), encode_compact(&ws, NOW));
    }
}

#[test]
fn a_plain_json_copy_from_an_earlier_version_still_reads() {
    let ws = generate_workspace(9, 40, NOW);
    assert_eq!(decode(&encode_compact(&ws, NOW)), Ok(ws));
}

#[test]
fn every_packed_character_is_a_whole_character_outside_the_surrogates() {
    let text = encode(&generate_workspace(2, 300, NOW), NOW);
    assert!(text.chars().all(|c| !(0xD800..=0xDFFF).contains(&u32::from(c)) && u32::from(c) >= 0x20));
    // One UTF-16 unit per character: packing never needs surrogate pairs.
    assert_eq!(text.encode_utf16().count(), text.chars().count());
}

#[test]
fn ten_thousand_deals_in_two_copies_fit_within_sixty_percent_of_five_mebibytes() {
    let text = encode(&generate_workspace(1, 10_000, NOW), NOW);
    let budget = 5 * 1024 * 1024 * 60 / 100;
    assert!(2 * stored_bytes(&text) <= budget, "two copies take {} bytes, budget {budget}", 2 * stored_bytes(&text));
}

#[test]
fn a_cut_short_or_overwritten_packed_copy_is_damaged() {
    let text = encode(&generate_workspace(4, 60, NOW), NOW);
    let cut: String = text.chars().take(text.chars().count() - 3).collect();
    assert_eq!(decode(&cut), Err(ImportError::Damaged));
    let middle = text.chars().count() / 2;
    let flipped: String =
        text.chars().enumerate().map(|(i, c)| if i == middle { char::from_u32(u32::from(c) ^ 0x55).unwrap() } else { c }).collect();
    assert!(decode(&flipped).is_err(), "a changed character never reads as a workspace silently");
    assert_eq!(decode("wp1z:notanumber:abc"), Err(ImportError::Damaged));
    assert_eq!(decode("wp1z:"), Err(ImportError::Damaged));
}

#[test]
fn a_damaged_main_copy_falls_back_to_the_previous_packed_one() {
    let ws = generate_workspace(6, 30, NOW);
    let good = encode(&ws, NOW);
    match start_from(Some("wp1z:12:\u{4e00}"), Some(&good)) {
        StartFrom::Previous(back, ImportError::Damaged) => assert_eq!(*back, ws),
        other => panic!("expected the previous copy, got {other:?}"),
    }
}

#[test]
fn a_packed_copy_downloads_as_json_that_imports() {
    let ws = waypoint::core::generate::generate_workspace(5, 20, 1_795_000_000_000);
    let packed = waypoint::core::files::stored::encode(&ws, 1_795_000_000_000);
    let readable = waypoint::core::files::stored::readable_text(&packed);
    assert!(readable.starts_with('{'));
    assert_eq!(waypoint::core::files::envelope::import_json(&readable).unwrap(), ws);
    // Text that is not a packed copy comes back unchanged.
    assert_eq!(waypoint::core::files::stored::readable_text("{broken"), "{broken");
}

/// A packed copy of any bytes, as `stored::encode` packs deflated JSON (`wp1z:<bytes>:<characters>`).
fn packed_by_hand(deflated: &[u8]) -> String {
    let mut text = format!("wp1z:{}:", deflated.len());
    waypoint_read::packed::pack(deflated, &mut text);
    text
}

#[test]
fn a_packed_copy_that_would_inflate_past_the_import_limit_is_damaged_and_not_inflated_whole() {
    use waypoint::core::files::envelope::MAX_IMPORT_BYTES;
    let json = encode_compact(&generate_workspace(2, 10, NOW), NOW);
    let within = packed_by_hand(&miniz_oxide::deflate::compress_to_vec(json.as_bytes(), 3));
    assert_eq!(decode(&within), Ok(generate_workspace(2, 10, NOW)), "the hand-made packing is the real one");
    // 64 MiB and a little more of spaces deflate to a few kilobytes.
    let huge = vec![b' '; usize::try_from(MAX_IMPORT_BYTES).unwrap() + 1024];
    let bomb = packed_by_hand(&miniz_oxide::deflate::compress_to_vec(&huge, 3));
    assert!(bomb.len() < 200_000);
    assert_eq!(decode(&bomb), Err(ImportError::Damaged));
}
