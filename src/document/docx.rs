//! The document as a Word file (DOCX, Office Open XML): the same blocks as the print view,
//! written as WordprocessingML. Each section gets its own page size and orientation, page
//! numbers restart in each section and show centred in the header from its second page, and
//! table header rows repeat on every page.

use super::xml::escape;
use super::zip::ZipWriter;
use super::{
    Block, Closing, ColumnKind, Document, Header, Orientation, Paragraph, Role, Run, Section,
    Table, TableRow, Title,
};
use crate::domain::Decimal;
use crate::domain::appendix_columns::TableColumn;

/// The MIME type of a DOCX file.
pub const DOCX_MIME: &str =
    "application/vnd.openxmlformats-officedocument.wordprocessingml.document";

/// Twips per millimetre (1 inch = 1440 twips = 25.4 mm).
fn mm(value: f64) -> u32 {
    (value * 1440.0 / 25.4).round() as u32
}

/// Page geometry of a section, in twips.
struct Page {
    width: u32,
    height: u32,
    top: u32,
    right: u32,
    bottom: u32,
    left: u32,
    landscape: bool,
}

impl Page {
    /// A4 with the margins of Nghị định 30/2020/NĐ-CP (portrait), or the appendix margins
    /// (landscape, the wide one along the bound top edge), as in style/print.css.
    fn of(orientation: Orientation) -> Self {
        match orientation {
            Orientation::Portrait => Self {
                width: 11906,
                height: 16838,
                top: mm(20.0),
                right: mm(15.0),
                bottom: mm(20.0),
                left: mm(30.0),
                landscape: false,
            },
            Orientation::Landscape => Self {
                width: 16838,
                height: 11906,
                top: mm(25.0),
                right: mm(20.0),
                bottom: mm(15.0),
                left: mm(20.0),
                landscape: true,
            },
        }
    }

    fn text_width(&self) -> u32 {
        self.width - self.left - self.right
    }
}

/// The DOCX file of `document`.
pub fn write_docx(document: &Document) -> Vec<u8> {
    let mut zip = ZipWriter::new();
    zip.add("[Content_Types].xml", CONTENT_TYPES.as_bytes());
    zip.add("_rels/.rels", PACKAGE_RELS.as_bytes());
    zip.add("word/_rels/document.xml.rels", DOCUMENT_RELS.as_bytes());
    zip.add("word/styles.xml", STYLES.as_bytes());
    zip.add("word/header1.xml", PAGE_NUMBER_HEADER.as_bytes());
    zip.add("word/document.xml", document_xml(document).as_bytes());
    zip.finish()
}

/// word/document.xml.
pub fn document_xml(document: &Document) -> String {
    let mut out = String::with_capacity(256 * 1024);
    out.push_str(concat!(
        r#"<?xml version="1.0" encoding="UTF-8" standalone="yes"?>"#,
        r#"<w:document xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main" "#,
        r#"xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships">"#,
        "<w:body>"
    ));
    let count = document.sections.len();
    for (index, section) in document.sections.iter().enumerate() {
        let page = Page::of(section.orientation);
        write_section_blocks(&mut out, section, &page);
        let properties = section_properties(&page);
        if index + 1 == count {
            // The last section's properties close the body.
            out.push_str(&properties);
        } else {
            // Other sections end with a paragraph that carries their properties.
            out.push_str("<w:p><w:pPr>");
            out.push_str(&properties);
            out.push_str("</w:pPr></w:p>");
        }
    }
    out.push_str("</w:body></w:document>");
    out
}

fn section_properties(page: &Page) -> String {
    let orient = if page.landscape {
        r#" w:orient="landscape""#
    } else {
        ""
    };
    format!(
        concat!(
            r#"<w:sectPr><w:headerReference w:type="default" r:id="rIdHeader"/>"#,
            r#"<w:type w:val="nextPage"/>"#,
            r#"<w:pgSz w:w="{}" w:h="{}"{}/>"#,
            r#"<w:pgMar w:top="{}" w:right="{}" w:bottom="{}" w:left="{}" w:header="567" w:footer="567" w:gutter="0"/>"#,
            r#"<w:pgNumType w:start="1"/><w:titlePg/></w:sectPr>"#
        ),
        page.width, page.height, orient, page.top, page.right, page.bottom, page.left
    )
}

