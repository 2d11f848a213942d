//! Entry point of the browser app: everything lives in the library so that
//! tests can mount the same components.

#[cfg(target_arch = "wasm32")]
fn main() {
    record_access::startup::start();
}

#[cfg(not(target_arch = "wasm32"))]
fn main() {
    eprintln!("This is a browser app: build it with `trunk build`, see README.md.");
}
