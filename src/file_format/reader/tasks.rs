//! Reading reform areas and their tasks, with deadlines and budgets.

use super::*;

pub(super) fn read_area(
    r: &mut Reader,
    value: &Value,
    year: i32,
    allow_sub_areas: bool,
) -> Option<ReformArea> {
    let o = r.object(value, "Lĩnh vực")?;
    let sub_areas = match Reader::field(o, &["sub_areas"]) {
        Some(Value::Array(items)) if !items.is_empty() && !allow_sub_areas => {
            r.problem(
                "tiểu lĩnh vực không được có tiểu lĩnh vực con, đã bỏ qua phần lồng thêm",
                Outcome::Skipped,
            );
            Vec::new()
        }
        _ if allow_sub_areas => r.list(
            o,
            &["sub_areas"],
            "Tiểu lĩnh vực",
            |i| format!("mục {}", i + 1),
            |r, v, _| read_area(r, v, year, false),
        ),
        _ => Vec::new(),
    };
    Some(ReformArea {
        id: r.text(o, &["id"], "Mã lĩnh vực"),
        kind: r.named(o, &["kind"], "Loại lĩnh vực", AreaKind::Custom),
        title: r.text(o, &["title"], "Tên lĩnh vực"),
        intro: read_paragraphs(r, o, &["intro"], "Phần mở đầu"),
        tasks: read_tasks(r, o, year, |i| format!("nhiệm vụ {}", point_letter(i))),
        sub_areas,
    })
}

pub(super) fn read_tasks(
    r: &mut Reader,
    o: &Object,
    year: i32,
    label: impl Fn(usize) -> String,
) -> Vec<Task> {
    r.list(
        o,
        &["tasks", "nhiem_vu", "rows"],
        "Nhiệm vụ",
        label,
        |r, v, _| read_task(r, v, year),
    )
}

/// Reads one task; a task that is not an object is skipped, a bad field is repaired.
pub(super) fn read_task(r: &mut Reader, value: &Value, year: i32) -> Option<Task> {
    let o = r.object(value, "Nhiệm vụ")?;
    Some(Task {
        id: r.text(o, &["id"], "Mã nhiệm vụ"),
        content: r.text(o, &["content", "noi_dung", "task"], "Nội dung"),
        sub_items: r.texts(o, &["sub_items"], "Ý nhỏ"),
        lead_units: r.texts(
            o,
            &["lead_units", "lead", "co_quan_chu_tri"],
            "Cơ quan chủ trì",
        ),
        partner_units: r.texts(
            o,
            &["partner_units", "partners", "partner", "co_quan_phoi_hop"],
            "Cơ quan phối hợp",
        ),
        other_roles: r.list(
            o,
            &["other_roles"],
            "Vai trò khác",
            |i| format!("vai trò {}", i + 1),
            |r, v, _| {
                let role = r.object(v, "Vai trò")?;
                Some(Role {
                    label: r.text(role, &["label"], "Tên vai trò"),
                    units: r.texts(role, &["units"], "Đơn vị"),
                })
            },
        ),
        outputs: r.texts(o, &["outputs", "output", "san_pham"], "Sản phẩm"),
        deadline: read_deadline(r, Reader::field(o, &["deadline", "thoi_gian"]), year),
        budget: read_budget(r, Reader::field(o, &["budget", "kinh_phi"])),
        key_task: r.flag(o, &["key_task", "trong_tam"], "Nhiệm vụ trọng tâm", false),
        labels: read_task_labels(r, Reader::field(o, &["labels"])),
        role_order: read_role_order(r, o),
    })
}

/// Thứ tự in các vai trò; a name that is not one of ours is reported and left out.
fn read_role_order(r: &mut Reader, o: &Object) -> Vec<RoleKind> {
    let names = r.texts(o, &["role_order"], "Thứ tự vai trò");
    names
        .into_iter()
        .filter_map(|name| {
            let kind = RoleKind::from_name(&name);
            if kind.is_none() {
                r.problem(
                    format!(
                        "thứ tự vai trò có «{}» không rõ là vai trò nào, đã bỏ qua",
                        shorten(&name)
                    ),
                    Outcome::Skipped,
                );
            }
            kind
        })
        .collect()
}

pub(super) fn read_deadline(r: &mut Reader, value: Option<&Value>, year: i32) -> Deadline {
    let Some(value) = value else {
        return Deadline::default();
    };
    match value {
        Value::Object(o) => {
            let text = r.text(o, &["text"], "Thời gian thực hiện");
            match Reader::field(o, &["reading"]) {
                None | Some(Value::Null) => r.deadline(text, year),
                Some(_) => {
                    let reading = r.list(
                        o,
                        &["reading"],
                        "Cách hiểu thời hạn",
                        |i| format!("mốc {}", i + 1),
                        |r, v, _| read_milestone(r, v),
                    );
                    Deadline::with_reading(text, reading)
                }
            }
        }
        other => {
            let text = r.text_value(other, "Thời gian thực hiện");
            r.deadline(text, year)
        }
    }
}

