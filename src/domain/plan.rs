//! A whole plan (kế hoạch) and every part of it other than tasks and appendices, in the order
//! in which the document prints them.

use serde::Serialize;

use super::appendix::AppendixTable;
use super::budget::Decimal;
use super::task::ReformArea;

fn is_false(value: &bool) -> bool {
    !*value
}

/// One annual administrative reform plan (Kế hoạch cải cách hành chính năm …).
#[derive(Clone, Debug, Default, PartialEq, Serialize)]
pub struct Plan {
    /// Stable identity across edits, exports and imports.
    pub id: String,
    /// Cấp: commune, district or province; drives templates, unit lists and wording.
    pub level: Level,
    /// Before 1 July 2025 (three levels, with districts) or after (two levels).
    pub era: AdminEra,
    /// Địa phương: the locality the plan is for, e.g. xã Tịnh Minh.
    pub locality: Locality,
    /// Cơ quan chủ quản: the superior body over the issuer (optional).
    #[serde(skip_serializing_if = "String::is_empty")]
    pub superior_body: String,
    /// Tên cơ quan ban hành: "ỦY BAN NHÂN DÂN XÃ TỊNH MINH".
    pub issuing_body: String,
    /// Số, ký hiệu: "06/KH-UBND"; drafts leave the number blank.
    pub number: DocumentNumber,
    /// Địa danh: the place written before the date, "Sơn Tây".
    pub place: String,
    /// Ngày tháng năm ban hành; drafts leave parts blank.
    pub date: PartialDate,
    /// Năm kế hoạch: the year the plan is for.
    pub year: i32,
    /// Trích yếu: "Cải cách hành chính năm 2024 xã Tịnh Minh".
    pub title: String,
    /// Hình thức văn bản: a plan on its own, or a decision issuing the plan.
    pub form: DocumentForm,
    /// Căn cứ: the plan's own legal bases (in the decision form they usually sit in the decision).
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub legal_bases: Vec<LegalBasis>,
    /// Mục đích.
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub purposes: Vec<Paragraph>,
    /// Yêu cầu.
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub requirements: Vec<Paragraph>,
    /// Chỉ tiêu cụ thể.
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub targets: Vec<Target>,
    /// Lĩnh vực: the reform areas with their tasks, in document order.
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub areas: Vec<ReformArea>,
    /// Kinh phí thực hiện: where the money comes from.
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub funding: Vec<Paragraph>,
    /// Tổ chức thực hiện.
    #[serde(skip_serializing_if = "Implementation::is_empty")]
    pub implementation: Implementation,
    /// Nơi nhận of the plan (in the decision form usually on the decision instead).
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub recipients: Vec<Recipient>,
    /// Người ký of the plan (in the decision form usually on the decision instead).
    #[serde(skip_serializing_if = "Signer::is_empty")]
    pub signer: Signer,
    /// Phụ lục: key-task tables.
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub appendices: Vec<AppendixTable>,
    /// Section headings as the drafter wrote them; empty ones print the standard wording.
    #[serde(skip_serializing_if = "Headings::is_empty")]
    pub headings: Headings,
    /// Labels of the task fields as the drafter wrote them; empty ones print the standard ones.
    #[serde(skip_serializing_if = "TaskLabels::is_empty")]
    pub task_labels: TaskLabels,
    /// Parts of a real plan that fit none of the above, kept so that no word is lost.
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub extra_sections: Vec<ExtraSection>,
    /// Nội dung mẫu chưa xác nhận: the marks of the texts a template put in that the drafter
    /// has neither changed nor kept (`domain::template_marks`).
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub template_marks: Vec<String>,
}

impl Plan {
    /// How many tasks its reform areas hold, sub-areas' with their area (not the appendices'
    /// own rows).
    pub fn task_count(&self) -> usize {
        self.areas.iter().map(|area| area.all_tasks().count()).sum()
    }
}

/// Cấp hành chính of the issuing body.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum Level {
    /// Cấp xã: xã, phường, thị trấn, đặc khu.
    #[default]
    Commune,
    /// Cấp huyện: only in plans from before July 2025.
    District,
    /// Cấp tỉnh.
    Province,
}

/// Which administrative system the plan was written under.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum AdminEra {
    /// Chính quyền địa phương hai cấp (tỉnh, xã), since 1 July 2025.
    #[default]
    TwoLevel,
    /// Ba cấp (tỉnh, huyện, xã), before 1 July 2025.
    ThreeLevel,
}

/// Loại đơn vị hành chính, which gives the word before the locality's name.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum LocalityKind {
    #[default]
    Xa,
    Phuong,
    ThiTran,
    DacKhu,
    Huyen,
    ThiXa,
    ThanhPho,
    Quan,
    Tinh,
}

