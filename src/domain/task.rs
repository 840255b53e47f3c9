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

    /// The standard area a title names, by its key words, accents aside: «CẢI CÁCH CÔNG VỤ»,
    /// «Các nhiệm vụ trọng tâm về Cải cách tài chính công năm 2023», «Xây dựng chính phủ điện
    /// tử» … [`Custom`](Self::Custom) when it names none, as for «Áp dụng ISO».
    pub fn from_title(title: &str) -> Self {
        let key = super::text::search_key(title);
        let has = |words: &[&str]| words.iter().any(|word| key.contains(word));
        if has(&["chi dao", "dieu hanh"]) {
            Self::Direction
        } else if has(&["the che"]) {
            Self::Institutions
        } else if has(&["thu tuc"]) {
            Self::Procedures
        } else if has(&["bo may"]) {
            Self::Organisation
        } else if has(&["cong vu"]) {
            Self::CivilService
        } else if has(&["tai chinh cong"]) {
            Self::PublicFinance
        } else if has(&["dien tu", "chinh quyen so", "chinh phu so", "chuyen doi so"]) {
            Self::DigitalGovernment
        } else {
            Self::Custom
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
    /// Which standard area this is: its kind, or for a local addition the standard area its
    /// title names ([`AreaKind::from_title`]), as a plan read without kinds may hold.
    pub fn standard_kind(&self) -> AreaKind {
        match self.kind {
            AreaKind::Custom => AreaKind::from_title(&self.title),
            kind => kind,
        }
    }

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
    /// Thứ tự in các vai trò: the order of the task's role lines where the plan does not put
    /// the lead first («Cơ quan thực hiện» before «Cơ quan chủ trì»); empty is the usual order
    /// (see [`Task::roles_in_order`]).
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub role_order: Vec<RoleKind>,
}

/// Which kind of role a line of a task is, as [`Task::role_order`] lists them: each `Other`
/// stands for the next of the task's other roles.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum RoleKind {
    /// Cơ quan chủ trì.
    Lead,
    /// Vai trò khác: the next of [`Task::other_roles`].
    Other,
    /// Cơ quan phối hợp.
    Partner,
}

/// One role line of a task, as it prints: the lead, the partners, or other role `n`.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum RoleLine {
    Lead,
    Other(usize),
    Partner,
}

impl RoleLine {
    fn kind(self) -> RoleKind {
        match self {
            Self::Lead => RoleKind::Lead,
            Self::Other(_) => RoleKind::Other,
            Self::Partner => RoleKind::Partner,
        }
    }
}

/// A role other than lead and partner, with its label as written.
#[derive(Clone, Debug, Default, PartialEq, Serialize)]
pub struct Role {
    /// "Cơ quan theo dõi tổng hợp", "Cơ quan thực hiện".
    pub label: String,
    pub units: Vec<String>,
}

impl Task {
    /// The usual order of the role lines: lead, the other roles, partners.
    fn usual_roles(&self) -> Vec<RoleLine> {
        let others = (0..self.other_roles.len()).map(RoleLine::Other);
        std::iter::once(RoleLine::Lead)
            .chain(others)
            .chain(std::iter::once(RoleLine::Partner))
            .collect()
    }

    /// Every role line of the task (lead, each other role, partners, whether or not it has
    /// units) in the order it prints: as [`Task::role_order`] lists them, then those it does not
    /// list in the usual order (lead, other roles, partners).
    pub fn roles_in_order(&self) -> Vec<RoleLine> {
        let mut lines = Vec::with_capacity(self.other_roles.len() + 2);
        let mut next_other = 0;
        for kind in &self.role_order {
            let line = match kind {
                RoleKind::Lead => RoleLine::Lead,
                RoleKind::Partner => RoleLine::Partner,
                RoleKind::Other if next_other < self.other_roles.len() => {
                    next_other += 1;
                    RoleLine::Other(next_other - 1)
                }
                RoleKind::Other => continue,
            };
            if !lines.contains(&line) {
                lines.push(line);
            }
        }
        for line in self.usual_roles() {
            if !lines.contains(&line) {
                lines.push(line);
            }
        }
        lines
    }

    /// Moves the role line at position `from` of [`Task::roles_in_order`] to position `to`,
    /// keeping [`Task::role_order`] empty while the order is the usual one.
    pub fn move_role(&mut self, from: usize, to: usize) {
        let mut lines = self.roles_in_order();
        if from >= lines.len() || to >= lines.len() {
            return;
        }
        let line = lines.remove(from);
        lines.insert(to, line);
        // Other roles keep their own order: the n-th `Other` is always other role n.
        self.role_order = if lines == self.usual_roles() {
            Vec::new()
        } else {
            lines.into_iter().map(RoleLine::kind).collect()
        };
    }

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

#[cfg(test)]
mod tests {
    use super::*;

    fn task_with_roles(others: usize) -> Task {
        Task {
            other_roles: (0..others)
                .map(|n| Role {
                    label: format!("Vai trò {n}"),
                    units: vec!["Văn phòng".into()],
                })
                .collect(),
            ..Task::default()
        }
    }

    #[test]
    fn roles_print_lead_first_unless_the_task_orders_them() {
        let mut task = task_with_roles(1);
        assert_eq!(
            task.roles_in_order(),
            [RoleLine::Lead, RoleLine::Other(0), RoleLine::Partner]
        );
        // «Cơ quan thực hiện» before the lead, as a real plan wrote it.
        task.move_role(1, 0);
        assert_eq!(
            task.role_order,
            [RoleKind::Other, RoleKind::Lead, RoleKind::Partner]
        );
        assert_eq!(
            task.roles_in_order(),
            [RoleLine::Other(0), RoleLine::Lead, RoleLine::Partner]
        );
        // Back to the usual order, nothing is kept.
        task.move_role(0, 1);
        assert!(task.role_order.is_empty());
    }

    #[test]
    fn an_order_listing_too_few_or_too_many_roles_still_prints_every_role_once() {
        let mut task = task_with_roles(2);
        task.role_order = vec![RoleKind::Partner, RoleKind::Partner, RoleKind::Other];
        assert_eq!(
            task.roles_in_order(),
            [
                RoleLine::Partner,
                RoleLine::Other(0),
                RoleLine::Lead,
                RoleLine::Other(1)
            ]
        );
        // A role removed since the order was set: the order skips what is gone.
        task.other_roles.clear();
        assert_eq!(task.roles_in_order(), [RoleLine::Partner, RoleLine::Lead]);
        // Out of range moves change nothing.
        task.move_role(5, 0);
        assert_eq!(task.roles_in_order(), [RoleLine::Partner, RoleLine::Lead]);
    }
}
