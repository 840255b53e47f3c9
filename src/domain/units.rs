//! Danh mục cơ quan, đơn vị (unit directory): the units that recur as lead and partner of tasks,
//! so that the drafter picks them rather than retyping them. The standard lists per level come
//! first; units the person typed in any plan are added and reused across plans.

use super::appendix::AppendixRows;
use super::plan::{AdminEra, Level, Plan};
use super::task::Task;
use super::text;

/// Units written as one text in a sentence: "Văn phòng, Tư pháp"; with "; " between them when
/// a name holds a comma ("Phòng Tư pháp; UBND xã, phường"), so that no name is split in two.
pub fn in_a_sentence(units: &[String]) -> String {
    let separator = if units.iter().any(|unit| unit.contains(',')) {
        "; "
    } else {
        ", "
    };
    units.join(separator)
}

/// The office that drafts and tracks the plan at a commune (bộ phận tham mưu).
pub fn commune_office(era: AdminEra) -> &'static str {
    match era {
        AdminEra::TwoLevel => "Văn phòng HĐND và UBND xã",
        AdminEra::ThreeLevel => "Công chức Văn phòng - Thống kê",
    }
}

/// The standard units of a level (đơn vị thường gặp), in the order a drafter expects them.
pub fn standard_units(level: Level, era: AdminEra) -> &'static [&'static str] {
    match (level, era) {
        // Since 1 July 2025 a commune has an office, two specialised departments and a public
        // service centre (Nghị định 150/2025/NĐ-CP).
        (Level::Commune, AdminEra::TwoLevel) => &[
            "Văn phòng HĐND và UBND xã",
            "Phòng Kinh tế",
            "Phòng Kinh tế, Hạ tầng và Đô thị",
            "Phòng Văn hóa - Xã hội",
            "Trung tâm Phục vụ hành chính công xã",
            "Lãnh đạo UBND xã",
            "Công an xã",
            "Ban Chỉ huy quân sự xã",
            "Các thôn, tổ dân phố",
        ],
        (Level::Commune, AdminEra::ThreeLevel) => &[
            "Công chức Văn phòng - Thống kê",
            "Công chức Tư pháp - Hộ tịch",
            "Công chức Tài chính - Kế toán",
            "Công chức Văn hóa - Xã hội",
            "Công chức Địa chính - Xây dựng",
            "Lãnh đạo UBND xã",
            "Bộ phận Tiếp nhận và Trả kết quả",
            "Công an xã",
            "Các thôn",
        ],
        (Level::District, _) => &[
            "Văn phòng HĐND và UBND huyện",
            "Phòng Nội vụ",
            "Phòng Tư pháp",
            "Phòng Tài chính - Kế hoạch",
            "Phòng Văn hóa và Thông tin",
            "Phòng Giáo dục và Đào tạo",
            "Phòng Tài nguyên và Môi trường",
            "Phòng Kinh tế và Hạ tầng",
            "Phòng Lao động - Thương binh và Xã hội",
            "Thanh tra huyện",
            "UBND các xã, thị trấn",
        ],
        (Level::Province, _) => &[
            "Sở Nội vụ",
            "Sở Tư pháp",
            "Sở Tài chính",
            "Văn phòng UBND tỉnh",
            "Các sở, ban, ngành",
            "UBND các xã, phường, đặc khu",
        ],
    }
}

/// Every unit named anywhere in the plan's tasks, responsibilities and appendix rows.
pub fn units_in_plan(plan: &Plan) -> Vec<String> {
    let mut found = Vec::new();
    let mut tasks: Vec<&Task> = plan
        .areas
        .iter()
        .flat_map(|area| area.all_tasks())
        .collect();
    for table in &plan.appendices {
        if let AppendixRows::Own { groups } = &table.rows {
            for group in groups {
                tasks.extend(&group.tasks);
                tasks.extend(group.sub_groups.iter().flat_map(|sub| &sub.tasks));
            }
        }
    }
    for task in tasks {
        found.extend(task.lead_units.iter().cloned());
        found.extend(task.partner_units.iter().cloned());
        for role in &task.other_roles {
            found.extend(role.units.iter().cloned());
        }
    }
    found.extend(
        plan.implementation
            .responsibilities
            .iter()
            .map(|r| r.unit.clone()),
    );
    found
}

