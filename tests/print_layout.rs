//! The printed layout (`kehoach::document`) of the four real sample plans: every task and
//! budget is printed, the header, dates, numbering, decision form and appendix totals are as
//! Nghị định 30/2020/NĐ-CP and the source documents have them.
#![cfg(not(target_arch = "wasm32"))]

mod common;

use kehoach::document::{
    Block, ColumnKind, Document, Orientation, Role, Section, SectionKind, TableRow, layout,
};
use kehoach::domain::appendix::AppendixRows;
use kehoach::domain::appendix_columns::TableColumn;
use kehoach::domain::*;

use common::{SAMPLES, sample};

/// Every task of the plan: the body's and the appendix tables' own rows.
fn all_tasks(plan: &Plan) -> Vec<&Task> {
    let mut tasks: Vec<&Task> = plan.areas.iter().flat_map(|a| a.all_tasks()).collect();
    for table in &plan.appendices {
        if let AppendixRows::Own { groups } = &table.rows {
            for group in groups {
                tasks.extend(group.tasks.iter());
                tasks.extend(group.sub_groups.iter().flat_map(|sub| sub.tasks.iter()));
            }
        }
    }
    tasks
}

fn paragraphs(section: &Section) -> Vec<String> {
    section
        .blocks
        .iter()
        .filter_map(|block| match block {
            Block::Paragraph(paragraph) => Some(paragraph.text()),
            _ => None,
        })
        .collect()
}

fn header(section: &Section) -> &kehoach::document::Header {
    match &section.blocks[0] {
        Block::Header(header) => header,
        other => panic!("a section opens with {other:?}"),
    }
}

fn tables(document: &Document) -> Vec<&kehoach::document::Table> {
    document
        .sections
        .iter()
        .flat_map(|section| section.blocks.iter())
        .filter_map(|block| match block {
            Block::Table(table) => Some(table),
            _ => None,
        })
        .collect()
}

#[test]
fn every_task_text_deadline_and_budget_of_every_sample_is_printed() {
    for (name, _) in SAMPLES {
        let plan = sample(name);
        let document = layout(&plan);
        let texts = document.texts();
        let all = texts.join("\n");
        let tasks = all_tasks(&plan);
        assert!(tasks.len() > 20, "{name}: only {} tasks", tasks.len());
        for task in tasks {
            let content = task.content.trim();
            assert!(
                texts.iter().any(|text| text.contains(content)),
                "{name}: task «{content}» is not printed"
            );
            let deadline = task.deadline.text.trim();
            assert!(
                all.contains(deadline),
                "{name}: deadline «{deadline}» is not printed"
            );
            let budget = task.budget.display();
            assert!(
                all.contains(&budget),
                "{name}: budget «{budget}» is not printed"
            );
            for unit in task.lead_units.iter().chain(&task.partner_units) {
                assert!(all.contains(unit.trim()), "{name}: unit «{unit}» missing");
            }
        }
    }
}

