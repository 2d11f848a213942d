//! Applies injected faults to `/api/...` and `/api/v1/auth/...` requests.

use std::time::Duration;

use axum::body::{Body, Bytes};
use axum::extract::{Request, State};
use axum::http::{header, HeaderValue, StatusCode};
use axum::middleware::Next;
use axum::response::{IntoResponse, Response};
use futures_util::StreamExt;

use crate::app::Shared;
use crate::extract::Caller;
use crate::fault::{Fault, MAX_HOLD_MS};
use crate::problem::ApiError;

/// Marks a response that must not be sent: the server closes the
/// connection instead.
#[derive(Debug, Clone, Copy)]
pub struct DropConnection;

/// Middleware: the first matching fault of the caller's bucket, if any,
/// decides what happens to the request.
pub async fn inject_faults(State(state): State<Shared>, req: Request, next: Next) -> Response {
    let path = req.uri().path();
    if !state.config.control || !path.starts_with("/api/") {
        return next.run(req).await;
    }
    let caller = Caller::from_headers(req.headers(), &state);
    let method = req.method().as_str().to_owned();
    let fault = state
        .store
        .transaction(|tx| tx.take_fault(&caller.bucket, &method, path));
    match fault {
        Ok(None) => next.run(req).await,
        Ok(Some(fault)) => apply(fault, req, next).await,
        Err(e) => ApiError::from(e).into_response(),
    }
}

async fn apply(fault: Fault, req: Request, next: Next) -> Response {
    match fault {
        Fault::Status {
            status,
            code,
            reference,
        } => {
            let status = StatusCode::from_u16(status).unwrap_or(StatusCode::INTERNAL_SERVER_ERROR);
            let mut problem = ApiError::new(status, &code, "The service could not answer this request.");
            problem.reference = reference;
            problem.into_response()
        }
        Fault::Delay { ms } => {
            tokio::time::sleep(Duration::from_millis(ms)).await;
            next.run(req).await
        }
        Fault::Late { ms } => {
            let response = next.run(req).await;
            tokio::time::sleep(Duration::from_millis(ms)).await;
            response
        }
        Fault::Timeout {} => {
            tokio::time::sleep(Duration::from_millis(MAX_HOLD_MS)).await;
            dropped()
        }
        Fault::Undecodable {} => (
            StatusCode::OK,
            [(header::CONTENT_TYPE, "application/json")],
            "<!DOCTYPE html><html><head><title>Gateway</title></head><body>Please wait</body></html>",
        )
            .into_response(),
        Fault::Json { body } => (StatusCode::OK, axum::Json(body)).into_response(),
        Fault::Truncated {} => truncated(next.run(req).await).await,
        Fault::Drop {} => dropped(),
    }
}

fn dropped() -> Response {
    let mut response = StatusCode::INTERNAL_SERVER_ERROR.into_response();
    response.extensions_mut().insert(DropConnection);
    response
}

/// The real answer's body (or a stand-in when it has none), announced in
/// full by `Content-Length` but cut off half way.
async fn truncated(real: Response) -> Response {
    let (parts, body) = real.into_parts();
    let bytes = axum::body::to_bytes(body, usize::MAX)
        .await
        .unwrap_or_default();
    let full = if bytes.len() >= 2 {
        bytes
    } else {
        Bytes::from_static(br#"{"available_from":"2024-03-01","entries":[],"next_cursor":null}"#)
    };
    let half = full.slice(..full.len() / 2);
    // The first half goes out; a moment later the stream fails, which
    // makes the server abort the connection short of Content-Length.
    let cut = async {
        tokio::time::sleep(Duration::from_millis(100)).await;
        Err(std::io::Error::new(
            std::io::ErrorKind::UnexpectedEof,
            "truncated by an injected fault",
        ))
    };
    let stream = futures_util::stream::iter([Ok::<Bytes, std::io::Error>(half)])
        .chain(futures_util::stream::once(cut));
    let mut response = Response::new(Body::from_stream(stream));
    let headers = response.headers_mut();
    headers.insert(
        header::CONTENT_TYPE,
        HeaderValue::from_static("application/json"),
    );
    headers.insert(header::CONTENT_LENGTH, HeaderValue::from(full.len()));
    for cookie in parts.headers.get_all(header::SET_COOKIE) {
        headers.append(header::SET_COOKIE, cookie.clone());
    }
    response
}
