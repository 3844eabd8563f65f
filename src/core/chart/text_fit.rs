//! Fitting labels into boxes without font files: an estimate of text width
//! good enough to cut a label with "…" before it spills out of its stage.

/// Estimated width of `text` at `size` pixels: wide (CJK) glyphs count one em, others 0.62 em
/// (a little over the average Latin glyph, so bold labels do not spill).
pub fn estimate_width(text: &str, size: f64) -> f64 {
    text.chars().map(|c| if is_wide(c) { 1.0 } else { 0.62 }).sum::<f64>() * size
}

fn is_wide(c: char) -> bool {
    matches!(c as u32, 0x1100..=0x115F | 0x2E80..=0xA4CF | 0xAC00..=0xD7A3 | 0xF900..=0xFAFF | 0xFE30..=0xFE4F | 0xFF00..=0xFF60 | 0xFFE0..=0xFFE6)
}

/// `text` cut to fit `max_width` at `size`, ending in "…" when cut; empty if not even that fits.
pub fn fit(text: &str, size: f64, max_width: f64) -> String {
    if estimate_width(text, size) <= max_width {
        return text.to_owned();
    }
    let budget = max_width - estimate_width("…", size);
    let mut used = 0.0;
    let mut out = String::new();
    for c in text.chars() {
        used += estimate_width(c.encode_utf8(&mut [0; 4]), size);
        if used > budget {
            break;
        }
        out.push(c);
    }
    if out.is_empty() {
        return String::new();
    }
    out.push('…');
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn wide_glyphs_count_double() {
        assert_eq!(estimate_width("需求", 10.0), 20.0);
        assert!((estimate_width("ab", 10.0) - 12.4).abs() < 1e-9);
    }

    #[test]
    fn labels_are_cut_with_an_ellipsis_only_when_needed() {
        assert_eq!(fit("需求分析", 10.0, 40.0), "需求分析");
        // 25 px less 6.2 for "…" leaves 18.8: one 10 px glyph, not two.
        assert_eq!(fit("需求分析", 10.0, 25.0), "需…");
        // 30 px less 6.2 leaves 23.8: three 6.2 px letters (18.6), not four (24.8).
        assert_eq!(fit("Needs analysis", 10.0, 30.0), "Nee…");
        assert_eq!(fit("需求", 10.0, 8.0), "");
    }
}