#[test]
fn son_chau_prints_as_a_plan_on_its_own_with_its_header_and_padded_date() {
    let plan = sample("son-chau-commune-2022");
    let document = layout(&plan);
    let kinds: Vec<SectionKind> = document.sections.iter().map(|s| s.kind).collect();
    assert_eq!(kinds, [SectionKind::Plan, SectionKind::Appendix]);
    let plan_section = &document.sections[0];
    assert_eq!(plan_section.orientation, Orientation::Portrait);
    let header = header(plan_section);
    assert_eq!(header.issuing_body, ["ỦY BAN NHÂN DÂN", "XÃ SƠN CHÂU"]);
    assert_eq!(header.number_line.as_deref(), Some("Số: 06/KH-UBND"));
    assert_eq!(
        header.place_date.as_deref(),
        Some("Sơn Châu, ngày 08 tháng 01 năm 2022")
    );
    assert_eq!(header.nation, "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM");
    assert_eq!(header.motto, "Độc lập - Tự do - Hạnh phúc");
    match &plan_section.blocks[1] {
        Block::Title(title) => {
            assert_eq!(title.kind, "KẾ HOẠCH");
            assert_eq!(
                title.subject.as_deref(),
                Some("Thực hiện công tác cải cách hành chính năm 2022")
            );
        }
        other => panic!("expected the title, got {other:?}"),
    }
    let texts = paragraphs(plan_section);
    // The drafter's headings, in the document's order.
    let order = [
        "I. MỤC ĐÍCH VÀ YÊU CẦU.",
        "II. CÁC CHỈ TIÊU CỤ THỂ",
        "III. NHIỆM VỤ VÀ GIẢI PHÁP",
        "1. Công tác chỉ đạo, điều hành.",
        "7. Xây dựng và phát triển chính phủ điện tử.",
        "7.1. Ứng dụng công nghệ thông tin trong cơ quan nhà nước.",
        "7.2. Áp dụng ISO trong hoạt động cơ quan hành chính.",
        "IV. KINH PHÍ THỰC HIỆN",
        "V. TỔ CHỨC THỰC HIỆN",
    ];
    let positions: Vec<usize> = order
        .iter()
        .map(|heading| {
            texts
                .iter()
                .position(|text| text == heading)
                .unwrap_or_else(|| panic!("heading «{heading}» missing"))
        })
        .collect();
    assert!(positions.windows(2).all(|w| w[0] < w[1]), "{positions:?}");
    // Tasks lettered a), b) … with đ after d.
    assert!(texts.iter().any(|t| t.starts_with("đ) ")));
    assert!(texts.iter().any(|t| t.starts_with("13. Thu ngân sách")));
    // The Căn cứ paragraph is in italics.
    let basis = plan_section.blocks.iter().find_map(|block| match block {
        Block::Paragraph(p) if p.text().starts_with("Căn cứ Kế hoạch số 520") => Some(p),
        _ => None,
    });
    assert!(basis.is_some_and(|p| p.runs.iter().all(|run| run.italic)));
    // Closing: recipients, the last ending with a full stop, and TM. signature.
    let closing = plan_section
        .blocks
        .iter()
        .find_map(|block| match block {
            Block::Closing(closing) => Some(closing),
            _ => None,
        })
        .expect("closing");
    assert_eq!(
        closing.recipients.first().map(String::as_str),
        Some("- Phòng Nội vụ, Văn phòng, Văn hóa –TT, Phòng Tư pháp, TC-KH;")
    );
    assert_eq!(
        closing.recipients.last().map(String::as_str),
        Some("- Lưu: VP-UBND.")
    );
    let signature = closing.signature.as_ref().expect("signature");
    assert_eq!(signature.authority.as_deref(), Some("TM. ỦY BAN NHÂN DÂN"));
    assert_eq!(signature.title, "CHỦ TỊCH");
    assert_eq!(signature.name, "Hồ Phạm Tuấn");
}

#[test]
fn son_chau_appendix_is_landscape_with_34_rows_and_totals_200() {
    let plan = sample("son-chau-commune-2022");
    let document = layout(&plan);
    let appendix = &document.sections[1];
    assert_eq!(appendix.orientation, Orientation::Landscape);
    assert_eq!(
        paragraphs(appendix),
        [
            "PHỤ LỤC",
            "NHIỆM VỤ TRỌNG TÂM CỦA KẾ HOẠCH CẢI CÁCH HÀNH CHÍNH XÃ SƠN CHÂU NĂM 2022",
            "( Kèm theo Kế hoạch số:06/KH-UBND, ngày 08/01/2022 của UBND xã Sơn Châu)",
        ]
    );
    let table = tables(&document)[0];
    let kinds: Vec<ColumnKind> = table.columns.iter().map(|c| c.kind).collect();
    assert_eq!(
        kinds,
        [
            ColumnKind::Number,
            ColumnKind::Field(TableColumn::Task),
            ColumnKind::Field(TableColumn::Output),
            ColumnKind::Field(TableColumn::Lead),
            ColumnKind::Field(TableColumn::Partner),
            ColumnKind::Field(TableColumn::Deadline),
            ColumnKind::BUDGET
        ]
    );
    assert_eq!(table.columns[6].label, "Kinh phí thực hiện (Triệu đồng)");
    let numbers: Vec<String> = table
        .rows
        .iter()
        .filter_map(|row| match row {
            TableRow::Item { cells } => Some(cells[0].lines().join("")),
            _ => None,
        })
        .collect();
    let expected: Vec<String> = (1..=34).map(|n| n.to_string()).collect();
    assert_eq!(numbers, expected);
    let groups: Vec<(u8, &str, Option<String>)> = table
        .rows
        .iter()
        .filter_map(|row| match row {
            TableRow::Group {
                level,
                label,
                total,
                ..
            } => Some((*level, label.as_str(), total.map(Decimal::format_vi))),
            _ => None,
        })
        .collect();
    assert_eq!(
        groups,
        [
            (1, "I", None),
            (1, "II", None),
            (1, "III", None),
            (1, "IV", None),
            (1, "V", Some("10".into())),
            (1, "VI", None),
            (1, "VII", Some("190".into())),
            (2, "A", Some("190".into())),
            (2, "B", None),
        ]
    );
    assert_eq!(
        table.rows.last(),
        Some(&TableRow::Total {
            label: "Tổng cộng".into(),
            total: Decimal::parse_vi("200").expect("200")
        })
    );
    let texts = document.texts();
    assert!(texts.iter().any(|t| t == "Theo dự trù kinh phí riêng"));
}

