//! The parts of the app that load after the board: each screen and dialog a first visit
//! does not need, behind an async entry point. With the `split` feature (the release build,
//! scripts/split-build.sh) each entry point is Leptos's `#[lazy]`, so its code and data go
//! into a wasm file of its own, fetched when first shown (the service worker precaches them
//! once the board is up). Without it (native checks, browser tests) they are plain async
//! functions that are ready at once.

use leptos::prelude::*;

use crate::ui::files::merge_dialog::MergePreview;
use crate::ui::state::Editing;

/// Shows `part` once its code has loaded, with a short "loading" line meanwhile.
#[component]
pub fn Later<F>(part: F) -> impl IntoView
where
    F: std::future::Future<Output = AnyView> + Send + 'static,
{
    // One copy of the waiting for every part (boxed), rather than one per part's future type.
    later(Box::pin(part))
}

fn later(part: std::pin::Pin<Box<dyn std::future::Future<Output = AnyView> + Send>>) -> AnyView {
    let state = crate::ui::state::use_app();
    let loading = move || view! { <p class="loading-part" role="status">{move || state.t(crate::core::text::i18n::Msg::LoadingPart)}</p> };
    let waited_for = async move {
        let _waiting = WaitedFor::begin();
        part.await
    };
    view! { <Suspense fallback=loading>{Suspend::new(waited_for)}</Suspense> }.into_any()
}

thread_local! {
    /// How many parts a person is waiting for now: a screen or dialog opened before its part
    /// had loaded, or a sheet being opened.
    static WAITED_FOR: std::cell::Cell<u32> = const { std::cell::Cell::new(0) };
    /// The preloading, paused until nothing is waited for.
    static PRELOADING_PAUSED: std::cell::RefCell<Option<std::task::Waker>> = const { std::cell::RefCell::new(None) };
}

/// Counts a part as waited for while it lives; the background preloading holds back meanwhile,
/// so the part the person asked for does not share the network and the processor with parts
/// nobody has asked for yet.
struct WaitedFor;

impl WaitedFor {
    fn begin() -> Self {
        WAITED_FOR.with(|count| count.set(count.get() + 1));
        WaitedFor
    }
}

impl Drop for WaitedFor {
    fn drop(&mut self) {
        let left = WAITED_FOR.with(|count| {
            count.set(count.get().saturating_sub(1));
            count.get()
        });
        if left == 0 {
            if let Some(preloading) = PRELOADING_PAUSED.with(|paused| paused.borrow_mut().take()) {
                preloading.wake();
            }
        }
    }
}

/// Resolves once no part is waited for. Each wait has an end: a part either loads or, when
/// it cannot, its loader stops the app.
#[cfg(feature = "split")]
fn nothing_waited_for() -> impl std::future::Future<Output = ()> {
    std::future::poll_fn(|context| {
        if WAITED_FOR.with(std::cell::Cell::get) == 0 {
            std::task::Poll::Ready(())
        } else {
            PRELOADING_PAUSED.with(|paused| *paused.borrow_mut() = Some(context.waker().clone()));
            std::task::Poll::Pending
        }
    })
}

/// Reading and writing the JSON formats: serde's readers and writers for the whole model,
/// deflate and inflate, the file checks. `ui::files::codec` loads and keeps it.
#[cfg_attr(feature = "split", leptos::lazy)]
pub async fn codec() -> &'static dyn crate::core::files::codec::Codec {
    let formats: &'static dyn crate::core::files::codec::Codec = &crate::core::files::codec::Formats;
    formats
}

/// The Analytics screen.
#[cfg_attr(feature = "split", leptos::lazy)]
pub async fn analytics_screen() -> AnyView {
    view! { <crate::ui::analytics::analytics_screen::AnalyticsScreen/> }.into_any()
}

/// The roadmap designer.
#[cfg_attr(feature = "split", leptos::lazy)]
pub async fn roadmap_screen() -> AnyView {
    view! { <crate::ui::roadmap::roadmap_screen::RoadmapScreen/> }.into_any()
}

/// The learn path and practice.
#[cfg_attr(feature = "split", leptos::lazy)]
pub async fn learn_screen() -> AnyView {
    view! { <crate::ui::learn::learn_screen::LearnScreen/> }.into_any()
}

/// The agenda.
#[cfg_attr(feature = "split", leptos::lazy)]
pub async fn agenda_screen() -> AnyView {
    view! { <crate::ui::deal::agenda::Agenda/> }.into_any()
}

