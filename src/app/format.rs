//! How times and sizes read on screen, in Vietnamese conventions and local time.

/// "14:32": the local time of day of `ms` (milliseconds since 1970).
pub fn clock_time(ms: f64) -> String {
    let date = js_sys::Date::new(&ms.into());
    format!("{:02}:{:02}", date.get_hours(), date.get_minutes())
}

/// "14:32 23/11/2026": local time and date.
pub fn date_time(ms: f64) -> String {
    let date = js_sys::Date::new(&ms.into());
    format!(
        "{} {:02}/{:02}/{}",
        clock_time(ms),
        date.get_date(),
        date.get_month() + 1,
        date.get_full_year()
    )
}

/// "14 KB", "1,5 MB".
pub fn bytes(count: f64) -> String {
    if count < 1024.0 * 1024.0 {
        format!("{} KB", (count / 1024.0).ceil())
    } else {
        format!("{:.1} MB", count / (1024.0 * 1024.0)).replace('.', ",")
    }
}
