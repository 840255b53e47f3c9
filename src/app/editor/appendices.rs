//! Phụ lục: the key-task tables, each with its heading, title, "(Kèm theo …)" line, numbering
//! and columns, and its rows edited in place (see `appendix_grid`).

use leptos::prelude::*;

use super::Form;
use super::appendix_grid::AppendixGrid;
use super::appendix_settings::{AreaChoice, TableLayout};
use super::fields::{Lens, TextField, field, named_choice};
use super::lists::{Noun, focus_later, item_list};
use crate::domain::Plan;
use crate::domain::appendix::{
    AppendixColumns, AppendixGroup, AppendixRows, AppendixTable, RowNumbering,
};
use crate::domain::field_key::FieldKey;
use crate::domain::slot::GroupSlot;

/// A new key-task table titled after the plan.
fn new_table(plan: &Plan, own_rows: bool) -> AppendixTable {
    let place = format!("{} {}", plan.locality.kind.word(), plan.locality.name);
    AppendixTable {
        id: crate::state::new_id("phu-luc"),
        title: format!(
            "NHIỆM VỤ TRỌNG TÂM CỦA KẾ HOẠCH CẢI CÁCH HÀNH CHÍNH {} NĂM {}",
            place.trim().to_uppercase(),
            plan.year
        )
        .replace("  ", " "),
        rows: if own_rows {
            AppendixRows::Own {
                groups: vec![AppendixGroup {
                    title: "CÔNG TÁC CHỈ ĐẠO, ĐIỀU HÀNH".into(),
                    ..AppendixGroup::default()
                }],
            }
        } else {
            AppendixRows::default()
        },
        ..AppendixTable::default()
    }
}

/// Part "Phụ lục" of the form.
#[component]
pub fn AppendicesPart() -> impl IntoView {
    let form = expect_context::<Form>();
    let tables: Lens<Vec<AppendixTable>> = Lens::new(
        |plan: &Plan| Some(&plan.appendices),
        |plan| Some(&mut plan.appendices),
    );
    let add_own = move |_| {
        form.history.change(|plan| {
            let table = new_table(plan, true);
            plan.appendices.push(table);
        })
    };
    view! {
        <p class="muted">
            "Bảng «nhiệm vụ trọng tâm» tự lấy các nhiệm vụ đã đánh dấu trọng tâm ở phần Nhiệm vụ, theo từng lĩnh vực. "
            "Sửa ngay trong bảng: Tab sang ô bên cạnh, Enter xuống ô dưới, Shift+Enter xuống dòng trong ô."
        </p>
        {item_list(tables, "appendices".into(), Noun::numbered("phụ lục"), false, "Thêm phụ lục nhiệm vụ trọng tâm",
            move || form.editor.plan.with_untracked(|plan| new_table(plan, false)),
            |index, table| view! { <TableForm lens=table index=index /> })}
        <button type="button" class="button button-add" id="appendices-add-own" on:click=add_own
            disabled=move || form.editor.is_locked()>"Thêm phụ lục tự nhập dòng"</button>
    }
}

/// Cách đánh số as the choice names it.
fn numbering_text(numbering: RowNumbering) -> &'static str {
    match numbering {
        RowNumbering::RunOn => "Liên tục qua các nhóm",
        RowNumbering::RestartPerGroup => "Lại từ 1 ở mỗi nhóm",
    }
}

/// Bộ cột cơ quan as the choice names it.
fn columns_text(columns: AppendixColumns) -> &'static str {
    match columns {
        AppendixColumns::LeadAndPartner => "Chủ trì và phối hợp",
        AppendixColumns::Executor => "Một cột cơ quan thực hiện",
    }
}

#[component]
fn TableForm(lens: Lens<AppendixTable>, index: usize) -> impl IntoView {
    let form = expect_context::<Form>();
    let key = format!("appendix-{index}");
    let own = {
        let lens = lens.clone();
        move || {
            form.read(|plan| {
                lens.read(plan, |t| matches!(t.rows, AppendixRows::Own { .. }))
                    .unwrap_or(false)
            })
        }
    };
    let add_group = {
        let lens = lens.clone();
        move |_| {
            let lens = lens.clone();
            let mut added = None;
            form.history.change(|plan| {
                lens.write(plan, |table| {
                    if let AppendixRows::Own { groups } = &mut table.rows {
                        groups.push(AppendixGroup::default());
                        added = Some(groups.len() - 1);
                    }
                })
            });
            if let Some(group) = added {
                let group = GroupSlot {
                    table: index,
                    group,
                    sub: None,
                };
                focus_later(FieldKey::GroupTitle(group).dom_id());
            }
        }
    };
    let add_group_id = format!("{key}-add-group");
    view! {
        <div class="appendix" id=key.clone()>
            <div class="form-grid">
                <TextField lens=field!(lens, heading) id=format!("{key}-heading") label="Tiêu đề phụ lục" />
                <TextField lens=field!(lens, title) id=format!("{key}-title") label="Tên bảng" wide=true />
                <TextField lens=field!(lens, attachment_line) id=format!("{key}-attachment")
                    label="Dòng “(Kèm theo Kế hoạch số …)” (để trống để tự tạo)" wide=true />
                {named_choice(field!(lens, numbering), format!("{key}-numbering"), "Đánh số thứ tự",
                    numbering_text)}
                {named_choice(field!(lens, columns), format!("{key}-columns"), "Cột cơ quan", columns_text)}
            </div>
            <TableLayout lens=lens.clone() key=key.clone() />
            <Show when=own.clone() fallback=move || view! {
                <AreaChoice table=index key=format!("appendix-{index}") />
                <p class="muted appendix-order">
                    "Các dòng theo đúng thứ tự nhiệm vụ ở phần «Nhiệm vụ theo lĩnh vực»; muốn đổi thứ tự, hãy đưa nhiệm vụ lên, xuống ở đó. "
                    "«Bỏ khỏi bảng» chỉ bỏ đánh dấu trọng tâm, nhiệm vụ vẫn ở phần Nhiệm vụ."
                </p>
            }>
                <p class="muted appendix-order">
                    "Dòng và nhóm của bảng này do bạn nhập: dùng «Lên», «Xuống» để đổi thứ tự (dòng đầu hoặc cuối nhóm sẽ sang nhóm bên cạnh), «Xóa» để bỏ; số thứ tự tự đánh lại."
                </p>
            </Show>
            <AppendixGrid table=index />
            <Show when=own.clone()>
                <button type="button" class="button button-add" id=add_group_id.clone() on:click=add_group.clone()
                    disabled=move || form.editor.is_locked()>"Thêm nhóm"</button>
            </Show>
        </div>
    }
}
