//! Hồ sơ nhận được (the inbox, issue #22): the plans and period reports other bodies send —
//! a province's Sở Nội vụ receiving its communes' — kept apart from the plans written on this
//! device. Files are taken in many at once (`receive.rs`); each round (the plans of a year, or
//! the reports of one period) shows who sent what (`senders.rs`), each file with what a reviewer
//! would point out and what a resubmission changed (`files.rs`), and one table across every
//! sender, saved as a workbook (`consolidated.rs`). The rules are `domain::inbox`'s.

mod consolidated;
mod files;
mod receive;
mod senders;

use std::collections::HashMap;
use std::rc::Rc;

use leptos::prelude::*;
use leptos::task::spawn_local;

use self::receive::{Summary, kind_of, receive};
use super::Screen;
use super::transfer::yield_now;
use crate::domain::Plan;
use crate::domain::inbox::{Finding, ItemKind, Round, review_plan, review_report};
use crate::file_format::{ReceivedReport, import_file};
use crate::state::use_database;
use crate::storage::{Database, ReceivedFile, StorageError};

/// What a received file holds, read.
#[derive(Clone, Debug)]
pub(crate) enum Content {
    Plan(Box<Plan>),
    Report(Box<ReceivedReport>),
}

impl Content {
    /// What a received file holds, from its text as the inbox stores it; `None` when it no
    /// longer reads.
    pub(crate) fn from_text(text: &str) -> Option<Self> {
        let mut imported = import_file(text.as_bytes()).ok()?;
        match imported.reports.pop() {
            Some(report) => Some(Self::Report(Box::new(report))),
            None => imported.plans.pop().map(|plan| Self::Plan(Box::new(plan))),
        }
    }

    pub(super) fn plan(&self) -> &Plan {
        match self {
            Self::Plan(plan) => plan,
            Self::Report(report) => &report.plan,
        }
    }
}

/// A received file's content with what a reviewer would point out in it.
pub(super) struct Read {
    pub content: Content,
    pub findings: Vec<Finding>,
}

impl Read {
    pub(super) fn of(content: Content) -> Self {
        let findings = match &content {
            Content::Plan(plan) => review_plan(plan),
            Content::Report(received) => {
                review_report(&received.plan, &received.report, received.data_period)
            }
        };
        Self { content, findings }
    }
}

thread_local! {
    /// The content of the received files read so far, by key: kept for the page's life, so
    /// that coming back from a file's print view does not read them all again.
    static READ: std::cell::RefCell<HashMap<u64, Rc<Read>>> = std::cell::RefCell::new(HashMap::new());
}

/// The inbox as the screen holds it: every file received (without content), and what tells
/// that more content was read.
#[derive(Clone, Copy)]
pub(super) struct Inbox {
    pub database: StoredValue<Rc<Database>, LocalStorage>,
    pub files: RwSignal<Vec<ReceivedFile>>,
    /// Changes when content is read, so what shows it is drawn again.
    pub reads: RwSignal<u32>,
}

impl Inbox {
    fn remember(&self, key: f64, read: Read) {
        READ.with_borrow_mut(|map| map.insert(key as u64, Rc::new(read)));
    }

    /// The content of the file under `key`, if read.
    pub(super) fn read(&self, key: f64) -> Option<Rc<Read>> {
        READ.with_borrow(|map| map.get(&(key as u64)).cloned())
    }

    /// Reads the content of the filed files among `keys` not read yet, a file per task.
    pub(super) async fn read_all(&self, keys: Vec<f64>) -> Result<(), StorageError> {
        let missing: Vec<f64> = keys
            .into_iter()
            .filter(|key| self.read(*key).is_none())
            .collect();
        let database = self.database.get_value();
        for batch in missing.chunks(25) {
            let texts = database.received_texts(batch).await?;
            for (key, text) in batch.iter().zip(texts) {
                let content = text.as_deref().and_then(Content::from_text);
                if let Some(content) = content {
                    self.remember(*key, Read::of(content));
                }
                yield_now().await;
            }
        }
        self.reads.update(|n| *n += 1);
        Ok(())
    }
}

/// The rounds the files make, newest year first, the plans before the reports.
fn rounds_of(files: &[ReceivedFile]) -> Vec<(Round, usize)> {
    let mut rounds: Vec<(Round, usize)> = Vec::new();
    for file in files.iter().filter(|file| file.year > 0) {
        let round = Round {
            year: file.year,
            kind: kind_of(file),
        };
        match rounds.iter_mut().find(|(r, _)| *r == round) {
            Some((_, count)) => *count += 1,
            None => rounds.push((round, 1)),
        }
    }
    rounds.sort_by(|(a, _), (b, _)| b.year.cmp(&a.year).then(a.kind.cmp(&b.kind)));
    rounds
}

