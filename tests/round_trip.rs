//! Property tests of the file format: any plan the app can hold is exported and imported back
//! unchanged with a clean report, and no input, however mangled, makes the importer panic.
#![cfg(not(target_arch = "wasm32"))]

use kehoach::domain::appendix::ColumnLabels;
use kehoach::domain::*;
use kehoach::file_format::{self, ExportInfo};
use proptest::collection::vec;
use proptest::option;
use proptest::prelude::*;

/// Text as the app stores it: NFC, Vietnamese letters, punctuation, spaces, the odd newline.
fn text() -> impl Strategy<Value = String> {
    "[a-zA-Z0-9 ,.;:()%/\\-àáảãạăằắẳẵặâầấẩẫậđèéẻẽẹêềếểễệìíỉĩịòóỏõọôồốổỗộơờớởỡợùúủũụưừứửữựỳýỷỹỵĐƯƠ\n<>\"'&]{0,40}"
}

/// Text that must not be empty (items of lists, where empty items are dropped on reading).
fn item() -> impl Strategy<Value = String> {
    "[a-zA-ZđĐàâêôơưạệộ0-9][a-zA-Z0-9 ,.àáạăâđêôơưệộ-]{0,30}"
}

fn items() -> impl Strategy<Value = Vec<String>> {
    vec(item(), 0..3)
}

fn paragraphs() -> impl Strategy<Value = Vec<Paragraph>> {
    vec(
        (text(), items()).prop_map(|(text, sub_items)| Paragraph { text, sub_items }),
        0..3,
    )
}

fn decimal() -> impl Strategy<Value = Decimal> {
    (0i128..=1_000_000_000_000_000).prop_map(Decimal::from_millionths)
}

fn budget() -> impl Strategy<Value = Budget> {
    prop_oneof![
        Just(Budget::None),
        decimal().prop_map(Budget::MillionVnd),
        item().prop_map(Budget::Note),
    ]
}

fn milestone() -> impl Strategy<Value = Milestone> {
    prop_oneof![
        (2000i32..2100, 1u32..=12, 1u32..=28).prop_map(|(y, m, d)| Milestone::Date {
            date: chrono::NaiveDate::from_ymd_opt(y, m, d).unwrap_or_default()
        }),
        (2000i32..2100, 1u8..=12).prop_map(|(year, month)| Milestone::Month { year, month }),
        (2000i32..2100, 1u8..=4).prop_map(|(year, quarter)| Milestone::Quarter { year, quarter }),
        (2000i32..2100, 1u8..=2).prop_map(|(year, half)| Milestone::HalfYear { year, half }),
        (2000i32..2100).prop_map(|year| Milestone::Year { year }),
        prop_oneof![
            Just(Recurrence::Weekly),
            Just(Recurrence::Monthly),
            Just(Recurrence::Quarterly),
            Just(Recurrence::HalfYearly),
            Just(Recurrence::Yearly)
        ]
        .prop_map(|every| Milestone::Recurring { every }),
        Just(Milestone::Ongoing),
        Just(Milestone::NoFixedDate),
    ]
}

fn deadline(year: i32) -> impl Strategy<Value = Deadline> {
    let written = prop_oneof![
        text(),
        Just("Quý I/2024".to_string()),
        Just("Thường xuyên".to_string()),
        Just("tháng 6 và tháng 12/2024".to_string()),
        Just("Trước 15/11/2023".to_string()),
    ];
    (written, any::<bool>(), vec(milestone(), 0..3)).prop_map(move |(text, overridden, reading)| {
        if overridden {
            Deadline::with_reading(text, reading)
        } else {
            Deadline::new(text, year)
        }
    })
}

