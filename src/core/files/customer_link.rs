//! Links between a seller and their customer, carried in the URL fragment like share links
//! (no server ever sees them):
//!
//! - `#plan=<data>`: a deal's plan for its customer (`deal::customer_plan`), read-only.
//! - `#reply=<data>`: the customer's answer to it (`deal::reply`), to merge into the deal.
//!
//! Both are compact JSON in a small versioned wrapper, deflated and in base64url; reading
//! one checks it like an imported file: cut or altered data, a newer format and content
//! out of bounds are refused with a reason, and nothing is changed.

use serde::de::DeserializeOwned;
use serde::{Deserialize, Serialize};

use crate::core::deal::customer_plan::CustomerPlan;
use crate::core::deal::form::MAX_NAME_CHARS;
use crate::core::deal::reply::CustomerReply;
use crate::core::files::share::{pack, unpack, LinkError, MAX_LINK_DATA};

/// Starts the fragment of a link to a customer's plan.
pub const PLAN_PREFIX: &str = "#plan=";
/// Starts the fragment of a link carrying a customer's reply.
pub const REPLY_PREFIX: &str = "#reply=";
/// The format of both links; a link of a later format is refused as `Newer`.
const FORMAT: u32 = 1;
/// More steps than any plan has: a link with more was not made by Waypoint.
const MAX_STEPS: usize = 400;

#[derive(Serialize, Deserialize)]
struct Wrapped<T> {
    v: u32,
    x: T,
}

fn fragment<T: Serialize>(prefix: &str, body: &T) -> Result<String, LinkError> {
    let json = serde_json::to_string(&Wrapped { v: FORMAT, x: body }).unwrap_or_default();
    let data = pack(&json);
    if data.len() > MAX_LINK_DATA {
        return Err(LinkError::TooLarge { chars: data.len(), limit: MAX_LINK_DATA });
    }
    Ok(format!("{prefix}{data}"))
}

fn read<T: DeserializeOwned>(data: &str) -> Result<T, LinkError> {
    let text = unpack(data)?;
    let value: serde_json::Value = serde_json::from_str(&text).map_err(|_| LinkError::Damaged)?;
    match value.get("v").and_then(serde_json::Value::as_u64) {
        Some(v) if v == u64::from(FORMAT) => {}
        Some(v) if v > u64::from(FORMAT) => return Err(LinkError::Newer),
        _ => return Err(LinkError::Damaged),
    }
    serde_json::from_value::<Wrapped<T>>(value).map(|w| w.x).map_err(|_| LinkError::Damaged)
}

/// The fragment of a link to `plan`, or how far over the limit it is.
pub fn plan_fragment(plan: &CustomerPlan) -> Result<String, LinkError> {
    fragment(PLAN_PREFIX, plan)
}

/// The fragment of a link carrying `reply`, or how far over the limit it is.
pub fn reply_fragment(reply: &CustomerReply) -> Result<String, LinkError> {
    fragment(REPLY_PREFIX, reply)
}

/// Reads a page's fragment as a plan link; `None` when it is not one.
pub fn read_plan(hash: &str) -> Option<Result<CustomerPlan, LinkError>> {
    let data = hash.strip_prefix(PLAN_PREFIX)?;
    Some(read::<CustomerPlan>(data).and_then(|plan| if plan_in_bounds(&plan) { Ok(plan) } else { Err(LinkError::Damaged) }))
}

/// Reads a page's fragment as a reply link; `None` when it is not one. Whether the reply
/// fits a deal of this browser is `deal::reply::reply_changes`'s question.
pub fn read_reply(hash: &str) -> Option<Result<CustomerReply, LinkError>> {
    let data = hash.strip_prefix(REPLY_PREFIX)?;
    Some(read::<CustomerReply>(data).and_then(|reply| {
        if reply.done.len() + reply.dates.len() + reply.ratings.len() <= MAX_STEPS {
            Ok(reply)
        } else {
            Err(LinkError::Damaged)
        }
    }))
}

/// What the page can show without surprises: names of sensible length, steps in stages it has.
fn plan_in_bounds(plan: &CustomerPlan) -> bool {
    let short = |t: &str| t.chars().count() <= MAX_NAME_CHARS;
    let texts = [&plan.customer, &plan.title, &plan.seller].into_iter().chain(&plan.stages);
    texts.into_iter().all(|t| short(t))
        && plan.stages.len() <= MAX_STEPS
        && plan.steps.len() <= MAX_STEPS
        && plan.steps.iter().all(|s| short(&s.title) && short(&s.who) && s.stage < plan.stages.len().max(1))
}