#[test]
fn son_tay_prints_the_decision_then_the_attached_plan() {
    let plan = sample("son-tay-district-2023");
    let document = layout(&plan);
    let kinds: Vec<SectionKind> = document.sections.iter().map(|s| s.kind).collect();
    assert_eq!(kinds, [SectionKind::Decision, SectionKind::Plan]);
    let decision = &document.sections[0];
    let header = header(decision);
    assert_eq!(header.number_line.as_deref(), Some("Số: 3031/QĐ-UBND"));
    assert_eq!(
        header.place_date.as_deref(),
        Some("Sơn Tây, ngày 23 tháng 12 năm 2022")
    );
    let texts = paragraphs(decision);
    assert_eq!(texts[0], "CHỦ TỊCH ỦY BAN NHÂN DÂN HUYỆN SƠN TÂY");
    assert!(texts[1].starts_with("Căn cứ Luật Tổ chức chính quyền địa phương"));
    assert!(texts.iter().any(|t| t == "QUYẾT ĐỊNH:"));
    assert!(texts.iter().any(|t| t.starts_with(
        "Điều 1. Ban hành kèm theo Quyết định này Kế hoạch cải cách hành chính năm 2023"
    )));
    assert!(texts.iter().any(|t| t.starts_with("Điều 3. ")));
    let closing = decision.blocks.iter().find_map(|block| match block {
        Block::Closing(closing) => Some(closing),
        _ => None,
    });
    let closing = closing.expect("the decision is signed");
    assert!(
        closing
            .recipients
            .contains(&"- TT HĐND huyện; } (Báo cáo)".to_string())
    );
    assert!(closing.recipients.contains(&"- TT Huyện ủy;".to_string()));
    let signature = closing.signature.as_ref().expect("signature");
    assert_eq!(signature.authority, None);
    assert_eq!(signature.name, "Nguyễn Ngọc Trân");

    let attached = &document.sections[1];
    let header = crate::header(attached);
    assert_eq!(header.number_line, None);
    assert_eq!(header.place_date, None);
    assert_eq!(header.issuing_body, ["ỦY BAN NHÂN DÂN", "HUYỆN SƠN TÂY"]);
    let texts = paragraphs(attached);
    assert_eq!(
        texts[0],
        "(Ban hành kèm theo Quyết định số 3031/QĐ-UBND ngày 23/12/2022 của Chủ tịch UBND huyện Sơn Tây)"
    );
    // Tasks with their fields, labelled as the plan labels them.
    let at = texts
        .iter()
        .position(|t| t.starts_with("a) Xây dựng, tham mưu ban hành và tổ chức thực hiện Kế hoạch hoạt động kiểm soát TTHC"))
        .expect("first procedures task");
    assert_eq!(
        texts[at + 1],
        "- Cơ quan chủ trì thực hiện: Văn phòng huyện."
    );
    assert_eq!(
        texts[at + 2],
        "- Cơ quan phối hợp: Các phòng, ban ngành huyện và UBND các xã."
    );
    assert!(texts[at + 3].starts_with("- Sản phẩm: Các Kế hoạch của Chủ tịch UBND huyện"));
    assert_eq!(
        texts[at + 4],
        "- Thời gian thực hiện: Quý I năm 2023 ban hành các Kế hoạch; định kỳ báo cáo kết quả thực hiện."
    );
    // The sample's own lettering mistakes (f, j, q) are not reproduced.
    for letter in ["f) ", "j) ", "w) ", "z) "] {
        assert!(!texts.iter().any(|t| t.starts_with(letter)), "{letter}");
    }
}

