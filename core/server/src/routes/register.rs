//! The public register (公表): `GET /api/v1/register` (JSON pages, or the whole filtered list
//! as CSV streamed page by page with `format=csv`) and `GET /register` (an HTML page that
//! works without JavaScript). Only the published items ever leave: applicant name, business
//! type, establishment name and address, registration date and number.

use axum::body::Body;
use axum::extract::{Query, State};
use axum::http::{HeaderValue, header};
use axum::response::{IntoResponse, Response};
use i18n::{Catalog, Locale};
use registrar::{RegisterEntry, RegisterQuery};
use serde_json::json;

use crate::errors::ApiError;
use crate::{AppState, RequestLocale};

/// Query of the register.
#[derive(Debug, Clone, Default, serde::Deserialize)]
pub(crate) struct RegisterParams {
    pub(crate) q: Option<String>,
    business_type: Option<String>,
    prefecture: Option<String>,
    cursor: Option<String>,
    limit: Option<u64>,
    format: Option<String>,
}

impl RegisterParams {
    pub(crate) fn query(&self) -> RegisterQuery {
        RegisterQuery {
            search: self.q.clone(),
            business_type: self.business_type.clone(),
            prefecture: self.prefecture.clone(),
            cursor: self.cursor.clone(),
            limit: self.limit,
        }
    }
}

pub(crate) const CSV_COLUMNS: [&str; 6] = [
    "register-col-number",
    "register-col-registered-on",
    "register-col-applicant",
    "register-col-business-type",
    "register-col-establishment",
    "register-col-address",
];

/// A CSV cell: quoted, with a leading `'` on text a spreadsheet would run as a formula.
fn csv_cell(text: &str) -> String {
    let mut cell = String::with_capacity(text.len() + 3);
    push_csv_cell(&mut cell, text);
    cell
}

/// Appends `text` to `out` as a CSV cell (see [`csv_cell`]) without allocating.
fn push_csv_cell(out: &mut String, text: &str) {
    out.push('"');
    if text.starts_with(['=', '+', '-', '@', '\t', '\r']) {
        out.push('\'');
    }
    for (i, part) in text.split('"').enumerate() {
        if i > 0 {
            out.push_str("\"\"");
        }
        out.push_str(part);
    }
    out.push('"');
}

/// Appends one register row to `out`, CRLF-terminated.
fn push_csv_row(out: &mut String, entry: &RegisterEntry) {
    let cells = [
        &entry.registration_number,
        &entry.registered_on,
        &entry.applicant_name,
        &entry.business_type_label,
        &entry.establishment_name,
        &entry.address,
    ];
    for (i, cell) in cells.iter().enumerate() {
        if i > 0 {
            out.push(',');
        }
        push_csv_cell(out, cell);
    }
    out.push_str("\r\n");
}

/// `GET /api/v1/register`.
pub(crate) async fn register_api(
    State(state): State<AppState>,
    RequestLocale(locale): RequestLocale,
    params: Result<Query<RegisterParams>, axum::extract::rejection::QueryRejection>,
) -> Result<Response, ApiError> {
    let Query(params) = params.map_err(|rejection| {
        ApiError::fields(vec![super::query_problem(&rejection, 1000)]).in_locale(locale)
    })?;
    if params.format.as_deref() == Some("csv") {
        return csv(state, params, locale).await;
    }
    let (items, next) = state
        .registrar
        .public_register(params.query(), locale)
        .await
        .map_err(|err| ApiError::from(err).in_locale(locale))?;
    Ok(axum::Json(json!({ "items": items, "next_cursor": next })).into_response())
}

/// The whole filtered register as CSV (UTF-8 with BOM for spreadsheets), streamed in pages of
/// 5,000 rows so memory stays flat whatever its size.
async fn csv(
    state: AppState,
    params: RegisterParams,
    locale: Locale,
) -> Result<Response, ApiError> {
    let mut first = params.query();
    first.limit = Some(registrar::REGISTER_EXPORT_PAGE);
    first.cursor = None;
    // Validate the filters once before the stream starts (errors cannot be sent mid-stream).
    state
        .registrar
        .public_register(
            RegisterQuery {
                limit: Some(1),
                ..first.clone()
            },
            locale,
        )
        .await
        .map_err(|err| ApiError::from(err).in_locale(locale))?;
    let catalog = Catalog::embedded();
    let header_row: Vec<String> = CSV_COLUMNS
        .iter()
        .map(|id| csv_cell(&catalog.message(locale, id, &[])))
        .collect();
    let head = format!("\u{feff}{}\r\n", header_row.join(","));
    let stream = futures_util::stream::unfold(
        (Some(head), Some(first), state),
        move |(head, query, state)| async move {
            if let Some(head) = head {
                return Some((Ok::<_, std::io::Error>(head), (None, query, state)));
            }
            let query = query?;
            match state
                .registrar
                .public_register_export(query.clone(), locale)
                .await
            {
                Ok((items, next)) => {
                    let mut chunk = String::with_capacity(items.len() * 160);
                    for item in &items {
                        push_csv_row(&mut chunk, item);
                    }
                    let following = next.map(|cursor| RegisterQuery {
                        cursor: Some(cursor),
                        ..query
                    });
                    Some((Ok(chunk), (None, following, state)))
                }
                Err(err) => {
                    tracing::error!(error = %err, "register export failed mid-stream");
                    Some((
                        Err(std::io::Error::other("register export failed")),
                        (None, None, state),
                    ))
                }
            }
        },
    );
    let mut response = Body::from_stream(stream).into_response();
    let headers = response.headers_mut();
    headers.insert(
        header::CONTENT_TYPE,
        HeaderValue::from_static("text/csv; charset=utf-8"),
    );
    headers.insert(
        header::CONTENT_DISPOSITION,
        HeaderValue::from_static("attachment; filename=\"register.csv\""),
    );
    Ok(response)
}

#[cfg(test)]
mod tests {
    use super::csv_cell;

    #[test]
    fn csv_cells_are_quoted_and_formulas_defused() {
        assert_eq!(csv_cell("みなと食品"), "\"みなと食品\"");
        assert_eq!(csv_cell("a\"b"), "\"a\"\"b\"");
        assert_eq!(csv_cell("=HYPERLINK(\"x\")"), "\"'=HYPERLINK(\"\"x\"\")\"");
        assert_eq!(csv_cell("+1"), "\"'+1\"");
        assert_eq!(csv_cell("@SUM"), "\"'@SUM\"");
    }
}
