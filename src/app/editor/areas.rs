//! Lĩnh vực: the reform areas in order, each with its title, kind, opening paragraphs, tasks
//! lettered a), b), c) … as they stand, and one level of sub-areas (7.1, 7.2).

use leptos::prelude::*;

use super::Form;
use super::fields::{Lens, TextField, field, named_choice};
use super::lazy::draws_all_at_once;
use super::lists::{Noun, ParagraphList, item_list, item_list_drawn_when_near};
use super::task::{TaskForm, new_task, task_placeholder};
use crate::domain::field_key::{AreaField, FieldKey};
use crate::domain::numbering::{point_label, point_letter};
use crate::domain::slot::{AreaSlot, TaskSlot};
use crate::domain::{AreaKind, Plan, ReformArea};

/// The standard area a kind names, or a local one.
fn kind_text(kind: AreaKind) -> &'static str {
    match kind {
        AreaKind::Custom => "Lĩnh vực riêng của địa phương",
        standard => standard.standard_title(),
    }
}

fn new_area() -> ReformArea {
    ReformArea {
        id: crate::state::new_id("linh-vuc"),
        ..ReformArea::default()
    }
}

/// Part "Nhiệm vụ theo lĩnh vực" of the form.
#[component]
pub fn AreasPart() -> impl IntoView {
    let areas: Lens<Vec<ReformArea>> = Lens::new(
        |plan: &Plan| Some(&plan.areas),
        |plan| Some(&mut plan.areas),
    );
    item_list(
        areas,
        "areas".into(),
        Noun::numbered("lĩnh vực"),
        false,
        "Thêm lĩnh vực",
        new_area,
        |index, area| {
            view! { <AreaForm lens=area place=AreaSlot { area: index, sub: None } /> }
        },
    )
}

/// One area's form; `place` says where it is, for ids and numbering.
#[component]
fn AreaForm(lens: Lens<ReformArea>, place: AreaSlot) -> AnyView {
    let slot = place;
    let form = expect_context::<Form>().scoped(&slot.key());
    provide_context(form);
    let key = slot.key();
    let title = {
        let title = field!(lens, title);
        Memo::new(move |_| form.read(|plan| title.read(plan, Clone::clone).unwrap_or_default()))
    };
    let tasks_id = format!("{key}-task");
    let task_noun = Noun {
        one: "nhiệm vụ",
        name: |index| point_letter(index),
    };
    // A long plan draws each task's form as it comes near the screen.
    let lazy = !form.editor.plan.with_untracked(draws_all_at_once);
    let task_lens = field!(lens, tasks);
    let plan = form.editor.plan;
    let (tasks, rows) = item_list_drawn_when_near(
        task_lens.clone(),
        tasks_id,
        task_noun,
        "Thêm nhiệm vụ",
        new_task,
        move |index, task| {
            view! { <TaskForm lens=task place=TaskSlot::Area { area: slot, index } label=point_label(index) /> }
        },
        lazy,
        move |index| {
            let key = TaskSlot::Area { area: slot, index }.key();
            task_placeholder(plan, task_lens.at(index), key, point_label(index))
        },
    );
    let sub_areas = slot.sub.is_none().then(|| {
        let parent = slot.area;
        view! {
            <details class="sub-items" open=form.editor.plan.with_untracked(|p| p.areas.get(parent).is_some_and(|a| !a.sub_areas.is_empty()))>
                <summary>"Tiểu lĩnh vực"</summary>
                {item_list(field!(lens, sub_areas), format!("{key}-subs"), Noun::numbered("tiểu lĩnh vực"), false,
                    "Thêm tiểu lĩnh vực", new_area, move |index, sub| {
                        view! { <AreaForm lens=sub place=AreaSlot { area: parent, sub: Some(index) } /> }.into_any()
                    })}
            </details>
        }
    });
    let heading = move || {
        let title = title.get();
        let title = if title.trim().is_empty() {
            "(chưa có tên)".to_string()
        } else {
            title
        };
        format!("{} {title}", slot.number())
    };
    view! {
        <section class="area" id=FieldKey::Area(slot, AreaField::Section).dom_id() aria-label=heading tabindex="-1"
            on:click={
                let rows = rows.clone();
                move |event| rows.tapped(&event)
            }
            on:focusin=move |event| rows.focus_moved(&event)>
            <h3 class="area-heading">{heading}</h3>
            <div class="form-grid">
                <TextField lens=field!(lens, title) id=FieldKey::Area(slot, AreaField::Title).dom_id() label="Tên lĩnh vực" wide=true />
                {named_choice(field!(lens, kind), FieldKey::Area(slot, AreaField::Kind).dom_id(), "Thuộc lĩnh vực chuẩn", kind_text)}
            </div>
            <details class="sub-items">
                <summary>"Đoạn mở đầu của lĩnh vực"</summary>
                <ParagraphList lens=field!(lens, intro) id=FieldKey::Area(slot, AreaField::Intro).dom_id() label="Đoạn mở đầu"
                    noun="đoạn" add_label="Thêm đoạn" />
            </details>
            <div class="task-list">{tasks}</div>
            {sub_areas}
        </section>
    }
    .into_any()
}
