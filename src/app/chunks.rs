//! Điểm tách (split points): the screens and rare actions whose code is not part of the first
//! download. Each function here is compiled into a wasm chunk of its own by the build
//! (`scripts/build-wasm.mjs`: rustc, then `wasm-split-cli`, then wasm-bindgen); calling it
//! fetches that chunk the first time (from the service worker's cache once the app is ready
//! for offline use), then runs it. The build asks for this with the crate's `split` feature;
//! without it (native builds, `cargo test` on either target, clippy) every split point is a plain
//! `async fn`, since a wasm that is not split but still imports a chunk's placeholder cannot
//! start.
//!
//! A chunk that cannot be fetched (no network before the app was ready for offline use) is an
//! `Err(ChunkMissing)`, shown as a message, never a crash; the next call tries again.

// The split macro declares each function as an `extern "C"` import/export pair, which needs
// `unsafe` in its expansion. Nothing else in the crate may use it (lib.rs, app/mod.rs).
#![allow(unsafe_code)]

use std::future::Future;
use std::pin::Pin;
use std::rc::Rc;

use leptos::prelude::*;
use leptos::wasm_split::SplitLoaderError;
use send_wrapper::SendWrapper;

use super::Screen;
use super::transfer::{Delivery, ExportTarget, Preview, TransferContext, TransferError};
use crate::domain::progress::ReportPeriod;
use crate::domain::template::TemplateInput;
use crate::state::DatabaseContext;
use crate::storage::{Database, StorageError};

/// Work that a chunk's code does over time: a split function cannot be `async` itself, so it
/// gives its future, boxed.
pub type Later<T> = Pin<Box<dyn Future<Output = T>>>;

/// What a split function that does fallible work gives: its future once the chunk is there.
pub type Work<T, E> = Result<Later<Result<T, E>>, ChunkMissing>;

/// A chunk of the app's code could not be fetched.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct ChunkMissing;

impl From<SplitLoaderError> for ChunkMissing {
    fn from(_: SplitLoaderError) -> Self {
        ChunkMissing
    }
}

impl std::fmt::Display for ChunkMissing {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(
            "Không tải được phần này của ứng dụng vì chưa có mạng. Hãy kết nối mạng rồi thử lại; \
             khi ứng dụng báo đã sẵn sàng dùng ngoại tuyến, việc này không xảy ra nữa.",
        )
    }
}

