//! Each person with proxy access and each sign-in, as the pages show them.

use crate::content::{people as words, sign_ins as sign_in_words};
use crate::dates;
use record_access_contract::{Proxy, ProxyService, SignIn};

/// One person with proxy access, in the page's words.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ProxyCard {
    /// Opaque, for the address of the check step.
    pub id: String,
    /// As the GP surgery gave it: text, never markup.
    pub name: String,
    /// As the GP surgery gave it, when it gave one.
    pub relationship: Option<String>,
    /// "Your GP health record and your appointments", or "Nothing at the
    /// moment".
    pub can_see: String,
    /// "1 March 2024", or "Date not known".
    pub since: String,
    /// "You asked on 29 October 2026, reference RA-…" while a request to
    /// remove their access waits for the GP surgery.
    pub pending: Option<String>,
}

impl ProxyCard {
    pub fn new(proxy: &Proxy) -> ProxyCard {
        let relationship = proxy
            .relationship
            .as_ref()
            .map(|r| r.trim().to_owned())
            .filter(|r| !r.is_empty());
        let pending = proxy
            .removal_requested
            .as_ref()
            .map(|r| match r.requested_on_date() {
                Some(date) => words::asked_on(&dates::long_date(date), &r.reference),
                None => words::asked(&r.reference),
            });
        ProxyCard {
            id: proxy.id.clone(),
            name: proxy.name.clone(),
            relationship,
            can_see: can_see(&proxy.services()),
            since: proxy
                .since_date()
                .map(dates::long_date)
                .unwrap_or_else(|| words::DATE_NOT_KNOWN.to_owned()),
            pending,
        }
    }
}

/// What someone can see, in plain words: the services this app knows in
/// the order it describes them, each once, then "other services" once for
/// any it does not know. Nothing is "Nothing at the moment", never hidden.
pub fn can_see(services: &[ProxyService]) -> String {
    let mut items: Vec<&str> = ProxyService::KNOWN
        .into_iter()
        .filter(|known| services.contains(known))
        .map(service_words)
        .collect();
    if services.contains(&ProxyService::Other) {
        items.push(words::OTHER);
    }
    words::can_see(&items)
}

fn service_words(service: ProxyService) -> &'static str {
    match service {
        ProxyService::Record => words::RECORD,
        ProxyService::Appointments => words::APPOINTMENTS,
        ProxyService::Prescriptions => words::PRESCRIPTIONS,
        ProxyService::Messages => words::MESSAGES,
        ProxyService::Other => words::OTHER,
    }
}

/// One sign-in, in the page's words.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct SignInRow {
    /// "2 November 2026 at 9:15am" in UK time, or "Date not known".
    pub when: String,
    pub device: String,
    /// "Still signed in" or "Signed out".
    pub status: &'static str,
    /// The sign-in of the device the patient is using.
    pub this_device: bool,
}

