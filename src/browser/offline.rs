//! The service worker (`pwa/sw.js`, completed by `scripts/pwa.mjs`): registering it,
//! noticing that a new deployment is waiting, and switching to it when the user asks.

use std::rc::Rc;

use wasm_bindgen::{closure::Closure, JsCast, JsValue};
use wasm_bindgen_futures::{spawn_local, JsFuture};
use web_sys::{ServiceWorker, ServiceWorkerContainer, ServiceWorkerRegistration, ServiceWorkerState};

/// How often an open tab asks the host for a new version (facilitators leave it open all day).
const CHECK_EVERY_MS: i32 = 30 * 60 * 1000;

fn container() -> Option<ServiceWorkerContainer> {
    let navigator = web_sys::window()?.navigator();
    // Absent on plain http at a non-local address and in some private modes: the app works without it.
    let present = js_sys::Reflect::has(&navigator, &JsValue::from_str("serviceWorker")).unwrap_or(false);
    present.then(|| navigator.service_worker())
}

/// Registers `sw.js` next to the page; `on_update` runs once a newer version is installed
/// and waiting while this page still runs the old one.
pub fn register(on_update: impl Fn() + 'static) {
    let Some(container) = container() else { return };
    let on_update: Rc<dyn Fn()> = Rc::new(on_update);
    let registering = container.register("./sw.js");
    spawn_local(async move {
        let registration = match JsFuture::from(registering).await {
            // Some embedded browsers stub the API and resolve with nothing: no offline use, no error.
            Ok(value) if value.is_undefined() || value.is_null() => return,
            Ok(value) => value.unchecked_into::<ServiceWorkerRegistration>(),
            // Offline use is lost, nothing else: say so where developers look.
            Err(error) => return web_sys::console::warn_2(&"Waypoint: service worker not registered".into(), &error),
        };
        // The very first install is not an update: the page had no worker before it.
        let is_update = {
            let container = container.clone();
            move || container.controller().is_some()
        };
        if registration.waiting().is_some() && is_update() {
            on_update();
        }
        let found = {
            let registration = registration.clone();
            Closure::<dyn Fn()>::new(move || {
                let Some(worker) = registration.installing() else { return };
                let (on_update, is_update, watched) = (on_update.clone(), is_update.clone(), worker.clone());
                let changed = Closure::<dyn Fn()>::new(move || {
                    if watched.state() == ServiceWorkerState::Installed && is_update() {
                        on_update();
                    }
                });
                worker.set_onstatechange(Some(changed.as_ref().unchecked_ref()));
                // Owned by the worker from here (a handler property, replaced rather than added to).
                changed.forget();
            })
        };
        registration.set_onupdatefound(Some(found.as_ref().unchecked_ref()));
        // The registration lives as long as the page, and so does its one handler.
        found.forget();
        // Offline, the check fails; that is expected and not worth a console error.
        let ignore = Closure::<dyn FnMut(JsValue)>::new(|_| {});
        let check = Closure::<dyn Fn()>::new(move || {
            if let Ok(promise) = registration.update() {
                let _ = promise.catch(&ignore);
            }
        });
        if let Some(window) = web_sys::window() {
            let _ = window.set_interval_with_callback_and_timeout_and_arguments_0(check.as_ref().unchecked_ref(), CHECK_EVERY_MS);
        }
        // The page-long update check: one interval per page.
        check.forget();
    });
}

/// Lets the waiting version take over, then reloads into it (the caller saves first).
pub fn switch_to_new_version() {
    let reload = || {
        if let Some(window) = web_sys::window() {
            let _ = window.location().reload();
        }
    };
    let Some(container) = container() else { return reload() };
    let changed = Closure::<dyn Fn()>::new(reload);
    container.set_oncontrollerchange(Some(changed.as_ref().unchecked_ref()));
    // The page reloads when it fires.
    changed.forget();
    spawn_local(async move {
        let waiting = JsFuture::from(container.get_registration())
            .await
            .ok()
            .and_then(|value| value.dyn_into::<ServiceWorkerRegistration>().ok())
            .and_then(|registration| registration.waiting());
        match waiting {
            Some(worker) => post_skip_waiting(&worker),
            None => reload(),
        }
    });
}

fn post_skip_waiting(worker: &ServiceWorker) {
    if worker.post_message(&JsValue::from_str("skip-waiting")).is_err() {
        if let Some(window) = web_sys::window() {
            let _ = window.location().reload();
        }
    }
}
