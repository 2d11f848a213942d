//! Listening and serving connections.
//!
//! The accept loop is our own (not `axum::serve`) so that an injected
//! "drop" fault can close a connection without any answer.

use std::convert::Infallible;
use std::fmt;
use std::net::SocketAddr;
use std::sync::Arc;

use axum::extract::Request;
use axum::Router;
use hyper::body::Incoming;
use hyper::server::conn::http1;
use hyper_util::rt::{TokioIo, TokioTimer};
use tokio::net::TcpListener;
use tokio::sync::watch;
use tokio::task::JoinHandle;
use tower::ServiceExt;

use crate::app::{router, AppState};
use crate::clock::{FixedClock, SystemClock};
use crate::config::Config;
use crate::control::inject::DropConnection;
use crate::scenario::{FixtureError, Scenarios};
use crate::store::{Store, StoreError};

/// Why the server could not start.
#[derive(Debug)]
pub enum StartError {
    Config(String),
    Fixtures(FixtureError),
    /// The `--store` file (`None` for a temporary store) cannot be used.
    Store(Option<std::path::PathBuf>, StoreError),
    Bind(std::io::Error),
}

impl fmt::Display for StartError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            StartError::Config(m) => write!(f, "{m}"),
            StartError::Fixtures(e) => write!(f, "{e}"),
            StartError::Store(Some(path), e) => {
                write!(f, "cannot use the store {}: {e}", path.display())
            }
            StartError::Store(None, e) => write!(f, "cannot create a temporary store: {e}"),
            StartError::Bind(e) => write!(f, "cannot listen: {e}"),
        }
    }
}

impl std::error::Error for StartError {}

/// A running server. Dropping it stops accepting connections.
#[derive(Debug)]
pub struct Running {
    addr: SocketAddr,
    stop: watch::Sender<bool>,
    task: Option<JoinHandle<()>>,
}

impl Running {
    /// The address it listens on (with the real port when 0 was asked).
    pub fn addr(&self) -> SocketAddr {
        self.addr
    }

    /// `http://ADDR`.
    pub fn url(&self) -> String {
        format!("http://{}", self.addr)
    }

    /// Stops accepting connections and waits for the accept loop to end.
    pub async fn stop(mut self) {
        let _ = self.stop.send(true);
        if let Some(task) = self.task.take() {
            let _ = task.await;
        }
    }
}

impl Drop for Running {
    fn drop(&mut self) {
        let _ = self.stop.send(true);
    }
}

/// Loads the fixtures, opens the store, binds and starts serving in the
/// background.
pub async fn serve(config: Config) -> Result<Running, StartError> {
    config.validate().map_err(StartError::Config)?;
    let clock = FixedClock::new(&config.now)
        .ok_or_else(|| StartError::Config(format!("--now is not RFC 3339: {}", config.now)))?;
    let scenarios = Scenarios::load(&config.fixtures, &clock).map_err(StartError::Fixtures)?;
    let store = Store::open(config.store.as_deref(), Arc::new(SystemClock))
        .map_err(|e| StartError::Store(config.store.clone(), e))?;
    let listener = TcpListener::bind((config.host, config.port))
        .await
        .map_err(StartError::Bind)?;
    let addr = listener.local_addr().map_err(StartError::Bind)?;
    let state = Arc::new(AppState {
        config,
        clock,
        scenarios,
        store,
    });
    let app = router(state);
    let (stop, stopped) = watch::channel(false);
    let task = tokio::spawn(accept_loop(listener, app, stopped));
    Ok(Running {
        addr,
        stop,
        task: Some(task),
    })
}

async fn accept_loop(listener: TcpListener, app: Router, mut stopped: watch::Receiver<bool>) {
    loop {
        tokio::select! {
            _ = stopped.changed() => return,
            accepted = listener.accept() => match accepted {
                Ok((stream, _)) => {
                    tokio::spawn(serve_connection(stream, app.clone()));
                }
                Err(_) => tokio::time::sleep(std::time::Duration::from_millis(20)).await,
            },
        }
    }
}

async fn serve_connection(stream: tokio::net::TcpStream, app: Router) {
    let service = hyper::service::service_fn(move |req: Request<Incoming>| {
        let app = app.clone();
        async move {
            let response = app
                .oneshot(req.map(axum::body::Body::new))
                .await
                .unwrap_or_else(|never: Infallible| match never {});
            if response.extensions().get::<DropConnection>().is_some() {
                Err(ConnectionDropped)
            } else {
                Ok(response)
            }
        }
    });
    let _ = http1::Builder::new()
        .timer(TokioTimer::new())
        .serve_connection(TokioIo::new(stream), service)
        .await;
}

/// The service's error for a deliberately dropped connection: hyper closes
/// the connection without writing an answer.
#[derive(Debug)]
struct ConnectionDropped;

impl fmt::Display for ConnectionDropped {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("connection dropped by an injected fault")
    }
}

impl std::error::Error for ConnectionDropped {}
