//! The browser and device of a sign-in in plain words, read from the
//! `User-Agent` header: "Firefox on Windows", "Safari on iPhone". Only
//! these words are kept and shown; the header itself never is (it is
//! whatever the other side chose to send).

/// Browsers by a token of their `User-Agent`, checked in this order:
/// browsers built on Chromium also say `Chrome/`, and nearly every browser
/// says `Safari/`.
const BROWSERS: [(&str, &[&str]); 7] = [
    ("Edge", &["Edg/", "EdgA/", "EdgiOS/"]),
    ("Opera", &["OPR/", "OPiOS/", "Opera/"]),
    ("Samsung Internet", &["SamsungBrowser/"]),
    ("Firefox", &["Firefox/", "FxiOS/"]),
    ("Chromium", &["Chromium/"]),
    ("Chrome", &["Chrome/", "CriOS/", "HeadlessChrome/"]),
    ("Safari", &["Safari/"]),
];

/// Devices and systems, in this order: an iPhone says `like Mac OS X`, and
/// Android and ChromeOS say `Linux`.
const SYSTEMS: [(&str, &[&str]); 7] = [
    ("iPhone", &["iPhone"]),
    ("iPad", &["iPad"]),
    ("Android", &["Android"]),
    ("ChromeOS", &["CrOS"]),
    ("Windows", &["Windows"]),
    ("Mac", &["Macintosh", "Mac OS X"]),
    ("Linux", &["Linux", "X11"]),
];

/// What a patient reads for a sign-in from this `User-Agent`.
pub fn describe(user_agent: Option<&str>) -> String {
    let ua = user_agent.unwrap_or("");
    let find = |table: &[(&'static str, &[&str])]| {
        table
            .iter()
            .find(|(_, tokens)| tokens.iter().any(|t| ua.contains(t)))
            .map(|(name, _)| *name)
    };
    match (find(&BROWSERS), find(&SYSTEMS)) {
        (Some(browser), Some(system)) => format!("{browser} on {system}"),
        (Some(browser), None) => browser.to_owned(),
        (None, Some(system)) => format!("Unknown browser on {system}"),
        (None, None) => "Unknown browser".to_owned(),
    }
}

#[cfg(test)]
mod tests {
    use super::describe;

    #[test]
    fn common_browsers_in_plain_words() {
        for (ua, words) in [
            (
                "Mozilla/5.0 (Windows NT 10.0; Win64; x64; rv:133.0) Gecko/20100101 Firefox/133.0",
                "Firefox on Windows",
            ),
            (
                "Mozilla/5.0 (Linux; Android 14; Pixel 8) AppleWebKit/537.36 (KHTML, like Gecko) \
                 Chrome/131.0.0.0 Mobile Safari/537.36",
                "Chrome on Android",
            ),
            (
                "Mozilla/5.0 (iPhone; CPU iPhone OS 18_1 like Mac OS X) AppleWebKit/605.1.15 \
                 (KHTML, like Gecko) Version/18.1 Mobile/15E148 Safari/604.1",
                "Safari on iPhone",
            ),
            (
                "Mozilla/5.0 (X11; Linux x86_64) AppleWebKit/537.36 (KHTML, like Gecko) \
                 Chromium/120.0.0.0 Chrome/120.0.0.0 Safari/537.36",
                "Chromium on Linux",
            ),
            (
                "Mozilla/5.0 (X11; Linux x86_64) AppleWebKit/537.36 (KHTML, like Gecko) \
                 HeadlessChrome/156.0.0.0 Safari/537.36",
                "Chrome on Linux",
            ),
            (
                "Mozilla/5.0 (Macintosh; Intel Mac OS X 10_15_7) AppleWebKit/605.1.15 \
                 (KHTML, like Gecko) Version/18.1 Safari/605.1.15",
                "Safari on Mac",
            ),
            (
                "Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) \
                 Chrome/131.0.0.0 Safari/537.36 Edg/131.0.0.0",
                "Edge on Windows",
            ),
            (
                "Mozilla/5.0 (Linux; Android 14; SM-S918B) AppleWebKit/537.36 (KHTML, like Gecko) \
                 SamsungBrowser/26.0 Chrome/122.0.0.0 Mobile Safari/537.36",
                "Samsung Internet on Android",
            ),
            (
                "Mozilla/5.0 (iPhone; CPU iPhone OS 18_1 like Mac OS X) AppleWebKit/605.1.15 \
                 (KHTML, like Gecko) CriOS/131.0.6778.73 Mobile/15E148 Safari/604.1",
                "Chrome on iPhone",
            ),
            (
                "Mozilla/5.0 (iPad; CPU OS 17_0 like Mac OS X) AppleWebKit/605.1.15 (KHTML, like Gecko) \
                 FxiOS/133.0 Mobile/15E148 Safari/605.1.15",
                "Firefox on iPad",
            ),
            (
                "Mozilla/5.0 (X11; CrOS x86_64 14541.0.0) AppleWebKit/537.36 (KHTML, like Gecko) \
                 Chrome/131.0.0.0 Safari/537.36",
                "Chrome on ChromeOS",
            ),
            (
                "Mozilla/5.0 (X11; Linux x86_64; rv:128.0) Gecko/20100101 Firefox/128.0",
                "Firefox on Linux",
            ),
        ] {
            assert_eq!(describe(Some(ua)), words, "{ua}");
        }
    }

    #[test]
    fn what_cannot_be_told_says_so() {
        assert_eq!(describe(None), "Unknown browser");
        assert_eq!(describe(Some("")), "Unknown browser");
        assert_eq!(describe(Some("curl/8.5.0")), "Unknown browser");
        assert_eq!(
            describe(Some("<script>alert(1)</script>")),
            "Unknown browser"
        );
        assert_eq!(
            describe(Some("SomeBot/1.0 (Windows NT 10.0)")),
            "Unknown browser on Windows"
        );
        assert_eq!(describe(Some("Firefox/133.0")), "Firefox");
    }
}
