//! Serving the built app (Trunk's output directory) as production would.
//!
//! A path that names a file is that file; anything else is `index.html`,
//! so that the app's own routes load the app. The page has no inline
//! script (the build moves Trunk's loader into a file of its own), so every
//! response carries the same Content Security Policy.
//!
//! Caching: a file whose name carries Trunk's content hash never changes,
//! so it is cached for a year as immutable (it holds no patient data, and
//! a cached copy says no more than the history list does); other files
//! (favicons, images) for a day; `index.html` never (the headers layer
//! gives it `no-store`, as every API answer and redirect).
//!
//! Compression: the release build writes `.br` and `.gz` copies beside the
//! hashed files; the copy the browser accepts (`Accept-Encoding`) is sent
//! with `Content-Encoding`, and `Vary: Accept-Encoding` on every file that
//! has copies.

use std::path::{Path, PathBuf};

use axum::http::{header, HeaderMap, HeaderValue, StatusCode};
use axum::response::{IntoResponse, Response};
use percent_encoding::percent_decode_str;

use crate::problem::ApiError;

/// For a hashed file: cached for a year, never revalidated.
pub const IMMUTABLE: &str = "public, max-age=31536000, immutable";
/// For a file of the build without a hash in its name.
pub const ONE_DAY: &str = "public, max-age=86400";

/// The file at `path` under `dist`, or `index.html`. `request` gives the
/// encodings the browser accepts.
pub async fn serve(dist: &Path, path: &str, request: &HeaderMap) -> Response {
    if let Some(file) = file_for(dist, path) {
        if !is_html(&file) {
            return serve_file(&file, request).await;
        }
        if let Ok(bytes) = tokio::fs::read(&file).await {
            return html(bytes);
        }
    }
    let index = dist.join("index.html");
    match tokio::fs::read(&index).await {
        Ok(bytes) => html(bytes),
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

fn extension(file: &Path) -> String {
    file.extension()
        .and_then(|e| e.to_str())
        .unwrap_or("")
        .to_ascii_lowercase()
}

fn is_html(file: &Path) -> bool {
    matches!(extension(file).as_str(), "html" | "htm")
}

/// A file of the build other than a page: the precompressed copy the
/// browser accepts when there is one, with its caching.
async fn serve_file(file: &Path, request: &HeaderMap) -> Response {
    let accepted = accepted_encodings(request);
    let mut has_copies = false;
    let mut chosen = None;
    for encoding in ENCODINGS {
        let copy = precompressed(file, encoding);
        if copy.is_file() {
            has_copies = true;
            if chosen.is_none() && accepted.contains(&encoding) {
                chosen = Some((encoding, copy));
            }
        }
    }
    let (encoding, body) = match chosen {
        Some((encoding, copy)) => (Some(encoding), tokio::fs::read(copy).await),
        None => (None, tokio::fs::read(file).await),
    };
    let Ok(body) = body else {
        return ApiError::not_found("There is nothing at this path.").into_response();
    };
    let mut response = (
        StatusCode::OK,
        [
            (
                header::CONTENT_TYPE,
                HeaderValue::from_static(content_type(&extension(file))),
            ),
            (
                header::CACHE_CONTROL,
                HeaderValue::from_static(cache_control(file)),
            ),
        ],
        body,
    )
        .into_response();
    let headers = response.headers_mut();
    if let Some(encoding) = encoding {
        headers.insert(
            header::CONTENT_ENCODING,
            HeaderValue::from_static(encoding.token()),
        );
    }
    if has_copies {
        headers.insert(header::VARY, HeaderValue::from_static("Accept-Encoding"));
    }
    response
}

/// A content encoding the build writes copies in, best first.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Encoding {
    Brotli,
    Gzip,
}

const ENCODINGS: [Encoding; 2] = [Encoding::Brotli, Encoding::Gzip];

impl Encoding {
    /// The token in `Accept-Encoding` and `Content-Encoding`.
    pub fn token(self) -> &'static str {
        match self {
            Encoding::Brotli => "br",
            Encoding::Gzip => "gzip",
        }
    }

    fn suffix(self) -> &'static str {
        match self {
            Encoding::Brotli => "br",
            Encoding::Gzip => "gz",
        }
    }
}

fn precompressed(file: &Path, encoding: Encoding) -> PathBuf {
    let mut name = file.as_os_str().to_owned();
    name.push(".");
    name.push(encoding.suffix());
    PathBuf::from(name)
}

