//! The control API under `/__control/`, mounted only with `--control`: for
//! tests and the designer preview, never for patients.
//!
//! Everything in it is per preview browser, told apart by the `ra_preview`
//! cookie; a request without it uses the default bucket. A call that
//! changes something gives a browser without the cookie its own (new)
//! bucket and sets the cookie.
//!
//! | call | body | answer |
//! |---|---|---|
//! | `GET scenarios` | | 200 `{scenarios:[{name,description,default}], current}` |
//! | `POST scenario` | `{scenario}` | 204; ends the browser's session, forgets results opened and the results release chosen |
//! | `GET faults` | | 200 `{faults:[{method,path,fault,times,remaining}]}` |
//! | `POST faults` | `{method, path, fault, times?}` | 204 |
//! | `DELETE faults` | | 204 |
//! | `POST reset` | | 204; forgets the bucket, ends its sessions |
//! | `GET events` | | 200 `{events:[{seq,type,...}]}` |

mod faults;
pub mod inject;
mod preview;

use axum::http::{header, HeaderValue};
use axum::response::{IntoResponse, Response};
use axum::routing::{get, post};
use axum::Router;

use crate::app::Shared;
use crate::cookies::{self, PREVIEW_COOKIE};
use crate::extract::Caller;
use crate::not_found;
use crate::problem::ApiError;
use crate::random;

pub fn router() -> Router<Shared> {
    Router::new()
        .route("/scenarios", get(preview::scenarios))
        .route("/scenario", post(preview::choose_scenario))
        .route(
            "/faults",
            get(faults::list).post(faults::add).delete(faults::clear),
        )
        .route("/reset", post(preview::reset))
        .route("/events", get(preview::events))
        .fallback(unknown)
        .method_not_allowed_fallback(not_found::method_not_allowed)
}

async fn unknown() -> ApiError {
    ApiError::not_found("There is no such control endpoint.")
}

/// The caller's bucket; a new one, with the cookie to set, when the
/// browser has none yet.
fn claim_bucket(caller: &Caller, state: &Shared) -> (String, Option<HeaderValue>) {
    if caller.has_preview_cookie {
        (caller.bucket.clone(), None)
    } else {
        let id = random::token(16);
        let cookie = cookies::set(PREVIEW_COOKIE, &id, state.secure_cookies());
        (id, Some(cookie))
    }
}

/// Adds the `Set-Cookie` of a newly claimed bucket.
fn with_cookie(response: impl IntoResponse, cookie: Option<HeaderValue>) -> Response {
    let mut response = response.into_response();
    if let Some(c) = cookie {
        response.headers_mut().append(header::SET_COOKIE, c);
    }
    response
}
