//! Property tests of the file format: any plan the app can hold, and any period report of a
//! plan with its progress, is exported and imported back unchanged with a clean report, and no
//! input, however mangled, makes the importer panic.
#![cfg(not(target_arch = "wasm32"))]

mod common;

use kehoach::domain::appendix::ColumnLabels;
use kehoach::domain::progress::{
    EvidenceDocument, ProgressBook, ReportPeriod, TaskProgress, TaskStatus,
};
use kehoach::domain::report::{self, PeriodReport};
use kehoach::domain::slot::task_slots;
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
        let Ok(imported) = file_format::import_file(&bytes) else {
            checked += 1;
            continue;
        };
        if !imported.plans.is_empty() {
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
        for received in &imported.reports {
            let file = export_report(&received.plan, &received.report, &received.progress);
            let again = file_format::import_file(file.as_bytes())
                .unwrap_or_else(|error| panic!("{}: re-import refused: {error}", path.display()));
            assert_eq!(again.reports.len(), 1, "{}", path.display());
            let back = &again.reports[0];
            assert_eq!(
                (&back.plan, &back.report, &back.progress),
                (&received.plan, &received.report, &received.progress),
                "{}",
                path.display()
            );
        }
        checked += 1;
    }
    assert!(checked > 0, "no regression inputs in {}", folder.display());
}

// ---------------------------------------------------------------------------------------------
// Period reports

/// Text as the app stores it from any source: anything at all, cleaned the one way the app
/// cleans text (so emoji, astral letters, closed bidi isolates and combining marks survive in
/// NFC), Vietnamese text, or one of a few odd strings.
fn any_text() -> impl Strategy<Value = String> {
    prop_oneof![
        3 => text(),
        3 => any::<String>().prop_map(|raw| text::clean(&raw)),
        1 => prop::sample::select(vec![
            "👩‍👩‍👧 Đề án «06» — ổn",
            "\u{2067}حكومة\u{2069} rồi",
            "𝔘𝔅𝔑𝔇 ꙮ 工作 \u{a0}\u{202f}x",
            "e\u{301}\u{323}",
            "Tồn tại:\n- một\n\t- hai",
            "",
            " ",
        ])
        .prop_map(text::clean),
    ]
}

fn day() -> impl Strategy<Value = chrono::NaiveDate> {
    (1900i32..2200, 1u32..=12, 1u32..=28)
        .prop_map(|(y, m, d)| chrono::NaiveDate::from_ymd_opt(y, m, d).unwrap_or_default())
}

fn task_progress() -> impl Strategy<Value = TaskProgress> {
    let status = prop_oneof![
        Just(TaskStatus::NotStarted),
        Just(TaskStatus::InProgress),
        Just(TaskStatus::DoneOnTime),
        Just(TaskStatus::DoneLate),
        any_text().prop_map(|reason| TaskStatus::NotCarriedOut { reason }),
    ];
    let evidence = vec(
        (any_text(), option::of(day()), any_text()).prop_map(|(number, date, summary)| {
            EvidenceDocument {
                number,
                date,
                summary,
            }
        }),
        0..3,
    );
    (status, option::of(day()), any_text(), evidence, any_text()).prop_map(
        |(status, completed_on, result, evidence, note)| TaskProgress {
            status,
            completed_on,
            result,
            evidence,
            note,
        },
    )
}

/// Any figure sheet: each figure absent, or a whole count, or a rate from 0 to 100 with up to
/// six decimals.
fn figures() -> impl Strategy<Value = report::Figures> {
    use report::Figure as F;
    let all = [
        F::ProceduresPublished,
        F::DossiersInPerson,
        F::DossiersOnline,
        F::DossiersByPost,
        F::ResolvedOnTime,
        F::ResolvedLate,
        F::ApologyLetters,
        F::DossiersDigitised,
        F::FeedbackReceived,
        F::FeedbackHandled,
        F::SatisfactionRate,
    ];
    (
        vec(option::of(0i64..=1_000_000_000_000), all.len() - 1),
        option::of(0i128..=100_000_000),
    )
        .prop_map(move |(counts, rate)| {
            let mut sheet = report::Figures::default();
            for (figure, count) in all.iter().zip(counts) {
                sheet.set(*figure, count.map(Decimal::from_int));
            }
            sheet.set(F::SatisfactionRate, rate.map(Decimal::from_millionths));
            sheet
        })
}