/// Declares a split point: with the `split` feature, a function whose code lives in the chunk
/// `$chunk` (with `preload`, also the function that fetches that chunk without running it);
/// without it, a plain `async fn` and a `preload` that does nothing.
macro_rules! split_point {
    ($chunk:ident $(, preload $preload:ident)?; $(#[$doc:meta])* pub fn $name:ident $args:tt -> $output:ty $body:block) => {
        #[cfg(feature = "split")]
        #[::leptos::wasm_split::wasm_split($chunk, wasm_split_path = ::leptos::wasm_split, fallible $(, preload($preload))?)]
        $(#[$doc])*
        pub fn $name $args -> $output $body

        #[cfg(not(feature = "split"))]
        $(#[$doc])*
        pub async fn $name $args -> $output $body

        $(
            #[cfg(not(feature = "split"))]
            pub async fn $preload() -> Result<(), SplitLoaderError> {
                Ok(())
            }
        )?
    };
}

split_point! {
    editor, preload preload_editor;
    /// Soạn kế hoạch: the editor screen.
    pub fn editor_screen(id: String, screen: RwSignal<Screen>) -> Result<AnyView, ChunkMissing> {
        Ok(view! { <super::plan_editor::PlanEditor id=id screen=screen /> }.into_any())
    }
}

split_point! {
    editor;
    /// Danh mục đơn vị: teaches the directory the units of the plan just left, then reads it.
    pub fn learn_units(
        database: Rc<Database>,
        left: Option<String>,
    ) -> Result<Later<Option<Vec<String>>>, ChunkMissing> {
        Ok(Box::pin(super::unit_directory::learn_and_read(
            database, left,
        )))
    }
}

split_point! {
    print, preload preload_print;
    /// Bản in: the print view with its Word, Excel and CSV writers, of the plan or of the
    /// `report` of one period.
    pub fn print_screen(
        id: String,
        report: Option<ReportPeriod>,
        screen: RwSignal<Screen>,
    ) -> Result<AnyView, ChunkMissing> {
        Ok(view! { <super::print_view::PrintView id=id report=report screen=screen /> }.into_any())
    }
}

split_point! {
    print;
    /// Theo dõi thực hiện: the progress of the plan's tasks and its period reports. In the print
    /// view's chunk: the reports print from it, and as a chunk of its own it left 14 KB (brotli)
    /// more of the code both use in chunks shared between them.
    pub fn progress_screen(id: String, screen: RwSignal<Screen>) -> Result<AnyView, ChunkMissing> {
        Ok(view! { <super::progress::ProgressScreen id=id screen=screen /> }.into_any())
    }
}

split_point! {
    inbox;
    /// Hồ sơ nhận được: the inbox of files received from other bodies, with its checks,
    /// comparison and consolidation.
    pub fn inbox_screen(screen: RwSignal<Screen>) -> Result<AnyView, ChunkMissing> {
        Ok(view! { <super::inbox::InboxScreen screen=screen /> }.into_any())
    }
}

split_point! {
    print;
    /// Bản in of a received file (the inbox's), read only.
    pub fn received_print_screen(key: u32, screen: RwSignal<Screen>) -> Result<AnyView, ChunkMissing> {
        Ok(view! { <super::print_view::PrintView id=String::new() report=None screen=screen received=key /> }.into_any())
    }
}

split_point! {
    import, preload preload_import;
    /// Nhập tệp: reads `file`, checks it with the file format's reader and shows its preview.
    pub fn import_file(
        transfer: TransferContext,
        database: DatabaseContext,
        file: web_sys::File,
    ) -> Result<Later<()>, ChunkMissing> {
        Ok(Box::pin(super::transfer::read_and_preview(
            transfer, database, file,
        )))
    }
}

split_point! {
    import;
    /// The import's preview, with its choices and the button that stores what was chosen.
    pub fn import_preview(preview: Preview) -> Result<AnyView, ChunkMissing> {
        Ok(super::transfer::preview_view(preview))
    }
}

split_point! {
    export, preload preload_export;
    /// Xuất tệp: one plan or a backup of all, downloaded or shared; says how it went.
    pub fn export_plans(
        database: Rc<Database>,
        target: ExportTarget,
        delivery: Delivery,
    ) -> Work<Option<String>, TransferError> {
        Ok(Box::pin(super::transfer::export(
            database, target, delivery,
        )))
    }
}

split_point! {
    new_plan, preload preload_new_plan;
    /// Tạo kế hoạch mới: the form that picks a template.
    pub fn new_plan_form(
        on_create: Callback<TemplateInput>,
        on_cancel: Callback<()>,
    ) -> Result<AnyView, ChunkMissing> {
        Ok(view! {
            <super::new_plan::NewPlanForm
                on_create=move |input| on_create.run(input)
                on_cancel=move || on_cancel.run(())
            />
        }
        .into_any())
    }
}

split_point! {
    new_plan;
    /// A new plan from the template chosen in the form, stored; its id.
    pub fn create_plan(database: Rc<Database>, input: TemplateInput) -> Work<String, StorageError> {
        Ok(Box::pin(async move {
            super::plan_actions::create_from_template(&database, &input).await
        }))
    }
}

split_point! {
    plan_actions, preload preload_plan_actions;
    /// Nhân bản: a copy of the plan `id`, stored; its id.
    pub fn duplicate_plan(database: Rc<Database>, id: String) -> Work<String, StorageError> {
        Ok(Box::pin(async move {
            super::plan_actions::duplicate(&database, &id).await
        }))
    }
}

split_point! {
    plan_actions;
    /// Next year's plan from the plan `id` (from its tasks not yet done when `undone_only`), new
    /// or carried `into` a stored one: the id of the plan to open and how many tasks it received.
    pub fn next_year_plan(
        database: Rc<Database>,
        id: String,
        into: Option<String>,
        undone_only: bool,
    ) -> Work<(String, usize), StorageError> {
        Ok(Box::pin(async move {
            super::plan_actions::make_next_year(&database, &id, into.as_deref(), undone_only).await
        }))
    }
}

/// Runs work from a chunk: the chunk's absence is told like the work's own failure, in words.
pub async fn run<T, E: std::fmt::Display>(
    work: impl Future<Output = Work<T, E>>,
) -> Result<T, String> {
    match work.await {
        Ok(later) => later.await.map_err(|error| error.to_string()),
        Err(missing) => Err(missing.to_string()),
    }
}

/// Fetches the chunks of the screens a person opens next (the editor first), without running
/// them, so that opening a plan a moment later does not wait for the network. Called once the
/// first screen is drawn (the list, or the editor of the plan open last); once per page. A
/// chunk that cannot come now is fetched again when it is needed.
pub fn fetch_screens_ahead() {
    thread_local! {
        static STARTED: std::cell::Cell<bool> = const { std::cell::Cell::new(false) };
    }
    if STARTED.replace(true) {
        return;
    }
    leptos::task::spawn_local(async {
        // One at a time, the likeliest first; the first that cannot come stops the rest.
        let _ = async {
            preload_editor().await?;
            preload_new_plan().await?;
            preload_print().await?;
            preload_import().await?;
            preload_export().await?;
            preload_plan_actions().await
        }
        .await;
    });
}

/// Draws the view a split function gives once its chunk is there: `waiting` until then, the
/// reason if it cannot come.
pub fn chunk_view(
    waiting: &'static str,
    load: impl Future<Output = Result<AnyView, ChunkMissing>> + 'static,
) -> impl IntoView {
    // Split functions' futures hold the browser's objects; the app runs on one thread.
    let load = SendWrapper::new(load);
    view! {
        <Suspense fallback=move || view! { <p class="muted" role="status">{waiting}</p> }>
            {Suspend::new(async move {
                let loaded = load.await;
                // The app may start on a plan's editor rather than the list.
                request_animation_frame(fetch_screens_ahead);
                loaded.unwrap_or_else(|missing| {
                    view! {
                        <p class="notice notice-error" role="alert" data-testid="chunk-missing">
                            {missing.to_string()}
                        </p>
                    }
                    .into_any()
                })
            })}
        </Suspense>
    }
}