fn task(year: i32) -> impl Strategy<Value = Task> {
    (
        (text(), items(), items(), items()),
        vec(
            (item(), items()).prop_map(|(label, units)| Role { label, units }),
            0..2,
        ),
        items(),
        deadline(year),
        budget(),
        any::<bool>(),
        (text(), text()),
        vec(
            prop_oneof![
                Just(RoleKind::Lead),
                Just(RoleKind::Other),
                Just(RoleKind::Partner)
            ],
            0..4,
        ),
    )
        .prop_map(
            |(
                (content, sub_items, lead_units, partner_units),
                other_roles,
                outputs,
                deadline,
                budget,
                key_task,
                (lead_label, deadline_label),
                role_order,
            )| Task {
                id: String::new(),
                content,
                sub_items,
                lead_units,
                partner_units,
                other_roles,
                outputs,
                deadline,
                budget,
                key_task,
                labels: TaskLabels {
                    lead: lead_label,
                    deadline: deadline_label,
                    ..TaskLabels::default()
                },
                role_order,
            },
        )
}

fn area_kind() -> impl Strategy<Value = AreaKind> {
    prop_oneof![
        Just(AreaKind::Direction),
        Just(AreaKind::Institutions),
        Just(AreaKind::Procedures),
        Just(AreaKind::Organisation),
        Just(AreaKind::CivilService),
        Just(AreaKind::PublicFinance),
        Just(AreaKind::DigitalGovernment),
        Just(AreaKind::Custom),
    ]
}

fn leaf_area(year: i32) -> impl Strategy<Value = ReformArea> {
    (area_kind(), text(), paragraphs(), vec(task(year), 0..4)).prop_map(
        |(kind, title, intro, tasks)| ReformArea {
            id: String::new(),
            kind,
            title,
            intro,
            tasks,
            sub_areas: Vec::new(),
        },
    )
}

fn area(year: i32) -> impl Strategy<Value = ReformArea> {
    (leaf_area(year), vec(leaf_area(year), 0..2)).prop_map(|(mut area, sub_areas)| {
        area.sub_areas = sub_areas;
        area
    })
}

fn group(year: i32) -> impl Strategy<Value = AppendixGroup> {
    (text(), vec(task(year), 0..3)).prop_map(|(title, tasks)| AppendixGroup {
        title,
        tasks,
        sub_groups: Vec::new(),
    })
}

fn appendix(year: i32) -> impl Strategy<Value = AppendixTable> {
    let groups = vec(
        (group(year), vec(group(year), 0..2)).prop_map(|(mut group, sub_groups)| {
            group.sub_groups = sub_groups;
            group
        }),
        0..3,
    );
    let rows = prop_oneof![
        Just(AppendixRows::KeyTasks {
            area_ids: Vec::new()
        }),
        groups.prop_map(|groups| AppendixRows::Own { groups }),
    ];
    (
        (text(), text(), text()),
        any::<bool>(),
        any::<bool>(),
        any::<bool>(),
        any::<bool>(),
        rows,
        text(),
    )
        .prop_map(
            |(
                (heading, title, attachment_line),
                executor,
                restart,
                budget_column,
                landscape,
                rows,
                label,
            )| {
                AppendixTable {
                    id: String::new(),
                    heading,
                    title,
                    attachment_line,
                    columns: if executor {
                        AppendixColumns::Executor
                    } else {
                        AppendixColumns::LeadAndPartner
                    },
                    numbering: if restart {
                        RowNumbering::RestartPerGroup
                    } else {
                        RowNumbering::RunOn
                    },
                    budget_column,
                    column_labels: ColumnLabels {
                        budget: label,
                        ..ColumnLabels::default()
                    },
                    landscape,
                    rows,
                }
            },
        )
}

fn signer() -> impl Strategy<Value = Signer> {
    (
        prop_oneof![
            Just(SigningAuthority::Direct),
            Just(SigningAuthority::OnBehalf),
            Just(SigningAuthority::Deputy),
            Just(SigningAuthority::Acting),
        ],
        text(),
        text(),
        text(),
    )
        .prop_map(|(authority, on_behalf_of, title, name)| Signer {
            authority,
            on_behalf_of,
            title,
            name,
        })
}

