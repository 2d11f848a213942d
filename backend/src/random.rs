//! Unguessable tokens from the operating system's random source: session
//! ids and preview-browser ids.

use base64::engine::general_purpose::URL_SAFE_NO_PAD;
use base64::Engine;

/// `bytes` random bytes as unpadded base64url (valid in a cookie value and
/// in a header).
pub fn token(bytes: usize) -> String {
    let mut buf = vec![0u8; bytes];
    getrandom::fill(&mut buf).expect("the operating system's random source failed");
    URL_SAFE_NO_PAD.encode(buf)
}

#[cfg(test)]
mod tests {
    #[test]
    fn tokens_differ_and_are_cookie_safe() {
        let a = super::token(32);
        let b = super::token(32);
        assert_ne!(a, b);
        assert_eq!(a.len(), 43);
        assert!(a
            .chars()
            .all(|c| c.is_ascii_alphanumeric() || c == '-' || c == '_'));
    }
}