/// The presentation of the roadmap to a room.
#[cfg_attr(feature = "split", leptos::lazy)]
pub async fn presentation() -> AnyView {
    view! { <crate::ui::learn::presentation::Presentation/> }.into_any()
}

/// The share dialog (links and QR codes).
#[cfg_attr(feature = "split", leptos::lazy)]
pub async fn share_dialog() -> AnyView {
    view! { <crate::ui::files::share_dialog::ShareDialog/> }.into_any()
}

/// The team dialog.
#[cfg_attr(feature = "split", leptos::lazy)]
pub async fn team_dialog() -> AnyView {
    view! { <crate::ui::deal::team_dialog::TeamDialog/> }.into_any()
}

/// Help and keyboard shortcuts.
#[cfg_attr(feature = "split", leptos::lazy)]
pub async fn help_dialog() -> AnyView {
    view! { <crate::ui::help_dialog::HelpDialog/> }.into_any()
}

/// The merge summary for a prepared merge.
#[cfg_attr(feature = "split", leptos::lazy)]
pub async fn merge_dialog(preview: MergePreview) -> AnyView {
    view! { <crate::ui::files::merge_dialog::MergeDialog preview=preview/> }.into_any()
}

/// A trainee's learning record opened from a hand-in link (`#record=…`), added to the room.
#[cfg_attr(feature = "split", leptos::lazy)]
pub async fn take_in_record(state: crate::ui::state::AppState, hash: String) {
    crate::ui::learn::facilitator_view::take_in_link(state, &hash);
}

/// The spreadsheet import wizard, with the sheet reader (calamine, encoding_rs) it alone uses.
#[cfg_attr(feature = "split", leptos::lazy)]
pub async fn sheet_wizard(file: crate::ui::files::transfer::SheetFile) -> AnyView {
    view! { <crate::ui::files::sheet_wizard::SheetWizard file=file/> }.into_any()
}

/// Starts loading the import wizard's part as soon as a sheet is picked, while its bytes are
/// read, rather than once they have been (the part is the largest one, about 270 KB gzip).
pub fn start_loading_sheet_wizard() {
    #[cfg(feature = "split")]
    leptos::task::spawn_local(async {
        let _waiting = WaitedFor::begin();
        __preload_sheet_wizard().await;
    });
}

/// The page a customer sees from a plan link (`#plan=…`), with nothing else of the app.
#[cfg_attr(feature = "split", leptos::lazy)]
pub async fn customer_page(hash: String) -> AnyView {
    view! { <crate::ui::deal::customer_page::CustomerPage hash=hash/> }.into_any()
}

/// Reads a customer's reply link (`#reply=…`) and opens what it changes, or says why not.
#[cfg_attr(feature = "split", leptos::lazy)]
pub async fn open_reply(state: crate::ui::state::AppState, hash: String) {
    crate::ui::deal::reply_dialog::open(state, &hash);
}

/// The dialog of a customer's reply, to merge it.
#[cfg_attr(feature = "split", leptos::lazy)]
pub async fn reply_dialog(reply: crate::core::deal::reply::CustomerReply) -> AnyView {
    view! { <crate::ui::deal::reply_dialog::ReplyDialog reply=reply/> }.into_any()
}

/// The "today" list of follow-ups due, shown on the board when any are.
#[cfg_attr(feature = "split", leptos::lazy)]
pub async fn today_list(dismissed: RwSignal<bool>) -> AnyView {
    view! { <crate::ui::deal::today_list::TodayList dismissed=dismissed/> }.into_any()
}

/// Starts follow-up reminders (notifications) when this browser turned them on.
#[cfg_attr(feature = "split", leptos::lazy)]
pub async fn start_reminders(state: crate::ui::state::AppState) {
    crate::ui::deal::today_list::start_reminders(state);
}

/// The deal dialog's form, for a deal or a new one.
#[cfg_attr(feature = "split", leptos::lazy)]
pub async fn deal_form(editing: Editing) -> AnyView {
    view! { <crate::ui::deal::deal_dialog::DealForm editing=editing/> }.into_any()
}

/// Writes and downloads a CSV file (`choice`: "deals" or "milestones"): the CSV writer
/// loads with it.
#[cfg_attr(feature = "split", leptos::lazy)]
pub async fn export_csv(state: crate::ui::state::AppState, choice: String) {
    crate::ui::files::transfer::export_csv(state, &choice);
}

