//! Starting points for a new plan (kế hoạch mới): the standard reform areas in their usual
//! order, the year and the title filled in. Fuller templates per level come with the editor.

use super::plan::{AdminEra, DocumentNumber, Level, Locality, LocalityKind, Plan};
use super::task::{AreaKind, ReformArea};

/// A new commune plan (kế hoạch cấp xã) for `year` under the two-level system, with the seven
/// standard areas. `new_id` supplies fresh ids.
pub fn new_commune_plan(year: i32, mut new_id: impl FnMut(&str) -> String) -> Plan {
    Plan {
        id: new_id("ke-hoach"),
        level: Level::Commune,
        era: AdminEra::TwoLevel,
        locality: Locality {
            kind: LocalityKind::Xa,
            name: String::new(),
        },
        issuing_body: "ỦY BAN NHÂN DÂN XÃ".into(),
        number: DocumentNumber {
            number: String::new(),
            symbol: "KH-UBND".into(),
        },
        year,
        title: format!("Cải cách hành chính năm {year}"),
        areas: AreaKind::STANDARD
            .iter()
            .map(|kind| ReformArea {
                id: new_id("linh-vuc"),
                kind: *kind,
                title: kind.standard_title().into(),
                ..ReformArea::default()
            })
            .collect(),
        ..Plan::default()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_new_commune_plan_has_the_standard_areas_and_its_year() {
        let mut next = 0;
        let plan = new_commune_plan(2026, |prefix| {
            next += 1;
            format!("{prefix}-{next}")
        });
        assert_eq!(plan.id, "ke-hoach-1");
        assert_eq!(plan.year, 2026);
        assert_eq!(plan.title, "Cải cách hành chính năm 2026");
        let kinds: Vec<AreaKind> = plan.areas.iter().map(|a| a.kind).collect();
        assert_eq!(kinds, AreaKind::STANDARD);
        let ids: std::collections::HashSet<&str> =
            plan.areas.iter().map(|a| a.id.as_str()).collect();
        assert_eq!(ids.len(), 7);
        assert_eq!(plan.areas[1].title, "Cải cách thể chế");
    }
}
