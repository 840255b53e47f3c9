//! Entry point of the browser app: it only mounts; everything lives in the library.

fn main() {
    kehoach::app::mount();
}
