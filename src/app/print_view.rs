//! Bản in: the plan laid out as its official document (`crate::document`), shown as A4 sheets
//! on screen and printed (or saved as PDF) by the browser with style/print.css.

use leptos::prelude::*;

use super::inbox::Content;
use super::transfer::{TransferError, download_bytes, today};
use super::{Screen, on_window_events, set_style_variable};
use crate::document::{
    Block, Closing, ColumnKind, DOCX_MIME, Document, Header, Orientation, Paragraph, Role, Run,
    Section, SectionKind, Table, TableRow, Title, XLSX_MIME, layout, report_layout, write_csv,
    write_docx, write_report_csv, write_report_xlsx, write_xlsx,
};
use crate::domain::appendix_columns::TableColumn;
use crate::domain::progress::{ProgressBook, ReportPeriod};
use crate::domain::report::PeriodReport;
use crate::domain::{Decimal, Plan};
use crate::file_format::file_name::{plan_file_name, report_file_name};
use crate::state::use_database;

/// What the print view shows: a plan, or the report of one of its periods with the plan and the
/// progress it speaks of (as they were when it was closed, or as they are now).
#[derive(Clone, Debug, PartialEq)]
enum Printed {
    Plan(Plan),
    Report {
        plan: Plan,
        report: Box<PeriodReport>,
        progress: ProgressBook,
    },
}

impl Printed {
    fn document(&self) -> Document {
        match self {
            Self::Plan(plan) => layout(plan),
            Self::Report {
                plan,
                report,
                progress,
            } => report_layout(plan, report, progress),
        }
    }

    fn plan(&self) -> &Plan {
        match self {
            Self::Plan(plan) | Self::Report { plan, .. } => plan,
        }
    }

    /// Whether there are tables to save as a workbook: a plan's appendices, a report's Phụ lục I.
    fn has_tables(&self) -> bool {
        match self {
            Self::Plan(plan) => !plan.appendices.is_empty(),
            Self::Report { .. } => true,
        }
    }
}

/// Reads what the print view shows; `Ok(None)` when the plan, or the period's report, is gone.
async fn load(
    database: std::rc::Rc<crate::storage::Database>,
    id: String,
    period: Option<ReportPeriod>,
) -> Result<Option<Printed>, crate::storage::StorageError> {
    let Some(stored) = database.load_plan(&id).await? else {
        return Ok(None);
    };
    let Some(period) = period else {
        return Ok(Some(Printed::Plan(stored.plan)));
    };
    let tracking = database.load_tracking(&id).await?.tracking;
    let Some(report) = tracking.report(period) else {
        return Ok(None);
    };
    let (plan, progress) = report.basis(&stored.plan, &tracking.progress);
    Ok(Some(Printed::Report {
        plan: plan.clone(),
        progress: progress.clone(),
        report: Box::new(report.clone()),
    }))
}

/// Reads the received file under `key` in the inbox; `Ok(None)` when it is gone.
async fn load_received(
    database: std::rc::Rc<crate::storage::Database>,
    key: u32,
) -> Result<Option<Printed>, crate::storage::StorageError> {
    let text = database
        .received_texts(&[f64::from(key)])
        .await?
        .pop()
        .flatten();
    Ok(match text.as_deref().and_then(Content::from_text) {
        Some(Content::Report(received)) => Some(Printed::Report {
            plan: received.plan,
            report: Box::new(received.report),
            progress: received.progress,
        }),
        Some(Content::Plan(plan)) => Some(Printed::Plan(*plan)),
        None => None,
    })
}

