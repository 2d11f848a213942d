//! Headers on every response, as production sends them: a strict Content
//! Security Policy, isolation from other origins (COOP, CORP), every
//! browser feature the app never uses turned off, no MIME sniffing, no
//! referrer, HTTPS only (HSTS) whenever the backend is not on a loopback
//! address, and `no-store` on everything that has not said otherwise:
//! `index.html`, every API answer and every redirect. Only the app's own
//! files say otherwise (see `static_files`): they hold no record data.

use axum::extract::State;
use axum::http::{header, HeaderMap, HeaderName, HeaderValue};
use axum::response::Response;

use crate::app::Shared;

/// Browser features the app never uses, turned off for it and anything
/// it could embed.
pub const PERMISSIONS_POLICY: &str = "accelerometer=(), autoplay=(), browsing-topics=(), \
camera=(), display-capture=(), encrypted-media=(), fullscreen=(), geolocation=(), gyroscope=(), \
hid=(), idle-detection=(), magnetometer=(), microphone=(), midi=(), payment=(), \
picture-in-picture=(), publickey-credentials-get=(), screen-wake-lock=(), serial=(), usb=(), \
xr-spatial-tracking=()";

/// Two years, sub-domains included, as the NHS's own sites send it.
pub const HSTS: &str = "max-age=63072000; includeSubDomains";

/// The one policy of every response: everything from this origin only,
/// no inline script or style, and wasm allowed to compile.
pub const CSP: &str = "default-src 'none'; script-src 'self' 'wasm-unsafe-eval'; \
style-src 'self'; img-src 'self'; font-src 'self'; connect-src 'self'; \
manifest-src 'self'; base-uri 'none'; form-action 'self'; frame-ancestors 'none'";

/// Adds the headers every response carries.
pub async fn security_headers(State(state): State<Shared>, mut response: Response) -> Response {
    add_security_headers(response.headers_mut(), state.config.is_loopback());
    response
}

/// The headers of [`security_headers`]; HSTS only when `loopback` is false.
pub fn add_security_headers(h: &mut HeaderMap, loopback: bool) {
    if !h.contains_key(header::CACHE_CONTROL) {
        h.insert(header::CACHE_CONTROL, HeaderValue::from_static("no-store"));
    }
    h.insert(
        HeaderName::from_static("cross-origin-opener-policy"),
        HeaderValue::from_static("same-origin"),
    );
    h.insert(
        HeaderName::from_static("cross-origin-resource-policy"),
        HeaderValue::from_static("same-origin"),
    );
    h.insert(
        HeaderName::from_static("permissions-policy"),
        HeaderValue::from_static(PERMISSIONS_POLICY),
    );
    if !loopback {
        h.insert(
            header::STRICT_TRANSPORT_SECURITY,
            HeaderValue::from_static(HSTS),
        );
    }
    h.insert(
        header::X_CONTENT_TYPE_OPTIONS,
        HeaderValue::from_static("nosniff"),
    );
    h.insert(
        header::REFERRER_POLICY,
        HeaderValue::from_static("no-referrer"),
    );
    h.insert(
        header::CONTENT_SECURITY_POLICY,
        HeaderValue::from_static(CSP),
    );
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn https_only_off_loopback() {
        let mut h = HeaderMap::new();
        add_security_headers(&mut h, true);
        assert!(!h.contains_key(header::STRICT_TRANSPORT_SECURITY));
        assert_eq!(h[header::CACHE_CONTROL], "no-store");
        let mut h = HeaderMap::new();
        h.insert(header::CACHE_CONTROL, HeaderValue::from_static("public"));
        add_security_headers(&mut h, false);
        assert_eq!(h[header::STRICT_TRANSPORT_SECURITY], HSTS);
        assert_eq!(
            h[header::CACHE_CONTROL],
            "public",
            "a file's own caching stays"
        );
    }
}
