//! The plan form (biểu mẫu soạn kế hoạch): every part of a plan in document order, an outline
//! (mục lục) to jump between them, the undo stack, and the list of what to look at again
//! ("Cần xem lại"). Each part lives in its own file; shared inputs in `fields` and `lists`.

mod appendices;
mod appendix_grid;
mod appendix_settings;
mod appendix_tools;
mod areas;
mod bases;
mod document_form;
mod extra_sections;
mod fields;
mod funding;
mod header;
mod history;
mod implementation;
mod lazy;
mod lazy_rows;
mod lists;
mod outline;
mod part_headings;
mod purposes;
mod recipients;
mod signer;
mod targets;
mod task;
mod task_fields;
mod task_print;
mod template_note;
mod toolbar;
mod unit_field;

use std::collections::HashMap;

use leptos::prelude::*;

use crate::document::HeadingPart;
use crate::domain::validation::{Issue, validate};
use crate::state::Editor;
use fields::{Lens, field};
use history::History;
use part_headings::PrintWording;

/// What every input of the form needs: the open plan, the undo stack, the issues found, and
/// the trigger of the part of the plan this form is scoped to.
///
/// Typing is a quiet edit (`Editor::edit_quietly`): it wakes only the readers of the part typed
/// into, through that part's trigger, and the few whole-plan readers (checks, outline, unit
/// suggestions, appendix totals) through `any_edit`. Any other edit (add, move, remove, undo,
/// a choice) wakes every reader of the plan, which is rare enough to afford.
#[derive(Clone, Copy)]
pub struct Form {
    pub editor: Editor,
    pub history: History,
    /// Issues in document order, replaced only when they change.
    pub issue_list: RwSignal<Vec<Issue>>,
    /// The first issue message of each field, by field key.
    pub issues: RwSignal<HashMap<String, String>>,
    /// Năm kế hoạch, which deadlines are read against.
    pub year: RwSignal<i32>,
    /// Told of every edit: at once of a loud one, of typing once it pauses.
    any_edit: Trigger,
    /// The pending telling of `any_edit` about typing.
    any_edit_later: StoredValue<Option<TimeoutHandle>>,
    /// The trigger of this form's part: "root", an area's key or a task's key.
    scope: StoredValue<ArcTrigger>,
    /// Every part's trigger by key, so that two views of one task (its form, its appendix row)
    /// share one.
    triggers: StoredValue<HashMap<String, ArcTrigger>>,
}

impl Form {
    /// Reads the plan, re-running the caller after any loud edit and after quiet edits of this
    /// form's part.
    pub fn read<R>(&self, read: impl FnOnce(&crate::domain::Plan) -> R) -> R {
        self.editor.plan.track();
        self.scope.with_value(ArcTrigger::track);
        self.editor.plan.with_untracked(read)
    }

    /// Reads the plan, re-running the caller after every edit: for whole-plan views.
    pub fn read_all<R>(&self, read: impl FnOnce(&crate::domain::Plan) -> R) -> R {
        self.any_edit.track();
        self.editor.plan.with(read)
    }

    /// A form scoped to the part with this key (an area's or a task's slot key).
    pub fn scoped(&self, key: &str) -> Form {
        let trigger = self.triggers.try_update_value(|triggers| {
            triggers
                .entry(key.to_string())
                .or_insert_with(ArcTrigger::new)
                .clone()
        });
        Form {
            scope: StoredValue::new(trigger.unwrap_or_default()),
            ..*self
        }
    }

    /// Changes the plan as typed into `field` of this form's part. The part's readers see it at
    /// once; the whole-plan readers (checks, outline, suggestions, totals) once typing pauses,
    /// so that a keystroke costs what its field costs, not what the plan costs.
    pub fn type_into(&self, field: &str, change: impl FnOnce(&mut crate::domain::Plan)) {
        let form = *self;
        self.history.type_into(field, change, move || {
            form.scope.with_value(ArcTrigger::notify);
            form.tell_whole_plan_later();
        });
    }

    fn tell_whole_plan_later(&self) {
        let any_edit = self.any_edit;
        let timer = set_timeout_with_handle(
            move || {
                if !any_edit.is_disposed() {
                    any_edit.notify();
                }
            },
            WHOLE_PLAN_PAUSE,
        )
        .ok();
        self.any_edit_later.update_value(|pending| {
            if let Some(old) = std::mem::replace(pending, timer) {
                old.clear();
            }
        });
    }

    /// `aria-invalid` of field `id`: "true" while validation reports something about it.
    pub fn invalid(&self, id: &str) -> impl Fn() -> Option<&'static str> + Send + Sync + use<> {
        let (issues, id) = (self.issues, id.to_string());
        move || {
            issues
                .with(|issues| issues.contains_key(&id))
                .then_some("true")
        }
    }
}

/// How long typing must pause before the whole-plan readers catch up with it.
const WHOLE_PLAN_PAUSE: std::time::Duration = std::time::Duration::from_millis(250);

/// A part of the plan as the outline lists it: anchor id and heading.
const PARTS: [(&str, &str); 12] = [
    ("part-header", "Thông tin chung"),
    ("part-form", "Hình thức văn bản"),
    ("part-bases", "Căn cứ"),
    ("part-purposes", "Mục đích, yêu cầu"),
    ("part-targets", "Chỉ tiêu cụ thể"),
    ("part-areas", "Nhiệm vụ theo lĩnh vực"),
    ("part-funding", "Kinh phí"),
    ("part-implementation", "Tổ chức thực hiện"),
    ("part-extras", "Mục bổ sung"),
    ("part-recipients", "Nơi nhận"),
    ("part-signer", "Người ký"),
    ("part-appendices", "Phụ lục"),
];