/// The suggestions for a unit field: the standard units of the level, then `known` (the
/// directory kept across plans and the units of this plan), without blanks or repeats (compared
/// without accents or case, the first spelling kept).
pub fn suggestions<'a>(
    level: Level,
    era: AdminEra,
    known: impl IntoIterator<Item = &'a str>,
) -> Vec<String> {
    // Runs on every edit of a plan whose units repeat task after task: exact repeats are
    // dropped before the (costlier) accent-folded comparison.
    let mut spelled = std::collections::HashSet::new();
    let mut folded = std::collections::HashSet::new();
    let mut list = Vec::new();
    let candidates = standard_units(level, era).iter().copied().chain(known);
    for unit in candidates.filter_map(usable) {
        if spelled.insert(unit) && folded.insert(text::search_key(unit)) {
            list.push(unit.to_string());
        }
    }
    list
}

/// A unit name worth offering: trimmed, not blank, not a paragraph pasted into the field.
fn usable(unit: &str) -> Option<&str> {
    let unit = unit.trim();
    (!unit.is_empty() && unit.chars().count() <= 200).then_some(unit)
}

/// The units of `query` matching best first, as `text::match_rank` ranks them.
pub fn search<'a>(units: &'a [String], query: &str) -> Vec<&'a str> {
    let mut ranked: Vec<(u8, usize, &str)> = units
        .iter()
        .enumerate()
        .filter_map(|(index, unit)| {
            text::match_rank(query, unit).map(|rank| (rank, index, unit.as_str()))
        })
        .collect();
    ranked.sort();
    ranked.into_iter().map(|(_, _, unit)| unit).collect()
}

/// The units to offer under a unit field holding `typed` (at most `limit`): the first
/// suggestions while it is empty, else those matching it best first, but never what it holds
/// already (the plan's own units, which the suggestions include, hold the field's own text).
pub fn offered<'a>(units: &'a [String], typed: &str, limit: usize) -> Vec<&'a str> {
    let typed = typed.trim();
    if typed.is_empty() {
        return units.iter().take(limit).map(String::as_str).collect();
    }
    let mut found = search(units, typed);
    found.retain(|unit| unit.trim() != typed);
    found.truncate(limit);
    found
}