/// The print view (xem trước bản in) of the plan `id`, or of the `report` of one of its periods,
/// or of the file `received` in the inbox (read only), with "In", the files to save and a way
/// back to where it was opened from.
#[component]
pub fn PrintView(
    id: String,
    report: Option<ReportPeriod>,
    screen: RwSignal<Screen>,
    #[prop(optional)] received: Option<u32>,
) -> impl IntoView {
    let database = use_database();
    let plan_id = id.clone();
    let stored = LocalResource::new(move || {
        let (database, plan_id) = (database.get(), plan_id.clone());
        async move {
            match received {
                Some(key) => load_received(database, key).await,
                None => load(database, plan_id, report).await,
            }
        }
    });
    let back = move |_| {
        screen.set(match (received, report) {
            (Some(_), _) => Screen::Inbox,
            (None, Some(_)) => Screen::Progress(id.clone()),
            (None, None) => Screen::Editor(id.clone()),
        })
    };
    let docx_error = RwSignal::new(None::<String>);
    let save = move |kind: Export| {
        if let Some(Ok(Some(printed))) = stored.get_untracked() {
            docx_error.set(export(&printed, kind).err().map(|error| error.to_string()));
        }
    };
    let has_appendix =
        move || matches!(stored.get(), Some(Ok(Some(printed))) if printed.has_tables());
    let print = move |_| {
        let printed = web_sys::window().map(|window| window.print());
        if let Some(Err(error)) = printed {
            web_sys::console::error_1(&error);
        }
    };
    let (back_label, tables, hint, missing) = match report {
        _ if received.is_some() => (
            "← Quay lại hồ sơ nhận được",
            "Bảng phụ lục",
            "Bản in của hồ sơ nhận được, chỉ để xem; muốn sửa, hãy chép vào «Kế hoạch trên máy này».",
            "Không tìm thấy hồ sơ này trong hồ sơ nhận được, hoặc không đọc lại được.",
        ),
        Some(_) => (
            "← Quay lại theo dõi",
            "Bảng phụ lục báo cáo",
            "Khổ A4; Phụ lục I (kết quả từng nhiệm vụ) in khổ ngang. Để gửi qua thư điện tử, chọn máy in «Lưu dưới dạng PDF».",
            "Không tìm thấy báo cáo này. Có thể kế hoạch hoặc báo cáo đã bị xóa ở một thẻ khác.",
        ),
        None => (
            "← Quay lại soạn thảo",
            "Bảng phụ lục",
            "Khổ A4; mỗi phụ lục in khổ ngang hoặc dọc như đã chọn ở phần Phụ lục. Để gửi qua thư điện tử, chọn máy in «Lưu dưới dạng PDF».",
            "Không tìm thấy kế hoạch này. Có thể nó đã bị xóa ở một thẻ khác.",
        ),
    };
    view! {
        <div class="print-view">
            <div class="print-bar">
                <h2 id="print-title" class="visually-hidden" tabindex="-1">"Xem trước bản in"</h2>
                <button class="button" data-testid="print-back" on:click=back>
                    {back_label}
                </button>
                <button class="button button-primary" data-testid="print-now" on:click=print>
                    "In"
                </button>
                <button class="button" data-testid="save-docx" on:click=move |_| save(Export::Word)>
                    "Tải tệp Word (.docx)"
                </button>
                <Show when=has_appendix>
                    <button class="button" data-testid="save-xlsx" on:click=move |_| save(Export::Spreadsheet)>
                        {format!("{tables} (.xlsx)")}
                    </button>
                    <button class="button" data-testid="save-csv" on:click=move |_| save(Export::Csv)>
                        {format!("{tables} (.csv)")}
                    </button>
                </Show>
                <p class="muted print-hint">{hint}</p>
            </div>
            {move || docx_error.get().map(|message| view! {
                <p class="notice notice-error" role="alert" data-testid="docx-error">{message}</p>
            })}
            <Suspense fallback=|| view! { <p class="muted">"Đang dàn trang…"</p> }>
                {move || stored.get().map(|result| match result {
                    Ok(Some(printed)) => {
                        view! { <DocumentView document=printed.document() /> }.into_any()
                    }
                    Ok(None) => view! {
                        <p class="notice notice-error" role="alert" data-testid="print-error">
                            {missing}
                        </p>
                    }.into_any(),
                    Err(error) => view! {
                        <p class="notice notice-error" role="alert" data-testid="print-error">
                            {error.to_string()}
                        </p>
                    }.into_any(),
                })}
            </Suspense>
        </div>
    }
}

/// What the print view saves as a file besides printing.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum Export {
    /// The whole document as Word (.docx).
    Word,
    /// The appendix tables as a workbook (.xlsx).
    Spreadsheet,
    /// The appendix tables as CSV.
    Csv,
}

/// Writes the file of `kind` for what is printed and hands it to the browser as a download.
fn export(printed: &Printed, kind: Export) -> Result<(), TransferError> {
    let missing = || TransferError::NoAppendix;
    let sheets = match printed {
        Printed::Plan(plan) => match kind {
            Export::Spreadsheet => write_xlsx(plan),
            _ => None,
        },
        Printed::Report {
            plan,
            report,
            progress,
        } => match kind {
            Export::Spreadsheet => write_report_xlsx(plan, report, progress),
            _ => None,
        },
    };
    let csv = || match printed {
        Printed::Plan(plan) => write_csv(plan),
        Printed::Report {
            plan,
            report,
            progress,
        } => write_report_csv(plan, report, progress),
    };
    let (bytes, mime, extension) = match kind {
        Export::Word => (write_docx(&printed.document()), DOCX_MIME, "docx"),
        Export::Spreadsheet => (sheets.ok_or_else(missing)?, XLSX_MIME, "xlsx"),
        Export::Csv => (
            csv().ok_or_else(missing)?.into_bytes(),
            "text/csv;charset=utf-8",
            "csv",
        ),
    };
    let name = match printed {
        Printed::Plan(plan) => plan_file_name(plan, today(), extension),
        Printed::Report { report, .. } => {
            report_file_name(printed.plan(), report.period, today(), extension)
        }
    };
    download_bytes(&name, &bytes, mime)
}

