//! Where the mailed draft link lands, until the step-by-step application form arrives: it says
//! whether the link is valid and how to continue.

use axum::extract::{Path, State};
use axum::response::Response;

use crate::errors::ApiError;
use crate::web::Page;
use crate::{AppState, RequestLocale};

/// `GET /apply/{token}`: where the mailed draft link lands.
pub(crate) async fn apply(
    State(state): State<AppState>,
    RequestLocale(locale): RequestLocale,
    Path(token): Path<String>,
) -> Response {
    let path = format!("/apply/{token}");
    match state.registrar.open_draft(&token).await {
        Ok(_) => Page::new("message.html", "page-apply-title")
            .with(
                "message",
                i18n::Catalog::embedded().message(locale, "page-apply-not_yet", &[]),
            )
            .render(locale, &path),
        Err(err) => {
            let error = ApiError::from(err);
            Page::new("message.html", "page-apply-title")
                .with("message", error.message(locale))
                .with("kind", "error")
                .status(error.status())
                .render(locale, &path)
        }
    }
}
