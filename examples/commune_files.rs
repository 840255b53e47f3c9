//! Writes generated commune files (hồ sơ của các xã) for the inbox's end-to-end test and
//! benchmark: N communes' plans of about T tasks each, some sent again, some quarter I reports,
//! and with `--odd` a duplicate, a damaged file and one from a newer app.
//!   commune_files N T DIR [--odd] [--seed S]
//! The same arguments always write the same bytes.

#[path = "../tests/common/communes.rs"]
mod communes;

use communes::{Mix, commune_files};

fn main() {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let (Some(count), Some(tasks), Some(dir)) = (args.first(), args.get(1), args.get(2)) else {
        eprintln!("usage: commune_files N TASKS DIR [--odd] [--seed S]");
        std::process::exit(2);
    };
    let seed = args
        .iter()
        .position(|arg| arg == "--seed")
        .and_then(|at| args.get(at + 1))
        .map_or(22, |seed| seed.parse().expect("a seed"));
    let mix = Mix {
        communes: count.parse().expect("a commune count"),
        tasks_per_plan: tasks.parse().expect("a task count"),
        resubmit_every: 10,
        report_every: 3,
        odd_files: args.iter().any(|arg| arg == "--odd"),
        seed,
    };
    std::fs::create_dir_all(dir).expect("makes the directory");
    let files = commune_files(mix);
    let mut bytes = 0;
    for file in &files {
        bytes += file.contents.len();
        std::fs::write(
            std::path::Path::new(dir).join(&file.file_name),
            &file.contents,
        )
        .expect("writes a file");
    }
    println!("{} files, {bytes} bytes, in {dir}", files.len());
}