#[test]
fn hoang_hoa_draft_leaves_room_for_number_and_day_and_has_seven_appendices() {
    let plan = sample("hoang-hoa-district-2023");
    let document = layout(&plan);
    let header = header(&document.sections[0]);
    assert_eq!(
        header.number_line.as_deref(),
        Some("Số: \u{a0}\u{a0}\u{a0}\u{a0}\u{a0}\u{a0}/QĐ-UBND")
    );
    assert_eq!(
        header.place_date.as_deref(),
        Some("Hoàng Hoá, ngày \u{a0}\u{a0}\u{a0}\u{a0}\u{a0}\u{a0} tháng 12 năm 2022")
    );
    let appendices: Vec<&Section> = document
        .sections
        .iter()
        .filter(|s| s.kind == SectionKind::Appendix)
        .collect();
    assert_eq!(appendices.len(), 7);
    assert!(
        appendices
            .iter()
            .all(|s| s.orientation == Orientation::Landscape)
    );
    let tables = tables(&document);
    // No budget column, so no total; no untitled group row.
    assert!(tables.iter().all(|table| {
        table.columns.iter().all(|c| c.kind != ColumnKind::BUDGET)
            && table
                .rows
                .iter()
                .all(|row| matches!(row, TableRow::Item { .. }))
    }));
    let last = tables[6];
    assert!(
        last.columns
            .iter()
            .any(|c| c.kind == ColumnKind::Field(TableColumn::Executor))
    );
    let first_row = match &last.rows[0] {
        TableRow::Item { cells } => cells,
        other => panic!("{other:?}"),
    };
    let executor = last
        .columns
        .iter()
        .position(|c| c.kind == ColumnKind::Field(TableColumn::Executor))
        .expect("executor column");
    assert_eq!(
        first_row[executor].lines(),
        [
            "Các phòng, ban, ngành cấp huyện; UBND cấp xã; các cơ quan liên quan",
            "Cơ quan tổng hợp: kiểm tra: Phòng Nội vụ"
        ]
    );
    // Its drafted attachment line is derived from the decision.
    assert_eq!(
        paragraphs(appendices[0])[2],
        "(Kèm theo Kế hoạch ban hành tại Quyết định số \u{a0}\u{a0}\u{a0}\u{a0}\u{a0}\u{a0}/QĐ-UBND ngày \u{a0}\u{a0}/12/2022 của Chủ tịch UBND huyện Hoàng Hóa)"
    );
}

#[test]
fn tinh_minh_prints_its_added_area_and_every_heading_level() {
    let plan = sample("tinh-minh-commune-2024");
    let document = layout(&plan);
    let plan_section = &document.sections[1];
    let headings: Vec<(u8, String)> = plan_section
        .blocks
        .iter()
        .filter_map(|block| match block {
            Block::Paragraph(p) => match p.role {
                Role::Heading(level) => Some((level, p.text())),
                _ => None,
            },
            _ => None,
        })
        .collect();
    assert!(headings.contains(&(
        2,
        "7. Nâng cao chỉ số cải cách hành chính (PAR INDEX)".to_string()
    )));
    assert!(headings.contains(&(1, "III. Tổ chức thực hiện.".to_string())));
    assert_eq!(
        header(&document.sections[0]).place_date.as_deref(),
        Some("Tĩnh Minh, ngày 26 tháng 12 năm 2023")
    );
}

#[test]
fn a_new_plan_prints_standard_headings_numbered_in_sequence() {
    let mut plan = kehoach::domain::template::new_commune_plan(2026, |kind| kind.to_string());
    // Only requirements, funding and one task: the template's other parts are cleared.
    plan.purposes.clear();
    plan.implementation = Default::default();
    plan.requirements = vec![Paragraph::new("Bám sát kế hoạch của tỉnh")];
    plan.funding = vec![Paragraph::new("Ngân sách xã")];
    plan.areas[0].tasks.push(Task {
        id: "t1".into(),
        content: "Ban hành kế hoạch".into(),
        budget: Budget::from_input("12,5"),
        ..Task::default()
    });
    plan.date = PartialDate::ymd(2026, 2, 5);
    plan.place = "Tịnh Minh".into();
    plan.number.number = "7".into();
    let document = layout(&plan);
    let header = header(&document.sections[0]);
    assert_eq!(
        header.place_date.as_deref(),
        Some("Tịnh Minh, ngày 05 tháng 02 năm 2026")
    );
    assert_eq!(header.number_line.as_deref(), Some("Số: 07/KH-UBND"));
    let texts = paragraphs(&document.sections[0]);
    let headings: Vec<&String> = texts
        .iter()
        .filter(|t| t.starts_with("I") || t.starts_with("1. Y"))
        .collect();
    assert_eq!(
        headings,
        [
            "I. MỤC ĐÍCH, YÊU CẦU",
            "1. Yêu cầu",
            "II. NHIỆM VỤ VÀ GIẢI PHÁP",
            "III. KINH PHÍ THỰC HIỆN"
        ]
    );
    assert!(texts.contains(&"- Kinh phí: 12,5 triệu đồng.".to_string()));
}

