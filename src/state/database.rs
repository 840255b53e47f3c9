//! The open database as a context value, and small browser facts the state needs (time, ids).

use std::rc::Rc;

use leptos::prelude::*;

use crate::storage::Database;

/// The app's open database, shared by every screen.
#[derive(Clone, Copy)]
pub struct DatabaseContext(StoredValue<Rc<Database>, LocalStorage>);

impl DatabaseContext {
    pub fn get(&self) -> Rc<Database> {
        self.0.get_value()
    }
}

pub fn provide_database(database: Database) {
    provide_context(DatabaseContext(StoredValue::new_local(Rc::new(database))));
}

pub fn use_database() -> DatabaseContext {
    expect_context::<DatabaseContext>()
}

/// Now, in milliseconds since 1970.
pub fn now_ms() -> f64 {
    js_sys::Date::now()
}

/// A fresh id such as "ke-hoach-m3x9k2-4f7q": time and randomness, unique on this device.
pub fn new_id(prefix: &str) -> String {
    let time = radix36(now_ms() as u64);
    let random = radix36((js_sys::Math::random() * 1.0e12) as u64);
    format!("{prefix}-{time}-{random}")
}

fn radix36(mut value: u64) -> String {
    let mut digits = Vec::new();
    loop {
        let digit = (value % 36) as u32;
        digits.push(char::from_digit(digit, 36).unwrap_or('0'));
        value /= 36;
        if value == 0 {
            break;
        }
    }
    digits.iter().rev().collect()
}

thread_local! {
    static SESSION: String = new_id("phien");
}

/// This page load's editing session (phiên làm việc): the first save of each keeps a revision.
pub fn session_id() -> String {
    SESSION.with(Clone::clone)
}
