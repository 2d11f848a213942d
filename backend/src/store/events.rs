//! The audit list: what the backend saw each preview browser do, in order.
//! Tests read it through `GET /__control/events` ("the backend saw the
//! session end with reason exit").

use record_access_contract::{DisableScope, EndReason, SafeguardingChoice};
use serde::{Deserialize, Serialize};

/// One audit event. `seq` grows across the whole server and never repeats,
/// even after a reset.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Event {
    pub seq: u64,
    #[serde(flatten)]
    pub kind: EventKind,
}

/// Kept in the store as the JSON it is listed as.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(tag = "type", rename_all = "snake_case")]
pub enum EventKind {
    /// `/api/v1/auth/login` started a session for this scenario.
    SignIn {
        scenario: String,
    },
    /// A session was ended. `reason` is what the app sent (`null` for an
    /// empty beacon); `ended_session` is false when there was no live
    /// session to end.
    SessionEnd {
        reason: Option<EndReason>,
        source: EndSource,
        ended_session: bool,
    },
    /// A session ran past its idle timeout and was found so.
    SessionExpired,
    /// The pressure warning's choice.
    Acknowledgement {
        choice: SafeguardingChoice,
    },
    KeepAlive,
    AccessDisabled {
        scope: DisableScope,
        reference: String,
    },
    RedactionRequest {
        entry_id: String,
        reference: String,
    },
}

/// What ended a session.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum EndSource {
    /// `POST /api/v1/session/end`.
    Api,
    /// `GET /api/v1/auth/exit`.
    AuthExit,
    /// A new sign-in replaced the browser's session.
    SignIn,
    /// The preview chose another scenario.
    ScenarioChange,
    /// The patient disabled their NHS login.
    NhsLoginDisabled,
}