pub(super) fn round_key(round: Round) -> String {
    match round.kind {
        ItemKind::Plan => format!("{}/plan", round.year),
        ItemKind::Report(period) => {
            format!("{}/{}", round.year, super::progress::period_key(period))
        }
    }
}

fn round_label(round: Round) -> String {
    match round.kind {
        ItemKind::Plan => format!("Kế hoạch năm {}", round.year),
        ItemKind::Report(period) => format!("Báo cáo {}", period.with_year(round.year)),
    }
}

thread_local! {
    /// The round and view last shown, so that coming back from a file's print view returns there.
    static LAST_VIEW: std::cell::Cell<Option<(Round, Tab)>> = const { std::cell::Cell::new(None) };
}

/// What the round shows.
#[derive(Clone, Copy, PartialEq, Eq)]
enum Tab {
    Senders,
    Files,
    Consolidated,
}

/// The inbox screen.
#[component]
pub fn InboxScreen(screen: RwSignal<Screen>) -> impl IntoView {
    let database = use_database().get();
    let inbox = Inbox {
        database: StoredValue::new_local(database.clone()),
        files: RwSignal::new(Vec::new()),
        reads: RwSignal::new(0),
    };
    let loaded = RwSignal::new(false);
    let error = RwSignal::new(None::<String>);
    spawn_local(async move {
        match database.list_received().await {
            Ok(list) => inbox.files.set(list),
            Err(problem) => error.set(Some(problem.to_string())),
        }
        loaded.set(true);
    });
    let progress = RwSignal::new(None::<(usize, usize)>);
    let summary = RwSignal::new(None::<Summary>);
    let take = move |list: Vec<web_sys::File>| {
        // Not before the files already here are known (a duplicate would pass), nor while
        // another lot is being taken in.
        if list.is_empty() || !loaded.get_untracked() || progress.get_untracked().is_some() {
            return;
        }
        progress.set(Some((0, list.len())));
        summary.set(None);
        spawn_local(async move {
            match receive(inbox, list, progress).await {
                Ok(done) => summary.set(Some(done)),
                Err(problem) => {
                    progress.set(None);
                    error.set(Some(problem.to_string()));
                }
            }
        });
    };
    let files_of = |list: Option<web_sys::FileList>| -> Vec<web_sys::File> {
        let Some(list) = list else { return Vec::new() };
        (0..list.length()).filter_map(|at| list.get(at)).collect()
    };
    let rounds = Memo::new(move |_| inbox.files.with(|files| rounds_of(files)));
    let last = LAST_VIEW.get();
    let chosen = RwSignal::new(last.map(|(round, _)| round));
    let round = Memo::new(move |_| {
        let rounds = rounds.get();
        chosen
            .get()
            .filter(|round| rounds.iter().any(|(r, _)| r == round))
            .or_else(|| rounds.first().map(|(r, _)| *r))
    });
    let has_rounds = Memo::new(move |_| rounds.with(|list| !list.is_empty()));
    let busy = Memo::new(move |_| progress.with(Option::is_some));
    let tab = RwSignal::new(last.map_or(Tab::Senders, |(_, tab)| tab));
    Effect::new(move |_| {
        if let Some(round) = round.get() {
            LAST_VIEW.set(Some((round, tab.get())));
        }
    });
    let tab_button = move |value: Tab, label: &'static str, id: &'static str| {
        view! {
            <button class="button" data-testid=id
                aria-pressed=move || (tab.get() == value).to_string()
                on:click=move |_| tab.set(value)>
                {label}
            </button>
        }
    };
    view! {
        <section
            class="inbox"
            aria-labelledby="inbox-title"
            // Files dropped here come into the inbox, not into the plan import that listens
            // on the whole window.
            on:dragover=|event: web_sys::DragEvent| {
                event.prevent_default();
                event.stop_propagation();
            }
            on:drop=move |event: web_sys::DragEvent| {
                event.prevent_default();
                event.stop_propagation();
                take(files_of(event.data_transfer().and_then(|data| data.files())));
            }
        >
            <div class="section-head">
                <h2 id="inbox-title" tabindex="-1">"Hồ sơ nhận được"</h2>
                <button class="button" data-testid="inbox-back" on:click=move |_| screen.set(Screen::List)>
                    "← Kế hoạch trên máy này"
                </button>
            </div>
            <p class="muted">
                "Kế hoạch và báo cáo các đơn vị gửi đến, để kiểm tra và tổng hợp; để riêng, không lẫn với kế hoạch soạn trên máy này. "
                "Chọn hoặc kéo thả nhiều tệp .json cùng lúc."
            </p>
            <label class="button button-primary inbox-pick">
                "Nhận tệp…"
                <input type="file" multiple accept=".json,application/json" class="visually-hidden"
                    data-testid="inbox-files" disabled=move || !loaded.get() || progress.get().is_some()
                    on:change=move |event| {
                        let input = event_target::<web_sys::HtmlInputElement>(&event);
                        take(files_of(input.files()));
                        input.set_value("");
                    } />
            </label>
            <Show when=move || busy.get()>
                <div class="inbox-progress" data-testid="inbox-progress">
                    <progress aria-label="Tiến độ nhận tệp"
                        prop:max=move || progress.get().map_or(1, |(_, total)| total)
                        prop:value=move || progress.get().map_or(0, |(done, _)| done)></progress>
                    <span>{move || progress.get().map(|(done, total)| format!("Đang đọc tệp {done}/{total}…"))}</span>
                </div>
            </Show>
            {move || summary.get().map(summary_view)}
            {move || error.get().map(|message| view! { <p class="notice notice-error" role="alert">{message}</p> })}
            {move || (!loaded.get()).then(|| view! { <p class="muted">"Đang đọc hồ sơ…"</p> })}
            {move || (loaded.get() && !has_rounds.get()).then(|| view! {
                <p class="muted" data-testid="inbox-empty">"Chưa nhận hồ sơ nào."</p>
            })}
            <Show when=move || has_rounds.get()>
                <div class="field">
                    <label for="inbox-round">"Đợt"</label>
                    <select id="inbox-round" data-testid="inbox-round" on:change=move |event| {
                        let key = event_target_value(&event);
                        let found = rounds.get_untracked().into_iter().find(|(r, _)| round_key(*r) == key);
                        chosen.set(found.map(|(r, _)| r));
                    }>
                        {move || rounds.get().into_iter().map(|(r, count)| view! {
                            <option value=round_key(r) selected=move || round.get() == Some(r)>
                                {format!("{} ({count} hồ sơ)", round_label(r))}
                            </option>
                        }).collect_view()}
                    </select>
                </div>
                <div class="inbox-tabs" role="group" aria-label="Xem">
                    {tab_button(Tab::Senders, "Đơn vị gửi", "inbox-tab-senders")}
                    {tab_button(Tab::Files, "Hồ sơ", "inbox-tab-files")}
                    {tab_button(Tab::Consolidated, "Tổng hợp", "inbox-tab-consolidated")}
                </div>
            </Show>
            // Drawn again when the round or the view changes, not as files come in (nor while
            // they do: the round's views wait for the lot).
            {move || round.get().filter(|_| !busy.get()).map(|r| match tab.get() {
                Tab::Senders => view! { <senders::Senders inbox=inbox round=r /> }.into_any(),
                Tab::Files => view! { <files::Files inbox=inbox round=r screen=screen /> }.into_any(),
                Tab::Consolidated => view! { <consolidated::Consolidated inbox=inbox round=r /> }.into_any(),
            })}
            <Refused inbox=inbox />
        </section>
    }
}

