//! Reading appendix tables: their columns, numbering and own rows.

use super::*;

pub(super) fn read_appendix(r: &mut Reader, value: &Value, year: i32) -> Option<AppendixTable> {
    let o = r.object(value, "Phụ lục")?;
    let defaults = AppendixTable::default();
    let rows = match Reader::field(o, &["rows"]).and_then(|v| r.object(v, "Các dòng của phụ lục"))
    {
        None => AppendixRows::default(),
        Some(rows) => {
            let kind = r.choice(rows, &["kind"], "Nguồn các dòng", AppendixRows::KINDS);
            let own = kind.and_then(|index| AppendixRows::KINDS.get(index)) == Some(&"own");
            if own {
                AppendixRows::Own {
                    groups: r.list(
                        rows,
                        &["groups"],
                        "Nhóm",
                        |i| format!("nhóm {}", roman(i + 1)),
                        |r, v, _| read_group(r, v, year, true),
                    ),
                }
            } else {
                AppendixRows::KeyTasks {
                    area_ids: r.texts(rows, &["area_ids"], "Lĩnh vực của phụ lục"),
                }
            }
        }
    };
    Some(AppendixTable {
        id: r.text(o, &["id"], "Mã phụ lục"),
        heading: match Reader::field(o, &["heading"]) {
            None => defaults.heading,
            Some(_) => r.text(o, &["heading"], "Tiêu đề phụ lục"),
        },
        title: r.text(o, &["title"], "Tên phụ lục"),
        attachment_line: r.text(o, &["attachment_line"], "Dòng kèm theo"),
        columns: r.named(o, &["columns"], "Bộ cột", AppendixColumns::LeadAndPartner),
        numbering: r.named(o, &["numbering"], "Cách đánh số", RowNumbering::RunOn),
        budget_column: r.flag(o, &["budget_column"], "Cột kinh phí", true),
        column_labels: read_column_labels(r, Reader::field(o, &["column_labels"])),
        landscape: r.flag(o, &["landscape"], "Trang ngang", true),
        rows,
    })
}

pub(super) fn read_group(
    r: &mut Reader,
    value: &Value,
    year: i32,
    allow_sub_groups: bool,
) -> Option<AppendixGroup> {
    let o = r.object(value, "Nhóm")?;
    let sub_groups = if allow_sub_groups {
        r.list(
            o,
            &["sub_groups"],
            "Nhóm con",
            |i| format!("nhóm {}", crate::domain::numbering::group_letter(i)),
            |r, v, _| read_group(r, v, year, false),
        )
    } else {
        if matches!(Reader::field(o, &["sub_groups"]), Some(Value::Array(items)) if !items.is_empty())
        {
            r.problem(
                "nhóm con không được có nhóm con, đã bỏ qua phần lồng thêm",
                Outcome::Skipped,
            );
        }
        Vec::new()
    };
    Some(AppendixGroup {
        title: r.text(o, &["title"], "Tên nhóm"),
        tasks: read_tasks(r, o, year, |i| format!("dòng {}", i + 1)),
        sub_groups,
    })
}

pub(super) fn read_column_labels(r: &mut Reader, value: Option<&Value>) -> ColumnLabels {
    let Some(o) = value.and_then(|v| r.object(v, "Tên cột")) else {
        return ColumnLabels::default();
    };
    ColumnLabels {
        task: r.text(o, &["task"], "Tên cột nhiệm vụ"),
        output: r.text(o, &["output"], "Tên cột sản phẩm"),
        lead: r.text(o, &["lead"], "Tên cột chủ trì"),
        partner: r.text(o, &["partner"], "Tên cột phối hợp"),
        executor: r.text(o, &["executor"], "Tên cột thực hiện"),
        deadline: r.text(o, &["deadline"], "Tên cột thời gian"),
        budget: r.text(o, &["budget"], "Tên cột kinh phí"),
    }
}