/// Every part of the open plan, editable, with its outline and checks.
#[component]
pub fn PlanForm(editor: Editor) -> impl IntoView {
    let history = History::new(editor);
    let form = Form {
        editor,
        history,
        issue_list: RwSignal::new(Vec::new()),
        issues: RwSignal::new(HashMap::new()),
        year: RwSignal::new(editor.plan.with_untracked(|plan| plan.year)),
        any_edit: Trigger::new(),
        any_edit_later: StoredValue::new(None),
        scope: StoredValue::new(ArcTrigger::new()),
        triggers: StoredValue::new(HashMap::new()),
    };
    keep_checks(form);
    provide_context(form);
    lazy::provide_near_screen();
    outline::provide_places(form);
    // A long plan draws its parts below the first screen after it, its tasks and its appendix
    // tables as they come near the screen.
    let short = editor.plan.with_untracked(lazy::draws_all_at_once);
    undo_redo_keys(history);
    // A long plan paints its first part first; the parts below come in after it
    // (`lazy::after_first_paint`), with their headings at once, for the outline's jumps.
    let section = move |(id, title): (&'static str, &'static str)| {
        let body = if id == "part-header" {
            part_body(id, short)
        } else {
            lazy::after_first_paint(short, move || part_body(id, short))
        };
        view! {
            <section class="form-part" id=id aria-labelledby=format!("{id}-title") tabindex="-1">
                <h3 id=format!("{id}-title")>{title}</h3>
                {body}
            </section>
        }
    };
    view! {
        <div class="plan-form">
            <outline::Outline />
            <div class="plan-parts">
                <toolbar::UndoBar />
                {PARTS.iter().map(|part| section(*part)).collect_view()}
            </div>
        </div>
    }
}

/// The fields of the part `id` of `PARTS`; `short` when the plan is short enough to draw all
/// of it at once.
fn part_body(id: &str, short: bool) -> AnyView {
    let plan = Lens::root();
    match id {
        "part-header" => view! { <header::HeaderPart /> }.into_any(),
        "part-form" => view! { <document_form::DocumentFormPart /> }.into_any(),
        "part-bases" => view! { <bases::BasesList lens=field!(plan, legal_bases) id="bases" template=true /> }.into_any(),
        "part-purposes" => view! {
            <PrintWording parts=&[HeadingPart::PurposesAndRequirements, HeadingPart::Purposes, HeadingPart::Requirements] />
            <purposes::PurposesPart />
        }
        .into_any(),
        "part-targets" => view! {
            <PrintWording parts=&[HeadingPart::Targets] />
            <targets::TargetsPart />
        }
        .into_any(),
        "part-areas" => view! {
            <PrintWording parts=&[HeadingPart::Tasks] task_labels=true />
            <areas::AreasPart />
        }
        .into_any(),
        "part-funding" => view! {
            <PrintWording parts=&[HeadingPart::Funding] />
            <funding::FundingPart />
        }
        .into_any(),
        "part-implementation" => view! {
            <PrintWording parts=&[HeadingPart::Implementation] />
            <implementation::ImplementationPart />
        }
        .into_any(),
        "part-extras" => view! { <extra_sections::ExtraSectionsPart /> }.into_any(),
        "part-recipients" => view! {
            <recipients::RecipientsList lens=field!(plan, recipients) id="recipients" template=true />
        }
        .into_any(),
        "part-signer" => view! { <signer::SignerFields lens=field!(plan, signer) decision=false /> }.into_any(),
        // A long plan draws its appendix tables when they come near the screen.
        _ => lazy::drawn_later(short, "Đang chuẩn bị các bảng phụ lục…", || {
            view! { <appendices::AppendicesPart /> }.into_any()
        }),
    }
}

/// Keeps the issues and the plan year up to date, replacing them only when they change so that
/// the fields showing them are not woken by every keystroke.
fn keep_checks(form: Form) {
    Effect::new(move |_| {
        let (issues, year) = form.read_all(|plan| (validate(plan), plan.year));
        if form.year.get_untracked() != year {
            form.year.set(year);
        }
        if form.issue_list.with_untracked(|old| *old != issues) {
            let mut by_field = HashMap::new();
            for issue in &issues {
                by_field
                    .entry(issue.field.dom_id())
                    .or_insert_with(|| issue.message.clone());
            }
            form.issues.set(by_field);
            form.issue_list.set(issues);
        }
    });
}

/// Ctrl+Z (⌘Z) anywhere in the editor takes back the last change of the plan; Ctrl+Y and
/// Ctrl+Shift+Z (⌘⇧Z) make it again.
fn undo_redo_keys(history: History) {
    let handle = window_event_listener(leptos::ev::keydown, move |event| {
        if !(event.ctrl_key() || event.meta_key()) || event.alt_key() {
            return;
        }
        let key = event.key().to_lowercase();
        let shift = event.shift_key();
        if key == "z" && !shift {
            event.prevent_default();
            history.undo();
        } else if (key == "z" && shift) || (key == "y" && !shift) {
            event.prevent_default();
            history.redo();
        }
    });
    on_cleanup(move || handle.remove());
}
