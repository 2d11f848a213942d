//! Folding text for search, so that "Zoe" finds "Zoë" and "ANAEMIA" finds
//! "anaemia": lower case, Latin letters without their accents, and runs of
//! whitespace as one space.
//!
//! Only Latin letters lose their accents (Latin-1 Supplement and Latin
//! Extended-A, from a small table below); other scripts are only lower-cased.
//! Combining accents (U+0300 to U+036F), as in text typed in decomposed form,
//! are dropped, so "e\u{301}" folds like "é".

/// `text` folded for search: lower case, accents stripped from Latin
/// letters, whitespace collapsed to single spaces and trimmed at both ends.
pub fn fold(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    fold_into(text, &mut out);
    out
}

/// Appends `text`, folded as [`fold`] does, to `out`. A space separates it
/// from what `out` already holds when both are non-empty.
pub fn fold_into(text: &str, out: &mut String) {
    let mut pending_space = !out.is_empty();
    let mut wrote = false;
    for c in text.chars() {
        if c.is_whitespace() {
            pending_space = wrote || pending_space;
            continue;
        }
        for lower in c.to_lowercase() {
            if is_combining_mark(lower) {
                continue;
            }
            if pending_space && !out.is_empty() {
                out.push(' ');
            }
            pending_space = false;
            wrote = true;
            match latin_base(lower) {
                Some(base) => out.push_str(base),
                None => out.push(lower),
            }
        }
    }
}

/// Combining diacritical marks: accents typed as a separate character.
fn is_combining_mark(c: char) -> bool {
    ('\u{0300}'..='\u{036F}').contains(&c)
}

/// The unaccented spelling of a lower-case Latin letter from Latin-1
/// Supplement or Latin Extended-A, or `None` when it has no accent to lose.
fn latin_base(c: char) -> Option<&'static str> {
    Some(match c {
        // Latin-1 Supplement.
        'à' | 'á' | 'â' | 'ã' | 'ä' | 'å' => "a",
        'æ' => "ae",
        'ç' => "c",
        'è' | 'é' | 'ê' | 'ë' => "e",
        'ì' | 'í' | 'î' | 'ï' => "i",
        'ð' => "d",
        'ñ' => "n",
        'ò' | 'ó' | 'ô' | 'õ' | 'ö' | 'ø' => "o",
        'ù' | 'ú' | 'û' | 'ü' => "u",
        'ý' | 'ÿ' => "y",
        'þ' => "th",
        'ß' => "ss",
        // Latin Extended-A (U+0100 to U+017F).
        'ā' | 'ă' | 'ą' => "a",
        'ć' | 'ĉ' | 'ċ' | 'č' => "c",
        'ď' | 'đ' => "d",
        'ē' | 'ĕ' | 'ė' | 'ę' | 'ě' => "e",
        'ĝ' | 'ğ' | 'ġ' | 'ģ' => "g",
        'ĥ' | 'ħ' => "h",
        'ĩ' | 'ī' | 'ĭ' | 'į' | 'ı' => "i",
        'ĳ' => "ij",
        'ĵ' => "j",
        'ķ' | 'ĸ' => "k",
        'ĺ' | 'ļ' | 'ľ' | 'ŀ' | 'ł' => "l",
        'ń' | 'ņ' | 'ň' | 'ŉ' | 'ŋ' => "n",
        'ō' | 'ŏ' | 'ő' => "o",
        'œ' => "oe",
        'ŕ' | 'ŗ' | 'ř' => "r",
        'ś' | 'ŝ' | 'ş' | 'š' | 'ſ' => "s",
        'ţ' | 'ť' | 'ŧ' => "t",
        'ũ' | 'ū' | 'ŭ' | 'ů' | 'ű' | 'ų' => "u",
        'ŵ' => "w",
        'ŷ' => "y",
        'ź' | 'ż' | 'ž' => "z",
        _ => return None,
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn lower_cases_and_strips_latin_accents() {
        assert_eq!(fold("Crème Brûlée"), "creme brulee");
        assert_eq!(fold("ZOË Müller-Núñez"), "zoe muller-nunez");
        assert_eq!(fold("François Øyvind Ålesund"), "francois oyvind alesund");
        assert_eq!(fold("Æsir Œdème Straße"), "aesir oedeme strasse");
        assert_eq!(fold("Łódź Dvořák Ştefan Ğ Ħ Ŧ"), "lodz dvorak stefan g h t");
        assert_eq!(fold("ÞÓR Ðiða"), "thor dida");
        assert_eq!(fold("ĲSSEL"), "ijssel");
    }

    #[test]
    fn every_latin_letter_in_the_two_blocks_folds_to_ascii() {
        let latin = ('\u{00C0}'..='\u{017F}').filter(|c| c.is_alphabetic());
        for c in latin {
            let folded = fold(&c.to_string());
            assert!(folded.is_ascii(), "{c} folded to {folded}");
            assert!(!folded.is_empty(), "{c}");
        }
    }

    #[test]
    fn combining_accents_are_dropped() {
        assert_eq!(fold("Cre\u{300}me"), "creme");
        assert_eq!(fold("İstanbul"), "istanbul");
    }

    #[test]
    fn collapses_and_trims_whitespace() {
        assert_eq!(fold("  blood \t\n  test  "), "blood test");
        assert_eq!(fold("\u{a0}x\u{2003}y\u{a0}"), "x y");
        assert_eq!(fold("   "), "");
        assert_eq!(fold(""), "");
    }

    #[test]
    fn leaves_other_text_alone_but_lower_cased() {
        assert_eq!(fold("HbA1c 48 mmol/mol"), "hba1c 48 mmol/mol");
        assert_eq!(fold("ΑΒΓ Дом"), "αβγ дом");
        assert_eq!(fold("5 × 2 ÷ 1"), "5 × 2 ÷ 1");
    }

    #[test]
    fn appends_with_one_separating_space() {
        let mut out = String::new();
        fold_into("  Blood  ", &mut out);
        fold_into("", &mut out);
        fold_into(" \t", &mut out);
        fold_into("Test ", &mut out);
        assert_eq!(out, "blood test");
    }

    #[test]
    fn folding_twice_changes_nothing() {
        for s in ["Crème Brûlée", "  A  b ", "ß", "ĲSSEL", "Cre\u{300}me"] {
            assert_eq!(fold(&fold(s)), fold(s));
        }
    }
}
