//! Hồ sơ của các xã (commune files) for the inbox's tests and benchmarks: from the transcribed
//! Tịnh Minh plan, moved on to 2026, N communes' plans with their own names and varied tasks,
//! some sent again with changes, some quarter I reports, and, when asked, a file sent twice, a
//! damaged one and one from a newer app, each written as the app writes exchange files
//! (`export_plans`, `export_report`). The same seed always gives the same bytes.
//! Used by the native tests (`mod common`) and by `examples/commune_files.rs`.
#![allow(dead_code)]

use chrono::NaiveDate;
use kehoach::domain::next_year::next_year_plan;
use kehoach::domain::plan::{DocumentForm, DocumentNumber, Locality, Signer, SigningAuthority};
use kehoach::domain::progress::{ProgressBook, ReportPeriod, TaskProgress, TaskStatus};
use kehoach::domain::report::{Figure, PeriodReport};
use kehoach::domain::slot::task_slots;
use kehoach::domain::{
    AppendixTable, Budget, Deadline, Decimal, LocalityKind, PartialDate, Plan, Task,
};
use kehoach::file_format::file_name::{FileDate, plan_file_name, report_file_name};
use kehoach::file_format::{self, ExportInfo};

const SOURCE: &str = include_str!("../fixtures/plans/tinh-minh-commune-2024.json");

/// The year of every generated plan.
pub const YEAR: i32 = 2026;

/// What to make.
#[derive(Clone, Copy, Debug)]
pub struct Mix {
    pub communes: usize,
    pub tasks_per_plan: usize,
    /// Every `resubmit_every`-th commune sends its plan again, changed (0: none).
    pub resubmit_every: usize,
    /// Every `report_every`-th commune sends its quarter I report (0: none).
    pub report_every: usize,
    /// A plan file sent twice, a truncated file and one from a newer format version.
    pub odd_files: bool,
    pub seed: u64,
}

/// What a generated file is.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum FileKind {
    /// A plan, version 1 or (sent again) 2.
    Plan { version: u32 },
    /// A quarter I report.
    Report,
    /// The same bytes as an earlier plan file.
    Duplicate,
    /// Cut off half-way: refused as damaged.
    Damaged,
    /// Says it is from a newer format version: refused.
    FutureVersion,
}

/// One generated file.
#[derive(Clone, Debug)]
pub struct CommuneFile {
    pub file_name: String,
    pub contents: String,
    /// Cơ quan ban hành: «ỦY BAN NHÂN DÂN XÃ AN BÌNH».
    pub issuing_body: String,
    pub kind: FileKind,
}

/// SplitMix64: small, and the same numbers on every platform.
pub struct Rng(u64);

impl Rng {
    pub fn new(seed: u64) -> Self {
        Self(seed)
    }

    pub fn next(&mut self) -> u64 {
        self.0 = self.0.wrapping_add(0x9E37_79B9_7F4A_7C15);
        let mut z = self.0;
        z = (z ^ (z >> 30)).wrapping_mul(0xBF58_476D_1CE4_E5B9);
        z = (z ^ (z >> 27)).wrapping_mul(0x94D0_49BB_1331_11EB);
        z ^ (z >> 31)
    }

    /// A number below `bound`.
    pub fn below(&mut self, bound: u64) -> u64 {
        self.next() % bound.max(1)
    }
}

const FIRST: [&str; 20] = [
    "An", "Bình", "Phú", "Tân", "Hòa", "Thạnh", "Long", "Mỹ", "Đông", "Tây", "Nam", "Bắc", "Sơn",
    "Hải", "Tịnh", "Đức", "Phước", "Lộc", "Thủy", "Quang",
];
const SECOND: [&str; 20] = [
    "Minh", "Hưng", "Lợi", "Thành", "Xuân", "Trung", "Khánh", "Thịnh", "Phong", "Điền", "Hiệp",
    "Nghĩa", "Thuận", "Tiến", "Ân", "Vinh", "Hà", "Lâm", "Ổn", "Yên",
];

/// `count` distinct commune names with their kind, shuffled by `rng`: mostly xã, every
/// seventh a phường, every 97th an đặc khu.
pub fn commune_names(count: usize, rng: &mut Rng) -> Vec<(LocalityKind, String)> {
    let mut pairs: Vec<(usize, usize)> = (0..FIRST.len())
        .flat_map(|a| (0..SECOND.len()).map(move |b| (a, b)))
        .collect();
    for at in (1..pairs.len()).rev() {
        let other = rng.below(at as u64 + 1) as usize;
        pairs.swap(at, other);
    }
    pairs
        .into_iter()
        .cycle()
        .take(count)
        .enumerate()
        .map(|(n, (a, b))| {
            let kind = match n {
                n if n % 97 == 96 => LocalityKind::DacKhu,
                n if n % 7 == 6 => LocalityKind::Phuong,
                _ => LocalityKind::Xa,
            };
            // Past 400 communes a number tells the repeats apart.
            let round = n / (FIRST.len() * SECOND.len());
            let name = match round {
                0 => format!("{} {}", FIRST[a], SECOND[b]),
                _ => format!("{} {} {}", FIRST[a], SECOND[b], round + 1),
            };
            (kind, name)
        })
        .collect()
}

