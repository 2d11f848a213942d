//! Every word the patient reads, in one place, in plain English the way the
//! NHS writes. Designers and content designers change text here only.
//!
//! Titles and headings use neutral words: the page title ends up in the
//! browser's history list, which someone checking the device can read.

use crate::api::ApiError;

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

pub mod skip_link {
    pub const TEXT: &str = "Skip to main content";
}

pub mod start {
    pub const TITLE: &str = "Sign in";
    pub const HEADING: &str = "Your GP health record";
    pub const INTRO: &str = "See information your GP surgery keeps about you, such as test results, medicines and allergies.";
    pub const SIGN_IN: &str = "Continue to NHS login";
    pub const SIGN_IN_HINT: &str = "You will sign in with NHS login. If you do not have one, you can create one.";
}

pub mod home {
    pub const TITLE: &str = "Home";
    pub fn heading(given_name: &str) -> String {
        format!("Hello, {given_name}")
    }
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
    pub const BODY_PASTED: &str = "If you pasted the web address, check you copied the entire address.";
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
    pub const SIGN_OUT_FAILED: &str = "We could not confirm that you are signed out. Close this window to be sure.";
}

/// The sentence a page shows for a failed request. Never includes anything
/// the backend sent: problem details are for developers, not patients.
pub fn error_message(error: &ApiError) -> &'static str {
    match error {
        ApiError::Network => problem::NETWORK,
        ApiError::Timeout => problem::TIMEOUT,
        _ => problem::SERVICE,
    }
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
        ];
        let mut seen = std::collections::HashSet::new();
        for t in titles {
            assert!(seen.insert(page_title(t)), "duplicate title {t}");
        }
        assert_eq!(page_title("Home"), "Home – GP health record – NHS");
    }

    #[test]
    fn error_messages_do_not_repeat_backend_text() {
        let e = ApiError::Status {
            status: 500,
            problem: Some(record_access_contract::Problem {
                problem_type: "about:blank".into(),
                title: "Database on fire".into(),
                status: 500,
                detail: Some("secret".into()),
                code: "internal_error".into(),
                reference: None,
            }),
        };
        assert_eq!(error_message(&e), problem::SERVICE);
        assert_eq!(error_message(&ApiError::Network), problem::NETWORK);
        assert_eq!(error_message(&ApiError::Timeout), problem::TIMEOUT);
    }
}

pub mod startup {
    /// Shown in place of the app if it stops working. Static markup only:
    /// nothing from the record, and links that work without the app.
    pub const CRASHED_HTML: &str = r#"<div class="nhsuk-width-container"><main class="nhsuk-main-wrapper" id="maincontent"><h1>Sorry, there is a problem with the service</h1><p>Close this window, then open it again and sign in.</p><p>For urgent medical help, go to 111.nhs.uk or call 111.</p></main></div>"#;
}
