//! Sao lưu (backups): when a plan needs exporting again, and which unit a bundle of plans is
//! exported by. Plans live only in this browser, so the list says when each was last exported,
//! and asks for a backup when a plan
//! - has never been exported from this device (imported plans included: the file they came
//!   from may be someone else's, or gone), or
//! - was edited after its last export, and that export is more than 7 days old.
//!
//! A plan exported and not edited since needs nothing, however old the export.

use crate::domain::Plan;

/// How old an export may grow, under later edits, before the reminder asks again.
pub const REMIND_AFTER_MS: f64 = 7.0 * 24.0 * 60.0 * 60.0 * 1000.0;

/// Why a plan needs backing up.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum BackupNeed {
    NeverExported,
    EditedSinceOldExport,
}

/// Whether a plan saved at `saved_at` and last exported at `exported_at` needs a backup `now`
/// (milliseconds since 1970, as the browser's clock gives them).
pub fn backup_need(saved_at: f64, exported_at: Option<f64>, now: f64) -> Option<BackupNeed> {
    match exported_at {
        None => Some(BackupNeed::NeverExported),
        Some(exported) if saved_at > exported && now - exported > REMIND_AFTER_MS => {
            Some(BackupNeed::EditedSinceOldExport)
        }
        Some(_) => None,
    }
}

/// Đơn vị xuất tệp: the issuing body most of the plans share (of equals, the last listed), or
/// none.
pub fn exporting_unit(plans: &[Plan]) -> String {
    let mut counts: Vec<(&str, usize)> = Vec::new();
    for plan in plans {
        let body = plan.issuing_body.trim();
        if body.is_empty() {
            continue;
        }
        match counts.iter_mut().find(|(name, _)| *name == body) {
            Some((_, count)) => *count += 1,
            None => counts.push((body, 1)),
        }
    }
    counts
        .iter()
        .max_by_key(|(_, count)| *count)
        .map(|(name, _)| (*name).to_string())
        .unwrap_or_default()
}

#[cfg(test)]
mod tests {
    use super::*;

    const DAY: f64 = 24.0 * 60.0 * 60.0 * 1000.0;

    #[test]
    fn a_plan_never_exported_needs_a_backup() {
        assert_eq!(
            backup_need(10.0, None, 20.0),
            Some(BackupNeed::NeverExported)
        );
    }

    #[test]
    fn an_edit_after_an_export_is_reminded_once_the_export_is_a_week_old() {
        let exported = 100.0 * DAY;
        let edited = exported + DAY;
        assert_eq!(
            backup_need(edited, Some(exported), exported + 7.0 * DAY),
            None
        );
        assert_eq!(
            backup_need(edited, Some(exported), exported + 7.0 * DAY + 1.0),
            Some(BackupNeed::EditedSinceOldExport)
        );
        // Not edited since: no reminder, however old the export.
        assert_eq!(
            backup_need(exported, Some(exported), exported + 400.0 * DAY),
            None
        );
    }

    fn plan(body: &str) -> Plan {
        Plan {
            issuing_body: body.into(),
            ..Plan::default()
        }
    }

    #[test]
    fn the_exporting_unit_is_the_body_most_plans_share() {
        let plans = [
            plan("UBND XÃ A"),
            plan(" UBND XÃ B "),
            plan("UBND XÃ B"),
            plan(""),
        ];
        assert_eq!(exporting_unit(&plans), "UBND XÃ B");
        // Of equals, the last listed; of none, nothing.
        assert_eq!(exporting_unit(&[plan("X"), plan("Y")]), "Y");
        assert_eq!(exporting_unit(&[plan("  ")]), "");
        assert_eq!(exporting_unit(&[]), "");
    }
}