/// The document as sheets, one per section; the browser paginates each when printing.
#[component]
fn DocumentView(document: Document) -> impl IntoView {
    let frame = NodeRef::<leptos::html::Div>::new();
    Effect::new(move |_| {
        if let Some(frame) = frame.get() {
            fit_sheets(&frame);
        }
    });
    on_window_events(&["resize"], move || {
        if let Some(frame) = frame.get_untracked() {
            fit_sheets(&frame);
        }
    });
    view! {
        // Focusable, so that a keyboard can scroll the page sideways on a narrow screen.
        <div class="print-document" data-testid="print-document" role="document" aria-label="Bản in kế hoạch"
            tabindex="0" node_ref=frame>
            {document
                .sections
                .into_iter()
                .enumerate()
                .map(|(index, section)| view! { <SheetView section=section number=index + 1 /> })
                .collect_view()}
        </div>
    }
}

/// Tells style/print.css how wide the frame of the sheets is (`--frame-width`, in CSS pixels),
/// so that on a screen narrower than A4 each sheet is drawn smaller to fit it. Only the screen:
/// printing and the PDF keep the paper's size.
fn fit_sheets(frame: &web_sys::HtmlElement) {
    set_style_variable(frame, "--frame-width", &frame.client_width().to_string());
}

/// The most sections whose pages are numbered each on its own (style/sections.css); later ones
/// go on counting the last one's pages.
const NUMBERED_SECTIONS: usize = 12;

/// Section `number` (from 1) of the document, as a sheet.
#[component]
fn SheetView(section: Section, number: usize) -> impl IntoView {
    let orientation = match section.orientation {
        Orientation::Portrait => "sheet-portrait",
        Orientation::Landscape => "sheet-landscape",
    };
    let kind = match section.kind {
        SectionKind::Decision => "sheet-decision",
        SectionKind::Plan => "sheet-plan",
        SectionKind::Appendix => "sheet-appendix",
    };
    view! {
        <section
            class=format!("sheet {orientation} {kind} sheet-n{}", number.min(NUMBERED_SECTIONS))
            data-testid="print-sheet"
        >
            {section.blocks.into_iter().map(block_view).collect_view()}
        </section>
    }
}

fn block_view(block: Block) -> AnyView {
    match block {
        Block::Header(header) => header_view(header).into_any(),
        Block::Title(title) => title_view(title).into_any(),
        Block::Paragraph(paragraph) => paragraph_view(paragraph).into_any(),
        Block::Closing(closing) => closing_view(closing).into_any(),
        Block::Table(table) => table_view(table).into_any(),
    }
}

/// Lines separated by line breaks.
fn lines(lines: Vec<String>) -> impl IntoView {
    lines
        .into_iter()
        .enumerate()
        .map(|(index, line)| {
            view! {
                {(index > 0).then(|| view! { <br /> })}
                {line}
            }
        })
        .collect_view()
}

fn header_view(header: Header) -> impl IntoView {
    let superior = (!header.superior_body.is_empty())
        .then(|| view! { <p class="doc-superior">{lines(header.superior_body)}</p> });
    view! {
        <table class="doc-header" role="presentation">
            <tbody>
                <tr>
                    <td class="doc-header-left">
                        {superior}
                        <p class="doc-issuer">{lines(header.issuing_body)}</p>
                        <div class="doc-rule doc-rule-issuer"></div>
                        {header.number_line.map(|line| view! { <p class="doc-number">{line}</p> })}
                    </td>
                    <td class="doc-header-right">
                        <p class="doc-nation">{header.nation}</p>
                        <p class="doc-motto"><span>{header.motto}</span></p>
                        {header.place_date.map(|line| view! { <p class="doc-date" data-testid="print-date">{line}</p> })}
                    </td>
                </tr>
            </tbody>
        </table>
    }
}

fn title_view(title: Title) -> impl IntoView {
    view! {
        <div class="doc-title">
            <p class="doc-kind">{title.kind}</p>
            {title.subject.map(|subject| view! { <p class="doc-subject">{subject}</p> })}
            <div class="doc-rule doc-rule-subject"></div>
        </div>
    }
}

