//! A form's fields as the room reads them: every `name=value` pair in order (a name may repeat: the
//! receivers of a message), with a bad request told in plain words.

use axum::Form;
use axum::extract::rejection::FormRejection;
use axum::http::StatusCode;
use axum::response::Response;

use super::reply::plain;
use crate::serve::limits::MAX_BODY_BYTES;

pub type Raw = Result<Form<Vec<(String, String)>>, FormRejection>;

pub struct Fields(Vec<(String, String)>);

impl Fields {
    /// The fields, or the reply to a body that is too large (413) or not a form (400/422).
    pub fn read(raw: Raw) -> Result<Fields, Response> {
        match raw {
            Ok(Form(pairs)) => Ok(Fields(pairs)),
            Err(rejection) => Err(match rejection.status() {
                StatusCode::PAYLOAD_TOO_LARGE => plain(
                    StatusCode::PAYLOAD_TOO_LARGE,
                    format!("The request is too large: at most {} KiB.", MAX_BODY_BYTES / 1024),
                ),
                StatusCode::UNSUPPORTED_MEDIA_TYPE => plain(
                    StatusCode::BAD_REQUEST,
                    "The request is not a form: send it as application/x-www-form-urlencoded.",
                ),
                status if status.is_client_error() => {
                    plain(StatusCode::UNPROCESSABLE_ENTITY, "The form cannot be read: send it from the room's page.")
                }
                _ => plain(StatusCode::BAD_REQUEST, "The request cannot be read."),
            }),
        }
    }

    /// No fields: a change that needs none.
    pub fn none() -> Fields {
        Fields(Vec::new())
    }

    /// The one value of a field.
    pub fn one<'a>(&'a self, name: &'a str) -> Result<&'a str, Response> {
        let mut values = self.all(name);
        match (values.next(), values.next()) {
            (Some(value), None) => Ok(value),
            (None, _) => Err(unprocessable(format!("The form has no `{name}`."))),
            (Some(_), Some(_)) => Err(unprocessable(format!("The form has `{name}` more than once."))),
        }
    }

    /// Every value of a field, in order.
    pub fn all<'a>(&'a self, name: &'a str) -> impl Iterator<Item = &'a str> + 'a {
        self.0.iter().filter(move |(n, _)| n == name).map(|(_, v)| v.as_str())
    }
}

/// A well-formed request that asks for something that cannot be (422).
pub fn unprocessable(text: impl Into<String>) -> Response {
    plain(StatusCode::UNPROCESSABLE_ENTITY, text)
}
