//! Page cursors: opaque to clients, an offset into the record here.

use base64::engine::general_purpose::URL_SAFE_NO_PAD;
use base64::Engine;

const TAG: &str = "entries.v1:";

/// The cursor for the page that starts at `offset`.
pub fn encode(offset: usize) -> String {
    URL_SAFE_NO_PAD.encode(format!("{TAG}{offset}"))
}

/// The offset a cursor stands for, if it is one of ours and within a
/// record of `len` entries.
pub fn decode(cursor: &str, len: usize) -> Option<usize> {
    let bytes = URL_SAFE_NO_PAD.decode(cursor).ok()?;
    let text = std::str::from_utf8(&bytes).ok()?;
    let digits = text.strip_prefix(TAG)?;
    if digits.is_empty() || !digits.bytes().all(|b| b.is_ascii_digit()) {
        return None;
    }
    let offset: usize = digits.parse().ok()?;
    (offset <= len && encode(offset) == cursor).then_some(offset)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn round_trip_and_garbage() {
        assert_eq!(decode(&encode(0), 10), Some(0));
        assert_eq!(decode(&encode(500), 10_000), Some(500));
        assert_eq!(decode(&encode(11), 10), None);
        for bad in [
            "",
            "x",
            "!!",
            "0",
            &URL_SAFE_NO_PAD.encode("entries.v1:01"),
            &URL_SAFE_NO_PAD.encode("other:1"),
        ] {
            assert_eq!(decode(bad, 10), None, "{bad}");
        }
    }
}