fn write_section_blocks(out: &mut String, section: &Section, page: &Page) {
    for block in &section.blocks {
        match block {
            Block::Header(header) => write_header(out, header, page),
            Block::Title(title) => write_title(out, title),
            Block::Paragraph(paragraph) => write_paragraph(out, paragraph),
            Block::Closing(closing) => write_closing(out, closing, page),
            Block::Table(table) => write_table(out, table, page),
        }
    }
}

/// Run style: bold, italic, size in half points.
#[derive(Clone, Copy, Default)]
struct Style {
    bold: bool,
    italic: bool,
    half_points: u32,
}

fn run(out: &mut String, text: &str, style: Style) {
    out.push_str("<w:r><w:rPr>");
    if style.bold {
        out.push_str("<w:b/>");
    }
    if style.italic {
        out.push_str("<w:i/>");
    }
    if style.half_points > 0 {
        out.push_str(&format!(
            r#"<w:sz w:val="{0}"/><w:szCs w:val="{0}"/>"#,
            style.half_points
        ));
    }
    out.push_str(r#"</w:rPr><w:t xml:space="preserve">"#);
    out.push_str(&escape(text));
    out.push_str("</w:t></w:r>");
}

/// Paragraph properties: alignment, first-line indent, space after (twips), keep with next.
struct Layout<'a> {
    align: &'a str,
    first_line: u32,
    after: u32,
    keep_next: bool,
}

