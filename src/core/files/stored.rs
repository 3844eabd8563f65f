//! The compact form kept in localStorage: the export envelope as compact JSON,
//! deflated, and packed 15 bits to a character.
//!
//! Browsers allow about 5 MiB of localStorage, counted in UTF-16 code units, and
//! Waypoint keeps two copies (the last good one too). Plain JSON of 10,000 deals is
//! about 10 MB; deflated and packed it is about a tenth of that. Exported files
//! stay plain, readable JSON; only the stored copy is packed, and a stored copy
//! written as plain JSON (by an earlier version) still reads.

use std::borrow::Cow;

use miniz_oxide::deflate::core::{compress, create_comp_flags_from_zip_params, CompressorOxide, TDEFLFlush, TDEFLStatus};
use zlib_rs::{Inflate, InflateFlush, Status};
// Bytes as characters, 15 bits each: both ways of the packing live beside the typed pass, in
// the crate the release build compiles for speed (start-up unpacks ~1.4 MB for 10,000 deals).
use waypoint_read::packed::{self, BITS};

use crate::core::files::envelope::{self, ImportError, MAX_IMPORT_BYTES};
use crate::core::model::{Timestamp, Workspace};

/// Marks a packed copy; the byte count follows, then `:` and the packed characters.
const PREFIX: &str = "wp1z:";
/// Deflate level 3: within a few percent of the smallest output at half the time of level 6.
const LEVEL: u8 = 3;

/// The stored text of `ws` in one go: the envelope as compact JSON, deflated and packed (`wp1z:<bytes>:<characters>`).
/// A large workspace is better written a slice at a time with [`Encoding`].
pub fn encode(ws: &Workspace, now: Timestamp) -> String {
    Encoding::new(ws, now).into_text()
}

/// The stored text of one workspace, made a slice at a time: the shell packs a
/// large workspace in short steps between frames instead of one long pause. Each
/// step writes the JSON of the next few deals and deflates it. `new` takes a
/// snapshot (deals are shared, so it costs a pointer per deal); later changes to
/// the workspace do not reach it.
pub struct Encoding {
    snapshot: Workspace,
    now: Timestamp,
    /// The next deal to write; past the last, the tail is written and deflate finishes.
    next_deal: usize,
    started: bool,
    compressor: Box<CompressorOxide>,
    deflated: Vec<u8>,
    written: usize,
    done: bool,
}

impl Encoding {
    /// Starts encoding a snapshot of `ws`, with `now` as its export time; nothing is written until `step` or `into_text`.
    pub fn new(ws: &Workspace, now: Timestamp) -> Self {
        // Raw deflate (no zlib header), default strategy: what `decode` inflates.
        let flags = create_comp_flags_from_zip_params(LEVEL.into(), 0, 0);
        Encoding {
            // Deflated JSON is about an eighth of it (a deal is about 1 KB); the buffer grows if not.
            deflated: vec![0; 4096 + ws.deals.len() * 160],
            snapshot: ws.clone(),
            now,
            next_deal: 0,
            started: false,
            compressor: Box::new(CompressorOxide::new(flags)),
            written: 0,
            done: false,
        }
    }

    /// Writes and deflates about `slice` more bytes of JSON (at least one deal);
    /// true once all of it is deflated.
    pub fn step(&mut self, slice: usize) -> bool {
        if self.done {
            return true;
        }
        let mut json = Vec::new();
        if !self.started {
            json = envelope::compact_pieces::head(&self.snapshot, self.now);
            self.started = true;
        }
        let deals = &self.snapshot.deals;
        while self.next_deal < deals.len() && (json.len() < slice || json.is_empty()) {
            envelope::compact_pieces::deal(&mut json, &deals[self.next_deal], self.next_deal == 0);
            self.next_deal += 1;
        }
        let last = self.next_deal == deals.len() && json.len() < slice;
        if last {
            json.extend_from_slice(&envelope::compact_pieces::tail(&self.snapshot));
        }
        self.deflate(&json, if last { TDEFLFlush::Finish } else { TDEFLFlush::None });
        self.done = last;
        last
    }

