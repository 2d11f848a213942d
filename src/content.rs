//! Every word the patient reads, in one place, in plain English the way the
//! NHS writes. Designers and content designers change text here only.
//!
//! Titles and headings use neutral words: the page title ends up in the
//! browser's history list, which someone checking the device can read.

pub const SERVICE_NAME: &str = "GP health record";
pub const NHS: &str = "NHS";

/// The text of the `<title>` element for a page: unique per page, neutral,
/// and never anything from the record.
pub fn page_title(page: &str) -> String {
    format!("{page} – {SERVICE_NAME} – {NHS}")
}

pub mod header {
    pub const HOME_LINK_LABEL: &str = "GP health record homepage";
    pub const ACCOUNT_MENU_LABEL: &str = "Account";
    pub const SIGN_OUT: &str = "Sign out";
    pub const SIGNING_OUT: &str = "Signing out";
}

pub mod footer {
    pub const LINKS_LABEL: &str = "Support links";
    pub const COPYRIGHT: &str = "© NHS England";
}

pub mod start {
    pub const TITLE: &str = "Sign in";
    pub const HEADING: &str = "Your GP health record";
    pub const INTRO: &str = "See information your GP surgery keeps about you, such as test results, medicines and allergies.";
    pub const SIGN_IN: &str = "Continue to NHS login";
    pub const SIGN_IN_HINT: &str =
        "You will sign in with NHS login. If you do not have one, you can create one.";
}

pub mod home {
    pub const TITLE: &str = "Home";
    pub fn heading(given_name: &str) -> String {
        format!("Hello, {given_name}")
    }
    pub const HELP_LINK: &str = "Get help if someone is pressuring you to share your record";
    pub const RECORD_LINK: &str = "View your GP health record";
    pub const RECORD_LINK_HINT: &str =
        "Consultations, test results, medicines, allergies, vaccinations and letters.";
    pub const ACCOUNT_HEADING: &str = "Your account";
    pub const ACCESS_OFF: &str = "Access to your GP health record is turned off in this app. To turn it back on, contact your GP surgery.";
    pub fn access_from(date: &str) -> String {
        format!("You can see information added to your GP health record from {date}.")
    }
}

pub mod signed_out {
    pub const TITLE: &str = "Signed out";
    pub const HEADING: &str = "You have been signed out";
    pub const BODY: &str = "Nothing from your GP health record is still on this page.";
    pub const SIGN_IN_AGAIN: &str = "Sign in again";
}

pub mod not_found {
    pub const TITLE: &str = "Page not found";
    pub const HEADING: &str = "Page not found";
    pub const BODY: &str = "If you typed the web address, check it is correct.";
    pub const BODY_PASTED: &str =
        "If you pasted the web address, check you copied the entire address.";
    pub const HOME_LINK: &str = "Go to the start page";
}

pub mod loading {
    pub const TEXT: &str = "Loading";
}

pub mod problem {
    pub const TITLE: &str = "Sorry, there is a problem";
    pub const HEADING: &str = "Sorry, there is a problem with the service";
    pub const TRY_AGAIN: &str = "Try again";
    pub const OTHER_HELP_HEADING: &str = "If you need help now";
    pub const NHS_111: &str = "For urgent medical help, go to 111.nhs.uk or call 111.";
    pub const NETWORK: &str = "We could not connect. Check your internet connection and try again.";
    pub const TIMEOUT: &str = "This is taking longer than it should. Try again.";
    pub const SERVICE: &str = "Something went wrong on our side. Try again later.";
    pub const SIGN_OUT_FAILED: &str =
        "We could not confirm that you are signed out. Close this window to be sure.";
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn titles_are_neutral_and_unique() {
        let titles = [
            start::TITLE,
            home::TITLE,
            signed_out::TITLE,
            not_found::TITLE,
            problem::TITLE,
            help::TITLE,
            record::TITLE,
            record::ENTRY_TITLE,
            account::TITLE_ABOUT,
            account::TITLE_CHOOSE,
            account::TITLE_CHECK,
            account::TITLE_DONE,
            ask_to_hide::TITLE,
            people::TITLE,
            people::TITLE_CHECK,
            people::TITLE_DONE,
            sign_ins::TITLE,
        ];
        let mut seen = std::collections::HashSet::new();
        for t in titles {
            assert!(seen.insert(page_title(t)), "duplicate title {t}");
            for word in [
                "turn off", "disable", "hide", "abuse", "pressur", "remove", "proxy",
            ] {
                assert!(
                    !t.to_lowercase().contains(word),
                    "{t} names what the patient did"
                );
            }
        }
        assert_eq!(page_title("Home"), "Home – GP health record – NHS");
    }