impl LocalityKind {
    /// The word as written before a name in running text: "xã", "phường", "huyện" …
    pub fn word(self) -> &'static str {
        match self {
            Self::Xa => "xã",
            Self::Phuong => "phường",
            Self::ThiTran => "thị trấn",
            Self::DacKhu => "đặc khu",
            Self::Huyen => "huyện",
            Self::ThiXa => "thị xã",
            Self::ThanhPho => "thành phố",
            Self::Quan => "quận",
            Self::Tinh => "tỉnh",
        }
    }
}

/// Địa phương: kind and name, e.g. xã + "Tịnh Minh".
#[derive(Clone, Debug, Default, PartialEq, Serialize)]
pub struct Locality {
    pub kind: LocalityKind,
    pub name: String,
}

/// Số và ký hiệu văn bản: number "06" and symbol "KH-UBND".
#[derive(Clone, Debug, Default, PartialEq, Serialize)]
pub struct DocumentNumber {
    /// Blank in drafts: printed as "Số:      /KH-UBND".
    #[serde(skip_serializing_if = "String::is_empty")]
    pub number: String,
    pub symbol: String,
}

/// A date any part of which may still be blank, as in drafts ("ngày    tháng 12 năm 2023").
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Serialize)]
pub struct PartialDate {
    #[serde(skip_serializing_if = "Option::is_none")]
    pub day: Option<u8>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub month: Option<u8>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub year: Option<i32>,
}

impl PartialDate {
    /// A complete date.
    pub fn ymd(year: i32, month: u8, day: u8) -> Self {
        Self {
            day: Some(day),
            month: Some(month),
            year: Some(year),
        }
    }

    /// The date, when every part of it is written and it is a real date.
    pub fn to_naive(self) -> Option<chrono::NaiveDate> {
        chrono::NaiveDate::from_ymd_opt(self.year?, u32::from(self.month?), u32::from(self.day?))
    }

    /// A complete date from a calendar date.
    pub fn from_naive(date: chrono::NaiveDate) -> Self {
        use chrono::Datelike;
        Self::ymd(date.year(), date.month() as u8, date.day() as u8)
    }
}

/// Whether the plan stands on its own or is issued by a decision (quyết định).
#[derive(Clone, Debug, Default, PartialEq, Serialize)]
#[serde(rename_all = "snake_case", tag = "kind")]
pub enum DocumentForm {
    /// Kế hoạch on its own ("Số: 06/KH-UBND").
    #[default]
    Standalone,
    /// Quyết định ban hành Kế hoạch ("Số: 3031/QĐ-UBND"), the plan following as its attachment.
    Decision(Box<Decision>),
}

/// The decision that issues the plan (Quyết định ban hành Kế hoạch).
#[derive(Clone, Debug, Default, PartialEq, Serialize)]
pub struct Decision {
    /// Thẩm quyền ban hành: "CHỦ TỊCH ỦY BAN NHÂN DÂN XÃ TỊNH MINH".
    pub authority: String,
    /// Trích yếu of the decision: "Ban hành Kế hoạch cải cách hành chính năm 2024 …".
    pub subject: String,
    /// Căn cứ: each printed in italics on its own line.
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub legal_bases: Vec<LegalBasis>,
    /// "Theo đề nghị của …".
    #[serde(skip_serializing_if = "String::is_empty")]
    pub proposal: String,
    /// Điều 1, 2, 3 …: the text of each article after its label.
    pub articles: Vec<String>,
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub recipients: Vec<Recipient>,
    pub signer: Signer,
    /// The plan's "(Ban hành kèm theo Quyết định số …)" line as written; empty prints it derived.
    #[serde(skip_serializing_if = "String::is_empty")]
    pub attachment_line: String,
}

impl Decision {
    /// Whether the chair (Chủ tịch) issues the decision under their own authority, rather than
    /// the committee: the document then names the chair as its issuer.
    pub fn by_chairman(&self) -> bool {
        self.authority.trim().to_uppercase().starts_with("CHỦ TỊCH")
    }
}

/// Căn cứ: one legal basis, its sentence as written and, where known, the document it cites.
#[derive(Clone, Debug, Default, PartialEq, Serialize)]
pub struct LegalBasis {
    /// The whole line as written, "Căn cứ Nghị quyết số 76/NQ-CP ngày 15/7/2021 …;".
    pub text: String,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub document: Option<DocumentRef>,
}