/// The encodings of [`ENCODINGS`] that `Accept-Encoding` accepts: named
/// (or `*`) with a quality above zero.
pub fn accepted_encodings(request: &HeaderMap) -> Vec<Encoding> {
    let mut named = Vec::new();
    let mut refused = Vec::new();
    let mut any = false;
    for value in request.get_all(header::ACCEPT_ENCODING) {
        let Ok(value) = value.to_str() else { continue };
        for item in value.split(',') {
            let mut parts = item.split(';');
            let token = parts.next().unwrap_or("").trim().to_ascii_lowercase();
            let zero = parts.any(|p| {
                p.trim()
                    .strip_prefix("q=")
                    .and_then(|q| q.trim().parse::<f32>().ok())
                    .is_some_and(|q| q <= 0.0)
            });
            match (token.as_str(), zero) {
                ("*", false) => any = true,
                (_, true) => refused.push(token),
                (_, false) => named.push(token),
            }
        }
    }
    ENCODINGS
        .into_iter()
        .filter(|e| !refused.iter().any(|t| t == e.token()))
        .filter(|e| any || named.iter().any(|t| t == e.token()))
        .collect()
}

/// How long a browser may keep a file of the build.
pub fn cache_control(file: &Path) -> &'static str {
    let name = file.file_name().and_then(|n| n.to_str()).unwrap_or("");
    if has_content_hash(name) {
        IMMUTABLE
    } else {
        ONE_DAY
    }
}

/// Whether a file name carries Trunk's content hash: `{name}-{hash}.{ext}`
/// or `{name}-{hash}_bg.wasm`, the hash being 12 to 16 hexadecimal digits
/// (a 64-bit hash, written without leading zeros).
pub fn has_content_hash(name: &str) -> bool {
    let Some((stem, _ext)) = name.split_once('.') else {
        return false;
    };
    let stem = stem.strip_suffix("_bg").unwrap_or(stem);
    let Some((_, hash)) = stem.rsplit_once('-') else {
        return false;
    };
    (12..=16).contains(&hash.len()) && hash.bytes().all(|b| b.is_ascii_hexdigit())
}

/// An HTML page: never stored, like every answer that is not a file of
/// the build (the headers layer sees to that).
fn html(bytes: Vec<u8>) -> Response {
    (
        StatusCode::OK,
        [(
            header::CONTENT_TYPE,
            HeaderValue::from_static("text/html; charset=utf-8"),
        )],
        bytes,
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
        let dir = std::env::temp_dir().join(format!("ra-dist-{}", crate::random::token(6)));
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
    fn hashed_names() {
        for name in [
            "main-718ea578c2393ebb.css",
            "record-access-ae8182feaf8a354.js",
            "record-access-ae8182feaf8a354_bg.wasm",
            "loader-0123456789ab.js",
        ] {
            assert!(has_content_hash(name), "{name}");
            assert_eq!(cache_control(Path::new(name)), IMMUTABLE);
        }
        for name in [
            "favicon.ico",
            "favicon.svg",
            "nhsuk-icon-arrow-up-down.svg",
            "record-access.js",
            "main-718ea578c2393ebbz.css",
            "x-abc.css",
            "index.html",
        ] {
            assert!(!has_content_hash(name), "{name}");
            assert_eq!(cache_control(Path::new(name)), ONE_DAY);
        }
    }

    #[test]
    fn accept_encoding() {
        let accepts = |v: &str| {
            let mut h = HeaderMap::new();
            h.insert(header::ACCEPT_ENCODING, HeaderValue::from_str(v).unwrap());
            accepted_encodings(&h)
        };
        use Encoding::{Brotli, Gzip};
        assert_eq!(accepts("gzip, deflate, br, zstd"), [Brotli, Gzip]);
        assert_eq!(accepts("gzip"), [Gzip]);
        assert_eq!(accepts("br;q=0, gzip;q=0.5"), [Gzip]);
        assert_eq!(accepts("*"), [Brotli, Gzip]);
        assert_eq!(accepts("*, br;q=0"), [Gzip]);
        assert_eq!(accepts("identity"), []);
        assert_eq!(accepts("BR"), [Brotli]);
        assert_eq!(accepted_encodings(&HeaderMap::new()), []);
    }

    #[test]
    fn media_types() {
        assert_eq!(content_type("wasm"), "application/wasm");
        assert_eq!(content_type("woff2"), "font/woff2");
        assert_eq!(content_type("zzz"), "application/octet-stream");
    }
}
