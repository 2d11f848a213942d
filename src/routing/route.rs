//! Which page an address shows, and what its query says: the typed routes
//! of the app, as plain functions of the address.
//!
//! [`crate::routing::paths`] builds addresses; this module reads them back. The
//! browser side ([`crate::routing::router`]) only keeps the current address in a
//! signal and asks this module what it means.

use crate::routing::paths;
use percent_encoding::percent_decode_str;
use record_access_contract::DisableScope;

/// A page of the app, as an address names it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Page {
    Home,
    SignedOut,
    Help,
    Record,
    /// One entry, by its opaque id (percent-decoded).
    Entry(String),
    /// Asking the GP surgery to hide one entry, by its id.
    AskToHide(String),
    /// A step of turning off access.
    Account(AccountStep),
    /// A step of seeing who has proxy access and asking to remove it.
    People(PeopleStep),
    /// Recent sign-ins, and signing out everywhere else.
    SignIns,
    /// When new test results appear.
    ResultsSetting,
    NotFound,
}

/// The steps of turning off access, in order.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum AccountStep {
    /// What turning off means, and how to turn it back on.
    About,
    /// Record access in this app, or the NHS login.
    Choose,
    /// Check the answer and confirm.
    Check,
    /// Done: the reference and what happens next.
    Done,
}

/// The steps of seeing who has proxy access and asking to remove it.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum PeopleStep {
    /// Everyone with proxy access, and what they can see.
    List,
    /// Check one person's details and send the request.
    Check,
    /// Sent: the reference and what happens next.
    Done,
}

impl Page {
    /// The page at `path` (the address's path, without query or fragment).
    /// A trailing slash is allowed; anything unknown is [`Page::NotFound`].
    pub fn from_path(path: &str) -> Page {
        let trimmed = match path.strip_suffix('/') {
            Some(rest) if !rest.is_empty() => rest,
            _ => path,
        };
        match trimmed {
            paths::HOME => Page::Home,
            paths::SIGNED_OUT => Page::SignedOut,
            paths::HELP => Page::Help,
            paths::RECORD => Page::Record,
            paths::ACCOUNT => Page::Account(AccountStep::About),
            paths::ACCOUNT_CHOOSE => Page::Account(AccountStep::Choose),
            paths::ACCOUNT_CHECK => Page::Account(AccountStep::Check),
            paths::ACCOUNT_DONE => Page::Account(AccountStep::Done),
            paths::ACCOUNT_PEOPLE => Page::People(PeopleStep::List),
            paths::ACCOUNT_PEOPLE_CHECK => Page::People(PeopleStep::Check),
            paths::ACCOUNT_PEOPLE_DONE => Page::People(PeopleStep::Done),
            paths::ACCOUNT_SIGN_INS => Page::SignIns,
            paths::ACCOUNT_RESULTS => Page::ResultsSetting,
            _ => trimmed
                .strip_prefix(paths::RECORD)
                .and_then(|rest| rest.strip_prefix("/entries/"))
                .map_or(Page::NotFound, entry_page),
        }
    }

    /// Whether this page shows record content, and so stands behind the
    /// record gate (signed in, access on, pressure warning acknowledged).
    pub fn shows_record(&self) -> bool {
        matches!(self, Page::Record | Page::Entry(_) | Page::AskToHide(_))
    }
}

/// `{id}` or `{id}/ask` after `/record/entries/`.
fn entry_page(rest: &str) -> Page {
    let (id, ask) = match rest.strip_suffix("/ask") {
        Some(id) => (id, true),
        None => (rest, false),
    };
    if id.is_empty() || id.contains('/') {
        return Page::NotFound;
    }
    // In a path, `+` is itself.
    let id = percent_decode_str(id).decode_utf8_lossy().into_owned();
    if ask {
        Page::AskToHide(id)
    } else {
        Page::Entry(id)
    }
}

/// The choice of what to turn off, from the query's neutral words
/// (`option=app` or `option=login`); `None` for none or anything else.
pub fn account_option(query: &str) -> Option<DisableScope> {
    let value = query_value(query, "option")?;
    [DisableScope::RecordAccess, DisableScope::NhsLogin]
        .into_iter()
        .find(|s| paths::scope_word(*s) == value)
}

/// The person the check step is about (`person=`, an opaque proxy id);
/// `None` when the address names nobody.
pub fn person(query: &str) -> Option<String> {
    query_value(query, "person").filter(|id| !id.is_empty())
}

/// The value of the query parameter `key` (the last one, if repeated).
pub fn query_value(query: &str, key: &str) -> Option<String> {
    query_pairs(query)
        .into_iter()
        .rev()
        .find(|(k, _)| k == key)
        .map(|(_, v)| v)
}

/// The decoded `key=value` pairs of a query string (with or without its
/// leading `?`), in order, read as browsers write them
/// (`application/x-www-form-urlencoded`: `+` is a space, a malformed escape
/// is kept as it is, bytes that are not UTF-8 become U+FFFD).
pub fn query_pairs(query: &str) -> Vec<(String, String)> {
    let query = query.strip_prefix('?').unwrap_or(query);
    form_urlencoded::parse(query.as_bytes())
        .into_owned()
        .collect()
}

/// The timeline page a query asks for (`page=`, counted from 1); 1 when it
/// asks for none or for something that is not a page number.
pub fn page_number(query: &str) -> usize {
    query_value(query, "page")
        .and_then(|p| p.parse::<usize>().ok())
        .filter(|p| *p >= 1)
        .unwrap_or(1)
}