    fn deflate(&mut self, mut input: &[u8], flush: TDEFLFlush) {
        loop {
            if self.deflated.len() - self.written < 64 {
                let grown = self.deflated.len() * 2;
                self.deflated.resize(grown, 0);
            }
            let (status, bytes_in, bytes_out) = compress(&mut self.compressor, input, &mut self.deflated[self.written..], flush);
            input = &input[bytes_in..];
            self.written += bytes_out;
            match status {
                TDEFLStatus::Done => {
                    self.deflated.truncate(self.written);
                    return;
                }
                // All of this slice is in; the rest waits for the next step.
                TDEFLStatus::Okay if flush == TDEFLFlush::None && input.is_empty() => return,
                // More room was needed, or the end is still being written out.
                TDEFLStatus::Okay => {}
                // Only a bad parameter or a failed output callback end here; neither is used.
                status => unreachable!("deflate stopped with {status:?}"),
            }
        }
    }

    /// The stored text, deflating whatever is left first.
    pub fn into_text(mut self) -> String {
        while !self.step(usize::MAX) {}
        let deflated = &self.deflated;
        let mut out = String::with_capacity(PREFIX.len() + 12 + deflated.len() * 8 / BITS as usize + 1);
        out.push_str(PREFIX);
        out.push_str(&deflated.len().to_string());
        out.push(':');
        packed::pack(deflated, &mut out);
        out
    }
}

/// Reads a stored copy, packed or plain, into a checked workspace.
pub fn decode(text: &str) -> Result<Workspace, ImportError> {
    envelope::import_json(&json_of(text)?)
}

/// The JSON of a stored copy: a packed copy unpacked and inflated, a plain one as it is.
/// This part of reading needs none of the JSON code (see `codec`), so start-up does it
/// while that code loads.
pub fn json_of(text: &str) -> Result<Cow<'_, str>, ImportError> {
    match text.strip_prefix(PREFIX) {
        Some(rest) => unpacked_json(rest).map(Cow::Owned).ok_or(ImportError::Damaged),
        None => Ok(Cow::Borrowed(text)),
    }
}

/// A stored copy as readable JSON, for the recovery download: a packed copy that
/// still unpacks becomes its JSON (which a person can repair and import); anything
/// else is given back as it is.
pub fn readable_text(text: &str) -> String {
    text.strip_prefix(PREFIX).and_then(unpacked_json).unwrap_or_else(|| text.to_owned())
}

fn unpacked_json(rest: &str) -> Option<String> {
    let (len, chars) = rest.split_once(':')?;
    let bytes = packed::unpack(chars, len.parse().ok()?)?;
    let json = inflate(&bytes, MAX_IMPORT_BYTES as usize)?;
    String::from_utf8(json).ok()
}

/// Deflated JSON is about a ninth of the JSON; the output starts a little larger than that.
const EXPECTED_RATIO: usize = 12;

/// Inflates raw deflate `bytes` into at most `limit` bytes, into one buffer sized from the
/// usual ratio and grown by half when that is not enough (growing by doubling from a small
/// start, zero-filling and copying at each step, was a quarter of reading 10,000 deals).
fn inflate(bytes: &[u8], limit: usize) -> Option<Vec<u8>> {
    let mut out = vec![0; bytes.len().saturating_mul(EXPECTED_RATIO).clamp(1024, limit.max(1024))];
    let mut inflater = Inflate::new(false, 15);
    loop {
        let (read, written) = (usize::try_from(inflater.total_in()).ok()?, usize::try_from(inflater.total_out()).ok()?);
        let status = inflater.decompress(bytes.get(read..)?, out.get_mut(written..)?, InflateFlush::Finish).ok()?;
        let written = usize::try_from(inflater.total_out()).ok()?;
        match status {
            Status::StreamEnd => {
                out.truncate(written);
                return Some(out);
            }
            // The buffer is full and the stream goes on: room for more, up to the limit.
            _ if written == out.len() && out.len() < limit => out.resize((out.len() + out.len() / 2).min(limit), 0),
            // Cut short, or over the limit.
            _ => return None,
        }
    }
}
