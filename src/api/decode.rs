//! Turning an HTTP answer (status, content type, body text) into a typed
//! result. Pure, so that every response and problem shape is tested natively.
//!
//! Every body is read with `serde_json` through the contract's derives, so
//! the rules of a message's shape are written once, in `contract/`:
//! unknown fields are ignored, a known field given twice is an error, an
//! unknown `kind` is [`EntryKind::Other`] and an unknown `visibility` is
//! [`Visibility::Unknown`] (hidden).
//!
//! [`EntryKind::Other`]: record_access_contract::EntryKind::Other
//! [`Visibility::Unknown`]: record_access_contract::Visibility::Unknown

use super::error::{ApiError, RAW_BODY_KEPT};
use record_access_contract::{EntriesPage, Entry, Lenient, Problem};
use serde::Deserialize;
use serde_json::value::RawValue;

/// A JSON body on a 2xx answer decodes to `T`; anything else becomes the
/// matching [`ApiError`].
pub fn json<'a, T: Deserialize<'a>>(
    status: u16,
    content_type: Option<&str>,
    body: &'a str,
) -> Result<T, ApiError> {
    check_status(status, content_type, body)?;
    if !is_json(content_type) {
        return Err(undecodable(status, body));
    }
    serde_json::from_str(body).map_err(|_| undecodable(status, body))
}

/// A page of entries, each entry decoded on its own so that one malformed
/// entry is dropped ([`Lenient::Invalid`]) rather than failing the page.
///
/// The page must be valid JSON of the page's shape, with each entry kept
/// as raw JSON; each is then decoded on its own as an [`Entry`]. (serde's
/// `untagged` enums would buffer every entry in a generic tree first.)
pub fn entries_page(
    status: u16,
    content_type: Option<&str>,
    body: &str,
) -> Result<EntriesPage<Lenient<Entry>>, ApiError> {
    let page: EntriesPage<&RawValue> = json(status, content_type, body)?;
    Ok(EntriesPage {
        available_from: page.available_from,
        entries: page
            .entries
            .into_iter()
            .map(|raw| match serde_json::from_str::<Entry>(raw.get()) {
                Ok(entry) => Lenient::Valid(entry),
                Err(_) => Lenient::Invalid(serde::de::IgnoredAny),
            })
            .collect(),
        next_cursor: page.next_cursor,
    })
}

/// A 2xx answer whose body does not matter (204 and friends).
pub fn empty(status: u16, content_type: Option<&str>, body: &str) -> Result<(), ApiError> {
    check_status(status, content_type, body)
}

fn check_status(status: u16, content_type: Option<&str>, body: &str) -> Result<(), ApiError> {
    if (200..300).contains(&status) {
        return Ok(());
    }
    let problem = problem(content_type, body);
    Err(match status {
        401 => ApiError::SignedOut,
        403 => ApiError::Forbidden(problem),
        404 => ApiError::NotFound(problem),
        409 => ApiError::Conflict(problem),
        _ => ApiError::Status { status, problem },
    })
}

/// Problem details, when the body is a JSON object that looks like one.
/// A proxy's HTML error page or an empty body gives `None`.
fn problem(content_type: Option<&str>, body: &str) -> Option<Box<Problem>> {
    if !is_json(content_type) {
        return None;
    }
    serde_json::from_str(body).ok().map(Box::new)
}

fn is_json(content_type: Option<&str>) -> bool {
    let Some(ct) = content_type else { return false };
    let essence = ct
        .split(';')
        .next()
        .unwrap_or("")
        .trim()
        .to_ascii_lowercase();
    essence == "application/json"
        || (essence.starts_with("application/") && essence.ends_with("+json"))
}

fn undecodable(status: u16, body: &str) -> ApiError {
    let mut end = body.len().min(RAW_BODY_KEPT);
    while !body.is_char_boundary(end) {
        end -= 1;
    }
    ApiError::Undecodable {
        status,
        raw: body[..end].to_owned(),
    }
}

#[cfg(all(test, not(target_arch = "wasm32")))]
mod properties;
#[cfg(test)]
mod tests;
