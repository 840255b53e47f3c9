//! Khóa trường (field keys): which field of the plan a check (kiểm tra) or a link of the
//! outline points at, and the one place where the id of that field's input is spelled, so that
//! validation, the editor's inputs and the outline's jumps cannot drift apart.

use super::slot::{AreaSlot, GroupSlot, TaskSlot};

/// A field of the header (thông tin chung).
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum HeaderField {
    /// Cơ quan ban hành.
    IssuingBody,
    /// Số (văn bản).
    Number,
    /// Ký hiệu.
    Symbol,
    /// Trích yếu.
    Title,
    /// Năm kế hoạch.
    Year,
    /// Trích yếu của quyết định ban hành kế hoạch.
    DecisionSubject,
}

impl HeaderField {
    /// The field's name as forms and comparisons write it.
    pub fn label(self) -> &'static str {
        match self {
            Self::IssuingBody => "Cơ quan ban hành",
            Self::Number => "Số",
            Self::Symbol => "Ký hiệu",
            Self::Title => "Trích yếu",
            Self::Year => "Năm kế hoạch",
            Self::DecisionSubject => "Trích yếu của quyết định",
        }
    }
}

/// A field of the signing block (người ký).
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum SignerField {
    /// Quyền hạn ký (TM., KT. …).
    Authority,
    /// Thay mặt cho.
    OnBehalfOf,
    /// Chức vụ.
    Title,
    /// Họ và tên.
    Name,
}

/// A field of a reform area (lĩnh vực).
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum AreaField {
    /// The whole area: its section, which the outline jumps to.
    Section,
    /// Tên lĩnh vực.
    Title,
    /// Thuộc lĩnh vực chuẩn.
    Kind,
    /// Đoạn mở đầu.
    Intro,
}

/// A field of a task (nhiệm vụ): in its form, or a cell of its row in an appendix table.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum TaskField {
    /// Nội dung.
    Content,
    /// Ý nhỏ.
    SubItems,
    /// Cơ quan chủ trì.
    Lead,
    /// Cơ quan phối hợp.
    Partner,
    /// Cơ quan thực hiện (one column instead of lead and partner).
    Executor,
    /// Vai trò khác.
    OtherRoles,
    /// Kết quả đầu ra, sản phẩm.
    Output,
    /// Thời gian thực hiện.
    Deadline,
    /// Kinh phí.
    Budget,
    /// Nhiệm vụ trọng tâm.
    KeyTask,
}

impl TaskField {
    /// The field's part of an id: "lead" in "area-1-task-0-lead"; also the appendix grid's
    /// name of the column.
    pub fn as_str(self) -> &'static str {
        match self {
            Self::Content => "content",
            Self::SubItems => "sub",
            Self::Lead => "lead",
            Self::Partner => "partner",
            Self::Executor => "executor",
            Self::OtherRoles => "roles",
            Self::Output => "output",
            Self::Deadline => "deadline",
            Self::Budget => "budget",
            Self::KeyTask => "key",
        }
    }

    /// The field's name as forms and comparisons write it.
    pub fn label(self) -> &'static str {
        match self {
            Self::Content => "Nội dung",
            Self::SubItems => "Ý nhỏ",
            Self::Lead => "Cơ quan chủ trì",
            Self::Partner => "Cơ quan phối hợp",
            Self::Executor => "Cơ quan thực hiện",
            Self::OtherRoles => "Vai trò khác",
            Self::Output => "Kết quả đầu ra, sản phẩm",
            Self::Deadline => "Thời gian thực hiện",
            Self::Budget => "Kinh phí (triệu đồng)",
            Self::KeyTask => "Nhiệm vụ trọng tâm",
        }
    }
}

/// A list of the plan's own paragraphs or lines (not those of a decision, a task or an area).
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum PlanList {
    /// Căn cứ.
    LegalBases,
    /// Mục đích.
    Purposes,
    /// Yêu cầu.
    Requirements,
    /// Chỉ tiêu cụ thể.
    Targets,
    /// Kinh phí.
    Funding,
    /// Tổ chức thực hiện: mở đầu.
    ImplementationIntro,
    /// Trách nhiệm của các đơn vị.
    Responsibilities,
    /// Chế độ báo cáo: kỳ báo cáo.
    Reporting,
    /// Ghi chú về báo cáo.
    ReportingNotes,
    /// Đoạn kết.
    ImplementationClosing,
    /// Nơi nhận.
    Recipients,
}

