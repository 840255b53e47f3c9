//! The Leptos user interface and its mounting over the static skeleton of `index.html`.

mod home;

pub use home::App;

/// The app's name as users see it (tên ứng dụng).
pub const APP_NAME: &str = "Soạn Kế hoạch cải cách hành chính";

/// Replaces the static skeleton in `#app` with the live Leptos app.
///
/// The skeleton paints before the wasm arrives; once mounted, the app takes its place.
#[cfg(target_arch = "wasm32")]
pub fn mount() {
    use leptos::wasm_bindgen::JsCast;

    console_error_panic_hook::set_once();
    let root = leptos::prelude::document()
        .get_element_by_id("app")
        .and_then(|element| element.dyn_into::<web_sys::HtmlElement>().ok());
    match root {
        Some(root) => {
            root.set_text_content(None);
            root.set_attribute("data-mounted", "true").ok();
            leptos::mount::mount_to(root, App).forget();
        }
        None => web_sys::console::error_1(&"Không tìm thấy phần tử #app để gắn ứng dụng".into()),
    }
}

/// Native builds have no page to mount on; the function exists so the bin target compiles.
#[cfg(not(target_arch = "wasm32"))]
pub fn mount() {}
