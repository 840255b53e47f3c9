//! The XLSX package (classeur) every spreadsheet of the app is written as: sheets of styled
//! cells (text, numbers in machine form) with column widths and frozen heading rows, the
//! styles they use, and the parts that hold them together. What goes in the cells is decided
//! by the callers (`sheet` for appendices and reports, `consolidated` for an inbox round).

use super::xml::escape;
use super::zip::ZipWriter;

/// One cell as a spreadsheet holds it.
#[derive(Clone, Debug, PartialEq)]
pub(super) enum Value {
    Empty,
    Text(String),
    /// A number in machine form ("3773", "1.5").
    Number(String),
}

/// Cell styles of styles.xml, by index.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(super) enum Style {
    Normal = 0,
    Bold = 1,
    Wrapped = 2,
    Header = 3,
    BoldNumber = 4,
}

/// One sheet as rows of styled cells.
pub(super) struct Grid {
    /// The sheet's name in the workbook (31 characters at most, none of «[]:*?/\\»).
    pub name: String,
    /// Each column's width in characters.
    pub widths: Vec<u32>,
    /// The rows that stay in view while scrolling (titles and the heading row).
    pub frozen_rows: usize,
    /// Whether the last frozen row gets a filter on each column (Excel's AutoFilter).
    pub filter: bool,
    pub rows: Vec<Vec<(Value, Style)>>,
}

/// "A", "B" … "Z", "AA" for the column at `index` (from 0).
fn column_name(index: usize) -> String {
    let mut name = String::new();
    let mut n = index + 1;
    while n > 0 {
        let rem = (n - 1) % 26;
        name.insert(0, char::from(b'A' + rem as u8));
        n = (n - 1) / 26;
    }
    name
}

/// A sheet's XML: its frozen rows, column widths and cells.
fn grid_xml(grid: &Grid) -> String {
    let rows = &grid.rows;
    let header_row = grid.frozen_rows;
    let mut xml = String::from(
        "<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?>\n<worksheet \
         xmlns=\"http://schemas.openxmlformats.org/spreadsheetml/2006/main\">",
    );
    xml.push_str(&format!(
        "<sheetViews><sheetView workbookViewId=\"0\"><pane ySplit=\"{header_row}\" \
         topLeftCell=\"A{}\" activePane=\"bottomLeft\" state=\"frozen\"/></sheetView></sheetViews>",
        header_row + 1
    ));
    xml.push_str("<cols>");
    for (index, width) in grid.widths.iter().enumerate() {
        let n = index + 1;
        xml.push_str(&format!(
            "<col min=\"{n}\" max=\"{n}\" width=\"{width}\" customWidth=\"1\"/>"
        ));
    }
    xml.push_str("</cols><sheetData>");
    for (r, row) in rows.iter().enumerate() {
        let number = r + 1;
        xml.push_str(&format!("<row r=\"{number}\">"));
        for (c, (value, style)) in row.iter().enumerate() {
            let at = format!("{}{number}", column_name(c));
            let style = *style as u8;
            match value {
                Value::Empty if style == 0 => {}
                Value::Empty => xml.push_str(&format!("<c r=\"{at}\" s=\"{style}\"/>")),
                Value::Number(value) => {
                    xml.push_str(&format!("<c r=\"{at}\" s=\"{style}\"><v>{value}</v></c>"))
                }
                Value::Text(text) => xml.push_str(&format!(
                    "<c r=\"{at}\" s=\"{style}\" t=\"inlineStr\"><is><t xml:space=\"preserve\">{}</t></is></c>",
                    escape(text)
                )),
            }
        }
        xml.push_str("</row>");
    }
    xml.push_str("</sheetData>");
    let width = rows.iter().map(Vec::len).max().unwrap_or(0);
    if grid.filter && header_row > 0 && width > 0 {
        xml.push_str(&format!(
            "<autoFilter ref=\"A{header_row}:{}{}\"/>",
            column_name(width - 1),
            rows.len().max(header_row)
        ));
    }
    xml.push_str("</worksheet>");
    xml
}