impl LegalBasis {
    /// Whether the line cites a document («Căn cứ …»), printed in italics as a basis; a plan
    /// may open instead with a sentence of its own («Thực hiện Kế hoạch số …»), printed upright
    /// as the body text it is.
    pub fn is_citation(&self) -> bool {
        let start: String = self.text.trim_start().chars().take(6).collect();
        start.to_lowercase() == "căn cứ"
    }
}

/// A reference to another document: number, date, issuer and title.
#[derive(Clone, Debug, Default, PartialEq, Serialize)]
pub struct DocumentRef {
    /// Số, ký hiệu: "76/NQ-CP".
    pub number: String,
    #[serde(skip_serializing_if = "is_blank_date")]
    pub date: PartialDate,
    /// Cơ quan ban hành: "Chính phủ".
    #[serde(skip_serializing_if = "String::is_empty")]
    pub issuer: String,
    /// Trích yếu.
    #[serde(skip_serializing_if = "String::is_empty")]
    pub title: String,
}

fn is_blank_date(date: &PartialDate) -> bool {
    *date == PartialDate::default()
}

/// A paragraph of body text with its sub-items ("+ …" or "- …" under it).
#[derive(Clone, Debug, Default, PartialEq, Serialize)]
pub struct Paragraph {
    pub text: String,
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub sub_items: Vec<String>,
}

impl Paragraph {
    pub fn new(text: impl Into<String>) -> Self {
        Self {
            text: text.into(),
            sub_items: Vec::new(),
        }
    }
}

/// Chỉ tiêu: one numbered target, with the figure it sets where it sets one.
#[derive(Clone, Debug, Default, PartialEq, Serialize)]
pub struct Target {
    pub text: String,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub figure: Option<Figure>,
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub sub_items: Vec<String>,
}

/// The figure of a target: "35% số hồ sơ", "từ 98% trở lên", "3.773 triệu đồng".
#[derive(Clone, Debug, Default, PartialEq, Serialize)]
pub struct Figure {
    pub value: Decimal,
    /// "%", "triệu đồng", "sáng kiến" …
    pub unit: String,
    /// "từ … trở lên", "trên …", "ít nhất …": the value is a floor, not an exact aim.
    #[serde(skip_serializing_if = "is_false")]
    pub at_least: bool,
}

/// Tổ chức thực hiện: who does what, when to report, and the closing paragraph.
#[derive(Clone, Debug, Default, PartialEq, Serialize)]
pub struct Implementation {
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub intro: Vec<Paragraph>,
    /// Trách nhiệm của từng đơn vị.
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub responsibilities: Vec<Responsibility>,
    /// Chế độ báo cáo: the reports due and their data periods.
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub reporting: Vec<ReportingPeriod>,
    /// Text about reporting that is not one period ("Báo cáo đột xuất theo yêu cầu …").
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub reporting_notes: Vec<Paragraph>,
    /// Closing paragraphs ("Trong quá trình thực hiện, nếu có khó khăn, vướng mắc …").
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub closing: Vec<Paragraph>,
}

impl Implementation {
    pub fn is_empty(&self) -> bool {
        *self == Self::default()
    }
}

/// One unit's duties in carrying out the plan.
#[derive(Clone, Debug, Default, PartialEq, Serialize)]
pub struct Responsibility {
    /// "Văn phòng HĐND-UBND huyện", "Công chức Văn phòng - Thống kê" …
    pub unit: String,
    pub duties: Vec<Paragraph>,
}

impl Responsibility {
    /// Whether the plan writes this point as one numbered sentence («1. Văn phòng … chủ trì,
    /// phối hợp …») rather than a unit and its duties: no unit (the sentence is the first duty),
    /// or a unit with no duty under it (the sentence is the unit line). It prints as written,
    /// not as a bold unit.
    pub fn is_sentence(&self) -> bool {
        let no_duty = self
            .duties
            .iter()
            .all(|duty| duty.text.trim().is_empty() && duty.sub_items.is_empty());
        self.unit.trim().is_empty() || no_duty
    }
}

/// Kỳ báo cáo: a report with its data period (thời gian chốt số liệu) and due date.
#[derive(Clone, Debug, Default, PartialEq, Serialize)]
pub struct ReportingPeriod {
    /// "Báo cáo quý I", "Báo cáo 6 tháng", "Báo cáo năm".
    pub name: String,
    /// Data period as written: "từ ngày 15/12/2021 đến ngày 14/3/2022".
    #[serde(skip_serializing_if = "String::is_empty")]
    pub data_period: String,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub data_from: Option<chrono::NaiveDate>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub data_to: Option<chrono::NaiveDate>,
    /// Due as written: "trước ngày 20/3/2022".
    #[serde(skip_serializing_if = "String::is_empty")]
    pub due: String,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub due_date: Option<chrono::NaiveDate>,
}