fn open_paragraph(out: &mut String, layout: &Layout<'_>) {
    out.push_str("<w:p><w:pPr>");
    if layout.keep_next {
        out.push_str("<w:keepNext/>");
    }
    out.push_str(&format!(
        r#"<w:spacing w:before="0" w:after="{}"/>"#,
        layout.after
    ));
    if layout.first_line > 0 {
        out.push_str(&format!(r#"<w:ind w:firstLine="{}"/>"#, layout.first_line));
    }
    out.push_str(&format!(r#"<w:jc w:val="{}"/></w:pPr>"#, layout.align));
}

/// A centred line of one style.
fn centred_line(out: &mut String, text: &str, style: Style) {
    open_paragraph(
        out,
        &Layout {
            align: "center",
            first_line: 0,
            after: 0,
            keep_next: false,
        },
    );
    run(out, text, style);
    out.push_str("</w:p>");
}

/// A short solid rule, centred: the bottom border of an empty paragraph indented from both
/// sides so that it is `length` twips long within `width`.
fn rule(out: &mut String, length: u32, width: u32) {
    let indent = width.saturating_sub(length) / 2;
    out.push_str(&format!(
        concat!(
            r#"<w:p><w:pPr><w:pBdr><w:bottom w:val="single" w:sz="6" w:space="1" w:color="000000"/></w:pBdr>"#,
            r#"<w:spacing w:before="0" w:after="60" w:line="60" w:lineRule="exact"/>"#,
            r#"<w:ind w:left="{0}" w:right="{0}"/></w:pPr></w:p>"#
        ),
        indent
    ));
}

/// A table without borders, for the header and the closing.
fn open_layout_table(out: &mut String, widths: &[u32]) {
    out.push_str(concat!(
        r#"<w:tbl><w:tblPr><w:tblW w:w="0" w:type="auto"/><w:tblLayout w:type="fixed"/>"#,
        r#"<w:tblBorders><w:top w:val="nil"/><w:left w:val="nil"/><w:bottom w:val="nil"/>"#,
        r#"<w:right w:val="nil"/><w:insideH w:val="nil"/><w:insideV w:val="nil"/></w:tblBorders>"#,
        r#"<w:tblCellMar><w:left w:w="0" w:type="dxa"/><w:right w:w="0" w:type="dxa"/></w:tblCellMar>"#,
        "</w:tblPr><w:tblGrid>"
    ));
    for width in widths {
        out.push_str(&format!(r#"<w:gridCol w:w="{width}"/>"#));
    }
    // The closing's signature never parts from its recipients across a page.
    out.push_str("</w:tblGrid><w:tr><w:trPr><w:cantSplit/></w:trPr>");
}

fn open_cell(out: &mut String, width: u32) {
    out.push_str(&format!(
        r#"<w:tc><w:tcPr><w:tcW w:w="{width}" w:type="dxa"/></w:tcPr>"#
    ));
}

fn write_header(out: &mut String, header: &Header, page: &Page) {
    let width = page.text_width();
    let left = width * 2 / 5;
    let right = width - left;
    open_layout_table(out, &[left, right]);
    open_cell(out, left);
    let size_13 = 26;
    for line in &header.superior_body {
        centred_line(
            out,
            line,
            Style {
                half_points: size_13,
                ..Style::default()
            },
        );
    }
    for line in &header.issuing_body {
        centred_line(
            out,
            line,
            Style {
                bold: true,
                half_points: size_13,
                ..Style::default()
            },
        );
    }
    rule(out, left / 3, left);
    if let Some(number) = &header.number_line {
        centred_line(
            out,
            number,
            Style {
                half_points: size_13,
                ..Style::default()
            },
        );
    }
    out.push_str("</w:tc>");
    open_cell(out, right);
    centred_line(
        out,
        header.nation,
        Style {
            bold: true,
            half_points: size_13,
            ..Style::default()
        },
    );
    centred_line(
        out,
        header.motto,
        Style {
            bold: true,
            half_points: 28,
            ..Style::default()
        },
    );
    // About the motto's own length at 14 pt.
    rule(out, mm(62.0), right);
    if let Some(date) = &header.place_date {
        centred_line(
            out,
            date,
            Style {
                italic: true,
                half_points: 28,
                ..Style::default()
            },
        );
    }
    out.push_str("</w:tc></w:tr></w:tbl>");
    blank_line(out);
}

fn blank_line(out: &mut String) {
    out.push_str(r#"<w:p><w:pPr><w:spacing w:before="0" w:after="0"/></w:pPr></w:p>"#);
}

fn write_title(out: &mut String, title: &Title) {
    let bold = Style {
        bold: true,
        ..Style::default()
    };
    centred_line(out, &title.kind, bold);
    if let Some(subject) = &title.subject {
        centred_line(out, subject, bold);
    }
    rule(out, mm(50.0), Page::of(Orientation::Portrait).text_width());
    blank_line(out);
}

fn write_paragraph(out: &mut String, paragraph: &Paragraph) {
    let layout = match paragraph.role {
        Role::Body => Layout {
            align: "both",
            first_line: 720,
            after: 120,
            keep_next: false,
        },
        Role::Heading(_) => Layout {
            align: "both",
            first_line: 720,
            after: 120,
            keep_next: true,
        },
        Role::Centered => Layout {
            align: "center",
            first_line: 0,
            after: 60,
            keep_next: true,
        },
    };
    open_paragraph(out, &layout);
    for piece in &paragraph.runs {
        let Run { text, bold, italic } = piece;
        run(
            out,
            text,
            Style {
                bold: *bold,
                italic: *italic,
                half_points: 0,
            },
        );
    }
    out.push_str("</w:p>");
}

fn write_closing(out: &mut String, closing: &Closing, page: &Page) {
    let width = page.text_width();
    let left = width / 2;
    let right = width - left;
    blank_line(out);
    open_layout_table(out, &[left, right]);
    open_cell(out, left);
    let left_line = |out: &mut String, text: &str, style: Style| {
        open_paragraph(
            out,
            &Layout {
                align: "left",
                first_line: 0,
                after: 0,
                keep_next: false,
            },
        );
        run(out, text, style);
        out.push_str("</w:p>");
    };
    if closing.recipients.is_empty() {
        blank_line(out);
    } else {
        left_line(
            out,
            "Nơi nhận:",
            Style {
                bold: true,
                italic: true,
                half_points: 24,
            },
        );
        for line in &closing.recipients {
            left_line(
                out,
                line,
                Style {
                    half_points: 22,
                    ..Style::default()
                },
            );
        }
    }
    out.push_str("</w:tc>");
    open_cell(out, right);
    let bold = Style {
        bold: true,
        ..Style::default()
    };
    match &closing.signature {
        Some(signature) => {
            if let Some(authority) = &signature.authority {
                centred_line(out, authority, bold);
            }
            centred_line(out, &signature.title, bold);
            // Room for the signature and the seal.
            for _ in 0..4 {
                blank_line(out);
            }
            centred_line(out, &signature.name, bold);
        }
        None => blank_line(out),
    }
    out.push_str("</w:tc></w:tr></w:tbl>");
}

/// Share of the text width each kind of column takes, as in style/print.css.
fn column_share(kind: ColumnKind) -> u32 {
    match kind {
        ColumnKind::Number => 5,
        ColumnKind::Field(TableColumn::Task) => 29,
        ColumnKind::Field(TableColumn::Output) => 17,
        ColumnKind::Field(TableColumn::Lead) => 12,
        ColumnKind::Field(TableColumn::Partner) => 14,
        ColumnKind::Field(TableColumn::Executor) => 24,
        ColumnKind::Field(TableColumn::Deadline) => 12,
        ColumnKind::Field(TableColumn::Budget) => 9,
    }
}

fn write_table(out: &mut String, table: &Table, page: &Page) {
    let shares: Vec<u32> = table
        .columns
        .iter()
        .map(|column| column_share(column.kind))
        .collect();
    let total_share: u32 = shares.iter().sum::<u32>().max(1);
    let width = page.text_width();
    let widths: Vec<u32> = shares
        .iter()
        .map(|share| width * share / total_share)
        .collect();
    let border = r#"w:val="single" w:sz="4" w:space="0" w:color="000000""#;
    out.push_str(&format!(
        concat!(
            r#"<w:tbl><w:tblPr><w:tblW w:w="{width}" w:type="dxa"/><w:tblLayout w:type="fixed"/>"#,
            r#"<w:tblBorders><w:top {b}/><w:left {b}/><w:bottom {b}/><w:right {b}/>"#,
            r#"<w:insideH {b}/><w:insideV {b}/></w:tblBorders>"#,
            r#"<w:tblCellMar><w:left w:w="80" w:type="dxa"/><w:right w:w="80" w:type="dxa"/></w:tblCellMar>"#,
            "</w:tblPr><w:tblGrid>"
        ),
        width = width,
        b = border
    ));
    for column in &widths {
        out.push_str(&format!(r#"<w:gridCol w:w="{column}"/>"#));
    }
    out.push_str("</w:tblGrid>");
    let small = |bold: bool, italic: bool| Style {
        bold,
        italic,
        half_points: 24,
    };
    // The header row repeats on every page.
    out.push_str("<w:tr><w:trPr><w:tblHeader/><w:cantSplit/></w:trPr>");
    for (column, width) in table.columns.iter().zip(&widths) {
        table_cell(
            out,
            *width,
            1,
            "center",
            &[column.label.as_str()],
            small(true, false),
        );
    }
    out.push_str("</w:tr>");
    let has_budget = table
        .columns
        .last()
        .is_some_and(|column| column.kind == ColumnKind::BUDGET);
    let count = widths.len();
    let span_end = if has_budget { count - 1 } else { count };
    let span_width: u32 = widths[1..span_end].iter().sum();
    let budget_width = widths.last().copied().unwrap_or(0);
    for row in &table.rows {
        out.push_str("<w:tr><w:trPr><w:cantSplit/></w:trPr>");
        match row {
            TableRow::Group {
                level,
                label,
                title,
                total,
            } => {
                let style = small(true, *level > 1);
                table_cell(out, widths[0], 1, "center", &[label.as_str()], style);
                table_cell(
                    out,
                    span_width,
                    span_end - 1,
                    "left",
                    &[title.as_str()],
                    style,
                );
                if has_budget {
                    let total = total.map(Decimal::format_vi).unwrap_or_default();
                    table_cell(out, budget_width, 1, "right", &[&total], style);
                }
            }
            TableRow::Item { cells } => {
                for ((cell, column), width) in cells.iter().zip(&table.columns).zip(&widths) {
                    let align = match column.kind {
                        ColumnKind::Number | ColumnKind::Field(TableColumn::Deadline) => "center",
                        ColumnKind::Field(TableColumn::Budget) => "right",
                        _ => "left",
                    };
                    let lines = cell.lines();
                    let lines: Vec<&str> = lines.iter().map(String::as_str).collect();
                    table_cell(out, *width, 1, align, &lines, small(false, false));
                }
            }
            TableRow::Total { label, total } => {
                table_cell(out, widths[0], 1, "center", &[], small(true, false));
                table_cell(
                    out,
                    span_width,
                    span_end - 1,
                    "center",
                    &[label.as_str()],
                    small(true, false),
                );
                table_cell(
                    out,
                    budget_width,
                    1,
                    "right",
                    &[&total.format_vi()],
                    small(true, false),
                );
            }
        }
        out.push_str("</w:tr>");
    }
    out.push_str("</w:tbl>");
}

/// One cell spanning `span` grid columns, a paragraph per line (a cell needs at least one).
fn table_cell(
    out: &mut String,
    width: u32,
    span: usize,
    align: &str,
    lines: &[&str],
    style: Style,
) {
    out.push_str(&format!(
        r#"<w:tc><w:tcPr><w:tcW w:w="{width}" w:type="dxa"/>"#
    ));
    if span > 1 {
        out.push_str(&format!(r#"<w:gridSpan w:val="{span}"/>"#));
    }
    out.push_str("</w:tcPr>");
    let layout = Layout {
        align,
        first_line: 0,
        after: 0,
        keep_next: false,
    };
    if lines.is_empty() {
        open_paragraph(out, &layout);
        out.push_str("</w:p>");
    }
    for line in lines {
        open_paragraph(out, &layout);
        run(out, line, style);
        out.push_str("</w:p>");
    }
    out.push_str("</w:tc>");
}

const CONTENT_TYPES: &str = concat!(
    r#"<?xml version="1.0" encoding="UTF-8" standalone="yes"?>"#,
    r#"<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">"#,
    r#"<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/>"#,
    r#"<Default Extension="xml" ContentType="application/xml"/>"#,
    r#"<Override PartName="/word/document.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"/>"#,
    r#"<Override PartName="/word/styles.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.styles+xml"/>"#,
    r#"<Override PartName="/word/header1.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.header+xml"/>"#,
    "</Types>"
);

const PACKAGE_RELS: &str = concat!(
    r#"<?xml version="1.0" encoding="UTF-8" standalone="yes"?>"#,
    r#"<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">"#,
    r#"<Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="word/document.xml"/>"#,
    "</Relationships>"
);

const DOCUMENT_RELS: &str = concat!(
    r#"<?xml version="1.0" encoding="UTF-8" standalone="yes"?>"#,
    r#"<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">"#,
    r#"<Relationship Id="rIdStyles" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/styles" Target="styles.xml"/>"#,
    r#"<Relationship Id="rIdHeader" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/header" Target="header1.xml"/>"#,
    "</Relationships>"
);

/// Times New Roman 14 pt, Vietnamese, single spacing, as the body of the decree's documents.
const STYLES: &str = concat!(
    r#"<?xml version="1.0" encoding="UTF-8" standalone="yes"?>"#,
    r#"<w:styles xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main">"#,
    r#"<w:docDefaults><w:rPrDefault><w:rPr>"#,
    r#"<w:rFonts w:ascii="Times New Roman" w:hAnsi="Times New Roman" w:eastAsia="Times New Roman" w:cs="Times New Roman"/>"#,
    r#"<w:color w:val="000000"/><w:sz w:val="28"/><w:szCs w:val="28"/><w:lang w:val="vi-VN"/>"#,
    r#"</w:rPr></w:rPrDefault><w:pPrDefault><w:pPr>"#,
    r#"<w:spacing w:before="0" w:after="0" w:line="240" w:lineRule="auto"/>"#,
    r#"</w:pPr></w:pPrDefault></w:docDefaults>"#,
    r#"<w:style w:type="paragraph" w:default="1" w:styleId="Normal"><w:name w:val="Normal"/></w:style>"#,
    "</w:styles>"
);

/// The page number, centred in the top margin; sections have no first-page header, so their
/// first page shows none.
const PAGE_NUMBER_HEADER: &str = concat!(
    r#"<?xml version="1.0" encoding="UTF-8" standalone="yes"?>"#,
    r#"<w:hdr xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main">"#,
    r#"<w:p><w:pPr><w:jc w:val="center"/></w:pPr>"#,
    r#"<w:r><w:fldChar w:fldCharType="begin"/></w:r>"#,
    r#"<w:r><w:instrText xml:space="preserve"> PAGE </w:instrText></w:r>"#,
    r#"<w:r><w:fldChar w:fldCharType="separate"/></w:r>"#,
    r#"<w:r><w:t>2</w:t></w:r>"#,
    r#"<w:r><w:fldChar w:fldCharType="end"/></w:r>"#,
    "</w:p></w:hdr>"
);

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a4_margins_in_twips() {
        let page = Page::of(Orientation::Portrait);
        assert_eq!((page.top, page.left, page.right), (1134, 1701, 850));
        assert_eq!(page.text_width(), 9355);
    }
}
