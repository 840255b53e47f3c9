//! Hồ sơ nhận được (the province's inbox): what a Sở Nội vụ does with the plans and period
//! reports its communes send up — who sent what in a round, a reviewer's checks on each file,
//! what a resubmission changed, and one table across every commune. Plain data and rules; where
//! the files are stored and how they are drawn live elsewhere.

pub mod compare;
pub mod consolidate;
mod report_review;
pub mod review;
pub mod senders;
mod years;

use serde::Serialize;

use super::progress::ReportPeriod;

pub use compare::{FieldChange, PlanChanges, TaskChange, TaskRef, compare_plans};
pub use consolidate::{
    AREA_COLUMNS, BudgetSum, CommunePlanRow, CommuneReportRow, FigureTotals, KeyTaskRow, PlanRound,
    ReportBasis, ReportRound, consolidate_plans, consolidate_reports, key_tasks, key_tasks_in_area,
    plan_budget,
};
pub use report_review::review_report;
pub use review::{Finding, Place, ReportPart, Severity, review_plan};
pub use senders::{
    ExpectedList, ExpectedSender, ReceivedItem, Round, RoundCounts, SenderStanding, SortBy,
    Standing, UNKNOWN_SENDER, parse_expected, search_standings, sender_key, sort_name_key,
    sort_standings, standings,
};

/// Loại hồ sơ: a plan (kế hoạch) or one period's report (báo cáo quý I, 6 tháng …).
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize)]
#[serde(rename_all = "snake_case", tag = "kind", content = "period")]
pub enum ItemKind {
    /// Kế hoạch cải cách hành chính.
    Plan,
    /// Báo cáo kết quả thực hiện of a period.
    Report(ReportPeriod),
}

impl ItemKind {
    /// The kind as a list writes it: «Kế hoạch», «Báo cáo quý I», «Báo cáo năm».
    pub fn label(self) -> String {
        match self {
            Self::Plan => "Kế hoạch".to_string(),
            Self::Report(period) => format!("Báo cáo {}", period.title_name()),
        }
    }
}