/// Nơi nhận: one recipient line.
#[derive(Clone, Debug, Default, PartialEq, Serialize)]
pub struct Recipient {
    /// "Phòng Nội vụ huyện Sơn Tịnh", "Lưu: VT".
    pub name: String,
    /// A note after the name: "(để b/c)", "(b/c)".
    #[serde(skip_serializing_if = "String::is_empty")]
    pub note: String,
    /// A brace group the line belongs to: "Báo cáo" for "} Báo cáo".
    #[serde(skip_serializing_if = "String::is_empty")]
    pub group: String,
}

/// Quyền hạn ký: TM., KT., Q. or none.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum SigningAuthority {
    /// Người đứng đầu ký trực tiếp.
    #[default]
    Direct,
    /// TM. (thay mặt) a collective body.
    OnBehalf,
    /// KT. (ký thay) the head, by a deputy.
    Deputy,
    /// Q. (quyền) an acting head.
    Acting,
    /// TL. (thừa lệnh).
    ByOrder,
    /// TUQ. (thừa ủy quyền).
    ByAuthorisation,
}

impl SigningAuthority {
    /// The prefix as printed: "TM.", "KT." …, or "" when signing directly.
    pub fn prefix(self) -> &'static str {
        match self {
            Self::Direct => "",
            Self::OnBehalf => "TM.",
            Self::Deputy => "KT.",
            Self::Acting => "Q.",
            Self::ByOrder => "TL.",
            Self::ByAuthorisation => "TUQ.",
        }
    }
}

/// Người ký: "TM. ỦY BAN NHÂN DÂN / CHỦ TỊCH / Nguyễn Ngọc Trân".
#[derive(Clone, Debug, Default, PartialEq, Serialize)]
pub struct Signer {
    pub authority: SigningAuthority,
    /// What follows the prefix: "ỦY BAN NHÂN DÂN" after TM., "CHỦ TỊCH" after KT.
    #[serde(skip_serializing_if = "String::is_empty")]
    pub on_behalf_of: String,
    /// Chức vụ: "CHỦ TỊCH", "PHÓ CHỦ TỊCH".
    pub title: String,
    /// Họ tên.
    pub name: String,
}

impl Signer {
    pub fn is_empty(&self) -> bool {
        *self == Self::default()
    }
}

/// Section headings as written, where they differ from the standard wording.
#[derive(Clone, Debug, Default, PartialEq, Serialize)]
pub struct Headings {
    /// "I. MỤC ĐÍCH VÀ YÊU CẦU."
    #[serde(skip_serializing_if = "String::is_empty")]
    pub purposes_and_requirements: String,
    #[serde(skip_serializing_if = "String::is_empty")]
    pub purposes: String,
    #[serde(skip_serializing_if = "String::is_empty")]
    pub requirements: String,
    /// "II. CÁC CHỈ TIÊU CỤ THỂ"
    #[serde(skip_serializing_if = "String::is_empty")]
    pub targets: String,
    /// "III. NHIỆM VỤ VÀ GIẢI PHÁP"
    #[serde(skip_serializing_if = "String::is_empty")]
    pub tasks: String,
    #[serde(skip_serializing_if = "String::is_empty")]
    pub funding: String,
    #[serde(skip_serializing_if = "String::is_empty")]
    pub implementation: String,
}

impl Headings {
    pub fn is_empty(&self) -> bool {
        *self == Self::default()
    }
}

/// How the plan labels task fields in its body ("Chủ trì thực hiện", "Cơ quan chủ trì" …).
#[derive(Clone, Debug, Default, PartialEq, Serialize)]
pub struct TaskLabels {
    #[serde(skip_serializing_if = "String::is_empty")]
    pub lead: String,
    #[serde(skip_serializing_if = "String::is_empty")]
    pub partner: String,
    #[serde(skip_serializing_if = "String::is_empty")]
    pub output: String,
    #[serde(skip_serializing_if = "String::is_empty")]
    pub deadline: String,
    #[serde(skip_serializing_if = "String::is_empty")]
    pub budget: String,
}

impl TaskLabels {
    pub fn is_empty(&self) -> bool {
        *self == Self::default()
    }
}

/// Where an extra section prints: after which standard part.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum PartAnchor {
    LegalBases,
    Requirements,
    Targets,
    #[default]
    Areas,
    Funding,
    Implementation,
}

/// A section of a real plan outside the standard parts ("Mục tiêu chung", "Giải pháp" …).
#[derive(Clone, Debug, Default, PartialEq, Serialize)]
pub struct ExtraSection {
    pub heading: String,
    pub after: PartAnchor,
    pub paragraphs: Vec<Paragraph>,
}