fn paragraph_view(paragraph: Paragraph) -> impl IntoView {
    let class = match paragraph.role {
        Role::Body => "doc-p",
        Role::Heading(1) => "doc-p doc-h1",
        Role::Heading(2) => "doc-p doc-h2",
        Role::Heading(_) => "doc-p doc-h3",
        Role::Centered => "doc-p doc-center",
    };
    view! { <p class=class>{paragraph.runs.into_iter().map(run_view).collect_view()}</p> }
}

fn run_view(run: Run) -> AnyView {
    match (run.bold, run.italic) {
        (false, false) => run.text.into_any(),
        (true, false) => view! { <strong>{run.text}</strong> }.into_any(),
        (false, true) => view! { <em>{run.text}</em> }.into_any(),
        (true, true) => view! { <strong><em>{run.text}</em></strong> }.into_any(),
    }
}

fn closing_view(closing: Closing) -> impl IntoView {
    let recipients = (!closing.recipients.is_empty()).then(|| {
        view! {
            <p class="doc-recipients-label">"Nơi nhận:"</p>
            {closing.recipients.into_iter().map(|line| view! { <p class="doc-recipient">{line}</p> }).collect_view()}
        }
    });
    let signature = closing.signature.map(|signature| {
        view! {
            {signature.authority.map(|line| view! { <p class="doc-sign-line">{line}</p> })}
            <p class="doc-sign-line">{signature.title}</p>
            <div class="doc-sign-space"></div>
            <p class="doc-sign-name">{signature.name}</p>
        }
    });
    view! {
        <table class="doc-closing" role="presentation">
            <tbody>
                <tr>
                    <td class="doc-closing-left">{recipients}</td>
                    <td class="doc-closing-right">{signature}</td>
                </tr>
            </tbody>
        </table>
    }
}

fn column_class(kind: ColumnKind) -> &'static str {
    match kind {
        ColumnKind::Number => "col-number",
        ColumnKind::Field(column) => match column {
            TableColumn::Task => "col-task",
            TableColumn::Output => "col-output",
            TableColumn::Lead => "col-lead",
            TableColumn::Partner => "col-partner",
            TableColumn::Executor => "col-executor",
            TableColumn::Deadline => "col-deadline",
            TableColumn::Budget => "col-budget",
        },
    }
}

fn table_view(table: Table) -> impl IntoView {
    let count = table.columns.len();
    let has_budget = table
        .columns
        .last()
        .is_some_and(|column| column.kind == ColumnKind::BUDGET);
    // Group and total rows span every column between TT and the budget.
    let span = if has_budget { count - 2 } else { count - 1 };
    let kinds: Vec<ColumnKind> = table.columns.iter().map(|column| column.kind).collect();
    view! {
        <table class="doc-table" data-testid="print-table">
            <colgroup>
                {kinds.iter().map(|kind| view! { <col class=column_class(*kind) /> }).collect_view()}
            </colgroup>
            <thead>
                <tr>
                    {table.columns.into_iter().map(|column| view! { <th>{column.label}</th> }).collect_view()}
                </tr>
            </thead>
            <tbody>
                {table.rows.into_iter().map(|row| match row {
                    TableRow::Group { level, label, title, total } => view! {
                        <tr class=format!("doc-group doc-group-{level}")>
                            <td class="cell-center">{label}</td>
                            <td colspan=span.to_string()>{title}</td>
                            {has_budget.then(|| view! { <td class="cell-right">{total.map(Decimal::format_vi)}</td> })}
                        </tr>
                    }.into_any(),
                    TableRow::Item { cells } => view! {
                        <tr>
                            {cells.into_iter().zip(kinds.iter()).map(|(cell, kind)| {
                                let class = match kind {
                                    ColumnKind::Number | ColumnKind::Field(TableColumn::Deadline) => "cell-center",
                                    ColumnKind::Field(TableColumn::Budget) => "cell-right",
                                    _ => "",
                                };
                                view! { <td class=class>{lines(cell.lines())}</td> }
                            }).collect_view()}
                        </tr>
                    }.into_any(),
                    TableRow::Total { label, total } => view! {
                        <tr class="doc-total" data-testid="print-total">
                            <td></td>
                            <td colspan=span.to_string() class="cell-center">{label}</td>
                            <td class="cell-right">{total.format_vi()}</td>
                        </tr>
                    }.into_any(),
                }).collect_view()}
            </tbody>
        </table>
    }
}
