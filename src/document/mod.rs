//! The official documents (văn bản hành chính) a plan and its period reports print as, laid out
//! by the rules of Nghị định 30/2020/NĐ-CP: plain blocks that the print view renders as HTML and
//! `docx` writes as a Word file. No browser, no styling units: roles, text runs and tables.

mod consolidated;
mod docx;
mod headings;
mod layout;
mod report;
mod sheet;
mod table;
mod wording;
mod workbook;
mod xml;
mod zip;

pub use consolidated::{RoundWorkbook, write_round_xlsx};
pub use docx::{DOCX_MIME, document_xml, write_docx};
pub use headings::{HeadingPart, PartHeadings, PrintedHeading, TaskField, part_headings};
pub use layout::layout;
pub use report::report_layout;
pub use sheet::{XLSX_MIME, write_csv, write_report_csv, write_report_xlsx, write_xlsx};
pub use wording::{date_line, document_number, short_date};

use crate::domain::Decimal;
use crate::domain::appendix_columns::TableColumn;

/// The whole printed document: sections, each starting on a new page.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct Document {
    pub sections: Vec<Section>,
}

impl Document {
    /// Every text of the document in reading order, one entry per line or cell line; for
    /// checks and for searching the printed words.
    pub fn texts(&self) -> Vec<String> {
        let mut out = Vec::new();
        for section in &self.sections {
            for block in &section.blocks {
                block.collect_texts(&mut out);
            }
        }
        out
    }
}

/// What a section holds, which decides how it is set on the page.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum SectionKind {
    /// Quyết định ban hành kế hoạch.
    Decision,
    /// Kế hoạch: on its own, or attached to the decision; a report's body (báo cáo) is set the
    /// same way.
    Plan,
    /// Phụ lục: one key-task table.
    Appendix,
}

/// Khổ giấy: A4 portrait, or landscape for wide tables.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Orientation {
    Portrait,
    Landscape,
}

/// A part of the document that starts on a new page.
#[derive(Clone, Debug, PartialEq)]
pub struct Section {
    pub kind: SectionKind,
    pub orientation: Orientation,
    pub blocks: Vec<Block>,
}

/// One block of a section, in printing order.
#[derive(Clone, Debug, PartialEq)]
pub enum Block {
    /// Phần đầu văn bản: the two-column header.
    Header(Header),
    /// Tên loại và trích yếu: "KẾ HOẠCH" over the subject line and its short rule.
    Title(Title),
    Paragraph(Paragraph),
    /// Nơi nhận on the left, chữ ký on the right.
    Closing(Closing),
    /// Bảng phụ lục.
    Table(Table),
}

impl Block {
    fn collect_texts(&self, out: &mut Vec<String>) {
        match self {
            Block::Header(header) => {
                out.extend(header.superior_body.iter().cloned());
                out.extend(header.issuing_body.iter().cloned());
                out.extend(header.number_line.iter().cloned());
                out.push(header.nation.to_string());
                out.push(header.motto.to_string());
                out.extend(header.place_date.iter().cloned());
            }
            Block::Title(title) => {
                out.push(title.kind.clone());
                out.extend(title.subject.iter().cloned());
            }
            Block::Paragraph(paragraph) => out.push(paragraph.text()),
            Block::Closing(closing) => {
                out.extend(closing.recipients.iter().cloned());
                if let Some(signature) = &closing.signature {
                    out.extend(signature.authority.iter().cloned());
                    out.push(signature.title.clone());
                    out.push(signature.name.clone());
                }
            }
            Block::Table(table) => {
                out.extend(table.columns.iter().map(|column| column.label.clone()));
                for row in &table.rows {
                    match row {
                        TableRow::Group {
                            label,
                            title,
                            total,
                            ..
                        } => {
                            out.push(format!("{label} {title}"));
                            out.extend(total.map(Decimal::format_vi));
                        }
                        TableRow::Item { cells } => {
                            out.extend(cells.iter().flat_map(Cell::lines));
                        }
                        TableRow::Total { label, total } => {
                            out.push(format!("{label} {}", total.format_vi()));
                        }
                    }
                }
            }
        }
    }
}

/// Phần đầu: cơ quan chủ quản, cơ quan ban hành, số ký hiệu (left); quốc hiệu, tiêu ngữ, địa
/// danh và ngày tháng (right).
#[derive(Clone, Debug, PartialEq)]
pub struct Header {
    /// Cơ quan chủ quản, upper case, not bold; empty when there is none.
    pub superior_body: Vec<String>,
    /// Cơ quan ban hành, upper case, bold, a short rule under it; one entry per line.
    pub issuing_body: Vec<String>,
    /// "Số: 06/KH-UBND"; none on a plan attached to its decision.
    pub number_line: Option<String>,
    /// Quốc hiệu.
    pub nation: &'static str,
    /// Tiêu ngữ, with a rule as long as itself.
    pub motto: &'static str,
    /// "Sơn Châu, ngày 08 tháng 01 năm 2022", in italics; none on an attached plan.
    pub place_date: Option<String>,
}