/// The Tịnh Minh plan of 2024 moved on to [`YEAR`], on its own (not issued by a decision).
pub fn base_plan() -> Plan {
    let value: serde_json::Value = serde_json::from_str(SOURCE).expect("fixture is JSON");
    let mut plan = file_format::restore_plan(&value)
        .0
        .expect("fixture is a plan");
    let mut counter = 0;
    while plan.year < YEAR {
        plan = next_year_plan(&plan, |prefix| {
            counter += 1;
            format!("{prefix}-{counter}")
        });
    }
    plan.form = DocumentForm::Standalone;
    plan
}

fn budget(rng: &mut Rng) -> Budget {
    match rng.below(20) {
        0 => Budget::Note("Theo dự trù kinh phí riêng".to_string()),
        // A typing slip the consolidation must count apart, not as 0.
        1 => Budget::Note("1.5.0".to_string()),
        2..=9 => Budget::None,
        n => Budget::MillionVnd(Decimal::from_millionths(i128::from(n * 2_500_000))),
    }
}

/// The plan of one commune: its name everywhere, `tasks` tasks spread over the areas, one in
/// three key, a key-task appendix.
pub fn commune_plan(
    base: &Plan,
    kind: LocalityKind,
    name: &str,
    tasks: usize,
    rng: &mut Rng,
) -> Plan {
    let mut plan = base.clone();
    let slug: String = kehoach::domain::text::search_key(name).replace(' ', "-");
    let word = kind.word();
    plan.id = format!("kh-{YEAR}-{}-{slug}", word.replace(' ', "-"));
    plan.locality = Locality {
        kind,
        name: name.to_string(),
    };
    plan.issuing_body = format!("ỦY BAN NHÂN DÂN {} {}", word, name).to_uppercase();
    plan.place = name.to_string();
    plan.title = format!("Cải cách hành chính năm {YEAR} {word} {name}");
    plan.number = DocumentNumber {
        number: format!("{:02}", 1 + rng.below(60)),
        symbol: "KH-UBND".to_string(),
    };
    plan.date = PartialDate::ymd(YEAR, 1, 2 + rng.below(20) as u8);
    plan.signer = Signer {
        authority: SigningAuthority::OnBehalf,
        on_behalf_of: "ỦY BAN NHÂN DÂN".to_string(),
        title: "CHỦ TỊCH".to_string(),
        name: format!("Nguyễn Văn {}", SECOND[rng.below(20) as usize]),
    };
    let originals: Vec<Task> = plan
        .areas
        .iter()
        .flat_map(|area| area.all_tasks().cloned())
        .collect();
    let areas = plan.areas.len();
    for area in &mut plan.areas {
        area.tasks.clear();
        area.sub_areas.clear();
    }
    for n in 0..tasks {
        let mut task = originals[(n + rng.below(3) as usize) % originals.len()].clone();
        task.id = format!("{}-t{n}", plan.id);
        task.content = format!("{} (việc {} của {word} {name})", task.content, n + 1);
        task.key_task = n % 3 == 0;
        task.budget = budget(rng);
        if n % 10 == 5 {
            // Due before the quarter I cut-off: overdue there unless done.
            task.deadline = Deadline::new(format!("Tháng 02/{YEAR}"), YEAR);
        }
        plan.areas[n % areas].tasks.push(task);
    }
    plan.appendices = vec![AppendixTable {
        id: format!("{}-phu-luc", plan.id),
        title: format!("NHIỆM VỤ TRỌNG TÂM CẢI CÁCH HÀNH CHÍNH NĂM {YEAR}"),
        ..AppendixTable::default()
    }];
    plan
}

/// The plan sent again: a deadline and a budget changed, its last task dropped, one added.
pub fn resubmitted(plan: &Plan) -> Plan {
    let mut next = plan.clone();
    if let Some(task) = next
        .areas
        .iter_mut()
        .find_map(|area| area.tasks.first_mut())
    {
        task.deadline = Deadline::new(format!("Quý II/{YEAR}"), YEAR);
        task.budget = Budget::MillionVnd(Decimal::from_int(40));
    }
    if let Some(area) = next
        .areas
        .iter_mut()
        .rev()
        .find(|area| !area.tasks.is_empty())
    {
        area.tasks.pop();
    }
    next.areas[0].tasks.push(Task {
        id: format!("{}-bo-sung", plan.id),
        content: "Rà soát, bổ sung danh mục thủ tục hành chính thực hiện tại bộ phận một cửa"
            .to_string(),
        lead_units: vec!["Công chức Văn phòng - Thống kê".to_string()],
        deadline: Deadline::new(format!("Quý III/{YEAR}"), YEAR),
        ..Task::default()
    });
    next
}