const STYLES: &str = concat!(
    "<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?>\n",
    "<styleSheet xmlns=\"http://schemas.openxmlformats.org/spreadsheetml/2006/main\">",
    "<numFmts count=\"1\"><numFmt numFmtId=\"164\" formatCode=\"#,##0.###\"/></numFmts>",
    "<fonts count=\"2\"><font><sz val=\"12\"/><name val=\"Times New Roman\"/></font>",
    "<font><b/><sz val=\"12\"/><name val=\"Times New Roman\"/></font></fonts>",
    "<fills count=\"2\"><fill><patternFill patternType=\"none\"/></fill>",
    "<fill><patternFill patternType=\"gray125\"/></fill></fills>",
    "<borders count=\"2\"><border><left/><right/><top/><bottom/><diagonal/></border>",
    "<border><left style=\"thin\"/><right style=\"thin\"/><top style=\"thin\"/>",
    "<bottom style=\"thin\"/><diagonal/></border></borders>",
    "<cellStyleXfs count=\"1\"><xf numFmtId=\"0\" fontId=\"0\" fillId=\"0\" borderId=\"0\"/></cellStyleXfs>",
    "<cellXfs count=\"5\">",
    "<xf numFmtId=\"164\" fontId=\"0\" fillId=\"0\" borderId=\"0\" xfId=\"0\" applyNumberFormat=\"1\"/>",
    "<xf numFmtId=\"0\" fontId=\"1\" fillId=\"0\" borderId=\"0\" xfId=\"0\" applyFont=\"1\"/>",
    "<xf numFmtId=\"0\" fontId=\"0\" fillId=\"0\" borderId=\"1\" xfId=\"0\" applyBorder=\"1\" applyAlignment=\"1\">",
    "<alignment vertical=\"top\" wrapText=\"1\"/></xf>",
    "<xf numFmtId=\"0\" fontId=\"1\" fillId=\"0\" borderId=\"1\" xfId=\"0\" applyFont=\"1\" applyBorder=\"1\" applyAlignment=\"1\">",
    "<alignment horizontal=\"center\" vertical=\"center\" wrapText=\"1\"/></xf>",
    "<xf numFmtId=\"164\" fontId=\"1\" fillId=\"0\" borderId=\"0\" xfId=\"0\" applyFont=\"1\" applyNumberFormat=\"1\"/>",
    "</cellXfs>",
    "<cellStyles count=\"1\"><cellStyle name=\"Normal\" xfId=\"0\" builtinId=\"0\"/></cellStyles>",
    "</styleSheet>"
);

/// `sheets` as an XLSX workbook; `None` when there is none.
pub(super) fn workbook(sheets: &[Grid]) -> Option<Vec<u8>> {
    if sheets.is_empty() {
        return None;
    }
    let mut zip = ZipWriter::new();
    let mut types = String::from(
        "<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?>\n<Types \
         xmlns=\"http://schemas.openxmlformats.org/package/2006/content-types\">\
         <Default Extension=\"rels\" ContentType=\"application/vnd.openxmlformats-package.relationships+xml\"/>\
         <Default Extension=\"xml\" ContentType=\"application/xml\"/>\
         <Override PartName=\"/xl/workbook.xml\" ContentType=\"application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml\"/>\
         <Override PartName=\"/xl/styles.xml\" ContentType=\"application/vnd.openxmlformats-officedocument.spreadsheetml.styles+xml\"/>",
    );
    let mut workbook = String::from(
        "<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?>\n<workbook \
         xmlns=\"http://schemas.openxmlformats.org/spreadsheetml/2006/main\" \
         xmlns:r=\"http://schemas.openxmlformats.org/officeDocument/2006/relationships\"><sheets>",
    );
    let mut relations = String::from(
        "<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?>\n<Relationships \
         xmlns=\"http://schemas.openxmlformats.org/package/2006/relationships\">",
    );
    for (index, sheet) in sheets.iter().enumerate() {
        let n = index + 1;
        types.push_str(&format!(
            "<Override PartName=\"/xl/worksheets/sheet{n}.xml\" \
             ContentType=\"application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml\"/>"
        ));
        workbook.push_str(&format!(
            "<sheet name=\"{}\" sheetId=\"{n}\" r:id=\"rId{n}\"/>",
            escape(&sheet.name)
        ));
        relations.push_str(&format!(
            "<Relationship Id=\"rId{n}\" \
             Type=\"http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet\" \
             Target=\"worksheets/sheet{n}.xml\"/>"
        ));
    }
    let styles_id = sheets.len() + 1;
    relations.push_str(&format!(
        "<Relationship Id=\"rId{styles_id}\" \
         Type=\"http://schemas.openxmlformats.org/officeDocument/2006/relationships/styles\" \
         Target=\"styles.xml\"/></Relationships>"
    ));
    types.push_str("</Types>");
    workbook.push_str("</sheets></workbook>");
    zip.add("[Content_Types].xml", types.as_bytes());
    zip.add(
        "_rels/.rels",
        b"<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?>\n<Relationships \
          xmlns=\"http://schemas.openxmlformats.org/package/2006/relationships\"><Relationship \
          Id=\"rId1\" Type=\"http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument\" \
          Target=\"xl/workbook.xml\"/></Relationships>",
    );
    zip.add("xl/workbook.xml", workbook.as_bytes());
    zip.add("xl/_rels/workbook.xml.rels", relations.as_bytes());
    zip.add("xl/styles.xml", STYLES.as_bytes());
    for (index, sheet) in sheets.iter().enumerate() {
        zip.add(
            &format!("xl/worksheets/sheet{}.xml", index + 1),
            grid_xml(sheet).as_bytes(),
        );
    }
    Some(zip.finish())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn column_names_run_past_z() {
        let names: Vec<String> = [0, 1, 25, 26, 27, 51, 52].map(column_name).to_vec();
        assert_eq!(names, ["A", "B", "Z", "AA", "AB", "AZ", "BA"]);
    }
}