fn recipients() -> impl Strategy<Value = Vec<Recipient>> {
    vec(
        (text(), text(), text()).prop_map(|(name, note, group)| Recipient { name, note, group }),
        0..3,
    )
}

fn legal_bases() -> impl Strategy<Value = Vec<LegalBasis>> {
    vec(
        (
            text(),
            option::of((item(), 1u8..=28, 1u8..=12, 1990i32..2100, text())),
        )
            .prop_map(|(text, document)| LegalBasis {
                text,
                document: document.map(|(number, day, month, year, issuer)| DocumentRef {
                    number,
                    date: PartialDate::ymd(year, month, day),
                    issuer,
                    title: String::new(),
                }),
            }),
        0..3,
    )
}

fn form() -> impl Strategy<Value = DocumentForm> {
    prop_oneof![
        Just(DocumentForm::Standalone),
        (
            text(),
            text(),
            legal_bases(),
            text(),
            items(),
            recipients(),
            signer(),
            text()
        )
            .prop_map(
                |(
                    authority,
                    subject,
                    legal_bases,
                    proposal,
                    articles,
                    recipients,
                    signer,
                    attachment_line,
                )| {
                    DocumentForm::Decision(Box::new(Decision {
                        authority,
                        subject,
                        legal_bases,
                        proposal,
                        articles,
                        recipients,
                        signer,
                        attachment_line,
                    }))
                }
            ),
    ]
}

fn plan() -> impl Strategy<Value = Plan> {
    (2000i32..2100).prop_flat_map(|year| {
        let header = (
            prop_oneof![
                Just(Level::Commune),
                Just(Level::District),
                Just(Level::Province)
            ],
            prop_oneof![Just(AdminEra::TwoLevel), Just(AdminEra::ThreeLevel)],
            (text(), text(), text(), text()),
            (
                option::of(1u8..=28),
                option::of(1u8..=12),
                option::of(1990i32..2100),
            ),
            form(),
        );
        let body = (
            legal_bases(),
            (paragraphs(), paragraphs(), paragraphs()),
            vec(
                (
                    text(),
                    option::of((decimal(), text(), any::<bool>())),
                    items(),
                )
                    .prop_map(|(text, figure, sub_items)| Target {
                        text,
                        figure: figure.map(|(value, unit, at_least)| Figure {
                            value,
                            unit,
                            at_least,
                        }),
                        sub_items,
                    }),
                0..3,
            ),
            vec(area(year), 0..3),
            (
                paragraphs(),
                vec(
                    (text(), paragraphs())
                        .prop_map(|(unit, duties)| Responsibility { unit, duties }),
                    0..2,
                ),
            ),
            (recipients(), signer(), vec(appendix(year), 0..2), items()),
        );
        (header, body).prop_map(move |(header, body)| {
            let (
                level,
                era,
                (superior_body, issuing_body, place, title),
                (day, month, date_year),
                form,
            ) = header;
            let (
                legal_bases,
                (purposes, requirements, funding),
                targets,
                areas,
                (intro, responsibilities),
                (recipients, signer, appendices, template_marks),
            ) = body;
            let mut plan = Plan {
                id: format!("plan-{year}"),
                level,
                era,
                locality: Locality {
                    kind: LocalityKind::Phuong,
                    name: place.clone(),
                },
                superior_body,
                issuing_body,
                number: DocumentNumber {
                    number: String::new(),
                    symbol: "KH-UBND".into(),
                },
                place,
                date: PartialDate {
                    day,
                    month,
                    year: date_year,
                },
                year,
                title,
                form,
                legal_bases,
                purposes,
                requirements,
                targets,
                areas,
                funding,
                implementation: Implementation {
                    intro,
                    responsibilities,
                    ..Implementation::default()
                },
                recipients,
                signer,
                appendices,
                headings: Headings::default(),
                task_labels: TaskLabels::default(),
                extra_sections: Vec::new(),
                template_marks,
            };
            give_ids(&mut plan);
            plan
        })
    })
}

