//! Help for someone who is being pressured: what it looks like, what they
//! can do, and who to call. Reachable signed out, and without passing the
//! pressure warning.
//!
//! The page has no behaviour, so it is written as static markup
//! ([`crate::markup`]): the same elements for a fraction of the wasm.

use crate::content::help as text;
use crate::markup::Markup;
use crate::page_meta::use_page_title;
use crate::routing::paths;
use leptos::prelude::*;

#[component]
pub fn HelpPage() -> impl IntoView {
    use_page_title(text::TITLE);
    view! { <div inner_html=help_markup()></div> }
}

/// The whole page, as markup.
pub fn help_markup() -> String {
    let mut m = Markup::new();
    m.el("h1", "", text::HEADING)
        .el("p", "nhsuk-body-l", text::INTRO)
        .el("h2", "", text::PRESSURE_HEADING)
        .el("p", "nhsuk-body", text::PRESSURE_INTRO);
    m.open("ul", "nhsuk-list nhsuk-list--bullet")
        .each("li", "", &text::PRESSURE_SIGNS)
        .close("ul");

    m.el("h2", "", text::OPTIONS_HEADING)
        .el("h3", "", text::TURN_OFF_HEADING)
        .el("p", "nhsuk-body", text::TURN_OFF_BODY)
        .open("p", "nhsuk-body")
        .link(paths::ACCOUNT, text::TURN_OFF_LINK)
        .close("p")
        .el("h3", "", text::HIDE_HEADING)
        .el("p", "nhsuk-body", text::HIDE_BODY)
        .el("h3", "", text::LOGIN_HEADING)
        .el("p", "nhsuk-body", text::LOGIN_BODY);

    m.el("h2", "", text::HELPLINES_HEADING)
        .el("p", "nhsuk-body", text::HELPLINES_INTRO)
        .open("ul", "nhsuk-list app-helplines");
    for line in &text::HELPLINES {
        m.open("li", "")
            .el("h3", "nhsuk-heading-s nhsuk-u-margin-bottom-1", line.name)
            .open("p", "nhsuk-body nhsuk-u-margin-bottom-1")
            .link(&text::tel_href(line.number), line.number)
            .close("p")
            .el("p", "nhsuk-body-s", line.who)
            .close("li");
    }
    m.close("ul");

    m.open("div", "nhsuk-warning-callout")
        .callout_label(text::IMPORTANT, text::EMERGENCY_HEADING)
        .open("p", "")
        .text(text::EMERGENCY_999)
        .text(" ")
        .link("tel:999", text::CALL_999)
        .close("p")
        .el("p", "", text::EMERGENCY_55)
        .open("p", "")
        .text(text::URGENT_111)
        .text(" ")
        .link("tel:111", text::CALL_111)
        .close("p")
        .close("div");

    m.el("h2", "", text::ONLINE_SAFETY_HEADING)
        .open("ul", "nhsuk-list nhsuk-list--bullet")
        .each("li", "", &text::ONLINE_SAFETY)
        .close("ul")
        .finish()
}
