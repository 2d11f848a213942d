//! `POST /safeguarding/acknowledgements`: the patient's answer to the
//! pressure warning. Every choice is audited; only "continue" counts as
//! having read it.

use axum::extract::State;
use axum::http::StatusCode;
use record_access_contract::{AcknowledgementRequest, SafeguardingChoice};

use crate::app::Shared;
use crate::extract::{Authed, StrictJson};
use crate::problem::ApiError;
use crate::store::EventKind;

pub async fn acknowledge(
    State(state): State<Shared>,
    auth: Authed,
    StrictJson(AcknowledgementRequest { choice }): StrictJson<AcknowledgementRequest>,
) -> Result<StatusCode, ApiError> {
    state.store.transaction(|tx| {
        if choice == SafeguardingChoice::Continue {
            tx.acknowledge(&auth.id);
        }
        tx.record(&auth.session.bucket, EventKind::Acknowledgement { choice });
    })?;
    Ok(StatusCode::NO_CONTENT)
}
