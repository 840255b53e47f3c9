//! Reform areas (lĩnh vực cải cách) and the tasks (nhiệm vụ) they hold.

use serde::Serialize;

use super::budget::Budget;
use super::deadline::Deadline;
use super::plan::TaskLabels;

fn is_false(value: &bool) -> bool {
    !*value
}

/// Which of the standard reform areas an area is, so that templates, appendices and reports can
/// recognise it whatever its title says.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum AreaKind {
    /// Công tác chỉ đạo, điều hành.
    Direction,
    /// Cải cách thể chế.
    Institutions,
    /// Cải cách thủ tục hành chính (và cơ chế một cửa, một cửa liên thông).
    Procedures,
    /// Cải cách tổ chức bộ máy hành chính nhà nước.
    Organisation,
    /// Cải cách chế độ công vụ.
    CivilService,
    /// Cải cách tài chính công.
    PublicFinance,
    /// Xây dựng và phát triển Chính quyền điện tử, Chính quyền số.
    DigitalGovernment,
    /// A local addition: PAR INDEX, ISO, tác động đến phát triển kinh tế - xã hội …
    #[default]
    Custom,
}

impl AreaKind {
    /// The six areas of Nghị quyết 76/NQ-CP and công tác chỉ đạo, điều hành, in their usual order.
    pub const STANDARD: [AreaKind; 7] = [
        Self::Direction,
        Self::Institutions,
        Self::Procedures,
        Self::Organisation,
        Self::CivilService,
        Self::PublicFinance,
        Self::DigitalGovernment,
    ];

    /// The standard title of the area.
    pub fn standard_title(self) -> &'static str {
        match self {
            Self::Direction => "Công tác chỉ đạo, điều hành",
            Self::Institutions => "Cải cách thể chế",
            Self::Procedures => "Cải cách thủ tục hành chính",
            Self::Organisation => "Cải cách tổ chức bộ máy hành chính nhà nước",
            Self::CivilService => "Cải cách chế độ công vụ",
            Self::PublicFinance => "Cải cách tài chính công",
            Self::DigitalGovernment => "Xây dựng và phát triển Chính quyền điện tử, Chính quyền số",
            Self::Custom => "",
        }
    }
}

/// Lĩnh vực: a reform area with its tasks and, optionally, one level of sub-areas (7.1, 7.2).
#[derive(Clone, Debug, Default, PartialEq, Serialize)]
pub struct ReformArea {
    pub id: String,
    pub kind: AreaKind,
    /// The title as written: "Cải cách thủ tục hành chính gắn với thực hiện cơ chế một cửa …".
    pub title: String,
    /// Paragraphs before the tasks.
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub intro: Vec<super::plan::Paragraph>,
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub tasks: Vec<Task>,
    /// Tiểu lĩnh vực (7.1, 7.2 …); they hold no sub-areas of their own.
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub sub_areas: Vec<ReformArea>,
}

impl ReformArea {
    /// Every task of the area, its own first and then those of its sub-areas.
    pub fn all_tasks(&self) -> impl Iterator<Item = &Task> {
        self.tasks
            .iter()
            .chain(self.sub_areas.iter().flat_map(|sub| sub.tasks.iter()))
    }
}

/// Nhiệm vụ: one task of a reform area, or one row of an appendix table.
#[derive(Clone, Debug, Default, PartialEq, Serialize)]
pub struct Task {
    /// Stable identity, unique within the plan.
    pub id: String,
    /// Nội dung: the task sentence.
    pub content: String,
    /// Sub-items under the content ("+ …").
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub sub_items: Vec<String>,
    /// Cơ quan chủ trì (chủ trì thực hiện, cơ quan tham mưu).
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub lead_units: Vec<String>,
    /// Cơ quan phối hợp.
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub partner_units: Vec<String>,
    /// Other roles: "Cơ quan theo dõi tổng hợp", "Cơ quan thực hiện" …
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub other_roles: Vec<Role>,
    /// Sản phẩm, kết quả đầu ra.
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub outputs: Vec<String>,
    /// Thời gian thực hiện, hoàn thành.
    #[serde(skip_serializing_if = "Deadline::is_empty")]
    pub deadline: Deadline,
    /// Kinh phí (triệu đồng).
    #[serde(skip_serializing_if = "Budget::is_none")]
    pub budget: Budget,
    /// Nhiệm vụ trọng tâm: shown in the key-task appendix.
    #[serde(skip_serializing_if = "is_false")]
    pub key_task: bool,
    /// Field labels this task uses where they differ from the plan's ("Cơ quan tham mưu" for
    /// the lead, "Thời gian hoàn thành" for the deadline), so no wording is lost.
    #[serde(skip_serializing_if = "TaskLabels::is_empty")]
    pub labels: TaskLabels,
}

/// A role other than lead and partner, with its label as written.
#[derive(Clone, Debug, Default, PartialEq, Serialize)]
pub struct Role {
    /// "Cơ quan theo dõi tổng hợp", "Cơ quan thực hiện".
    pub label: String,
    pub units: Vec<String>,
}

impl Task {
    /// Whether the task is only its sentence (nội dung, with its "+ …" items): no unit, output,
    /// deadline or budget, as plans that give those in their appendix list tasks in the body.
    pub fn is_sentence_only(&self) -> bool {
        // A unit or output field added and left blank does not count as written.
        let blank = |lines: &[String]| lines.iter().all(|line| line.trim().is_empty());
        blank(&self.lead_units)
            && blank(&self.partner_units)
            && self.other_roles.iter().all(|role| blank(&role.units))
            && blank(&self.outputs)
            && self.deadline.text.trim().is_empty()
            && self.budget.is_none()
    }
}
