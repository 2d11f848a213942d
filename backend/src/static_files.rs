//! Serving the built app (Trunk's output directory).
//!
//! A path that names a file is that file; anything else is `index.html`,
//! so that the app's own routes load the app. Every HTML response gets a
//! fresh nonce: it replaces each `{{__TRUNK NONCE__}}` placeholder and
//! goes into that response's Content Security Policy.

use std::path::{Path, PathBuf};

use axum::http::{header, HeaderValue, StatusCode};
use axum::response::{IntoResponse, Response};
use percent_encoding::percent_decode_str;

use crate::headers::csp_with_nonce;
use crate::problem::ApiError;
use crate::random;

/// What Trunk writes where the serving side must put the nonce.
pub const NONCE_PLACEHOLDER: &str = "{{__TRUNK NONCE__}}";

/// The file at `path` under `dist`, or `index.html`.
pub async fn serve(dist: &Path, path: &str) -> Response {
    if let Some(file) = file_for(dist, path) {
        if let Ok(bytes) = tokio::fs::read(&file).await {
            return respond(&file, bytes);
        }
    }
    let index = dist.join("index.html");
    match tokio::fs::read(&index).await {
        Ok(bytes) => respond(&index, bytes),
        Err(_) => ApiError::not_found("The app has not been built into the served directory.")
            .into_response(),
    }
}

/// The regular file a request path names, if it is one. Paths that could
/// leave `dist` or name hidden files name nothing.
fn file_for(dist: &Path, path: &str) -> Option<PathBuf> {
    let decoded = percent_decode_str(path).decode_utf8().ok()?;
    let mut file = dist.to_path_buf();
    for segment in decoded.split('/').filter(|s| !s.is_empty()) {
        if segment.starts_with('.') || segment.contains(['\\', '\0', ':']) {
            return None;
        }
        file.push(segment);
    }
    file.is_file().then_some(file)
}

fn respond(file: &Path, bytes: Vec<u8>) -> Response {
    let ext = file
        .extension()
        .and_then(|e| e.to_str())
        .unwrap_or("")
        .to_ascii_lowercase();
    if ext == "html" || ext == "htm" {
        return html(bytes);
    }
    (
        StatusCode::OK,
        [(
            header::CONTENT_TYPE,
            HeaderValue::from_static(content_type(&ext)),
        )],
        bytes,
    )
        .into_response()
}

/// An HTML page with this response's nonce filled in.
fn html(bytes: Vec<u8>) -> Response {
    let nonce = random::token(18);
    let page = String::from_utf8_lossy(&bytes).replace(NONCE_PLACEHOLDER, &nonce);
    let csp = HeaderValue::from_str(&csp_with_nonce(&nonce)).expect("nonces are base64url");
    (
        StatusCode::OK,
        [
            (
                header::CONTENT_TYPE,
                HeaderValue::from_static("text/html; charset=utf-8"),
            ),
            (header::CONTENT_SECURITY_POLICY, csp),
        ],
        page,
    )
        .into_response()
}

/// The media type of a file extension (lower case).
pub fn content_type(ext: &str) -> &'static str {
    match ext {
        "html" | "htm" => "text/html; charset=utf-8",
        "js" | "mjs" => "text/javascript; charset=utf-8",
        "css" => "text/css; charset=utf-8",
        "wasm" => "application/wasm",
        "json" | "map" => "application/json",
        "webmanifest" => "application/manifest+json",
        "svg" => "image/svg+xml",
        "png" => "image/png",
        "jpg" | "jpeg" => "image/jpeg",
        "gif" => "image/gif",
        "webp" => "image/webp",
        "ico" => "image/x-icon",
        "woff2" => "font/woff2",
        "woff" => "font/woff",
        "txt" => "text/plain; charset=utf-8",
        _ => "application/octet-stream",
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn paths_stay_inside() {
        let dir = std::env::temp_dir().join(format!("ra-dist-{}", random::token(6)));
        std::fs::create_dir_all(dir.join("pkg")).unwrap();
        std::fs::write(dir.join("pkg/app.wasm"), b"\0asm").unwrap();
        std::fs::write(dir.join(".secret"), b"x").unwrap();
        assert!(file_for(&dir, "/pkg/app.wasm").is_some());
        assert!(file_for(&dir, "/pkg/app%2Ewasm").is_some());
        assert!(file_for(&dir, "/pkg").is_none());
        assert!(file_for(&dir, "/.secret").is_none());
        assert!(file_for(&dir, "/pkg/../pkg/app.wasm").is_none());
        assert!(file_for(&dir, "/pkg/%2e%2e/.secret").is_none());
        assert!(file_for(&dir, "/record").is_none());
    }

    #[test]
    fn media_types() {
        assert_eq!(content_type("wasm"), "application/wasm");
        assert_eq!(content_type("woff2"), "font/woff2");
        assert_eq!(content_type("zzz"), "application/octet-stream");
    }
}