#[test]
fn a_key_task_table_of_chosen_areas_without_budgets_prints_portrait_under_its_own_headings() {
    let mut plan = sample("tinh-minh-commune-2024");
    for area in &mut plan.areas {
        area.tasks[0].key_task = true;
        area.tasks[0].budget = Budget::from_input("10");
    }
    let chosen: Vec<String> = plan.areas[2..4].iter().map(|a| a.id.clone()).collect();
    let mut table = AppendixTable {
        rows: AppendixRows::KeyTasks { area_ids: chosen },
        budget_column: false,
        landscape: false,
        ..AppendixTable::default()
    };
    table.column_labels.task = "Nội dung thực hiện".into();
    plan.appendices = vec![table];
    let document = layout(&plan);
    let appendix = document.sections.last().expect("an appendix section");
    assert_eq!(appendix.kind, SectionKind::Appendix);
    assert_eq!(appendix.orientation, Orientation::Portrait);
    let printed = tables(&document);
    let table = printed.last().expect("the appendix table");
    let heads: Vec<&str> = table.columns.iter().map(|c| c.label.as_str()).collect();
    assert_eq!(
        heads,
        [
            "TT",
            "Nội dung thực hiện",
            "Kết quả đầu ra, sản phẩm",
            "Cơ quan chủ trì",
            "Cơ quan phối hợp",
            "Thời gian thực hiện"
        ]
    );
    assert!(table.columns.iter().all(|c| c.kind != ColumnKind::BUDGET));
    let groups: Vec<&str> = table
        .rows
        .iter()
        .filter_map(|row| match row {
            TableRow::Group { title, total, .. } => {
                assert_eq!(*total, None);
                Some(title.as_str())
            }
            TableRow::Total { .. } => panic!("no total without the budget column"),
            TableRow::Item { .. } => None,
        })
        .collect();
    assert_eq!(
        groups,
        [plan.areas[2].title.trim(), plan.areas[3].title.trim()]
    );
}

/// Every text leaf of `value` but ids, with where it is ("lead_units/0").
fn texts_of(value: &serde_json::Value, at: &str, out: &mut Vec<(String, String)>) {
    match value {
        serde_json::Value::String(text) if !at.ends_with("id") => {
            out.push((at.to_string(), text.clone()));
        }
        serde_json::Value::Array(items) => {
            for (index, item) in items.iter().enumerate() {
                texts_of(item, &format!("{at}/{index}"), out);
            }
        }
        serde_json::Value::Object(fields) => {
            for (key, field) in fields {
                texts_of(field, &format!("{at}/{key}"), out);
            }
        }
        _ => {}
    }
}