fn summary_view(summary: Summary) -> impl IntoView {
    let Summary {
        files,
        plans,
        reports,
        duplicates,
        refused,
    } = summary;
    let mut said = format!("Đã đọc {files} tệp: lưu {plans} kế hoạch và {reports} báo cáo");
    if !duplicates.is_empty() {
        said.push_str(&format!(
            "; {} tệp trùng với hồ sơ đã nhận, không lưu lại",
            duplicates.len()
        ));
    }
    if !refused.is_empty() {
        said.push_str(&format!("; {} tệp bị từ chối", refused.len()));
    }
    said.push('.');
    view! {
        <div class="notice" role="status" data-testid="inbox-summary">
            <p>{said}</p>
            {(!refused.is_empty()).then(|| view! {
                <ul data-testid="inbox-summary-refused">
                    {refused.into_iter().map(|(name, why)| view! { <li><bdi>{name}</bdi>": "{why}</li> }).collect_view()}
                </ul>
            })}
            {(!duplicates.is_empty()).then(|| view! {
                <p class="muted">"Trùng: "<bdi>{duplicates.join(", ")}</bdi></p>
            })}
        </div>
    }
}

/// Files that could not be taken in and name no round, listed apart.
#[component]
fn Refused(inbox: Inbox) -> impl IntoView {
    let list = Memo::new(move |_| {
        inbox.files.with(|files| {
            files
                .iter()
                .filter(|file| file.refused.is_some() && file.year == 0)
                .cloned()
                .collect::<Vec<_>>()
        })
    });
    move || {
        let list = list.get();
        (!list.is_empty()).then(|| {
            view! {
                <details class="panel" data-testid="inbox-unreadable">
                    <summary>{format!("Tệp không đọc được ({})", list.len())}</summary>
                    <ul>
                        {list.into_iter().map(|file| view! {
                            <li><bdi>{file.file_name}</bdi>" — "{file.refused.unwrap_or_default()}</li>
                        }).collect_view()}
                    </ul>
                </details>
            }
        })
    }
}

/// `ms` as the sortable text [`crate::domain::inbox::ReceivedItem`] wants.
pub(super) fn sortable_time(ms: f64) -> String {
    format!("{ms:016.0}")
}