impl PlanList {
    /// The list's id in the editor: item `n` is "{id}-{n}".
    pub fn as_str(self) -> &'static str {
        match self {
            Self::LegalBases => "bases",
            Self::Purposes => "purposes",
            Self::Requirements => "requirements",
            Self::Targets => "targets",
            Self::Funding => "funding",
            Self::ImplementationIntro => "implementation-intro",
            Self::Responsibilities => "responsibilities",
            Self::Reporting => "reporting",
            Self::ReportingNotes => "reporting-notes",
            Self::ImplementationClosing => "implementation-closing",
            Self::Recipients => "recipients",
        }
    }

    /// The part of the plan the list is in, as the checks name it.
    pub fn part(self) -> &'static str {
        match self {
            Self::LegalBases => "Căn cứ",
            Self::Purposes => "Mục đích",
            Self::Requirements => "Yêu cầu",
            Self::Targets => "Chỉ tiêu",
            Self::Funding => "Kinh phí",
            Self::ImplementationIntro
            | Self::Responsibilities
            | Self::ReportingNotes
            | Self::ImplementationClosing => "Tổ chức thực hiện",
            Self::Reporting => "Chế độ báo cáo",
            Self::Recipients => "Nơi nhận",
        }
    }
}

/// A field of the plan, by place: what a check is about and where the outline jumps.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum FieldKey {
    Header(HeaderField),
    /// The signer of the plan, or (`decision`) of the decision that issues it.
    Signer {
        decision: bool,
        field: SignerField,
    },
    Area(AreaSlot, AreaField),
    /// A task's field in its form; for a row of an appendix table's own, its cell.
    Task(TaskSlot, TaskField),
    /// A cell of a key task's row in appendix table `table` (the task's own form is elsewhere).
    KeyTaskCell {
        table: usize,
        task: TaskSlot,
        field: TaskField,
    },
    /// Tên nhóm: the title of a group of an appendix table's own rows.
    GroupTitle(GroupSlot),
    /// Tiêu đề of extra section (mục bổ sung) `index`, which the outline jumps to.
    ExtraSectionHeading(usize),
    /// Item `index` of a list of the plan's own (a paragraph, a basis, a recipient …).
    Item {
        list: PlanList,
        index: usize,
    },
}

