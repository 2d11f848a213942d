//! The two cookies: `ra_session` (the signed-in session) and `ra_preview`
//! (which preview browser this is, only with the control API).

use axum::http::{header, HeaderMap, HeaderValue};

pub const SESSION_COOKIE: &str = "ra_session";
pub const PREVIEW_COOKIE: &str = "ra_preview";

/// The value of the named cookie in the request, if any.
pub fn read(headers: &HeaderMap, name: &str) -> Option<String> {
    headers
        .get_all(header::COOKIE)
        .iter()
        .filter_map(|v| v.to_str().ok())
        .flat_map(|v| v.split(';'))
        .filter_map(|pair| pair.trim().split_once('='))
        .find(|(k, _)| *k == name)
        .map(|(_, v)| v.trim().trim_matches('"').to_owned())
        .filter(|v| is_token(v))
}

/// Whether a cookie value looks like one of ours (base64url, 1 to 64
/// characters); anything else is ignored.
fn is_token(v: &str) -> bool {
    (1..=64).contains(&v.len())
        && v.bytes()
            .all(|b| b.is_ascii_alphanumeric() || b == b'-' || b == b'_')
}

/// `Set-Cookie` for a cookie the page's scripts cannot read, sent only to
/// this site, for the whole site; `Secure` unless the server is on
/// loopback.
pub fn set(name: &str, value: &str, secure: bool) -> HeaderValue {
    let mut s = format!("{name}={value}; HttpOnly; SameSite=Strict; Path=/");
    if secure {
        s.push_str("; Secure");
    }
    HeaderValue::from_str(&s).expect("cookie values are tokens")
}

/// `Set-Cookie` that removes the cookie.
pub fn clear(name: &str, secure: bool) -> HeaderValue {
    let mut s = format!("{name}=; HttpOnly; SameSite=Strict; Path=/; Max-Age=0");
    if secure {
        s.push_str("; Secure");
    }
    HeaderValue::from_str(&s).expect("cookie names are tokens")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn reads_among_several() {
        let mut h = HeaderMap::new();
        h.insert(
            header::COOKIE,
            HeaderValue::from_static("a=1; ra_session=abc_-9; b=2"),
        );
        assert_eq!(read(&h, SESSION_COOKIE).as_deref(), Some("abc_-9"));
        assert_eq!(read(&h, PREVIEW_COOKIE), None);
        h.insert(header::COOKIE, HeaderValue::from_static("ra_session=a b"));
        assert_eq!(read(&h, SESSION_COOKIE), None);
    }

    #[test]
    fn attributes() {
        assert_eq!(
            set("ra_session", "x", true),
            "ra_session=x; HttpOnly; SameSite=Strict; Path=/; Secure"
        );
        assert_eq!(
            set("ra_session", "x", false),
            "ra_session=x; HttpOnly; SameSite=Strict; Path=/"
        );
        assert!(clear("ra_session", false)
            .to_str()
            .unwrap()
            .contains("Max-Age=0"));
    }
}
