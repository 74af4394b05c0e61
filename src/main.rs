//! The web app's entry point. Trunk builds this for wasm32; natively it only
//! says how to serve the app, so `cargo build` on the host stays useful.

#[cfg(target_arch = "wasm32")]
fn main() {
    rnn_playground::ui::mount();
}

#[cfg(not(target_arch = "wasm32"))]
fn main() {
    eprintln!("The web app runs in the browser: `make serve`, then open http://127.0.0.1:8080/");
}
