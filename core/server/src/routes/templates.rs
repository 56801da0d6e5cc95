//! `GET /templates/establishments.xlsx`: the Excel template for many establishments, with the
//! installed catalogue as drop-downs.

use axum::extract::State;
use axum::http::{HeaderValue, header};
use axum::response::{IntoResponse, Response};
use i18n::Locale;
use workbook::CatalogueChoices;

use crate::errors::ApiError;
use crate::{AppState, RequestLocale};

/// The template with labels in the request's language.
pub(crate) async fn establishment_template(
    State(state): State<AppState>,
    RequestLocale(locale): RequestLocale,
) -> Result<Response, ApiError> {
    let choices = catalogue_choices(&state, locale);
    let bytes = workbook::establishment_template(locale, &choices)
        .map_err(|err| ApiError::internal("establishment template", &err).in_locale(locale))?;
    let mut response = bytes.into_response();
    let headers = response.headers_mut();
    headers.insert(
        header::CONTENT_TYPE,
        HeaderValue::from_static(
            "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
        ),
    );
    headers.insert(
        header::CONTENT_DISPOSITION,
        HeaderValue::from_static("attachment; filename=\"toroku-establishments.xlsx\""),
    );
    // The drop-downs follow the installed plugins: keep copies short-lived.
    headers.insert(
        header::CACHE_CONTROL,
        HeaderValue::from_static("public, max-age=300"),
    );
    Ok(response)
}

/// The business types, sub-types and second sub-types of every installed plugin, labelled in
/// `locale` (a sub-type's label names its business type, as several types share sub-type
/// names).
fn catalogue_choices(state: &AppState, locale: Locale) -> CatalogueChoices {
    let mut choices = CatalogueChoices::default();
    let set = state.registrar.plugins();
    for plugin in set.plugins() {
        let text = |id: &str| plugin.message(locale, id, &[]);
        for t in &plugin.catalogue().business_types {
            let type_label = text(&t.label);
            choices
                .business_types
                .push((t.id.clone(), type_label.clone()));
            for s in &t.sub_types {
                let sub_label = text(&s.label);
                choices
                    .sub_types_1
                    .push((s.id.clone(), format!("{type_label} › {sub_label}")));
                for (id, label) in &s.sub_types_two {
                    choices
                        .sub_types_2
                        .push((id.clone(), format!("{sub_label} › {}", text(label))));
                }
            }
        }
    }
    choices
}