/// Downloads a calendar file (`core::files::calendar`): one deal's plan, or one owner's milestones.
#[cfg_attr(feature = "split", leptos::lazy)]
pub async fn export_calendar(state: crate::ui::state::AppState, choice: crate::ui::files::transfer::CalendarChoice) {
    crate::ui::files::transfer::export_calendar(state, choice);
}

/// Works out a merge of `incoming` into this browser's data and opens its summary (or says
/// why not): the merge code loads with it.
#[cfg_attr(feature = "split", leptos::lazy)]
pub async fn prepare_merge(
    state: crate::ui::state::AppState,
    source: crate::ui::files::merge_dialog::MergeSource,
    incoming: crate::core::model::Workspace,
) {
    crate::ui::files::merge_dialog::prepare(state, source, incoming);
}

/// One sync step with the team file's text (`core::files::team_file::sync`), loaded with the
/// first sync.
#[cfg_attr(feature = "split", leptos::lazy)]
pub async fn team_sync(
    own: crate::core::model::Workspace,
    text: String,
    now: crate::core::model::Timestamp,
) -> Result<crate::core::files::team_file::TeamSync, crate::core::files::envelope::ImportError> {
    crate::core::files::team_file::sync(&own, &text, now)
}

/// Loads the team-sync code without running it, so that a sync can then take its snapshot
/// of the data and work out the step without yielding in between.
pub async fn load_team_sync() {
    #[cfg(feature = "split")]
    __preload_team_sync().await;
}

/// Loads the codec and fetches every later part once the board is on screen, one after
/// the other, so the first visit to a screen or dialog does not wait on the network (and a
/// part is on hand before the person goes offline). Without the split only the codec's
/// (instant) load is left.
///
/// It starts after the first frame is painted: started at once, the loader's first requests
/// ran before that paint and held the cards back by about a fifth of a second on a slow phone.
pub fn preload_later_parts() {
    crate::ui::after_paint::after_next_paint(preload_each_part);
}

/// Work to run later, once.
type Work = Box<dyn FnOnce()>;

thread_local! {
    /// Work that waits for the preloading to end (see [`once_preloaded`]); `None` once it ran.
    static AFTER_PRELOADING: std::cell::RefCell<Option<Vec<Work>>> = const { std::cell::RefCell::new(Some(Vec::new())) };
}

/// The longest `once_preloaded` work waits: a part that never arrives (offline) or a page
/// that never preloads (the customer's plan page) must not hold it back for good.
const PRELOADING_AT_MOST: std::time::Duration = std::time::Duration::from_secs(10);

/// Runs `work` once the later parts have been fetched (or after [`PRELOADING_AT_MOST`]):
/// the service worker's install, which fetches every file of the build, then finds the parts
/// in the HTTP cache instead of downloading them beside the page's own fetches, and a sheet
/// opened at once does not share the network with it.
pub fn once_preloaded(work: impl FnOnce() + 'static) {
    let queued = AFTER_PRELOADING.with(|queue| match queue.borrow_mut().as_mut() {
        Some(waiting) => {
            waiting.push(Box::new(work));
            None
        }
        None => Some(work),
    });
    match queued {
        Some(work) => work(),
        None => {
            leptos::prelude::set_timeout(run_after_preloading, PRELOADING_AT_MOST);
        }
    }
}

fn run_after_preloading() {
    let waiting = AFTER_PRELOADING.with(|queue| queue.borrow_mut().take()).unwrap_or_default();
    for work in waiting {
        work();
    }
}

fn preload_each_part() {
    leptos::task::spawn_local(async {
        // First the codec: a first visit's first save waits on it.
        crate::ui::files::codec::load().await;
        #[cfg(feature = "split")]
        {
            // One after another, each once no part is waited for.
            macro_rules! in_turn {
                ($($preload:ident),*) => {$(
                    nothing_waited_for().await;
                    $preload().await;
                )*};
            }
            in_turn!(
                __preload_deal_form,
                __preload_analytics_screen,
                __preload_roadmap_screen,
                __preload_learn_screen,
                __preload_agenda_screen,
                __preload_help_dialog,
                __preload_share_dialog,
                __preload_merge_dialog,
                __preload_team_dialog,
                __preload_presentation,
                __preload_export_csv,
                __preload_prepare_merge,
                __preload_team_sync,
                __preload_today_list,
                __preload_open_reply,
                __preload_reply_dialog
            );
        }
        run_after_preloading();
    });
}
