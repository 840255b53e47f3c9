//! Deadlines (thời gian thực hiện, hoàn thành): the text exactly as the drafter wrote it, and
//! what it means as milestones, for sorting, tracking and overdue warnings.

use chrono::{Datelike, NaiveDate};
use serde::ser::SerializeStruct;
use serde::{Serialize, Serializer};

/// How often a recurring task falls due.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum Recurrence {
    /// Hàng tuần.
    Weekly,
    /// Hàng tháng, định kỳ hàng tháng.
    Monthly,
    /// Hàng quý, định kỳ quý.
    Quarterly,
    /// 6 tháng một lần.
    HalfYearly,
    /// Hàng năm.
    Yearly,
}

/// One point or period a deadline names.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize)]
#[serde(rename_all = "snake_case", tag = "kind")]
pub enum Milestone {
    /// Ngày: "31/01/2023", "Trước 15/11/2023".
    Date { date: NaiveDate },
    /// Tháng: "Tháng 01/2022".
    Month { year: i32, month: u8 },
    /// Quý: "Quý I/2024".
    Quarter { year: i32, quarter: u8 },
    /// 6 tháng đầu năm (1) or cuối năm (2).
    HalfYear { year: i32, half: u8 },
    /// Năm: "Trong năm 2023".
    Year { year: i32 },
    /// Định kỳ: "Định kỳ hàng tháng".
    Recurring { every: Recurrence },
    /// Thường xuyên: all year round.
    Ongoing,
    /// No date of its own: "Khi có hướng dẫn, chỉ đạo của cấp trên", "Theo kế hoạch của cấp tỉnh".
    NoFixedDate,
}

impl Milestone {
    /// The last day the milestone allows, where it has one: the end of its month, quarter …
    pub fn due_date(self) -> Option<NaiveDate> {
        match self {
            Self::Date { date } => Some(date),
            Self::Month { year, month } => last_day_of_month(year, u32::from(month)),
            Self::Quarter { year, quarter } => last_day_of_month(year, u32::from(quarter) * 3),
            Self::HalfYear { year, half } => last_day_of_month(year, u32::from(half) * 6),
            Self::Year { year } => NaiveDate::from_ymd_opt(year, 12, 31),
            Self::Recurring { .. } | Self::Ongoing | Self::NoFixedDate => None,
        }
    }

    /// The year the milestone falls in, where it names one.
    pub fn year(self) -> Option<i32> {
        match self {
            Self::Date { date } => Some(date.year()),
            Self::Month { year, .. }
            | Self::Quarter { year, .. }
            | Self::HalfYear { year, .. }
            | Self::Year { year } => Some(year),
            Self::Recurring { .. } | Self::Ongoing | Self::NoFixedDate => None,
        }
    }
}

fn last_day_of_month(year: i32, month: u32) -> Option<NaiveDate> {
    let (next_year, next_month) = if month >= 12 {
        (year + 1, 1)
    } else {
        (year, month + 1)
    };
    NaiveDate::from_ymd_opt(next_year, next_month, 1)?.pred_opt()
}

/// Thời hạn: the text as written, and its reading as milestones.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Deadline {
    /// Printed exactly as written: "Quý I/2024 ban hành kế hoạch; định kỳ báo cáo kết quả".
    pub text: String,
    /// What the text means; empty when it could not be read.
    pub reading: Vec<Milestone>,
    /// The user corrected the reading, so it is kept as given rather than re-read from the text.
    pub reading_overridden: bool,
}

impl Deadline {
    /// A deadline read from `text`, years defaulting to `plan_year` where the text names none.
    pub fn new(text: impl Into<String>, plan_year: i32) -> Self {
        let text = text.into();
        let reading = parse_deadline(&text, plan_year);
        Self {
            text,
            reading,
            reading_overridden: false,
        }
    }

    /// A deadline whose reading the user set by hand.
    pub fn with_reading(text: impl Into<String>, reading: Vec<Milestone>) -> Self {
        Self {
            text: text.into(),
            reading,
            reading_overridden: true,
        }
    }

    /// The deadline retyped as `text`: a reading the user set by hand is kept, any other is
    /// read again from the new text.
    pub fn retype(&mut self, text: String, plan_year: i32) {
        if self.reading_overridden {
            self.text = text;
        } else {
            *self = Self::new(text, plan_year);
        }
    }

    /// Nothing written and nothing decided: an overridden reading, even an empty one, is a
    /// decision of the user's and counts.
    pub fn is_empty(&self) -> bool {
        self.text.is_empty() && self.reading.is_empty() && !self.reading_overridden
    }

    /// Whether there is text that could not be read as any milestone.
    pub fn is_unreadable(&self) -> bool {
        !self.text.trim().is_empty() && self.reading.is_empty()
    }

    /// The latest day any milestone allows, for sorting and overdue warnings.
    pub fn final_due_date(&self) -> Option<NaiveDate> {
        self.reading.iter().filter_map(|m| m.due_date()).max()
    }
}

/// Written as a plain string when the reading follows from the text, and as an object with the
/// reading when the user overrode it.
impl Serialize for Deadline {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        if self.reading_overridden {
            let mut state = serializer.serialize_struct("Deadline", 2)?;
            state.serialize_field("text", &self.text)?;
            state.serialize_field("reading", &self.reading)?;
            state.end()
        } else {
            serializer.serialize_str(&self.text)
        }
    }
}

/// Reads the milestones a deadline text names; `plan_year` fills in years the text leaves out.
pub fn parse_deadline(text: &str, plan_year: i32) -> Vec<Milestone> {
    super::deadline_parser::parse(text, plan_year)
}