impl SignInRow {
    pub fn new(sign_in: &SignIn) -> SignInRow {
        let when = match sign_in.at_uk() {
            Some(at) => match at.seconds {
                Some(seconds) => {
                    sign_in_words::when(&dates::long_date(at.date), &dates::time_of_day(seconds))
                }
                None => dates::long_date(at.date),
            },
            None => sign_in_words::DATE_NOT_KNOWN.to_owned(),
        };
        let device = sign_in.device.trim();
        SignInRow {
            when,
            device: if device.is_empty() {
                sign_in_words::DEVICE_NOT_KNOWN.to_owned()
            } else {
                device.to_owned()
            },
            // This device is signed in, whatever the flag says.
            status: if sign_in.active || sign_in.current {
                sign_in_words::STILL_SIGNED_IN
            } else {
                sign_in_words::SIGNED_OUT
            },
            this_device: sign_in.current,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use record_access_contract::{ProxyList, RemovalRequested, SignInList};

    fn proxy(can_see: &[&str], since: &str) -> Proxy {
        Proxy {
            id: "px-1".into(),
            name: "Mark Hartley".into(),
            relationship: Some("Partner".into()),
            can_see: can_see.iter().map(|s| (*s).to_owned()).collect(),
            since: since.into(),
            removal_requested: None,
        }
    }

    #[test]
    fn says_what_someone_can_see_in_plain_words() {
        let says = |can: &[&str]| ProxyCard::new(&proxy(can, "2025-05-01")).can_see;
        assert_eq!(says(&["record"]), "Your GP health record");
        assert_eq!(
            says(&["prescriptions", "record", "appointments", "messages"]),
            "Your GP health record, your appointments, your prescriptions and messages with your GP surgery"
        );
        assert_eq!(says(&["appointments", "appointments"]), "Your appointments");
    }

    #[test]
    fn an_unknown_service_is_other_services_and_none_is_never_hidden() {
        let says = |can: &[&str]| ProxyCard::new(&proxy(can, "2025-05-01")).can_see;
        assert_eq!(
            says(&["online_consultations", "record", "RECORD", ""]),
            "Your GP health record and other services"
        );
        assert_eq!(says(&["online_consultations"]), "Other services");
        assert_eq!(says(&[]), "Nothing at the moment");
    }

    #[test]
    fn a_date_that_does_not_parse_is_not_known_and_the_person_is_still_shown() {
        let card = ProxyCard::new(&proxy(&["record"], "2025-05-01"));
        assert_eq!(card.since, "1 May 2025");
        for bad in [
            "not known",
            "",
            "2025-02-30",
            "01/05/2025",
            "2025-05-01T10:00:00Z",
        ] {
            let card = ProxyCard::new(&proxy(&["record"], bad));
            assert_eq!(card.since, "Date not known", "{bad}");
            assert_eq!(card.name, "Mark Hartley");
        }
    }

    #[test]
    fn a_pending_request_says_when_and_its_reference() {
        let mut p = proxy(&["record"], "2025-05-01");
        p.removal_requested = Some(RemovalRequested {
            reference: "RA-3F8QW2LT".into(),
            requested_on: "2026-10-29".into(),
        });
        assert_eq!(
            ProxyCard::new(&p).pending.as_deref(),
            Some("You asked on 29 October 2026, reference RA-3F8QW2LT")
        );
        p.removal_requested.as_mut().unwrap().requested_on = "soon".into();
        assert_eq!(
            ProxyCard::new(&p).pending.as_deref(),
            Some("You asked your GP surgery to remove their access, reference RA-3F8QW2LT")
        );
        assert_eq!(ProxyCard::new(&proxy(&[], "x")).pending, None);
    }

    #[test]
    fn names_and_relationships_are_kept_as_given() {
        let mut p = proxy(&["record"], "2025-05-01");
        p.name = "<b>Alex</b> <script>alert(1)</script>".into();
        p.relationship = Some("  <i>Parent</i> ".into());
        let card = ProxyCard::new(&p);
        assert_eq!(card.name, "<b>Alex</b> <script>alert(1)</script>");
        assert_eq!(card.relationship.as_deref(), Some("<i>Parent</i>"));
        p.relationship = Some("   ".into());
        assert_eq!(ProxyCard::new(&p).relationship, None);
    }

    #[test]
    fn decodes_the_misbehaving_list_and_shows_everyone() {
        let body = r#"{"proxies":[
            {"id":"a","name":"Jordan Rowe","relationship":"Partner","can_see":["record","online_consultations"],"since":"2026-04-16"},
            {"id":"b","name":"Pat Rowe","can_see":[],"since":"not known"},
            {"id":"c","name":"x","can_see":["record"],"since":"2026-08-04","removal_requested":{"reference":"RA-1","requested_on":"2026-10-29"},"extra":true}
        ]}"#;
        let list: ProxyList = serde_json::from_str(body).unwrap();
        let cards: Vec<_> = list.proxies.iter().map(ProxyCard::new).collect();
        assert_eq!(cards.len(), 3);
        assert_eq!(cards[0].can_see, "Your GP health record and other services");
        assert_eq!(cards[1].can_see, "Nothing at the moment");
        assert_eq!(cards[1].since, "Date not known");
        assert_eq!(cards[1].relationship, None);
        assert!(cards[2].pending.is_some());
    }

    fn sign_in(at: &str, current: bool, active: bool) -> SignIn {
        SignIn {
            at: at.into(),
            device: "Chrome on Android".into(),
            current,
            active,
        }
    }

    #[test]
    fn a_sign_in_is_shown_in_uk_time() {
        // 31 October 2026 is after the clocks go back: GMT.
        let row = SignInRow::new(&sign_in("2026-10-31T09:15:00Z", false, true));
        assert_eq!(row.when, "31 October 2026 at 9:15am");
        assert_eq!(row.status, "Still signed in");
        assert!(!row.this_device);
        // In summer, UK time is an hour ahead.
        let row = SignInRow::new(&sign_in("2026-07-01T23:30:00Z", false, false));
        assert_eq!(row.when, "2 July 2026 at 12:30am");
        assert_eq!(row.status, "Signed out");
    }

    #[test]
    fn a_sign_in_with_a_bad_date_is_still_shown() {
        for bad in [
            "yesterday evening",
            "",
            "2026-11-01",
            "2026-13-01T10:00:00Z",
        ] {
            let row = SignInRow::new(&sign_in(bad, false, true));
            assert_eq!(row.when, "Date not known", "{bad}");
            assert_eq!(row.device, "Chrome on Android");
        }
    }

    #[test]
    fn this_device_is_marked_and_signed_in() {
        let row = SignInRow::new(&sign_in("2026-11-02T10:00:00Z", true, false));
        assert!(row.this_device);
        assert_eq!(row.status, "Still signed in");
        let mut blank = sign_in("2026-11-02T10:00:00Z", false, false);
        blank.device = "  ".into();
        assert_eq!(SignInRow::new(&blank).device, "Device not known");
        let list: SignInList = serde_json::from_str(
            r#"{"sign_ins":[{"at":"2026-11-02T10:00:00Z","device":"Firefox on Windows","current":true,"active":true}]}"#,
        )
        .unwrap();
        assert_eq!(
            SignInRow::new(&list.sign_ins[0]).when,
            "2 November 2026 at 10am"
        );
    }
}
