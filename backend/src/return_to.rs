//! Where `/api/v1/auth/login` may send the browser back to: a path on this site
//! only, so that the sign-in link cannot be used to send a patient to
//! another site.

/// `return_to` when it is a same-origin path, otherwise `/`.
pub fn safe_return_to(return_to: Option<&str>) -> &str {
    match return_to {
        Some(p) if is_same_origin_path(p) => p,
        _ => "/",
    }
}

/// A path that starts with one `/`, holds no backslash (browsers read it
/// as `/`), no whitespace or control characters (browsers drop some of
/// them, which can turn `/\t/x` into `//x`) and only characters a
/// `Location` header can carry.
pub fn is_same_origin_path(p: &str) -> bool {
    p.starts_with('/')
        && !p.starts_with("//")
        && p.len() <= 2048
        && p.bytes().all(|b| b.is_ascii_graphic() && b != b'\\')
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn only_same_origin_paths() {
        for ok in ["/", "/record", "/record/entry/a%2Fb?kind=medicine#top"] {
            assert_eq!(safe_return_to(Some(ok)), ok);
        }
        for bad in [
            "//evil.example",
            "https://evil.example/",
            "javascript:alert(1)",
            "/\\evil.example",
            "\\\\evil.example",
            "/\t/evil.example",
            "/ /x",
            "record",
            "",
            "/é",
        ] {
            assert_eq!(safe_return_to(Some(bad)), "/", "{bad:?}");
        }
        assert_eq!(safe_return_to(None), "/");
    }
}
