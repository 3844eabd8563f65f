//! The Waypoint document as plain data.
//!
//! The app's core re-exports these modules (`waypoint::core::model`, `core::ymd`,
//! `core::text::{Text, Lang}`), so everything else names them from there. They live in a
//! crate of their own so that `waypoint-read` can instantiate their `Deserialize` for
//! serde_json in a crate the release build compiles for speed, while this code (cloning,
//! comparing, the methods) stays compiled for size like the rest of the app.
#![warn(missing_docs)]

pub mod model;
pub mod text;
pub mod ymd;
