//! A stand-in for `wasm-streams` 0.5, with only what Leptos 0.8's server functions name.
//!
//! Leptos's `csr` feature always builds `server_fn` for the browser, and that names
//! `wasm_streams::ReadableStream` to stream a server function's request and response.
//! Waypoint has no server and calls no server function, yet the real crate's
//! `#[wasm_bindgen]` classes (`IntoUnderlyingSource`, `IntoUnderlyingSink`,
//! `IntoUnderlyingByteSource`) are exported from every build that links it, so their code and
//! glue could never be dropped: ~11 KB of the main wasm and its JavaScript, downloaded before a
//! first visit's board. This crate keeps the four functions `server_fn` calls and fails loudly
//! if one ever runs.

use std::marker::PhantomData;
use std::pin::Pin;
use std::task::{Context, Poll};

use futures_util::Stream;
use wasm_bindgen::JsValue;

/// Why a call here is a bug: Waypoint defines no server function.
const NO_SERVER: &str = "Waypoint has no server: Leptos's server-function streams are not built";

/// A browser `ReadableStream`, as `server_fn` names it.
#[derive(Debug)]
pub struct ReadableStream {
    raw: web_sys::ReadableStream,
}

impl ReadableStream {
    /// Wraps a browser stream.
    pub fn from_raw(raw: web_sys::ReadableStream) -> Self {
        Self { raw }
    }

    /// Would turn a Rust stream into a browser stream (a streaming request body): never needed.
    pub fn from_stream<St>(_stream: St) -> Self
    where
        St: Stream<Item = Result<JsValue, JsValue>> + 'static,
    {
        wasm_bindgen::throw_str(NO_SERVER)
    }

    /// The browser stream.
    pub fn into_raw(self) -> web_sys::ReadableStream {
        self.raw
    }

    /// Would read the browser stream as a Rust stream (a streaming response): never needed.
    pub fn into_stream(self) -> IntoStream<'static> {
        wasm_bindgen::throw_str(NO_SERVER)
    }
}

/// The Rust stream [`ReadableStream::into_stream`] would return; it has no items.
#[derive(Debug)]
pub struct IntoStream<'reader> {
    _reader: PhantomData<&'reader ()>,
}

impl Stream for IntoStream<'_> {
    type Item = Result<JsValue, JsValue>;

    fn poll_next(self: Pin<&mut Self>, _cx: &mut Context<'_>) -> Poll<Option<Self::Item>> {
        Poll::Ready(None)
    }
}
