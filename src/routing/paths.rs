//! Every address the app uses, in one place.
//!
//! Page addresses use neutral words: the browser's history list must not
//! tell someone checking the device what the patient looked at or did.

use percent_encoding::{utf8_percent_encode, AsciiSet, NON_ALPHANUMERIC};
use record_access_contract::{DisableScope, API_PREFIX};

/// The start page: sign in, or the signed-in home page.
pub const HOME: &str = "/";
/// Where the patient lands after signing out or being signed out.
pub const SIGNED_OUT: &str = "/signed-out";
/// Help for someone who is being pressured (neutral name on purpose).
pub const HELP: &str = "/help";
/// The record timeline.
pub const RECORD: &str = "/record";
/// Turning off access, first step ("Account settings": neutral on purpose).
pub const ACCOUNT: &str = "/account";
/// Turning off access: choosing what to turn off.
pub const ACCOUNT_CHOOSE: &str = "/account/choose";
/// Turning off access: checking the answers and confirming.
pub const ACCOUNT_CHECK: &str = "/account/check";
/// Turning off access: done, with the reference.
pub const ACCOUNT_DONE: &str = "/account/done";

/// Who else can see the record: people with proxy access.
pub const ACCOUNT_PEOPLE: &str = "/account/people";
/// Asking to remove one person's access: checking and sending.
pub const ACCOUNT_PEOPLE_CHECK: &str = "/account/people/check";
/// Asking to remove one person's access: sent, with the reference.
pub const ACCOUNT_PEOPLE_DONE: &str = "/account/people/done";
/// Recent sign-ins, and signing out everywhere else.
pub const ACCOUNT_SIGN_INS: &str = "/account/sign-ins";
/// When new test results appear.
pub const ACCOUNT_RESULTS: &str = "/account/results";
/// NHS login's own help, which says how to change the password.
pub const NHS_LOGIN_HELP: &str = "https://help.login.nhs.uk/";

/// The backend's sign-in: a plain link, not a fetch, as NHS login runs in
/// the backend. Links to the backend carry `rel="external"` so that the
/// router leaves them to the browser. `return_to` must be a path of this
/// app.
pub fn sign_in(return_to: &str) -> String {
    let return_to = if is_app_path(return_to) {
        return_to
    } else {
        HOME
    };
    format!(
        "{API_PREFIX}/auth/login?return_to={}",
        encode_query_value(return_to)
    )
}

/// The timeline with the patient's kind and date filters (never the search
/// text) and, past the first, the page number.
pub fn record(filters: &crate::record::UserFilters, page: usize) -> String {
    let mut query = filters.to_query();
    if page > 1 {
        if !query.is_empty() {
            query.push('&');
        }
        query.push_str(&format!("page={page}"));
    }
    if query.is_empty() {
        RECORD.to_owned()
    } else {
        format!("{RECORD}?{query}")
    }
}

/// One entry of the record, by its opaque id.
pub fn entry(id: &str) -> String {
    format!("{RECORD}/entries/{}", encode_query_value(id))
}

/// Asking the GP surgery to hide one entry (neutral words: "ask").
pub fn ask_to_hide(id: &str) -> String {
    format!("{}/ask", entry(id))
}

/// A step of turning off access with the patient's choice, in the neutral
/// words of the query (`option=app` or `option=login`).
pub fn account_step(step: &str, scope: Option<DisableScope>) -> String {
    match scope {
        Some(scope) => format!("{step}?option={}", scope_word(scope)),
        None => step.to_owned(),
    }
}

/// The last step: what was turned off, and the backend's reference.
pub fn account_done(scope: DisableScope, reference: &str) -> String {
    format!(
        "{ACCOUNT_DONE}?option={}&ref={}",
        scope_word(scope),
        encode_query_value(reference)
    )
}

/// The check step for asking to remove one person's access, by their
/// opaque id.
pub fn people_check(proxy_id: &str) -> String {
    format!(
        "{ACCOUNT_PEOPLE_CHECK}?person={}",
        encode_query_value(proxy_id)
    )
}

/// The last step of asking to remove someone's access: the reference.
pub fn people_done(reference: &str) -> String {
    format!(
        "{ACCOUNT_PEOPLE_DONE}?ref={}",
        encode_query_value(reference)
    )
}

/// The neutral word for a choice in an address.
pub fn scope_word(scope: DisableScope) -> &'static str {
    match scope {
        DisableScope::RecordAccess => "app",
        DisableScope::NhsLogin => "login",
    }
}

/// The backend's exit: ends the session and redirects to a neutral page.
pub fn exit() -> String {
    format!("{API_PREFIX}/auth/exit")
}

/// An absolute path on this origin (not `//host`, no backslash, no scheme).
pub fn is_app_path(path: &str) -> bool {
    path.starts_with('/') && !path.starts_with("//") && !path.contains('\\')
}

/// Everything but the unreserved characters of RFC 3986.
const NOT_UNRESERVED: &AsciiSet = &NON_ALPHANUMERIC
    .remove(b'-')
    .remove(b'.')
    .remove(b'_')
    .remove(b'~');

/// Percent-encodes everything but unreserved characters (RFC 3986), for a
/// query value or a path segment.
pub fn encode_query_value(value: &str) -> String {
    utf8_percent_encode(value, NOT_UNRESERVED).to_string()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn sign_in_returns_only_to_app_paths() {
        assert_eq!(sign_in("/"), "/api/v1/auth/login?return_to=%2F");
        assert_eq!(
            sign_in("/record?kind=allergy"),
            "/api/v1/auth/login?return_to=%2Frecord%3Fkind%3Dallergy"
        );
        assert_eq!(
            sign_in("//evil.example"),
            "/api/v1/auth/login?return_to=%2F"
        );
        assert_eq!(
            sign_in("https://evil.example/"),
            "/api/v1/auth/login?return_to=%2F"
        );
        assert_eq!(
            sign_in("/\\evil.example"),
            "/api/v1/auth/login?return_to=%2F"
        );
    }

    #[test]
    fn record_addresses_hold_filters_but_never_search_text() {
        let mut f = crate::record::UserFilters::default();
        assert_eq!(record(&f, 1), "/record");
        assert_eq!(record(&f, 3), "/record?page=3");
        f.kinds.insert(record_access_contract::EntryKind::Allergy);
        f.text = "private words".into();
        assert_eq!(record(&f, 2), "/record?kind=allergy&page=2");
        assert_eq!(entry("t/ollvlk #9"), "/record/entries/t%2Follvlk%20%239");
    }

    #[test]
    fn account_steps_use_neutral_words() {
        assert_eq!(account_step(ACCOUNT_CHOOSE, None), "/account/choose");
        assert_eq!(
            account_step(ACCOUNT_CHECK, Some(DisableScope::NhsLogin)),
            "/account/check?option=login"
        );
        assert_eq!(
            account_done(DisableScope::RecordAccess, "RA 1/2"),
            "/account/done?option=app&ref=RA%201%2F2"
        );
        assert_eq!(ask_to_hide("e 1"), "/record/entries/e%201/ask");
        assert_eq!(
            people_check("px/1 a"),
            "/account/people/check?person=px%2F1%20a"
        );
        assert_eq!(people_done("RA-1&x"), "/account/people/done?ref=RA-1%26x");
    }

    #[test]
    fn encodes_everything_but_unreserved() {
        assert_eq!(encode_query_value("a b/c?d=é~"), "a%20b%2Fc%3Fd%3D%C3%A9~");
        assert_eq!(encode_query_value("abc-._~XYZ09"), "abc-._~XYZ09");
    }
}
