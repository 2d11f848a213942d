//! Requests no route takes: the app's files when a `--dist` directory is
//! served, otherwise (and always under the API's prefixes) a problem.

use axum::extract::State;
use axum::http::{HeaderMap, Method, Uri};
use axum::response::{IntoResponse, Response};

use crate::app::Shared;
use crate::problem::ApiError;
use crate::static_files;

/// Prefixes that belong to the backend, never to the app's routes.
const RESERVED: [&str; 2] = ["/api", "/__control"];

fn is_reserved(path: &str) -> bool {
    RESERVED.iter().any(|p| {
        path.strip_prefix(p)
            .is_some_and(|rest| rest.is_empty() || rest.starts_with('/'))
    })
}

/// The router's fallback.
pub async fn fallback(
    State(state): State<Shared>,
    method: Method,
    uri: Uri,
    request: HeaderMap,
) -> Response {
    let path = uri.path();
    if is_reserved(path) {
        return ApiError::not_found("There is nothing at this path.").into_response();
    }
    match &state.config.dist {
        Some(dist) if method == Method::GET || method == Method::HEAD => {
            static_files::serve(dist, path, &request).await
        }
        Some(_) => ApiError::method_not_allowed().into_response(),
        None => ApiError::not_found("There is nothing at this path.").into_response(),
    }
}

/// A known path asked with a method it does not take.
pub async fn method_not_allowed() -> ApiError {
    ApiError::method_not_allowed()
}

#[cfg(test)]
mod tests {
    #[test]
    fn reserved_prefixes() {
        assert!(super::is_reserved("/api"));
        assert!(super::is_reserved("/api/v2/x"));
        assert!(super::is_reserved("/api/v1/auth/whatever"));
        assert!(super::is_reserved("/__control/x"));
        assert!(!super::is_reserved("/apiary"));
        assert!(!super::is_reserved("/record"));
    }
}