/// Unique ids as the editor assigns them.
fn give_ids(plan: &mut Plan) {
    let mut next = 0;
    let mut id = |prefix: &str| {
        next += 1;
        format!("{prefix}{next}")
    };
    for area in &mut plan.areas {
        area.id = id("a");
        for task in &mut area.tasks {
            task.id = id("t");
        }
        for sub in &mut area.sub_areas {
            sub.id = id("a");
            for task in &mut sub.tasks {
                task.id = id("t");
            }
        }
    }
    for table in &mut plan.appendices {
        table.id = id("p");
        if let AppendixRows::Own { groups } = &mut table.rows {
            for group in groups {
                for task in group
                    .tasks
                    .iter_mut()
                    .chain(group.sub_groups.iter_mut().flat_map(|s| s.tasks.iter_mut()))
                {
                    task.id = id("r");
                }
            }
        }
    }
}

fn export(plans: &[Plan]) -> String {
    file_format::export_plans(
        plans,
        &ExportInfo {
            exported_at: "2026-11-23T08:00:00Z".into(),
            exported_by: "Thử".into(),
        },
        plans.len() > 1,
    )
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 200, ..ProptestConfig::default() })]

    #[test]
    fn any_plan_survives_export_and_import(plan in plan()) {
        let file = export(std::slice::from_ref(&plan));
        let imported = file_format::import_file(file.as_bytes()).expect("own export imports");
        prop_assert!(imported.report.is_clean(), "{:?}", imported.report.lines());
        prop_assert!(imported.info.checksum_ok);
        prop_assert_eq!(imported.plans, vec![plan]);
    }

    #[test]
    fn any_bundle_survives_export_and_import(first in plan(), second in plan()) {
        let mut second = second;
        second.id = format!("{}-b", first.id);
        let plans = vec![first, second];
        let imported = file_format::import_file(export(&plans).as_bytes()).expect("bundle imports");
        prop_assert_eq!(imported.plans, plans);
    }

    #[test]
    fn importing_arbitrary_bytes_never_panics(bytes in vec(any::<u8>(), 0..2048)) {
        let _ = file_format::import_file(&bytes);
    }

    #[test]
    fn importing_a_damaged_export_never_panics(plan in plan(), cut in any::<prop::sample::Index>(), flips in vec((any::<prop::sample::Index>(), any::<u8>()), 0..8)) {
        let mut bytes = export(std::slice::from_ref(&plan)).into_bytes();
        for (at, byte) in flips {
            let index = at.index(bytes.len());
            bytes[index] = byte;
        }
        bytes.truncate(cut.index(bytes.len() + 1).max(1));
        if let Ok(imported) = file_format::import_file(&bytes) {
            // Whatever came through must itself export and import cleanly.
            let again = file_format::import_file(export(&imported.plans).as_bytes()).expect("re-import");
            prop_assert_eq!(again.plans, imported.plans);
        }
    }
}

/// Every input the fuzzer ever found a failure with (`fuzz/regressions/`) keeps the importer's
/// promises: no panic, and whatever it reads exports and imports back the same.
#[test]
fn fuzz_regressions_import_and_round_trip() {
    let folder = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("fuzz/regressions");
    let mut checked = 0;
    for entry in std::fs::read_dir(&folder).expect("fuzz/regressions") {
        let path = entry.expect("entry").path();
        let bytes = std::fs::read(&path).expect("read");
        if let Ok(imported) = file_format::import_file(&bytes) {
            let again = file_format::import_file(export(&imported.plans).as_bytes())
                .unwrap_or_else(|error| panic!("{}: re-import refused: {error}", path.display()));
            assert_eq!(again.plans, imported.plans, "{}", path.display());
            assert!(
                again.report.is_clean(),
                "{}: {:?}",
                path.display(),
                again.report.lines()
            );
        }
        checked += 1;
    }
    assert!(checked > 0, "no regression inputs in {}", folder.display());
}