fn period_report() -> impl Strategy<Value = PeriodReport> {
    (
        prop::sample::select(ReportPeriod::ALL.to_vec()),
        (any_text(), any_text(), any_text()),
        (
            option::of(1u8..=28),
            option::of(1u8..=12),
            option::of(1900i32..2200),
        ),
        (any_text(), any_text(), any_text(), any_text()),
        figures(),
    )
        .prop_map(
            |(period, (number, symbol, place), (day, month, year), texts, figures)| {
                let (direction, assessment, next_tasks, proposals) = texts;
                PeriodReport {
                    period,
                    number: DocumentNumber { number, symbol },
                    place,
                    date: PartialDate { day, month, year },
                    direction,
                    assessment,
                    next_tasks,
                    proposals,
                    figures,
                    closed: None,
                }
            },
        )
}

/// The plan a report is of: one of the four transcribed samples, or a generated plan.
fn report_plan() -> impl Strategy<Value = Plan> {
    let samples: Vec<Plan> = common::SAMPLES
        .iter()
        .map(|(name, _)| common::sample(name))
        .collect();
    prop_oneof![prop::sample::select(samples), plan()]
}

/// A plan, progress for some of its tasks (by their ids) and a report.
fn followed_plan() -> impl Strategy<Value = (Plan, ProgressBook, PeriodReport)> {
    report_plan().prop_flat_map(|plan| {
        let ids: Vec<String> = task_slots(&plan)
            .iter()
            .map(|(_, task)| task.id.clone())
            .collect();
        let entries = if ids.is_empty() {
            Just(Vec::new()).boxed()
        } else {
            vec((prop::sample::select(ids), task_progress()), 0..12).boxed()
        };
        (Just(plan), entries, period_report())
            .prop_map(|(plan, entries, report)| (plan, entries.into_iter().collect(), report))
    })
}

fn export_report(plan: &Plan, report: &PeriodReport, progress: &ProgressBook) -> String {
    file_format::export_report(
        plan,
        report,
        progress,
        &ExportInfo {
            exported_at: "2026-03-20T08:00:00+07:00".into(),
            exported_by: "ỦY BAN NHÂN DÂN XÃ TỊNH MINH".into(),
        },
    )
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 200, ..ProptestConfig::default() })]

    #[test]
    fn any_report_survives_export_and_import((plan, progress, report) in followed_plan()) {
        let file = export_report(&plan, &report, &progress);
        let imported = file_format::import_file(file.as_bytes()).expect("own report imports");
        prop_assert!(imported.report.is_clean(), "{:?}", imported.report.lines());
        prop_assert!(imported.info.checksum_ok);
        prop_assert!(imported.plans.is_empty());
        prop_assert_eq!(imported.reports.len(), 1);
        let received = &imported.reports[0];
        prop_assert_eq!(&received.plan, &plan);
        prop_assert_eq!(&received.report, &report);
        prop_assert_eq!(&received.progress, &progress);
        prop_assert_eq!(Some(received.data_period), report.period.period_for(&plan));
    }

    #[test]
    fn importing_a_damaged_report_never_panics(
        (plan, progress, report) in followed_plan(),
        cut in any::<prop::sample::Index>(),
        flips in vec((any::<prop::sample::Index>(), any::<u8>()), 0..8),
    ) {
        let mut bytes = export_report(&plan, &report, &progress).into_bytes();
        for (at, byte) in flips {
            let index = at.index(bytes.len());
            bytes[index] = byte;
        }
        bytes.truncate(cut.index(bytes.len() + 1).max(1));
        if let Ok(imported) = file_format::import_file(&bytes) {
            // Whatever came through must itself export and import back the same.
            for received in &imported.reports {
                let again = export_report(&received.plan, &received.report, &received.progress);
                let again = file_format::import_file(again.as_bytes()).expect("re-import");
                prop_assert_eq!(&again.reports[0].plan, &received.plan);
                prop_assert_eq!(&again.reports[0].report, &received.report);
                prop_assert_eq!(&again.reports[0].progress, &received.progress);
            }
        }
    }
}
