//! Phụ lục: the key-task tables, each with its heading, title, "(Kèm theo …)" line, numbering
//! and columns, and its rows edited in place (see `appendix_grid`).

use leptos::prelude::*;

use super::Form;
use super::appendix_grid::AppendixGrid;
use super::appendix_settings::{AreaChoice, TableLayout};
use super::fields::{ChoiceField, Lens, TextField, field};
use super::lists::{Noun, focus_later, item_list};
use crate::domain::Plan;
use crate::domain::appendix::{
    AppendixColumns, AppendixGroup, AppendixRows, AppendixTable, RowNumbering,
};

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

#[component]
fn TableForm(lens: Lens<AppendixTable>, index: usize) -> impl IntoView {
    let form = expect_context::<Form>();
    let key = format!("appendix-{index}");
    let choice = |get: fn(&AppendixTable) -> &'static str, set: fn(&mut AppendixTable, &str)| {
        let (read, write) = (lens.clone(), lens.clone());
        (
            Signal::derive(move || {
                form.read(|plan| read.read(plan, get).unwrap_or_default().to_string())
            }),
            Callback::new(move |key: String| {
                let write = write.clone();
                form.history
                    .change(move |plan| write.write(plan, |table| set(table, &key)));
            }),
        )
    };
    let (numbering, set_numbering) = choice(
        |t| {
            if t.numbering == RowNumbering::RunOn {
                "run-on"
            } else {
                "restart"
            }
        },
        |t, key| {
            t.numbering = if key == "run-on" {
                RowNumbering::RunOn
            } else {
                RowNumbering::RestartPerGroup
            }
        },
    );
    let (columns, set_columns) = choice(
        |t| {
            if t.columns == AppendixColumns::Executor {
                "executor"
            } else {
                "lead"
            }
        },
        |t, key| {
            t.columns = if key == "executor" {
                AppendixColumns::Executor
            } else {
                AppendixColumns::LeadAndPartner
            }
        },
    );
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
                focus_later(format!("appendix-{index}-group-{group}-title"));
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
                <ChoiceField id=format!("{key}-numbering") label="Đánh số thứ tự" value=numbering on_change=set_numbering
                    options=vec![("run-on", "Liên tục qua các nhóm".to_string()), ("restart", "Lại từ 1 ở mỗi nhóm".to_string())] />
                <ChoiceField id=format!("{key}-columns") label="Cột cơ quan" value=columns on_change=set_columns
                    options=vec![("lead", "Chủ trì và phối hợp".to_string()), ("executor", "Một cột cơ quan thực hiện".to_string())] />
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
                    "Dòng và nhóm của bảng này do bạn nhập: dùng «Lên», «Xuống» để đổi thứ tự (dòng đầu hoặc cuối nhóm sẽ sang nhóm bên cạnh), «Xoá» để bỏ; số thứ tự tự đánh lại."
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
