//! Bytes as text, 15 bits to a character: how the stored copy's deflated JSON fits in
//! localStorage, which holds strings (two fifths of the characters base64 would take).
//!
//! Both ways live here, so the format has one home: unpacking is on start-up's path
//! (~1.4 MB for 10,000 deals), and this crate is compiled for speed. `core::files::stored`
//! writes and reads the stored copy with them.

/// Added to each 15-bit value, past the control characters; the highest character (U+801F)
/// stays below the surrogates, so every character is a valid, whole one.
pub const OFFSET: u32 = 0x20;
/// The bits each character carries.
pub const BITS: u32 = 15;

/// Appends `bytes` to `out`, 15 bits to a character; the last character is padded with zeros.
pub fn pack(bytes: &[u8], out: &mut String) {
    let (mut acc, mut held) = (0u32, 0u32);
    let emit = |value: u32, out: &mut String| out.push(char::from_u32(OFFSET + value).expect("below the surrogates"));
    for &byte in bytes {
        acc = (acc << 8) | u32::from(byte);
        held += 8;
        if held >= BITS {
            held -= BITS;
            emit((acc >> held) & 0x7FFF, out);
        }
    }
    if held > 0 {
        emit((acc << (BITS - held)) & 0x7FFF, out);
    }
}

/// The `len` bytes packed in `chars`; `None` when a character is outside the packing's range
/// or the characters hold fewer than `len` bytes. Bits past the `len`th byte are the last
/// character's padding, and are dropped.
pub fn unpack(chars: &str, len: usize) -> Option<Vec<u8>> {
    let mut bytes = Vec::with_capacity(len);
    let (mut acc, mut held) = (0u32, 0u32);
    for c in chars.chars() {
        let value = u32::from(c).checked_sub(OFFSET).filter(|v| *v <= 0x7FFF)?;
        acc = (acc << BITS) | value;
        held += BITS;
        while held >= 8 {
            held -= 8;
            if bytes.len() < len {
                bytes.push((acc >> held) as u8);
            }
        }
        // At most 7 bits are held here, so the next shift cannot overflow.
        acc &= (1 << held) - 1;
    }
    (bytes.len() == len).then_some(bytes)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn packed(bytes: &[u8]) -> String {
        let mut out = String::new();
        pack(bytes, &mut out);
        out
    }

    #[test]
    fn unpacks_what_was_packed_at_every_length() {
        for len in 0..64 {
            let bytes: Vec<u8> = (0..len).map(|i| (i * 37 + 11) as u8).collect();
            assert_eq!(unpack(&packed(&bytes), bytes.len()), Some(bytes));
        }
    }

    #[test]
    fn refuses_characters_outside_the_range_and_short_text() {
        let packed = packed(b"waypoint");
        // 8 bytes take 5 characters, which hold 9 (the last carries padding): 10 is too many.
        assert_eq!(unpack(&packed, 10), None, "fewer bytes than the count says");
        assert_eq!(unpack(&format!("{packed}\u{1F}"), 8), None, "a control character");
        assert_eq!(unpack(&format!("{packed}\u{9000}"), 8), None, "past U+801F");
    }

    #[test]
    fn extra_characters_do_not_overflow() {
        // A damaged copy with characters past its count: the count's bytes come back, and
        // the extra bits are dropped without the held bits ever overflowing.
        let packed = packed(b"waypoint") + &"\u{801F}".repeat(10);
        assert_eq!(unpack(&packed, 8), Some(b"waypoint".to_vec()));
    }
}
