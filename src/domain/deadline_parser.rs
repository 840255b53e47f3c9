//! The deadline text parser (being written).

use super::deadline::Milestone;

pub(super) fn parse(_text: &str, _plan_year: i32) -> Vec<Milestone> {
    Vec::new()
}