/// Adds the units of `plan` to a directory kept across plans, returning whether it changed.
pub fn learn_from(directory: &mut Vec<String>, plan: &Plan) -> bool {
    let mut keys: std::collections::HashSet<String> = directory
        .iter()
        .map(|unit| text::search_key(unit))
        .collect();
    let standard: std::collections::HashSet<String> = standard_units(plan.level, plan.era)
        .iter()
        .map(|unit| text::search_key(unit))
        .collect();
    let mut changed = false;
    for unit in units_in_plan(plan) {
        let Some(unit) = usable(&unit) else {
            continue;
        };
        let key = text::search_key(unit);
        if !standard.contains(&key) && keys.insert(key) {
            directory.push(unit.to_string());
            changed = true;
        }
    }
    changed
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::ReformArea;

    fn plan_with_units(lead: &[&str], partner: &[&str]) -> Plan {
        Plan {
            level: Level::Commune,
            era: AdminEra::ThreeLevel,
            areas: vec![ReformArea {
                tasks: vec![Task {
                    lead_units: lead.iter().map(|s| s.to_string()).collect(),
                    partner_units: partner.iter().map(|s| s.to_string()).collect(),
                    ..Task::default()
                }],
                ..ReformArea::default()
            }],
            ..Plan::default()
        }
    }

    #[test]
    fn suggestions_put_the_standard_units_first_and_drop_repeats_without_accents() {
        let known = [
            "Ban Chỉ đạo CCHC xã",
            "cong chuc tu phap - ho tich",
            "  ",
            "Ban chỉ đạo CCHC xã",
        ];
        let list = suggestions(Level::Commune, AdminEra::ThreeLevel, known);
        assert_eq!(list[0], "Công chức Văn phòng - Thống kê");
        assert_eq!(list.last().map(String::as_str), Some("Ban Chỉ đạo CCHC xã"));
        assert_eq!(
            list.len(),
            standard_units(Level::Commune, AdminEra::ThreeLevel).len() + 1
        );
    }

    #[test]
    fn search_finds_units_typed_without_accents() {
        let list = suggestions(Level::Commune, AdminEra::ThreeLevel, []);
        let found = search(&list, "tu phap");
        assert_eq!(found, ["Công chức Tư pháp - Hộ tịch"]);
        assert!(search(&list, "dia chinh")[0].contains("Địa chính"));
        assert!(search(&list, "không có đơn vị này").is_empty());
    }

    #[test]
    fn the_directory_learns_new_units_once_and_skips_standard_ones() {
        let plan = plan_with_units(
            &["Công chức Văn phòng - Thống kê", "Ban Chỉ đạo CCHC xã"],
            &["Hội Nông dân xã", "hội nông dân xã"],
        );
        let mut directory = vec!["Đoàn Thanh niên xã".to_string()];
        assert!(learn_from(&mut directory, &plan));
        assert_eq!(
            directory,
            [
                "Đoàn Thanh niên xã",
                "Ban Chỉ đạo CCHC xã",
                "Hội Nông dân xã"
            ]
        );
        assert!(!learn_from(&mut directory, &plan));
    }

    #[test]
    fn the_two_level_commune_office_is_the_new_one() {
        assert_eq!(
            commune_office(AdminEra::TwoLevel),
            "Văn phòng HĐND và UBND xã"
        );
        assert!(
            standard_units(Level::Commune, AdminEra::TwoLevel).contains(&"Phòng Văn hóa - Xã hội")
        );
    }

    #[test]
    fn units_holding_a_comma_are_kept_whole_in_a_sentence() {
        let units = |list: &[&str]| list.iter().map(|u| u.to_string()).collect::<Vec<_>>();
        assert_eq!(
            in_a_sentence(&units(&["Văn phòng", "Tư pháp"])),
            "Văn phòng, Tư pháp"
        );
        assert_eq!(
            in_a_sentence(&units(&["Phòng Tư pháp", "UBND xã, phường"])),
            "Phòng Tư pháp; UBND xã, phường"
        );
        assert_eq!(in_a_sentence(&[]), "");
    }

    /// Under a unit field: the first units while it is empty, matches typed without accents
    /// next, never the field's own text (it was offered to itself, and so hid every match).
    #[test]
    fn a_unit_field_is_offered_matches_then_nothing_once_filled() {
        let units: Vec<String> = [
            "Văn phòng HĐND và UBND xã",
            "Công chức Tư pháp - Hộ tịch",
            "Phòng Tư pháp",
            "UBND xã, phường",
        ]
        .map(String::from)
        .to_vec();
        assert_eq!(
            offered(&units, " ", 2),
            ["Văn phòng HĐND và UBND xã", "Công chức Tư pháp - Hộ tịch"]
        );
        assert_eq!(
            offered(&units, "tu phap", 5),
            ["Công chức Tư pháp - Hộ tịch", "Phòng Tư pháp"]
        );
        assert_eq!(offered(&units, "Phòng Tư pháp", 5), Vec::<&str>::new());
        let mut with_typed = units.clone();
        with_typed.push("Văn".into());
        assert_eq!(
            offered(&with_typed, "Văn", 5),
            ["Văn phòng HĐND và UBND xã"]
        );
        assert_eq!(offered(&units, "kho bạc", 5), Vec::<&str>::new());
        assert_eq!(offered(&units, "v", 1), ["Văn phòng HĐND và UBND xã"]);
    }
}