pub(super) fn read_milestone(r: &mut Reader, value: &Value) -> Option<Milestone> {
    let o = r.object(value, "Mốc thời hạn")?;
    let kind = match Reader::field(o, &["kind"]) {
        Some(Value::String(kind)) => kind.as_str(),
        _ => "",
    };
    let year = |r: &mut Reader| r.integer(o, &["year"], "Năm", 1900, 2200).map(|y| y as i32);
    let milestone = match kind {
        "date" => read_iso_date(r, o, &["date"], "Ngày").map(|date| Milestone::Date { date }),
        "month" => year(r)
            .zip(r.integer(o, &["month"], "Tháng", 1, 12))
            .map(|(year, m)| Milestone::Month {
                year,
                month: m as u8,
            }),
        "quarter" => year(r)
            .zip(r.integer(o, &["quarter"], "Quý", 1, 4))
            .map(|(year, q)| Milestone::Quarter {
                year,
                quarter: q as u8,
            }),
        "half_year" => year(r)
            .zip(r.integer(o, &["half"], "Nửa năm", 1, 2))
            .map(|(year, h)| Milestone::HalfYear {
                year,
                half: h as u8,
            }),
        "year" => year(r).map(|year| Milestone::Year { year }),
        "recurring" => {
            let every = r.named_if_any::<Recurrence>(o, &["every"], "Chu kỳ");
            every.map(|every| Milestone::Recurring { every })
        }
        "ongoing" => Some(Milestone::Ongoing),
        "no_fixed_date" => Some(Milestone::NoFixedDate),
        _ => None,
    };
    if milestone.is_none() {
        r.problem(
            format!(
                "mốc thời hạn «{}» không đọc được, đã bỏ qua",
                preview(value)
            ),
            Outcome::Skipped,
        );
    }
    milestone
}

pub(super) fn read_budget(r: &mut Reader, value: Option<&Value>) -> Budget {
    let Some(value) = value else {
        return Budget::None;
    };
    match value {
        Value::Null => Budget::None,
        Value::String(text) if text == "none" => Budget::None,
        Value::String(_) => {
            let text = r.text_value(value, "Kinh phí");
            let budget = Budget::from_input(&text);
            // A note in words is a real budget cell ("Theo dự trù kinh phí riêng"); a note
            // that holds digits was meant as an amount and could not be read as one.
            if matches!(&budget, Budget::Note(note) if note.chars().any(|c| c.is_ascii_digit())) {
                r.problem(
                    format!(
                        "kinh phí «{}» không phải là số hợp lệ, đã giữ làm ghi chú",
                        preview(value)
                    ),
                    Outcome::Repaired,
                );
            }
            budget
        }
        Value::Number(_) => amount_or_note(r, value),
        Value::Object(o) => {
            if let Some(amount) = Reader::field(o, &["million_vnd", "amount"]) {
                amount_or_note(r, amount)
            } else if Reader::field(o, &["note"]).is_some() {
                let note = r.text(o, &["note"], "Ghi chú kinh phí");
                if note.is_empty() {
                    Budget::None
                } else {
                    Budget::Note(note)
                }
            } else {
                r.problem(
                    "kinh phí không có số tiền hay ghi chú, đã bỏ qua",
                    Outcome::Skipped,
                );
                Budget::None
            }
        }
        other => {
            r.problem(
                format!("kinh phí có dạng {}, đã bỏ qua", kind_of(other)),
                Outcome::Skipped,
            );
            Budget::None
        }
    }
}

/// An amount in million VND; text that is not a number is kept as a note so that no word is
/// lost, and reported.
pub(super) fn amount_or_note(r: &mut Reader, value: &Value) -> Budget {
    let parsed = decimal_of(value);
    match parsed {
        Ok(amount) if !amount.is_negative() => Budget::MillionVnd(amount),
        Ok(amount) => {
            r.problem(
                format!("kinh phí «{}» là số âm, đã giữ làm ghi chú", preview(value)),
                Outcome::Repaired,
            );
            Budget::Note(amount.format_vi())
        }
        Err(_) => {
            let text = r.text_value(value, "Kinh phí");
            r.problem(
                format!(
                    "kinh phí «{}» không phải là số, đã giữ làm ghi chú",
                    preview(value)
                ),
                Outcome::Repaired,
            );
            if text.is_empty() {
                Budget::None
            } else {
                Budget::Note(text)
            }
        }
    }
}