    /// The texts of the `<tag>` elements in `html`, in order.
    fn texts<'a>(html: &'a str, tag: &str) -> Vec<&'a str> {
        let (open, close) = (format!("<{tag}"), format!("</{tag}>"));
        let mut found = Vec::new();
        let mut rest = html;
        while let Some(at) = rest.find(&open) {
            let after = &rest[at..];
            let start = after.find('>').expect("a whole tag") + 1;
            let end = after.find(&close).expect("a closed element");
            found.push(after[start..end].trim());
            rest = &after[end..];
        }
        found
    }

    /// The part of `html` from `start` to the next `end`.
    fn between<'a>(html: &'a str, start: &str, end: &str) -> &'a str {
        let from = html.find(start).unwrap_or_else(|| panic!("no {start}"));
        let to = html[from..].find(end).unwrap_or_else(|| panic!("no {end}"));
        &html[from..from + to]
    }

    #[test]
    fn the_static_messages_say_what_content_says() {
        let index = include_str!("../index.html");
        let failed = between(index, r#"id="app-failed""#, "</div>");
        assert_eq!(texts(failed, "h1"), [startup::FAILED_HEADING]);
        assert_eq!(texts(failed, "p"), startup::FAILED_BODY);
        let no_script = between(index, "<noscript>", "</noscript>");
        assert_eq!(texts(no_script, "h1"), [startup::NO_SCRIPT_HEADING]);
        assert_eq!(texts(no_script, "p"), startup::NO_SCRIPT_BODY);
        let exit = between(index, r#"id="static-exit""#, "</nav>");
        assert!(exit.contains(&format!(r#"aria-label="{}""#, quick_exit::LANDMARK_LABEL)));
        assert_eq!(texts(exit, "a"), [quick_exit::BUTTON]);
        assert_eq!(texts(index, "a")[0], startup::SKIP_LINK);
        let loading = between(index, r#"class="nhsuk-body app-loading""#, "</p>");
        assert!(
            loading.ends_with(&format!(">{}", loading::TEXT)),
            "{loading}"
        );

        let crashed = startup::CRASHED_HTML;
        assert_eq!(texts(crashed, "h1"), [startup::CRASHED_HEADING]);
        assert_eq!(texts(crashed, "p"), startup::CRASHED_BODY);
        assert_eq!(startup::CRASHED_HEADING, problem::HEADING);
    }

    #[test]
    fn time_left_reads_naturally() {
        assert_eq!(idle::time_left(60), "You will be signed out in 1 minute.");
        assert_eq!(idle::time_left(59), "You will be signed out in 59 seconds.");
        assert_eq!(idle::time_left(1), "You will be signed out in 1 second.");
        assert_eq!(
            idle::time_left(121),
            "You will be signed out in 2 minutes and 1 second."
        );
    }
}

/// The static messages of `index.html` (before the app starts, or if it
/// cannot) and the panic message: static HTML that must say exactly this.
/// A test compares them with these sentences.
pub mod startup {
    pub const SKIP_LINK: &str = "Skip to main content";
    pub const URGENT_HELP: &str = "For urgent medical help, go to 111.nhs.uk or call 111.";

    pub const FAILED_HEADING: &str = "Sorry, this page has not loaded";
    pub const FAILED_BODY: [&str; 3] = [
        "Check your internet connection, then reload the page.",
        "This service needs JavaScript and WebAssembly. If your browser blocks them, try another browser.",
        URGENT_HELP,
    ];

    pub const NO_SCRIPT_HEADING: &str = "This service needs JavaScript";
    pub const NO_SCRIPT_BODY: [&str; 2] = [
        "Turn on JavaScript in your browser, or try another browser.",
        URGENT_HELP,
    ];

    pub const CRASHED_HEADING: &str = "Sorry, there is a problem with the service";
    pub const CRASHED_BODY: [&str; 2] = [
        "Close this window, then open it again and sign in.",
        URGENT_HELP,
    ];
    /// Shown in place of the app if it stops working. Static markup only:
    /// nothing from the record, and links that work without the app.
    pub const CRASHED_HTML: &str = r#"<div class="nhsuk-width-container"><main class="nhsuk-main-wrapper" id="maincontent"><h1>Sorry, there is a problem with the service</h1><p>Close this window, then open it again and sign in.</p><p>For urgent medical help, go to 111.nhs.uk or call 111.</p></main></div>"#;
}

pub mod quick_exit {
    pub const BUTTON: &str = "Exit this page";
    pub const LANDMARK_LABEL: &str = "Quick exit";
    /// Read before the button's text by screen readers.
    pub const BUTTON_HIDDEN_PREFIX: &str = "Emergency ";
    pub const LOADING: &str = "Loading.";
    pub const SHORTCUT_EXPIRED: &str = "Exit this page expired.";
    pub fn presses_remaining(n: u8) -> String {
        if n == 1 {
            "Shift, press 1 more time to exit.".to_owned()
        } else {
            format!("Shift, press {n} more times to exit.")
        }
    }
}

/// The NHS warning callout.
pub mod warning_callout {
    /// Read before the callout's label by screen readers.
    pub const IMPORTANT: &str = "Important: ";
}

pub mod pressure_warning {
    /// Neutral: the title is in the browser's history.
    pub const TITLE: &str = "Before you continue";
    pub const HEADING: &str = "Before you continue";
    pub const CALLOUT_LABEL: &str = "Sensitive information";
    pub const SENSITIVE: &str = "Your GP health record may include sensitive information, such as test results, diagnoses and letters about your care.";
    pub const NOBODY_CAN_MAKE_YOU: &str = "Nobody can make you share your record or show it to them. This includes a partner, family member, carer or friend.";
    pub const IF_PRESSURED_HEADING: &str = "If someone is pressuring you";
    pub const IF_PRESSURED: [&str; 3] = [
        "you can turn off access to your record in this app",
        "you can ask your GP surgery to hide information in your record",
        "you can get support from a free, confidential helpline",
    ];
    /// The last line of the list, a link.
    pub const IF_PRESSURED_PEOPLE: &str = "you can check who else can see your record";
    pub const CONTINUE: &str = "Continue to your record";
    pub const GET_HELP: &str = "Get help if someone is pressuring you";
    pub const EXIT_HINT: &str =
        "To leave quickly, select \"Exit this page\" or press the Shift key 3 times.";
}

pub mod record_gate {
    pub const ACCESS_OFF_TITLE: &str = "Access turned off";
    pub const ACCESS_OFF_HEADING: &str = "Access to your GP health record is turned off";
    pub const ACCESS_OFF_BODY: &str = "You cannot see your GP health record in this app. To turn access back on, contact your GP surgery.";
    pub const SIGN_IN_TITLE: &str = "Sign in to continue";
    pub const SIGN_IN_HEADING: &str = "Sign in to continue";
    pub const SIGN_IN_BODY: &str = "You need to sign in with NHS login to see this page.";
}

pub mod help {
    /// Neutral: the title is in the browser's history.
    pub const TITLE: &str = "Help";
    pub const HEADING: &str = "Help and support";
    pub const INTRO: &str = "Your GP health record belongs to you. You decide who sees it.";

    pub const PRESSURE_HEADING: &str = "If someone is pressuring you";
    pub const PRESSURE_INTRO: &str =
        "It is not OK for someone to make you show them your record. This might be someone:";
    pub const PRESSURE_SIGNS: [&str; 4] = [
        "asking to see your record, test results or messages",
        "watching you while you use this app",
        "taking your phone or asking for your NHS login details",
        "threatening you or getting angry if you say no",
    ];

    pub const OPTIONS_HEADING: &str = "What you can do";
    pub const TURN_OFF_HEADING: &str = "Turn off access to your record";
    pub const TURN_OFF_BODY: &str = "You can turn off access to your GP health record in this app, or disable your NHS login. Nobody else is told. To turn access back on later, contact your GP surgery.";
    pub const TURN_OFF_LINK: &str = "Turn off access";
    pub const HIDE_HEADING: &str = "Ask your GP surgery to hide information";
    pub const HIDE_BODY: &str = "You can ask your GP surgery to hide an entry in your record, such as a consultation or a letter. Open the entry and choose to ask for it to be hidden, or contact your GP surgery. The surgery decides. A hidden entry disappears from your record without a trace.";
    pub const LOGIN_HEADING: &str = "Change your NHS login details";
    pub const LOGIN_BODY: &str = "If someone else knows your NHS login password, change it in your NHS login settings. Use an email address and phone number that only you can get to.";
    pub const LOGIN_LINK: &str = "How to change your NHS login details (opens NHS login help)";
    pub const WHO_HEADING: &str = "Check who else can see your record";
    pub const WHO_BODY: &str = "Your GP surgery may have given someone proxy access to your record. You can see who, and ask the surgery to remove their access. You can also see recent sign-ins to your NHS login, and sign out everywhere else.";

    pub const HELPLINES_HEADING: &str = "Free helplines";
    pub const HELPLINES_INTRO: &str = "You can talk to someone in confidence.";

    pub struct Helpline {
        pub name: &'static str,
        pub number: &'static str,
        pub who: &'static str,
    }

    /// Numbers as published on NHS and GOV.UK pages (see docs/content-sources.md).
    pub const HELPLINES: [Helpline; 5] = [
        Helpline {
            name: "National Domestic Abuse Helpline",
            number: "0808 2000 247",
            who: "Free, 24 hours a day. Run by Refuge.",
        },
        Helpline {
            name: "Men's Advice Line",
            number: "0808 801 0327",
            who: "For men experiencing domestic abuse.",
        },
        Helpline {
            name: "National LGBT+ Domestic Abuse Helpline (Galop)",
            number: "0800 999 5428",
            who: "For LGBT+ people experiencing domestic abuse.",
        },
        Helpline {
            name: "Respect Phoneline",
            number: "0808 802 4040",
            who: "For people worried about their own behaviour.",
        },
        Helpline {
            name: "Victim Support",
            number: "0808 168 9111",
            who: "For anyone affected by crime.",
        },
    ];

    pub const EMERGENCY_HEADING: &str = "In an emergency";
    pub const CALL_999: &str = "Call 999";
    pub const CALL_111: &str = "Call 111";
    pub const EMERGENCY_999: &str = "Call 999 if you are in danger.";
    pub const EMERGENCY_55: &str = "If you cannot speak, call 999, listen to the questions, then press 55 when asked. This tells the police you need help.";
    pub const URGENT_111: &str = "For urgent medical help, go to 111.nhs.uk or call 111.";

    pub const ONLINE_SAFETY_HEADING: &str = "Staying safe on this device";
    pub const ONLINE_SAFETY: [&str; 3] = [
        "\"Exit this page\" takes you to another website straight away and signs you out. It does not delete your browsing history.",
        "To leave no history, use a private or incognito window.",
        "You can clear your browsing history in your browser's settings. Someone who checks your device may notice that it has been cleared.",
    ];

    /// A `tel:` link for a number as written.
    pub fn tel_href(number: &str) -> String {
        let digits: String = number.chars().filter(char::is_ascii_digit).collect();
        format!("tel:{digits}")
    }
}

pub mod record {
    use record_access_contract::EntryKind;

    /// Neutral: the title is in the browser's history, and never names
    /// anything from the record.
    pub const TITLE: &str = "Your record";
    pub const HEADING: &str = "Your GP health record";
    pub fn access_from(date: &str) -> String {
        format!("You can see information added from {date}. To ask for earlier information, contact your GP surgery.")
    }
    pub const INFORMATION: &str = "Information: ";
    pub const RESULTS_AFTER_REVIEW: &str =
        "Some test results may appear after your GP surgery has reviewed them.";
    pub const RESULTS_AFTER_CONVERSATION: &str =
        "Some test results may appear after someone at your GP surgery has talked to you about them.";
    /// When the patient's choice could not be read.
    pub const RESULTS_LATER: &str = "Some test results may not appear straight away.";

    /// A new result the patient has not opened: nothing of it but its kind
    /// and date is shown.
    pub const NEW_RESULT: &str = "New result: open it when you are ready";
    pub const NEW_RESULT_ADVICE: &str =
        "You may want someone with you when you read it, or to speak to your GP surgery first.";
    pub const OPEN_RESULT: &str = "Open this result";
    pub fn open_result_context(date: &str) -> String {
        format!(" from {date}")
    }
    pub fn added_on(date: &str) -> String {
        format!("Added on {date}")
    }
    pub const UNOPENED_NOT_SEARCHED: &str = "Results you have not opened are not searched.";
    pub fn nothing_since(date: &str) -> String {
        format!("Nothing has been added to your record since {date}.")
    }
    pub const NOTHING_YET: &str = "Nothing has been added to your record yet.";
    pub const LOADING_MORE: &str = "Loading more of your record";
    pub const MORE_ARRIVED: &str =
        "More of your record has loaded. The list will update when you go back to the top.";
    pub const LOAD_FAILED_PART: &str =
        "We could not load all of your record. What you see may be incomplete.";

    pub const FILTERS_HEADING: &str = "Filter your record";
    pub const SEARCH_LABEL: &str = "Search your record";
    pub const SEARCH_HINT: &str = "For example, a medicine, test or doctor's name";
    pub const MORE_FILTERS: &str = "Filter by type and date";
    pub const KINDS_LEGEND: &str = "Type of information";
    pub const FROM_LABEL: &str = "From";
    pub const TO_LABEL: &str = "To";
    pub const DATES_LEGEND: &str = "Date added";
    pub const CLEAR_FILTERS: &str = "Clear filters";
    pub const QUERY_NOTE: &str =
        "Some filters in the web address could not be used and have been left out.";
    pub fn result_count(n: usize) -> String {
        match n {
            0 => "No entries match your filters.".to_owned(),
            1 => "Showing 1 entry".to_owned(),
            n => format!("Showing {n} entries"),
        }
    }
    pub const NO_MATCHES_HINT: &str = "Try fewer filters or different words.";
    pub const PAGINATION_LABEL: &str = "Pages of your record";
    pub const PREVIOUS: &str = "Previous";
    pub const NEXT: &str = "Next";
    pub fn page_of(page: usize, pages: usize) -> String {
        format!("Page {page} of {pages}")
    }

    pub const CLINICIAN: &str = "Recorded by";
    pub const LOCATION: &str = "Place";
    pub const DATE: &str = "Date";

    pub const ENTRY_TITLE: &str = "Record entry";
    pub const BACK_TO_RECORD: &str = "Back to your record";
    pub const NOT_AVAILABLE_TITLE: &str = "Entry not available";
    pub const NOT_AVAILABLE: &str = "This entry is not available";
    pub const NOT_AVAILABLE_BODY: &str = "It may have been moved or removed. If you think something is missing from your record, contact your GP surgery.";

    /// The patient's word for each kind; unknown kinds are "Other".
    pub fn kind_label(kind: EntryKind) -> &'static str {
        match kind {
            EntryKind::Consultation => "Consultation",
            EntryKind::TestResult => "Test result",
            EntryKind::Medicine => "Medicine",
            EntryKind::Allergy => "Allergy",
            EntryKind::Immunisation => "Vaccination",
            EntryKind::Document => "Document",
            EntryKind::Problem => "Health problem",
            EntryKind::Other => "Other",
        }
    }
}

pub mod idle {
    pub const HEADING: &str = "You're about to be signed out";
    pub const WHY: &str =
        "For your security, we sign you out if you have not done anything for a while.";
    pub const STAY: &str = "Stay signed in";
    pub const SIGN_OUT: &str = "Sign out";
    /// "You will be signed out in 1 minute." / "in 45 seconds."
    pub fn time_left(seconds: u32) -> String {
        let (minutes, seconds) = (seconds / 60, seconds % 60);
        let part = |n: u32, one: &str, many: &str| {
            if n == 1 {
                format!("1 {one}")
            } else {
                format!("{n} {many}")
            }
        };
        let when = match (minutes, seconds) {
            (0, s) => part(s, "second", "seconds"),
            (m, 0) => part(m, "minute", "minutes"),
            (m, s) => format!(
                "{} and {}",
                part(m, "minute", "minutes"),
                part(s, "second", "seconds")
            ),
        };
        format!("You will be signed out in {when}.")
    }
    pub const SIGNED_OUT_BODY: &str =
        "You were signed out because you had not done anything for a while.";
}

/// Turning off access. Titles say "Account settings": they end up in the
/// browser's history list.
pub mod account {
    pub const TITLE_ABOUT: &str = "Account settings";
    pub const TITLE_CHOOSE: &str = "Account settings: choose";
    pub const TITLE_CHECK: &str = "Account settings: check";
    pub const TITLE_DONE: &str = "Account settings: done";
    pub const MENU_LINK: &str = "Turn off access";
    pub const MENU_HELP: &str = "Help";
    pub const RECORD_LINK: &str = "Turn off access to your GP health record";

    pub const ABOUT_HEADING: &str = "Turn off access to your GP health record";
    pub const ABOUT_BODY: [&str; 3] = [
        "You can stop your GP health record being shown in this app. Nobody else is told, and you do not need to give a reason.",
        "Your GP surgery keeps your record as it is. Doctors and nurses who care for you can still see it.",
        "To turn access back on later, contact your GP surgery.",
    ];
    pub const CONTINUE: &str = "Continue";

    pub const CHOOSE_HEADING: &str = "What do you want to turn off?";
    pub const RECORD_ACCESS: &str = "Access to my GP health record in this app";
    pub const RECORD_ACCESS_HINT: &str = "You can still sign in with NHS login and use other NHS services. Your record will not be shown here.";
    pub const NHS_LOGIN: &str = "My NHS login";
    pub const NHS_LOGIN_HINT: &str = "You will be signed out and nobody will be able to sign in with your NHS login, including you. Your account is disabled, not deleted.";
    pub const CHOOSE_ERROR: &str = "Select what you want to turn off";

    pub const CHECK_HEADING: &str = "Check your answer";
    pub const CHECK_KEY: &str = "What you are turning off";
    pub const CHANGE: &str = "Change";
    pub const CHANGE_HIDDEN: &str = " what you are turning off";
    pub const CONFIRM_LEGEND: &str = "Confirm";
    pub const CONFIRM_RECORD_ACCESS: &str =
        "I understand that my GP health record will no longer be shown in this app";
    pub const CONFIRM_NHS_LOGIN: &str =
        "I understand that I will be signed out and will not be able to use my NHS login";
    pub const CONFIRM_ERROR: &str = "Confirm that you understand what will happen";
    pub const SUBMIT_RECORD_ACCESS: &str = "Turn off access";
    pub const SUBMIT_NHS_LOGIN: &str = "Disable my NHS login";

    pub const NOT_CONFIRMED_HEADING: &str = "We could not confirm that access was turned off";
    pub const NOT_CONFIRMED_BODY: &str = "Your request may or may not have reached us. Try again: it is safe, access will only be turned off once.";
    pub const REFUSED_HEADING: &str = "Access has not been turned off";
    pub const ALREADY_DONE_HEADING: &str = "Access was already turned off";
    pub const ALREADY_DONE_BODY: &str =
        "You do not need to do anything else. To turn access back on, contact your GP surgery.";

    pub const DONE_RECORD_ACCESS: &str = "Access to your GP health record is turned off";
    pub const DONE_NHS_LOGIN: &str = "Your NHS login is disabled";
    pub const NEXT_HEADING: &str = "What happens next";
    pub const NEXT_RECORD_ACCESS: &str =
        "Your record is no longer shown in this app. We have signed you out.";
    pub const NEXT_NHS_LOGIN: &str = "We have signed you out. Nobody can sign in with your NHS login now. To use it again, contact NHS login or your GP surgery.";
    pub const NEXT_TURN_BACK_ON: &str =
        "To turn access back on, contact your GP surgery and give them your reference number.";

    /// The words for each choice, by scope.
    pub fn choice(scope: record_access_contract::DisableScope) -> &'static str {
        match scope {
            record_access_contract::DisableScope::RecordAccess => RECORD_ACCESS,
            record_access_contract::DisableScope::NhsLogin => NHS_LOGIN,
        }
    }
}

/// Who else can see the record: people with proxy access. Titles say
/// "Account settings": they end up in the browser's history list.
pub mod people {
    pub const TITLE: &str = "Account settings: people";
    pub const TITLE_CHECK: &str = "Account settings: people, check";
    pub const TITLE_DONE: &str = "Account settings: people, done";
    pub const MENU_LINK: &str = "Who can see your record";
    pub const HOME_LINK: &str = "Check who can see your record";
    pub const HOME_LINK_HINT: &str =
        "People with proxy access to your record, and recent sign-ins to your NHS login.";

    pub const HEADING: &str = "People who can see your record";
    pub const INTRO: &str = "Your GP surgery can let someone else, such as a family member or carer, see parts of your record or use services for you. This is called proxy access.";
    pub const NOBODY: &str = "Nobody has proxy access to your GP health record";
    pub const LOGIN_STILL: &str =
        "Someone who knows your NHS login details could still sign in as you.";
    pub const SIGN_INS_LINK: &str = "Check recent sign-ins to your NHS login";
    pub const HONEST: [&str; 2] = [
        "If you ask your GP surgery to remove someone's access, the surgery will not tell them that you asked. They may notice that they can no longer see your record.",
        "Turning off your own access to your record does not change what they can see.",
    ];

    pub const RELATIONSHIP: &str = "Relationship";
    pub const CAN_SEE: &str = "What they can see";
    pub const SINCE: &str = "Since";
    pub const DATE_NOT_KNOWN: &str = "Date not known";
    pub const ASK_TO_REMOVE: &str = "Ask your GP surgery to remove their access";
    pub fn asked_on(date: &str, reference: &str) -> String {
        format!("You asked on {date}, reference {reference}")
    }
    /// A pending request whose date is not known.
    pub fn asked(reference: &str) -> String {
        format!("You asked your GP surgery to remove their access, reference {reference}")
    }
    /// What a proxy can see, in plain words, by service.
    pub const RECORD: &str = "your GP health record";
    pub const APPOINTMENTS: &str = "your appointments";
    pub const PRESCRIPTIONS: &str = "your prescriptions";
    pub const MESSAGES: &str = "messages with your GP surgery";
    pub const OTHER: &str = "other services";
    pub const NOTHING: &str = "Nothing at the moment";
    /// "your appointments and your prescriptions", with the first letter
    /// made a capital.
    pub fn can_see(items: &[&str]) -> String {
        let list = match items {
            [] => return NOTHING.to_owned(),
            [one] => (*one).to_owned(),
            [rest @ .., last] => format!("{} and {last}", rest.join(", ")),
        };
        let mut chars = list.chars();
        match chars.next() {
            Some(first) => first.to_uppercase().chain(chars).collect(),
            None => list,
        }
    }

    pub const LOAD_FAILED_HEADING: &str = "We could not load this list";

    pub const CHECK_HEADING: &str = "Ask your GP surgery to remove their access";
    pub const NAME: &str = "Name";
    pub const WHAT_HAPPENS: [&str; 3] = [
        "Your GP surgery will look at your request and remove their access. They may contact you to talk about it.",
        "The surgery will not tell them that you asked, but they may notice that they can no longer see your record.",
        "We will not send you an email or letter about it.",
    ];
    pub const SUBMIT: &str = "Send request";
    pub const NOT_CONFIRMED_HEADING: &str = "We could not confirm that your request was sent";
    pub const NOT_CONFIRMED_BODY: &str = "It may or may not have reached us. Try again: it is safe, your request will only be sent once.";
    pub const REFUSED_HEADING: &str = "Your request has not been sent";
    pub const GONE_HEADING: &str = "This person no longer has proxy access";
    pub const GONE_BODY: &str = "They cannot see your record or use services for you now. You do not need to do anything else.";
    pub const ALREADY_HEADING: &str = "You have already asked to remove their access";
    pub const ALREADY_BODY: &str =
        "You do not need to ask again. Your GP surgery will look at your earlier request.";

    pub const DONE_HEADING: &str = "Request sent";
    pub const NEXT_HEADING: &str = "What happens next";
    pub const NEXT: [&str; 2] = [
        "Your GP surgery will look at your request and remove their access. They may contact you to talk about it.",
        "Write down your reference number if you want to ask about it: we will not send it to you.",
    ];
    pub const BACK_TO_LIST: &str = "Back to people who can see your record";
    pub const HELPLINES_LINK: &str = "Get help from a free, confidential helpline";
}

/// Recent sign-ins to the patient's NHS login, and signing out everywhere
/// else.
pub mod sign_ins {
    pub const TITLE: &str = "Account settings: sign-ins";
    pub const HEADING: &str = "Recent sign-ins";
    pub const HOME_LINK: &str = "Check recent sign-ins";
    pub fn intro(days: u32) -> String {
        format!("These are the times someone signed in to this service as you in the last {days} days, newest first.")
    }
    pub const NOT_RECOGNISED: &str =
        "If you do not recognise a sign-in, someone else may know your NHS login details.";
    pub const LIST_LABEL: &str = "Sign-ins";
    pub const NONE: &str = "There have been no sign-ins in this time.";
    pub const DEVICE: &str = "Device";
    pub const STATUS: &str = "Status";
    pub const THIS_DEVICE: &str = "This device";
    pub const STILL_SIGNED_IN: &str = "Still signed in";
    pub const SIGNED_OUT: &str = "Signed out";
    pub const DATE_NOT_KNOWN: &str = "Date not known";
    pub const DEVICE_NOT_KNOWN: &str = "Device not known";
    /// "2 November 2026 at 9:15am".
    pub fn when(date: &str, time: &str) -> String {
        format!("{date} at {time}")
    }

    pub const ACTIONS_HEADING: &str = "What you can do";
    pub const PASSWORD_HEADING: &str = "Change your NHS login password";
    pub const PASSWORD_BODY: &str = "Choose a password that nobody else knows. Use an email address and phone number that only you can get to.";
    pub const SIGN_OUT_OTHERS_HEADING: &str = "Sign out everywhere else";
    pub const SIGN_OUT_OTHERS_BODY: &str = "This signs you out on every device except this one. If someone else is signed in as you, they may notice that they have been signed out.";
    pub const SIGN_OUT_OTHERS: &str = "Sign out everywhere else";
    pub const SIGNED_OUT_OTHERS: &str = "You are signed out on every other device";
    pub const SIGNED_OUT_OTHERS_BODY: &str = "Anyone who knows your NHS login details could sign in again. To stop them, change your NHS login password.";
    pub const NOT_CONFIRMED_HEADING: &str =
        "We could not confirm that you were signed out on other devices";
    pub const NOT_CONFIRMED_BODY: &str = "Try again: it is safe to do this more than once.";
    pub const TURN_OFF_HEADING: &str = "Turn off access or disable your NHS login";
    pub const TURN_OFF_BODY: &str = "You can stop your record being shown in this app, or disable your NHS login so that nobody can sign in with it.";
    pub const TURN_OFF_LINK: &str = "Turn off access to your record or disable your NHS login";
    pub const HELP_HEADING: &str = "Get help";
    pub const HELP_LINK: &str = "Get help if someone is pressuring you";
    pub const PEOPLE_LINK: &str = "See who has proxy access to your record";
}

/// When new test results appear. The title says "Account settings": it
/// ends up in the browser's history list.
pub mod results_setting {
    pub const TITLE: &str = "Account settings: results";
    pub const MENU_LINK: &str = "When to show test results";
    pub const HOME_LINK: &str = "Choose when to see new test results";
    pub const HELP_HEADING: &str = "Choose when you see new test results";
    pub const HELP_BODY: &str = "You can choose to see new test results only after someone at your GP surgery has talked to you about them. This also applies to anyone with proxy access to your record.";

    pub const HEADING: &str = "When to show new test results";
    pub const LOAD_FAILED_HEADING: &str = "We could not load your setting";
    pub const AFTER_REVIEW: &str = "After my GP surgery has reviewed them";
    pub const AFTER_REVIEW_HINT: &str = "New test results appear once a doctor or nurse at your GP surgery has looked at them. Some may appear before anyone has talked to you about them.";
    pub const AFTER_CONVERSATION: &str =
        "Only after someone at my GP surgery has talked to me about them";
    pub const AFTER_CONVERSATION_HINT: &str = "A result nobody has talked to you about will not appear until someone does. This also applies to anyone with proxy access to your record.";
    pub const RELEASES_HELD: &str = "If you choose this, every result being held back until someone talks to you about it will appear straight away.";
    pub const CHOOSE_ERROR: &str = "Select when you want to see new test results";
    pub const SAVE: &str = "Save";

    pub const SAVED_TITLE: &str = "Success";
    pub const SAVED_AFTER_REVIEW: &str =
        "Saved. New test results will now appear after your GP surgery has reviewed them.";
    pub const SAVED_AFTER_REVIEW_RELEASED: &str = "Saved. New test results will now appear after your GP surgery has reviewed them. Any results that were held back are now shown.";
    pub const SAVED_AFTER_CONVERSATION: &str = "Saved. New test results will now appear only after someone at your GP surgery has talked to you about them.";
    pub const SAVED_UNKNOWN: &str = "We could not check what was saved. Choose again and save.";

    pub const NOT_CONFIRMED_HEADING: &str = "We could not confirm that your setting was saved";
    pub const NOT_CONFIRMED_BODY: &str =
        "It may or may not have been saved. Try again: it is safe, it will only be saved once.";
    pub const REFUSED_HEADING: &str = "Your setting has not been saved";
    pub const GONE_BODY: &str =
        "This setting is not available at the moment. Try again later, or contact your GP surgery.";
}

/// Asking the GP surgery to hide an entry.
pub mod ask_to_hide {
    /// Neutral: it names neither hiding nor the entry.
    pub const TITLE: &str = "Ask your GP surgery";
    pub const LINK: &str = "Ask your GP surgery to hide this entry";
    pub const HEADING: &str = "Ask your GP surgery to hide this entry";
    pub const ENTRY: &str = "Entry";
    /// An unopened result is named without opening it.
    pub fn unopened_entry(date: &str) -> String {
        format!("A new test result from {date}")
    }
    pub const WHAT_HAPPENS: [&str; 3] = [
        "Your GP surgery will look at your request and decide. They may contact you to talk about it.",
        "If they hide it, the entry disappears from your record in this app. It will not show that anything was hidden.",
        "We will not send you an email or letter about it.",
    ];
    pub const NOTE_LABEL: &str = "Anything you want your GP surgery to know (optional)";
    pub const NOTE_HINT: &str = "Do not include anything you would not want someone else to read.";
    pub fn characters_left(n: i64) -> String {
        match n {
            1 => "You have 1 character remaining".to_owned(),
            n if n >= 0 => format!("You have {n} characters remaining"),
            -1 => "You have 1 character too many".to_owned(),
            n => format!("You have {} characters too many", -n),
        }
    }
    pub const NOTE_TOO_LONG: &str = "Your note must be 1,000 characters or fewer";
    pub const SUBMIT: &str = "Send request";
    pub const NOT_CONFIRMED_HEADING: &str = "We could not confirm that your request was sent";
    pub const NOT_CONFIRMED_BODY: &str = "It may or may not have reached us. Try again: it is safe, your request will only be sent once.";
    pub const REFUSED_HEADING: &str = "Your request has not been sent";
    pub const DONE_HEADING: &str = "Request sent";
    pub const NEXT_BODY: &str = "Your GP surgery will decide whether to hide the entry. Write down your reference number if you want to ask about it: we will not send it to you.";
}

/// What every form that sends something says about the sending.
pub mod submission {
    pub const BACK: &str = "Back";
    pub const SENDING: &str = "Sending, please wait";
    pub const REFUSED_BODY: &str =
        "Something went wrong on our side. Try again, or contact your GP surgery.";
    pub const REFERENCE: &str = "Your reference number";
}

/// The NHS error summary.
pub mod error_summary {
    pub const HEADING: &str = "There is a problem";
}