/// Quốc hiệu.
pub const NATION: &str = "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM";
/// Tiêu ngữ.
pub const MOTTO: &str = "Độc lập - Tự do - Hạnh phúc";

/// Tên loại văn bản and trích yếu.
#[derive(Clone, Debug, PartialEq)]
pub struct Title {
    /// "KẾ HOẠCH", "QUYẾT ĐỊNH".
    pub kind: String,
    /// The subject, bold, over a short rule; empty when the drafter left it blank.
    pub subject: Option<String>,
}

/// How a paragraph is set.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Role {
    /// Body text: justified, first line indented.
    Body,
    /// A section heading: 1 for I., II.; 2 for 1., 2.; 3 for 7.1. Bold, indented like body.
    Heading(u8),
    /// Centred: document lines such as "QUYẾT ĐỊNH:", appendix titles, attachment lines.
    Centered,
}

/// A paragraph: its role and its text runs.
#[derive(Clone, Debug, PartialEq)]
pub struct Paragraph {
    pub role: Role,
    pub runs: Vec<Run>,
}

impl Paragraph {
    /// A paragraph of one plain run.
    pub fn plain(role: Role, text: impl Into<String>) -> Self {
        Self {
            role,
            runs: vec![Run::plain(text)],
        }
    }

    /// The paragraph's text without styling.
    pub fn text(&self) -> String {
        self.runs.iter().map(|run| run.text.as_str()).collect()
    }
}

/// A piece of text with one style.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Run {
    pub text: String,
    pub bold: bool,
    pub italic: bool,
}

impl Run {
    pub fn plain(text: impl Into<String>) -> Self {
        Self {
            text: text.into(),
            bold: false,
            italic: false,
        }
    }

    pub fn bold(text: impl Into<String>) -> Self {
        Self {
            bold: true,
            ..Self::plain(text)
        }
    }

    pub fn italic(text: impl Into<String>) -> Self {
        Self {
            italic: true,
            ..Self::plain(text)
        }
    }

    pub fn bold_italic(text: impl Into<String>) -> Self {
        Self {
            bold: true,
            italic: true,
            ..Self::plain(text)
        }
    }
}

/// Nơi nhận and chữ ký, side by side.
#[derive(Clone, Debug, PartialEq)]
pub struct Closing {
    /// The recipient lines as printed: "- UBND tỉnh;" … "- Lưu: VT."; none prints no
    /// "Nơi nhận:".
    pub recipients: Vec<String>,
    pub signature: Option<Signature>,
}

/// Quyền hạn, chức vụ và họ tên người ký.
#[derive(Clone, Debug, PartialEq)]
pub struct Signature {
    /// "TM. ỦY BAN NHÂN DÂN", "KT. CHỦ TỊCH"; none when the head signs directly.
    pub authority: Option<String>,
    /// "CHỦ TỊCH", "PHÓ CHỦ TỊCH".
    pub title: String,
    /// Họ tên, under the room left for the signature and seal.
    pub name: String,
}

/// What a table column holds, for widths and alignment: TT, or one of a task's columns.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum ColumnKind {
    /// TT.
    Number,
    /// A column of the task's: Nhiệm vụ, Kết quả đầu ra … Kinh phí.
    Field(TableColumn),
}

impl ColumnKind {
    pub const BUDGET: Self = Self::Field(TableColumn::Budget);
}

/// A cell of a numbered row as a value: each writer formats it its own way (the print view and
/// Word as Vietnamese text, Excel and CSV as numbers), and nothing is parsed back from text.
#[derive(Clone, Debug, PartialEq)]
pub enum Cell {
    /// TT.
    Number(usize),
    /// A budget in million VND, or a figure of a report.
    Amount(Decimal),
    /// Lines of text, a budget written as a note included; none for an empty cell.
    Lines(Vec<String>),
}

impl Cell {
    /// The cell as printed, one entry per line: "3.773" for an amount.
    pub fn lines(&self) -> Vec<String> {
        match self {
            Self::Number(number) => vec![number.to_string()],
            Self::Amount(amount) => vec![amount.format_vi()],
            Self::Lines(lines) => lines.clone(),
        }
    }
}

/// One column: what it holds and its heading as printed.
#[derive(Clone, Debug, PartialEq)]
pub struct Column {
    pub kind: ColumnKind,
    pub label: String,
}

/// A table whose header row repeats on every page.
#[derive(Clone, Debug, PartialEq)]
pub struct Table {
    pub columns: Vec<Column>,
    pub rows: Vec<TableRow>,
}

/// A row of an appendix table.
#[derive(Clone, Debug, PartialEq)]
pub enum TableRow {
    /// A group heading across the row: "I" "CHỈ ĐẠO ĐIỀU HÀNH" (level 1) or "A" … (level 2),
    /// with its budget total where the table has a budget column and the group has amounts.
    Group {
        level: u8,
        label: String,
        title: String,
        total: Option<Decimal>,
    },
    /// A numbered task: one cell per column.
    Item { cells: Vec<Cell> },
    /// Tổng cộng of the budget column.
    Total { label: String, total: Decimal },
}
