//! Reference numbers shown to patients: `RA-` and eight characters from
//! `0-9A-Z`, derived from a counter so that fixtures and tests see the same
//! references on every run.

const ALPHABET: &[u8; 36] = b"0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZ";

/// The reference for the `n`th request (counting from 1) of one preview
/// browser.
pub fn reference(n: u64) -> String {
    let mut x = mix(n ^ 0x5241_2d52_4546_u64);
    let mut out = String::from("RA-");
    for _ in 0..8 {
        out.push(char::from(ALPHABET[(x % 36) as usize]));
        x /= 36;
    }
    out
}

/// Whether `s` has the shape of a reference.
pub fn is_reference(s: &str) -> bool {
    s.len() == 11
        && s.starts_with("RA-")
        && s[3..]
            .bytes()
            .all(|b| b.is_ascii_digit() || b.is_ascii_uppercase())
}

/// SplitMix64's finaliser: neighbouring counters give unrelated outputs.
fn mix(mut z: u64) -> u64 {
    z = z.wrapping_add(0x9E37_79B9_7F4A_7C15);
    z = (z ^ (z >> 30)).wrapping_mul(0xBF58_476D_1CE4_E5B9);
    z = (z ^ (z >> 27)).wrapping_mul(0x94D0_49BB_1331_11EB);
    z ^ (z >> 31)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn references_are_stable_distinct_and_well_formed() {
        assert_eq!(reference(1), reference(1));
        let all: std::collections::HashSet<_> = (1..2000).map(reference).collect();
        assert_eq!(all.len(), 1999);
        assert!(all.iter().all(|r| is_reference(r)));
        assert!(!is_reference("RA-abcdefgh"));
        assert!(!is_reference("RA-ABCDEFG"));
    }
}
