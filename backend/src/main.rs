//! `reference-backend`: see [`reference_backend::config`] for the command
//! line. Prints one line, `reference backend listening on http://ADDR`,
//! once it accepts connections, and runs until Ctrl+C or SIGTERM.

use std::io::Write;
use std::process::ExitCode;

use reference_backend::{config::USAGE, serve, Config};

fn main() -> ExitCode {
    let config = match Config::from_args(std::env::args().skip(1)) {
        Ok(c) => c,
        Err(e) => {
            eprintln!("reference-backend: {e}\n{USAGE}");
            return ExitCode::from(2);
        }
    };
    let runtime = match tokio::runtime::Builder::new_multi_thread()
        .enable_all()
        .build()
    {
        Ok(r) => r,
        Err(e) => {
            eprintln!("reference-backend: cannot start the runtime: {e}");
            return ExitCode::FAILURE;
        }
    };
    runtime.block_on(async {
        let running = match serve(config).await {
            Ok(r) => r,
            Err(e) => {
                eprintln!("reference-backend: {e}");
                return ExitCode::FAILURE;
            }
        };
        let mut out = std::io::stdout().lock();
        let _ = writeln!(out, "reference backend listening on {}", running.url());
        let _ = out.flush();
        drop(out);
        stopped().await;
        running.stop().await;
        ExitCode::SUCCESS
    })
    // The runtime, and with it the store, is dropped here: a `--store`
    // file is closed cleanly, a temporary store deleted.
}

/// Ctrl+C, or SIGTERM (how test harnesses stop the backend).
async fn stopped() {
    #[cfg(unix)]
    {
        use tokio::signal::unix::{signal, SignalKind};
        if let Ok(mut term) = signal(SignalKind::terminate()) {
            tokio::select! {
                _ = tokio::signal::ctrl_c() => {}
                _ = term.recv() => {}
            }
            return;
        }
    }
    let _ = tokio::signal::ctrl_c().await;
}