/// A field added to a task but forgotten by the layout never prints, and nothing else fails:
/// this test does. Every field of a task filled in (read through serde, so a new field is
/// in it without a change here) must be somewhere in the printed text, and a key task in its
/// appendix table too.
#[test]
fn every_field_of_a_filled_task_is_printed() {
    let mut plan = kehoach::domain::template::new_commune_plan(2026, |kind| kind.to_string());
    let task = Task {
        id: "filled".into(),
        content: "Nội dung đầy đủ".into(),
        sub_items: vec!["Ý nhỏ thứ nhất".into()],
        lead_units: vec!["Đơn vị chủ trì".into()],
        partner_units: vec!["Đơn vị phối hợp".into()],
        other_roles: vec![kehoach::domain::Role {
            label: "Cơ quan theo dõi".into(),
            units: vec!["Đơn vị theo dõi".into()],
        }],
        outputs: vec!["Sản phẩm đầu ra".into()],
        deadline: Deadline::new("Quý III/2026", 2026),
        budget: Budget::from_input("777"),
        key_task: true,
        labels: TaskLabels {
            lead: "Cơ quan tham mưu".into(),
            partner: "Cơ quan cùng làm".into(),
            output: "Kết quả cần có".into(),
            deadline: "Hạn hoàn thành".into(),
            budget: "Tiền thực hiện".into(),
        },
        // Not words but an order: `a_task_prints_its_own_labels_and_role_order` checks it.
        role_order: Vec::new(),
    };
    let mut leaves = Vec::new();
    texts_of(
        &serde_json::to_value(&task).expect("task as JSON"),
        "",
        &mut leaves,
    );
    assert!(leaves.len() >= 13, "{leaves:?}");
    plan.areas[0].tasks.push(task.clone());
    plan.appendices = vec![AppendixTable {
        rows: AppendixRows::KeyTasks {
            area_ids: Vec::new(),
        },
        ..AppendixTable::default()
    }];
    let document = layout(&plan);
    // The body of the plan prints every field, labels included.
    let mut body = Vec::new();
    let plan_section = document
        .sections
        .iter()
        .find(|section| section.kind == SectionKind::Plan)
        .expect("the plan's section");
    for block in &plan_section.blocks {
        if let Block::Paragraph(paragraph) = block {
            body.push(paragraph.text());
        }
    }
    let body = body.join("\n");
    for (at, text) in &leaves {
        assert!(body.contains(text.as_str()), "{at} «{text}» is not printed");
    }
    // The key-task table prints every field but the labels, which are its column headings.
    let appendix: String = tables(&document)
        .last()
        .expect("the key-task table")
        .rows
        .iter()
        .flat_map(|row| match row {
            TableRow::Item { cells } => cells.iter().flat_map(|cell| cell.lines()).collect(),
            _ => Vec::new(),
        })
        .collect::<Vec<_>>()
        .join("\n");
    for (at, text) in leaves.iter().filter(|(at, _)| !at.starts_with("/labels")) {
        assert!(
            appendix.contains(text.as_str()),
            "{at} «{text}» is not in the table"
        );
    }
}

/// Unit names hold commas («UBND xã, phường»): printed in a sentence, units are then set apart
/// with «;» so that no name reads as two (it printed «Phòng Tư pháp, UBND xã, phường»).
#[test]
fn units_whose_names_hold_commas_print_apart_with_semicolons() {
    let mut plan = kehoach::domain::template::new_commune_plan(2026, |kind| kind.to_string());
    plan.areas[0].tasks.push(Task {
        id: "units".into(),
        content: "Rà soát thủ tục".into(),
        lead_units: vec!["Văn phòng".into(), "Tư pháp".into()],
        partner_units: vec!["Phòng Tư pháp".into(), "UBND xã, phường".into()],
        ..Task::default()
    });
    let texts = layout(&plan).texts();
    assert!(
        texts.iter().any(|t| t.ends_with("Văn phòng, Tư pháp.")),
        "{texts:?}"
    );
    assert!(
        texts
            .iter()
            .any(|t| t.ends_with("Phòng Tư pháp; UBND xã, phường.")),
        "{texts:?}"
    );
}

/// The body paragraph whose text starts with `start`, in the plan's section.
fn paragraph_starting<'a>(document: &'a Document, start: &str) -> &'a kehoach::document::Paragraph {
    document
        .sections
        .iter()
        .flat_map(|section| section.blocks.iter())
        .find_map(|block| match block {
            Block::Paragraph(paragraph) if paragraph.text().starts_with(start) => Some(paragraph),
            _ => None,
        })
        .unwrap_or_else(|| panic!("no paragraph starts with «{start}»"))
}

/// A plan that opens with one «Thực hiện …» sentence instead of «Căn cứ …» lines prints it
/// upright as body text; a «Căn cứ …» line stays in italics (it printed both in italics).
#[test]
fn an_opening_sentence_in_place_of_legal_bases_prints_upright() {
    let mut plan = kehoach::domain::template::new_commune_plan(2026, |kind| kind.to_string());
    plan.legal_bases = vec![
        LegalBasis {
            text: "Thực hiện Kế hoạch số 25/KH-UBND ngày 10/01/2026 của UBND tỉnh, UBND xã xây \
                   dựng Kế hoạch cải cách hành chính năm 2026 như sau:"
                .into(),
            document: None,
        },
        LegalBasis {
            text: "căn cứ Nghị quyết số 76/NQ-CP ngày 15/7/2021 của Chính phủ;".into(),
            document: None,
        },
    ];
    let document = layout(&plan);
    let opening = paragraph_starting(&document, "Thực hiện Kế hoạch số 25");
    assert_eq!(opening.role, Role::Body);
    assert!(
        opening.runs.iter().all(|run| !run.italic && !run.bold),
        "{opening:?}"
    );
    let basis = paragraph_starting(&document, "căn cứ Nghị quyết");
    assert!(basis.runs.iter().all(|run| run.italic), "{basis:?}");
}

