//! Soạn Kế hoạch cải cách hành chính: an offline editor for Vietnamese administrative reform
//! plans (Kế hoạch CCHC). Layers, each depending only on those before it:
//! `domain` ← `document` (the printed layout), `domain` ← `file_format` ← `storage` ← `state` ← `app`; the last three exist in the browser
//! build only.

#[forbid(unsafe_code)]
pub mod document;
#[forbid(unsafe_code)]
pub mod domain;
#[forbid(unsafe_code)]
pub mod file_format;

#[cfg(target_arch = "wasm32")]
pub mod app;
#[cfg(target_arch = "wasm32")]
#[forbid(unsafe_code)]
pub mod state;
#[cfg(target_arch = "wasm32")]
#[forbid(unsafe_code)]
pub mod storage;
