//! Share links: a workspace carried in the URL fragment, so no server ever sees it.
//!
//! - `#scenario=<key>`: a built-in practice scenario as it starts. Short enough for a
//!   QR code a room of phones can scan from a projector.
//! - `#share=<data>`: any workspace, as its compact export JSON, deflated and written
//!   in base64url. A received one is read by the same checks as an imported file.

use base64::engine::general_purpose::URL_SAFE_NO_PAD;
use base64::Engine;
use miniz_oxide::deflate::compress_to_vec;
use miniz_oxide::inflate::decompress_to_vec_with_limit;
use qrcode::render::svg;
use qrcode::{EcLevel, QrCode};

use crate::core::files::envelope::{self, ImportError};
use crate::core::learn::scenarios::ScenarioId;
use crate::core::model::{Timestamp, Workspace};

/// Starts the fragment of a link that carries a whole workspace (`#share=<data>`).
pub const SHARE_PREFIX: &str = "#share=";
/// Starts the fragment of a link to a built-in practice scenario (`#scenario=<key>`).
pub const SCENARIO_PREFIX: &str = "#scenario=";
/// Longer links get cut by chat apps, mail programs and some browsers' address bars.
pub const MAX_LINK_DATA: usize = 8_000;
/// Denser codes than this are hard to scan from a projected screen.
pub const MAX_QR_CHARS: usize = 1_200;
/// Highest deflate level: links are made rarely and every character counts.
const LEVEL: u8 = 10;

/// What a link carries.
#[derive(Debug, Clone, PartialEq)]
pub enum Shared {
    /// A built-in practice scenario, to be played from its start.
    Scenario(ScenarioId),
    /// A workspace, already read and checked like an imported file.
    Workspace(Box<Workspace>),
}

/// Why a share link could not be made or read.
#[derive(Debug, Clone, PartialEq)]
pub enum LinkError {
    /// The workspace needs `chars` characters; links take at most `limit`.
    TooLarge {
        /// Characters of link data the workspace needs (estimated with fast deflate when it is large).
        chars: usize,
        /// The most a link carries ([`MAX_LINK_DATA`]).
        limit: usize,
    },
    /// A scenario link naming no scenario this version knows.
    UnknownScenario(String),
    /// The data is not base64url or does not inflate: the link was cut or altered.
    Damaged,
    /// The data unpacked, but is not a workspace Waypoint accepts.
    Invalid(ImportError),
    /// A plan or reply link made by a newer version of Waypoint, in a form this one does not know.
    Newer,
}

/// The fragment for a built-in scenario.
pub fn scenario_fragment(id: ScenarioId) -> String {
    format!("{SCENARIO_PREFIX}{}", id.scenario().key)
}

/// The fragment carrying `ws`, or how far over the limit it is.
/// Sample deals are left out: they are nobody's data.
pub fn workspace_fragment(ws: &Workspace, now: Timestamp) -> Result<String, LinkError> {
    let json = envelope::encode_compact(&ws.without_samples(), now);
    // A big workspace is measured with fast deflate first: the best level on 10 MB of
    // JSON would hold the page for seconds only to say "too large".
    if json.len() > 32 * MAX_LINK_DATA {
        let rough = base64_len(compress_to_vec(json.as_bytes(), 1).len());
        if rough > 2 * MAX_LINK_DATA {
            return Err(LinkError::TooLarge { chars: rough, limit: MAX_LINK_DATA });
        }
    }
    let data = pack(&json);
    if data.len() > MAX_LINK_DATA {
        return Err(LinkError::TooLarge { chars: data.len(), limit: MAX_LINK_DATA });
    }
    Ok(format!("{SHARE_PREFIX}{data}"))
}

/// Characters of unpadded base64 for `bytes` bytes.
fn base64_len(bytes: usize) -> usize {
    (bytes * 4).div_ceil(3)
}

/// Whether a page's fragment is a share link (of a workspace or a scenario), without reading it.
pub fn is_link(hash: &str) -> bool {
    hash.starts_with(SHARE_PREFIX) || hash.starts_with(SCENARIO_PREFIX)
}

/// Reads a page's fragment; `None` when it is not a share link (a screen's hash).
pub fn read_fragment(hash: &str) -> Option<Result<Shared, LinkError>> {
    if let Some(key) = hash.strip_prefix(SCENARIO_PREFIX) {
        return Some(ScenarioId::from_key(key).map(Shared::Scenario).ok_or_else(|| LinkError::UnknownScenario(key.to_owned())));
    }
    let data = hash.strip_prefix(SHARE_PREFIX)?;
    Some(read_data(data).map(|ws| Shared::Workspace(Box::new(ws))))
}

/// The most a link's data may unpack to: far above what 8,000 characters of deflate
/// hold in practice, far below what would freeze the tab.
const MAX_UNPACKED_BYTES: usize = 4 * 1024 * 1024;

fn read_data(data: &str) -> Result<Workspace, LinkError> {
    envelope::import_json(&unpack(data)?).map_err(LinkError::Invalid)
}

/// Text as link data: deflated at the best level, in base64url.
pub(crate) fn pack(text: &str) -> String {
    URL_SAFE_NO_PAD.encode(compress_to_vec(text.as_bytes(), LEVEL))
}

/// Link data back to its text, or `Damaged` when it was cut, altered or made by something else.
pub(crate) fn unpack(data: &str) -> Result<String, LinkError> {
    // Some apps add a trailing slash or whitespace when they make a link clickable.
    let data = data.trim().trim_end_matches('/');
    // Links made here stay under the limit; a much longer one was made by something else.
    if data.len() > 2 * MAX_LINK_DATA {
        return Err(LinkError::Damaged);
    }
    let packed = URL_SAFE_NO_PAD.decode(data).map_err(|_| LinkError::Damaged)?;
    let json = decompress_to_vec_with_limit(&packed, MAX_UNPACKED_BYTES).map_err(|_| LinkError::Damaged)?;
    String::from_utf8(json).map_err(|_| LinkError::Damaged)
}

/// The link as a QR code in SVG, or `None` when it is too long to scan comfortably.
pub fn qr_svg(url: &str) -> Option<String> {
    if url.len() > MAX_QR_CHARS {
        return None;
    }
    let code = QrCode::with_error_correction_level(url.as_bytes(), EcLevel::M).ok()?;
    Some(
        code.render::<svg::Color>()
            .min_dimensions(256, 256)
            .quiet_zone(true)
            .dark_color(svg::Color("#111111"))
            .light_color(svg::Color("#ffffff"))
            .build(),
    )
}