/// «Tổ chức thực hiện» written as numbered sentences prints those sentences, upright: a point
/// with no unit (the sentence in its duty) or a unit line with no duty. A unit with duties
/// still prints the unit in bold (it printed every point as a bold unit).
#[test]
fn implementation_written_as_numbered_sentences_prints_as_written() {
    let mut plan = kehoach::domain::template::new_commune_plan(2026, |kind| kind.to_string());
    let sentence =
        "Văn phòng HĐND và UBND xã chủ trì, phối hợp với các đơn vị triển khai Kế hoạch.";
    plan.implementation.responsibilities = vec![
        Responsibility {
            unit: String::new(),
            duties: vec![Paragraph::new(sentence), Paragraph::new("Báo cáo định kỳ.")],
        },
        Responsibility {
            unit: "Các đơn vị được giao nhiệm vụ chủ động tổ chức thực hiện.".into(),
            duties: vec![Paragraph::default()],
        },
        Responsibility {
            unit: "Công chức Tài chính - Kế toán".into(),
            duties: vec![Paragraph::new("Tham mưu bố trí kinh phí.")],
        },
    ];
    let document = layout(&plan);
    let first = paragraph_starting(&document, "1. Văn phòng HĐND");
    assert_eq!(first.text(), format!("1. {sentence}"));
    assert!(first.runs.iter().all(|run| !run.bold), "{first:?}");
    let texts = document.texts();
    let at = texts
        .iter()
        .position(|t| t.starts_with("1. Văn phòng"))
        .expect("point 1");
    assert_eq!(texts[at + 1], "- Báo cáo định kỳ.");
    let second = paragraph_starting(&document, "2. Các đơn vị");
    assert_eq!(
        second.text(),
        "2. Các đơn vị được giao nhiệm vụ chủ động tổ chức thực hiện."
    );
    assert!(second.runs.iter().all(|run| !run.bold), "{second:?}");
    let third = paragraph_starting(&document, "3. Công chức Tài chính");
    assert!(third.runs[0].bold, "{third:?}");
}

/// A task's own labels print in place of the plan's, and its roles in its own order: a real
/// plan puts «Cơ quan thực hiện» before «Cơ quan chủ trì tham mưu» (it printed lead first).
#[test]
fn a_task_prints_its_own_labels_and_role_order() {
    let mut plan = kehoach::domain::template::new_commune_plan(2026, |kind| kind.to_string());
    plan.task_labels.lead = "Chủ trì thực hiện".into();
    let mut task = Task {
        id: "roles".into(),
        content: "Tự kiểm tra công tác cải cách hành chính".into(),
        lead_units: vec!["Văn phòng HĐND và UBND xã".into()],
        partner_units: vec!["Các đơn vị".into()],
        other_roles: vec![kehoach::domain::Role {
            label: "Cơ quan thực hiện".into(),
            units: vec!["Các công chức chuyên môn".into()],
        }],
        deadline: Deadline::new("Tháng 11/2026", 2026),
        labels: TaskLabels {
            lead: "Cơ quan chủ trì tham mưu".into(),
            partner: "Cơ quan phối hợp theo dõi".into(),
            deadline: "Thời gian hoàn thành".into(),
            ..TaskLabels::default()
        },
        ..Task::default()
    };
    task.move_role(1, 0);
    plan.areas[0].tasks.push(task);
    let texts = layout(&plan).texts();
    let at = texts
        .iter()
        .position(|t| t.ends_with("Tự kiểm tra công tác cải cách hành chính"))
        .expect("the task");
    assert_eq!(
        texts[at + 1..at + 5],
        [
            "- Cơ quan thực hiện: Các công chức chuyên môn.",
            "- Cơ quan chủ trì tham mưu: Văn phòng HĐND và UBND xã.",
            "- Cơ quan phối hợp theo dõi: Các đơn vị.",
            "- Thời gian hoàn thành: Tháng 11/2026.",
        ]
    );
}
