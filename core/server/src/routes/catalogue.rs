//! `GET /api/v1/catalogue`: the installed ministries, their business types (with sub-types,
//! target work and 一体型外部事業者 allowances) and extra fields, labelled in the request's
//! language. Reviewers' pages use canonical Japanese with `?lang=ja`.

use axum::extract::State;
use axum::response::IntoResponse;
use plugin_host::{FieldKind, FieldScope};
use serde_json::{Value, json};

use crate::{AppState, RequestLocale};

/// Every installed plugin's declaration, rendered.
pub(crate) async fn get_catalogue(
    State(state): State<AppState>,
    RequestLocale(locale): RequestLocale,
) -> impl IntoResponse {
    let set = state.registrar.plugins();
    let ministries: Vec<Value> = set
        .plugins()
        .iter()
        .map(|plugin| {
            let text = |id: &str| plugin.message(locale, id, &[]);
            let catalogue = plugin.catalogue();
            let business_types: Vec<Value> = catalogue
                .business_types
                .iter()
                .map(|t| {
                    let sub_types: Vec<Value> = t
                        .sub_types
                        .iter()
                        .map(|s| {
                            json!({
                                "id": s.id,
                                "label": text(&s.label),
                                "target_work": text(&s.target_work),
                                "integrated_external": s.integrated_external.as_ref().map(|(kinds, condition)| json!({
                                    "allowed_kinds": kinds.iter().map(|k| text(k)).collect::<Vec<_>>(),
                                    "condition": text(condition),
                                })),
                                "sub_types_2": s.sub_types_two.iter().map(|(id, label)| json!({ "id": id, "label": text(label) })).collect::<Vec<_>>(),
                            })
                        })
                        .collect();
                    json!({
                        "id": t.id,
                        "label": text(&t.label),
                        "industrial_physician_exempt": t.industrial_physician_exempt,
                        "sub_types": sub_types,
                    })
                })
                .collect();
            let fields: Vec<Value> = catalogue
                .fields
                .iter()
                .map(|f| {
                    json!({
                        "id": f.id,
                        "scope": match f.scope { FieldScope::Application => "application", FieldScope::BusinessLine => "business_line" },
                        "kind": match f.kind {
                            FieldKind::Text => "text", FieldKind::Integer => "integer", FieldKind::Decimal => "decimal",
                            FieldKind::Boolean => "boolean", FieldKind::Choice => "choice",
                        },
                        "required": f.required,
                        "label": text(&f.label),
                        "help": f.help.as_deref().map(text),
                        "min": f.min, "max": f.max, "max_length": f.max_length,
                        "choices": f.choices.iter().map(|(value, label)| json!({ "value": value, "label": text(label) })).collect::<Vec<_>>(),
                        "business_types": f.business_types,
                    })
                })
                .collect();
            json!({
                "id": plugin.ministry_id(),
                "name": text(&format!("{}-ministry-name", plugin.ministry_id())),
                "plugin_version": plugin.version(),
                "business_types": business_types,
                "fields": fields,
            })
        })
        .collect();
    axum::Json(json!({ "ministries": ministries }))
}