/// Progress at the quarter I cut-off and the report, numbered and dated, with figures that
/// add up.
pub fn quarter_one(plan: &Plan, rng: &mut Rng) -> (PeriodReport, ProgressBook) {
    let mut progress = ProgressBook::new();
    for (_, task) in task_slots(plan) {
        let (status, completed_on) = match rng.below(5) {
            0 => (TaskStatus::DoneOnTime, NaiveDate::from_ymd_opt(YEAR, 2, 10)),
            1 => (TaskStatus::DoneLate, NaiveDate::from_ymd_opt(YEAR, 3, 1)),
            2 => (TaskStatus::InProgress, None),
            _ => continue,
        };
        progress.insert(
            task.id.clone(),
            TaskProgress {
                status,
                completed_on,
                ..TaskProgress::default()
            },
        );
    }
    let mut report = PeriodReport::draft(plan, &progress, ReportPeriod::FirstQuarter);
    report.number.number = format!("{}", 10 + rng.below(40));
    report.date = PartialDate::ymd(YEAR, 3, 18);
    let in_person = 50 + rng.below(200);
    let online = 20 + rng.below(300);
    let late = rng.below(5);
    let whole = |value: u64| Some(Decimal::from_int(value as i64));
    report
        .figures
        .set(Figure::ProceduresPublished, whole(100 + rng.below(50)));
    report
        .figures
        .set(Figure::DossiersInPerson, whole(in_person));
    report.figures.set(Figure::DossiersOnline, whole(online));
    report
        .figures
        .set(Figure::ResolvedOnTime, whole(in_person + online - late - 3));
    report.figures.set(Figure::ResolvedLate, whole(late));
    report.figures.set(Figure::ApologyLetters, whole(late));
    let rate = Decimal::from_millionths(i128::from(90_000_000 + rng.below(100) * 100_000));
    report.figures.set(Figure::SatisfactionRate, Some(rate));
    (report, progress)
}

fn info(plan: &Plan, day: u32) -> ExportInfo {
    ExportInfo {
        exported_at: format!("{YEAR}-01-{day:02}T09:00:00+07:00"),
        exported_by: plan.issuing_body.clone(),
    }
}

/// Every file of `mix`, in the order they would arrive.
pub fn commune_files(mix: Mix) -> Vec<CommuneFile> {
    let mut rng = Rng::new(mix.seed);
    let base = base_plan();
    let mut files = Vec::new();
    let every = |n: usize, every: usize| every > 0 && n % every == every - 1;
    for (n, (kind, name)) in commune_names(mix.communes, &mut rng)
        .into_iter()
        .enumerate()
    {
        let plan = commune_plan(&base, kind, &name, mix.tasks_per_plan, &mut rng);
        let date = FileDate {
            year: YEAR,
            month: 1,
            day: 10,
        };
        let plan_file = |plan: &Plan, version: u32, day: u32| CommuneFile {
            file_name: plan_file_name(plan, FileDate { day, ..date }, "json")
                .replace(".json", &format!("-v{version}.json")),
            contents: file_format::export_plans(
                std::slice::from_ref(plan),
                &info(plan, day),
                false,
            ),
            issuing_body: plan.issuing_body.clone(),
            kind: FileKind::Plan { version },
        };
        files.push(plan_file(&plan, 1, 10));
        if every(n, mix.resubmit_every) {
            files.push(plan_file(&resubmitted(&plan), 2, 20));
        }
        if every(n, mix.report_every) {
            let (report, progress) = quarter_one(&plan, &mut rng);
            let report_info = ExportInfo {
                exported_at: format!("{YEAR}-03-18T09:00:00+07:00"),
                exported_by: plan.issuing_body.clone(),
            };
            files.push(CommuneFile {
                file_name: report_file_name(
                    &plan,
                    ReportPeriod::FirstQuarter,
                    FileDate {
                        month: 3,
                        day: 18,
                        ..date
                    },
                    "json",
                ),
                contents: file_format::export_report(&plan, &report, &progress, &report_info),
                issuing_body: plan.issuing_body.clone(),
                kind: FileKind::Report,
            });
        }
    }
    if mix.odd_files && !files.is_empty() {
        let first = files[0].clone();
        files.push(CommuneFile {
            file_name: first.file_name.replace(".json", " (1).json"),
            kind: FileKind::Duplicate,
            ..first.clone()
        });
        let cut = first.contents.len() / 2;
        let cut = (0..=cut)
            .rev()
            .find(|at| first.contents.is_char_boundary(*at))
            .unwrap_or(0);
        files.push(CommuneFile {
            file_name: first.file_name.replace(".json", "-hong.json"),
            contents: first.contents[..cut].to_string(),
            kind: FileKind::Damaged,
            ..first.clone()
        });
        let version = format!("\"format_version\": {}", file_format::CURRENT_VERSION);
        files.push(CommuneFile {
            file_name: first.file_name.replace(".json", "-phien-ban-moi.json"),
            contents: first
                .contents
                .replacen(&version, "\"format_version\": 99", 1),
            kind: FileKind::FutureVersion,
            ..first
        });
    }
    files
}