impl FieldKey {
    /// The id of the field's input in the editor, and the key of issues about it: the only
    /// place these ids are spelled.
    pub fn dom_id(&self) -> String {
        match *self {
            Self::Header(field) => match field {
                HeaderField::IssuingBody => "plan-issuing-body",
                HeaderField::Number => "plan-number",
                HeaderField::Symbol => "plan-symbol",
                HeaderField::Title => "plan-title",
                HeaderField::Year => "plan-year",
                HeaderField::DecisionSubject => "decision-subject",
            }
            .to_string(),
            Self::Signer { decision, field } => {
                let signer = if decision {
                    "decision-signer"
                } else {
                    "signer"
                };
                let field = match field {
                    SignerField::Authority => "authority",
                    SignerField::OnBehalfOf => "on-behalf-of",
                    SignerField::Title => "title",
                    SignerField::Name => "name",
                };
                format!("{signer}-{field}")
            }
            Self::Area(area, AreaField::Section) => area.key(),
            Self::Area(area, field) => {
                let field = match field {
                    AreaField::Section | AreaField::Title => "title",
                    AreaField::Kind => "kind",
                    AreaField::Intro => "intro",
                };
                format!("{}-{field}", area.key())
            }
            Self::Task(task, field) => format!("{}-{}", task.key(), field.as_str()),
            Self::KeyTaskCell { table, task, field } => {
                format!("grid-{table}-{}-{}", task.key(), field.as_str())
            }
            Self::GroupTitle(group) => format!("{}-title", group.key()),
            Self::ExtraSectionHeading(index) => format!("extras-{index}"),
            Self::Item { list, index } => format!("{}-{index}", list.as_str()),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    const AREA: AreaSlot = AreaSlot { area: 1, sub: None };
    const SUB_AREA: AreaSlot = AreaSlot {
        area: 6,
        sub: Some(1),
    };
    const GROUP: GroupSlot = GroupSlot {
        table: 0,
        group: 2,
        sub: None,
    };

    /// The ids as the editor spelled them before they had one home (the e2e tests select
    /// several of them), for every kind of key.
    #[test]
    fn every_key_keeps_the_id_it_had() {
        let area_task = TaskSlot::Area {
            area: AREA,
            index: 3,
        };
        let row = TaskSlot::Appendix {
            group: GroupSlot {
                sub: Some(0),
                ..GROUP
            },
            index: 0,
        };
        let cases = [
            (
                FieldKey::Header(HeaderField::IssuingBody),
                "plan-issuing-body",
            ),
            (FieldKey::Header(HeaderField::Number), "plan-number"),
            (FieldKey::Header(HeaderField::Symbol), "plan-symbol"),
            (FieldKey::Header(HeaderField::Title), "plan-title"),
            (FieldKey::Header(HeaderField::Year), "plan-year"),
            (
                FieldKey::Header(HeaderField::DecisionSubject),
                "decision-subject",
            ),
            (
                FieldKey::Item {
                    list: PlanList::Targets,
                    index: 3,
                },
                "targets-3",
            ),
            (
                FieldKey::Signer {
                    decision: false,
                    field: SignerField::Name,
                },
                "signer-name",
            ),
            (
                FieldKey::Signer {
                    decision: true,
                    field: SignerField::Name,
                },
                "decision-signer-name",
            ),
            (
                FieldKey::Signer {
                    decision: false,
                    field: SignerField::Authority,
                },
                "signer-authority",
            ),
            (
                FieldKey::Signer {
                    decision: true,
                    field: SignerField::OnBehalfOf,
                },
                "decision-signer-on-behalf-of",
            ),
            (
                FieldKey::Signer {
                    decision: false,
                    field: SignerField::Title,
                },
                "signer-title",
            ),
            (FieldKey::Area(AREA, AreaField::Section), "area-1"),
            (FieldKey::Area(AREA, AreaField::Title), "area-1-title"),
            (FieldKey::Area(SUB_AREA, AreaField::Title), "area-6-1-title"),
            (FieldKey::Area(AREA, AreaField::Kind), "area-1-kind"),
            (FieldKey::Area(AREA, AreaField::Intro), "area-1-intro"),
            (
                FieldKey::Task(area_task, TaskField::Content),
                "area-1-task-3-content",
            ),
            (
                FieldKey::Task(area_task, TaskField::SubItems),
                "area-1-task-3-sub",
            ),
            (
                FieldKey::Task(area_task, TaskField::Lead),
                "area-1-task-3-lead",
            ),
            (
                FieldKey::Task(area_task, TaskField::Partner),
                "area-1-task-3-partner",
            ),
            (
                FieldKey::Task(area_task, TaskField::OtherRoles),
                "area-1-task-3-roles",
            ),
            (
                FieldKey::Task(area_task, TaskField::Output),
                "area-1-task-3-output",
            ),
            (
                FieldKey::Task(area_task, TaskField::Deadline),
                "area-1-task-3-deadline",
            ),
            (
                FieldKey::Task(area_task, TaskField::Budget),
                "area-1-task-3-budget",
            ),
            (
                FieldKey::Task(area_task, TaskField::KeyTask),
                "area-1-task-3-key",
            ),
            (
                FieldKey::Task(row, TaskField::Executor),
                "appendix-0-group-2-0-task-0-executor",
            ),
            (
                FieldKey::Task(row, TaskField::Lead),
                "appendix-0-group-2-0-task-0-lead",
            ),
            (
                FieldKey::KeyTaskCell {
                    table: 2,
                    task: area_task,
                    field: TaskField::Deadline,
                },
                "grid-2-area-1-task-3-deadline",
            ),
            (FieldKey::GroupTitle(GROUP), "appendix-0-group-2-title"),
            (FieldKey::ExtraSectionHeading(2), "extras-2"),
            (
                FieldKey::Item {
                    list: PlanList::Funding,
                    index: 0,
                },
                "funding-0",
            ),
            (
                FieldKey::Item {
                    list: PlanList::ImplementationClosing,
                    index: 1,
                },
                "implementation-closing-1",
            ),
        ];
        for (key, id) in cases {
            assert_eq!(key.dom_id(), id, "{key:?}");
        }
    }
}
