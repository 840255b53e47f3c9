//! Raw bytes into `import_file`: it must never panic, hang or take unbounded memory, and a
//! file it accepts (plans, or a period report with its plan) must survive export + import
//! unchanged (see `common::assert_round_trip`).
#![no_main]

use libfuzzer_sys::fuzz_target;

mod common;

fuzz_target!(|data: &[u8]| {
    if let Ok(imported) = kehoach::file_format::import_file(data) {
        common::assert_round_trip(&imported);
    }
});