/// Whether the query has the parameter `key`, with any value.
pub fn query_has(query: &str, key: &str) -> bool {
    query_pairs(query).iter().any(|(k, _)| k == key)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn reads_every_page() {
        assert_eq!(Page::from_path("/"), Page::Home);
        assert_eq!(Page::from_path("/signed-out"), Page::SignedOut);
        assert_eq!(Page::from_path("/help/"), Page::Help);
        assert_eq!(Page::from_path("/record"), Page::Record);
        assert_eq!(
            Page::from_path("/record/entries/e-1"),
            Page::Entry("e-1".into())
        );
        assert_eq!(Page::from_path("/account/results/"), Page::ResultsSetting);
        assert_eq!(Page::from_path("/account/results/x"), Page::NotFound);
        assert_eq!(Page::from_path("/nowhere"), Page::NotFound);
        assert_eq!(Page::from_path("/record/entries/"), Page::NotFound);
        assert_eq!(Page::from_path("/record/entries/a/b"), Page::NotFound);
        assert_eq!(Page::from_path("/record/other"), Page::NotFound);
        assert_eq!(Page::from_path("/helpme"), Page::NotFound);
        assert_eq!(Page::from_path(""), Page::NotFound);
    }

    #[test]
    fn reads_the_account_steps_and_the_ask_page() {
        assert_eq!(
            Page::from_path("/account"),
            Page::Account(AccountStep::About)
        );
        assert_eq!(
            Page::from_path("/account/choose"),
            Page::Account(AccountStep::Choose)
        );
        assert_eq!(
            Page::from_path("/account/check/"),
            Page::Account(AccountStep::Check)
        );
        assert_eq!(
            Page::from_path("/account/done"),
            Page::Account(AccountStep::Done)
        );
        assert_eq!(Page::from_path("/account/other"), Page::NotFound);
        assert_eq!(
            Page::from_path("/account/people"),
            Page::People(PeopleStep::List)
        );
        assert_eq!(
            Page::from_path("/account/people/check/"),
            Page::People(PeopleStep::Check)
        );
        assert_eq!(
            Page::from_path("/account/people/done"),
            Page::People(PeopleStep::Done)
        );
        assert_eq!(Page::from_path("/account/people/other"), Page::NotFound);
        assert_eq!(Page::from_path("/account/sign-ins"), Page::SignIns);
        assert!(!Page::People(PeopleStep::Check).shows_record());
        assert!(!Page::SignIns.shows_record());
        assert_eq!(
            Page::from_path(&paths::ask_to_hide("a/b c")),
            Page::AskToHide("a/b c".into())
        );
        assert_eq!(Page::from_path("/record/entries//ask"), Page::NotFound);
        assert_eq!(Page::from_path("/record/entries/a/b/ask"), Page::NotFound);
        assert!(Page::AskToHide("x".into()).shows_record());
        assert!(!Page::Account(AccountStep::Check).shows_record());
    }

    #[test]
    fn reads_the_choice_in_neutral_words() {
        assert_eq!(
            account_option("?option=app"),
            Some(DisableScope::RecordAccess)
        );
        assert_eq!(
            account_option("?option=login"),
            Some(DisableScope::NhsLogin)
        );
        assert_eq!(
            account_option("?option=app&option=login"),
            Some(DisableScope::NhsLogin)
        );
        for bad in ["", "?option=", "?option=nhs_login", "?option=APP"] {
            assert_eq!(account_option(bad), None, "{bad}");
        }
        assert_eq!(query_value("?ref=RA%201&x", "ref").as_deref(), Some("RA 1"));
        assert_eq!(query_value("?x", "ref"), None);
        let check = paths::people_check("px/1 a");
        let query = &check[check.find('?').unwrap()..];
        assert_eq!(person(query).as_deref(), Some("px/1 a"));
        assert_eq!(person("?person="), None);
        assert_eq!(person(""), None);
    }

    #[test]
    fn entry_ids_round_trip_through_their_address() {
        for id in ["t/ollvlk #9", "é?&=%", "a+b", "plain"] {
            let path = paths::entry(id);
            assert_eq!(Page::from_path(&path), Page::Entry(id.into()), "{path}");
        }
        // A broken escape is kept: such an id is simply not found.
        assert_eq!(
            Page::from_path("/record/entries/%ZZ"),
            Page::Entry("%ZZ".into())
        );
    }

    #[test]
    fn only_record_pages_show_record_content() {
        assert!(Page::Record.shows_record());
        assert!(Page::Entry("x".into()).shows_record());
        for page in [
            Page::Home,
            Page::Help,
            Page::SignedOut,
            Page::ResultsSetting,
            Page::NotFound,
        ] {
            assert!(!page.shows_record());
        }
    }

    #[test]
    fn decodes_query_pairs() {
        assert_eq!(
            query_pairs("?kind=allergy,test_result&from=2024-03-01&flag&x=a+b%20c"),
            vec![
                ("kind".into(), "allergy,test_result".into()),
                ("from".into(), "2024-03-01".into()),
                ("flag".into(), String::new()),
                ("x".into(), "a b c".into()),
            ]
        );
        assert_eq!(query_pairs(""), Vec::<(String, String)>::new());
        assert_eq!(
            query_pairs("q=a+b%20c%e2%9c%93%&r=%E9"),
            [
                ("q".into(), "a b c✓%".into()),
                ("r".into(), "\u{FFFD}".into())
            ]
        );
        assert!(query_has("?timeout=1", "timeout"));
        assert!(query_has("unconfirmed", "unconfirmed"));
        assert!(!query_has("?timeouts=1", "timeout"));
    }

    #[test]
    fn reads_the_page_number() {
        assert_eq!(page_number(""), 1);
        assert_eq!(page_number("?kind=allergy&page=3"), 3);
        assert_eq!(page_number("?page=2&page=5"), 5, "the last one counts");
        for bad in ["?page=0", "?page=-1", "?page=two", "?page="] {
            assert_eq!(page_number(bad), 1, "{bad}");
        }
    }
}
