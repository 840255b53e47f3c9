//! A province's inbox after a round, for the inbox's tests: every generated commune file
//! imported as it would be received, the plans and reports taken in, an item per file.

use kehoach::domain::Plan;
use kehoach::domain::inbox::{ItemKind, ReceivedItem};
use kehoach::domain::progress::ReportPeriod;
use kehoach::file_format::{self, ImportError, ReceivedReport};
use sha2::{Digest, Sha256};

use super::communes::{FileKind, Mix, YEAR, commune_files};

/// Twelve communes of 30 tasks: every fourth sends its plan again, every third its quarter I
/// report; the first's file comes twice, damaged and from a newer app too.
pub const MIX: Mix = Mix {
    communes: 12,
    tasks_per_plan: 30,
    resubmit_every: 4,
    report_every: 3,
    odd_files: true,
    seed: 7,
};

/// What the province has after importing every file: the plans and reports taken in, in the
/// order they came, and an item per file for the senders' list.
pub struct Inbox {
    pub plans: Vec<Plan>,
    pub reports: Vec<ReceivedReport>,
    pub items: Vec<ReceivedItem>,
    /// Cơ quan ban hành of each commune, in the order their first plan came.
    pub names: Vec<String>,
}

/// Imports every file of `mix`; a file refused for another reason than it was made for fails
/// the test.
pub fn receive(mix: Mix) -> Inbox {
    let mut inbox = Inbox {
        plans: Vec::new(),
        reports: Vec::new(),
        items: Vec::new(),
        names: Vec::new(),
    };
    for (at, file) in commune_files(mix).into_iter().enumerate() {
        let version = format!("{:x}", Sha256::digest(file.contents.as_bytes()));
        let received_at = format!("{YEAR}-03-20T10:{:02}:{:02}+07:00", at / 60, at % 60);
        let mut item = ReceivedItem {
            issuing_body: file.issuing_body.clone(),
            year: YEAR,
            kind: ItemKind::Plan,
            received_at,
            version,
            refused: false,
        };
        match (
            file_format::import_file(file.contents.as_bytes()),
            file.kind,
        ) {
            (Ok(mut imported), FileKind::Plan { version }) => {
                assert_eq!(imported.plans.len(), 1, "{}", file.file_name);
                if version == 1 {
                    inbox.names.push(file.issuing_body.clone());
                }
                inbox.plans.push(imported.plans.remove(0));
            }
            (Ok(mut imported), FileKind::Report) => {
                item.kind = ItemKind::Report(ReportPeriod::FirstQuarter);
                inbox.reports.push(imported.reports.remove(0));
            }
            (Ok(_), FileKind::Duplicate) => {}
            (Err(ImportError::Damaged { .. }), FileKind::Damaged)
            | (Err(ImportError::NewerVersion { .. }), FileKind::FutureVersion) => {
                item.refused = true;
            }
            (result, kind) => panic!("{}: {kind:?} gave {:?}", file.file_name, result.err()),
        }
        inbox.items.push(item);
    }
    inbox
}
