//! Installed ministry plugins: the registry (swapped atomically on install, so requests in
//! flight finish on the versions they started with), install, start-up load, the catalogue the
//! core rules check business types against, and plugin reviews of a document.

use std::collections::{HashMap, HashSet};
use std::sync::Arc;

use arc_swap::ArcSwap;
use domain::document::{BusinessTypeInfo, Catalogue, FieldKind, FieldRule};
use i18n::PluginMessages;
use plugin_host::{
    LoadedPlugin, PluginFailure, PluginFinding, PluginHost, sees_everything, visible_document,
};
use serde_json::{Value, json};
use sha2::{Digest, Sha256};
use store::{NewAuditEvent, PluginRow};

use crate::Registrar;

/// One installed plugin version, ready to review.
#[derive(Debug)]
pub struct InstalledPlugin {
    loaded: LoadedPlugin,
    messages: PluginMessages,
    owned: HashSet<String>,
    /// Declared business-line fields, with the types they apply to (empty = all owned).
    line_fields: Vec<(FieldRule, HashSet<String>)>,
    /// Declared applicant-section fields.
    application_fields: Vec<FieldRule>,
}

impl InstalledPlugin {
    /// The ministry (tenant) id.
    pub fn ministry_id(&self) -> &str {
        &self.loaded.catalogue().ministry_id
    }

    /// The plugin version.
    pub fn version(&self) -> &str {
        &self.loaded.catalogue().plugin_version
    }

    /// `ministry@version`, as recorded on applications.
    pub fn label(&self) -> String {
        format!("{}@{}", self.ministry_id(), self.version())
    }

    /// What the plugin declared.
    pub fn catalogue(&self) -> &plugin_host::PluginCatalogue {
        self.loaded.catalogue()
    }

    /// A message of this plugin in `locale`.
    pub fn message(&self, locale: i18n::Locale, id: &str, args: &i18n::Args<'_>) -> String {
        self.messages.message(locale, id, args)
    }
}

/// The plugins in force at one moment.
#[derive(Debug, Default)]
pub struct InstalledSet {
    plugins: Vec<Arc<InstalledPlugin>>,
    owner_by_type: HashMap<String, usize>,
}

impl InstalledSet {
    fn with(plugins: Vec<Arc<InstalledPlugin>>) -> Self {
        let mut owner_by_type = HashMap::new();
        for (index, plugin) in plugins.iter().enumerate() {
            for business_type in &plugin.owned {
                owner_by_type.insert(business_type.clone(), index);
            }
        }
        InstalledSet {
            plugins,
            owner_by_type,
        }
    }

    /// Every installed plugin, by ministry id.
    pub fn plugins(&self) -> &[Arc<InstalledPlugin>] {
        &self.plugins
    }

    /// The plugin that owns a business type.
    pub fn owner(&self, business_type: &str) -> Option<&Arc<InstalledPlugin>> {
        self.owner_by_type
            .get(business_type)
            .map(|&index| &self.plugins[index])
    }
}

impl Catalogue for InstalledSet {
    fn line_fields(&self, business_type: &str) -> Vec<&FieldRule> {
        self.owner(business_type).map_or_else(Vec::new, |plugin| {
            plugin
                .line_fields
                .iter()
                .filter(|(_, types)| types.is_empty() || types.contains(business_type))
                .map(|(rule, _)| rule)
                .collect()
        })
    }

    fn application_fields(&self, business_type: &str) -> Vec<&FieldRule> {
        self.owner(business_type).map_or_else(Vec::new, |plugin| {
            plugin.application_fields.iter().collect()
        })
    }

    fn business_type(&self, id: &str) -> Option<BusinessTypeInfo> {
        let plugin = self.owner(id)?;
        let declared = plugin
            .catalogue()
            .business_types
            .iter()
            .find(|t| t.id == id)?;
        Some(BusinessTypeInfo {
            industrial_physician_exempt: declared.industrial_physician_exempt,
        })
    }
}

/// The plugin registry: the engine and the set in force.
pub struct PluginRegistry {
    host: Arc<PluginHost>,
    current: ArcSwap<InstalledSet>,
}

impl std::fmt::Debug for PluginRegistry {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("PluginRegistry")
            .field("plugins", &self.current.load().plugins.len())
            .finish()
    }
}

impl PluginRegistry {
    /// An empty registry over an engine.
    pub fn new(host: Arc<PluginHost>) -> Self {
        PluginRegistry {
            host,
            current: ArcSwap::from_pointee(InstalledSet::default()),
        }
    }

    /// The set in force now (a snapshot: later installs do not change it).
    pub fn snapshot(&self) -> Arc<InstalledSet> {
        self.current.load_full()
    }
}

/// Why a plugin was not installed. Nothing changed.
#[derive(Debug, thiserror::Error)]
pub enum PluginInstallError {
    /// The file is not an acceptable plugin (the reason is for the administrator).
    #[error("{0}")]
    Refused(String),
    /// No such stored version of that ministry's plugin.
    #[error("no such plugin version")]
    UnknownVersion,
    /// The database failed.
    #[error(transparent)]
    Store(#[from] store::StoreError),
}

/// A stored plugin version, without its file.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct PluginVersion {
    /// The ministry.
    pub ministry_id: String,
    /// The version.
    pub version: String,
    /// SHA-256 of the file, hex.
    pub sha256: String,
    /// Whether it is the ministry's version in force.
    pub active: bool,
    /// When it was installed (Unix ms).
    pub installed_at: i64,
    /// Who installed it.
    pub installed_by: String,
}

/// What an install did.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct InstallReport {
    /// The ministry.
    pub ministry_id: String,
    /// The version now in force.
    pub version: String,
    /// The version it replaced, if any.
    pub replaced: Option<String>,
    /// How many business types the plugin owns.
    pub business_types: usize,
}

/// One plugin's review of a document.
#[derive(Debug, Clone)]
pub struct PluginReview {
    /// The plugin version that judged.
    pub plugin: Arc<InstalledPlugin>,
    /// Its findings, or why it could not judge (a plugin failure, never the applicant's fault).
    pub outcome: Result<Vec<PluginFinding>, PluginFailure>,
}

impl PluginReview {
    /// Whether a finding of this review blocks submission.
    pub fn has_errors(&self) -> bool {
        self.outcome.as_ref().is_ok_and(|findings| {
            findings
                .iter()
                .any(|f| f.severity == plugin_host::Severity::Error)
        })
    }
}

impl Registrar {
    /// The plugins in force now.
    pub fn plugins(&self) -> Arc<InstalledSet> {
        self.plugins.snapshot()
    }

    /// Loads the active plugin versions from the database (at start-up). A stored plugin that
    /// no longer loads is logged and skipped.
    pub async fn load_plugins(&self) -> Result<usize, store::StoreError> {
        let rows = {
            let tx = self.store.read().await?;
            tx.active_plugins().await?
        };
        let mut installed = Vec::new();
        for row in rows {
            match self.prepare(row.wasm).await {
                Ok(plugin) => installed.push(Arc::new(plugin)),
                Err(reason) => tracing::error!(
                    ministry = row.ministry_id,
                    version = row.version,
                    %reason,
                    "stored plugin does not load; skipped"
                ),
            }
        }
        let count = installed.len();
        self.plugins
            .current
            .store(Arc::new(InstalledSet::with(installed)));
        Ok(count)
    }

    /// Reloads the plugins when the active versions in the database differ from those in force
    /// (another process installed one); returns whether it reloaded.
    pub async fn refresh_plugins(&self) -> Result<bool, store::StoreError> {
        let stored = {
            let tx = self.store.read().await?;
            tx.active_plugin_versions().await?
        };
        let current: Vec<(String, String)> = self
            .plugins()
            .plugins
            .iter()
            .map(|p| (p.ministry_id().to_owned(), p.version().to_owned()))
            .collect();
        if stored == current {
            return Ok(false);
        }
        self.load_plugins().await?;
        Ok(true)
    }

    /// Validates, stores and swaps in a plugin version; requests in flight finish on the old
    /// one. A refused file changes nothing.
    pub async fn install_plugin(
        &self,
        wasm: Vec<u8>,
        actor: &str,
    ) -> Result<InstallReport, PluginInstallError> {
        let sha256 = hex::encode(Sha256::digest(&wasm));
        let plugin = self
            .prepare(wasm.clone())
            .await
            .map_err(PluginInstallError::Refused)?;
        let ministry = plugin.ministry_id().to_owned();
        let replaced = self.may_take_over(&plugin)?;
        let now = self.now();
        let summary = json!({
            "ministry_id": ministry,
            "version": plugin.version(),
            "business_types": plugin.catalogue().business_types.iter().map(|t| &t.id).collect::<Vec<_>>(),
        });
        let tx = self.store.write().await?;
        tx.install_plugin(PluginRow {
            id: 0,
            ministry_id: ministry.clone(),
            version: plugin.version().to_owned(),
            sha256: sha256.clone(),
            wasm,
            catalogue: summary.to_string(),
            active: true,
            installed_at: now,
            installed_by: actor.to_owned(),
        })
        .await
        .map_err(|err| match err {
            store::StoreError::Conflict => PluginInstallError::Refused(format!(
                "{}@{} is already installed; give the new build a new version",
                ministry,
                plugin.version()
            )),
            other => PluginInstallError::Store(other),
        })?;
        tx.append_audit(NewAuditEvent {
            at: now,
            actor,
            action: "plugin.installed",
            subject_type: "plugin",
            subject_id: &format!("{}@{}", ministry, plugin.version()),
            detail: json!({ "sha256": sha256, "replaced": replaced }).to_string(),
        })
        .await?;
        tx.commit().await?;
        let report = InstallReport {
            ministry_id: ministry.clone(),
            version: plugin.version().to_owned(),
            replaced,
            business_types: plugin.owned.len(),
        };
        self.swap_in(plugin);
        self.announce(store::ChangeKind::Plugins).await;
        tracing::info!(ministry, version = report.version, "plugin installed");
        Ok(report)
    }

    /// Every stored plugin version, by ministry, newest first (the caller checks that the
    /// staff member may manage plugins).
    pub async fn plugin_versions(&self) -> Result<Vec<PluginVersion>, store::StoreError> {
        let tx = self.store.read().await?;
        Ok(tx
            .plugin_versions()
            .await?
            .into_iter()
            .map(
                |(ministry_id, version, sha256, active, installed_at, installed_by)| {
                    PluginVersion {
                        ministry_id,
                        version,
                        sha256,
                        active,
                        installed_at,
                        installed_by,
                    }
                },
            )
            .collect())
    }

    /// Puts a stored version of a ministry's plugin back in force (a roll-back, or forward
    /// again): validated as on install, activated in one transaction with its audit entry,
    /// swapped in for every later request. A version that no longer loads changes nothing.
    pub async fn activate_plugin(
        &self,
        ministry_id: &str,
        version: &str,
        actor: &str,
    ) -> Result<InstallReport, PluginInstallError> {
        let row = {
            let tx = self.store.read().await?;
            tx.plugin_version(ministry_id, version)
                .await?
                .ok_or(PluginInstallError::UnknownVersion)?
        };
        if row.active {
            return Err(PluginInstallError::Refused(format!(
                "{ministry_id}@{version} is already in force"
            )));
        }
        let plugin = self
            .prepare(row.wasm.clone())
            .await
            .map_err(PluginInstallError::Refused)?;
        if plugin.ministry_id() != ministry_id || plugin.version() != version {
            return Err(PluginInstallError::Refused(format!(
                "the stored file declares {}@{}",
                plugin.ministry_id(),
                plugin.version()
            )));
        }
        let replaced = self.may_take_over(&plugin)?;
        let now = self.now();
        let tx = self.store.write().await?;
        tx.activate_plugin(row.id, ministry_id).await?;
        tx.append_audit(NewAuditEvent {
            at: now,
            actor,
            action: "plugin.activated",
            subject_type: "plugin",
            subject_id: &format!("{ministry_id}@{version}"),
            detail: json!({ "sha256": row.sha256, "replaced": replaced }).to_string(),
        })
        .await?;
        tx.commit().await?;
        let report = InstallReport {
            ministry_id: ministry_id.to_owned(),
            version: version.to_owned(),
            replaced,
            business_types: plugin.owned.len(),
        };
        self.swap_in(plugin);
        self.announce(store::ChangeKind::Plugins).await;
        tracing::info!(ministry_id, version, "plugin version put back in force");
        Ok(report)
    }

    /// Refuses a plugin that declares a business type another ministry's plugin owns; the
    /// version it would replace otherwise.
    fn may_take_over(
        &self,
        plugin: &InstalledPlugin,
    ) -> Result<Option<String>, PluginInstallError> {
        let ministry = plugin.ministry_id();
        let before = self.plugins.snapshot();
        for business_type in &plugin.owned {
            if let Some(owner) = before.owner(business_type)
                && owner.ministry_id() != ministry
            {
                return Err(PluginInstallError::Refused(format!(
                    "business type {business_type} is owned by {}",
                    owner.label()
                )));
            }
        }
        Ok(before
            .plugins
            .iter()
            .find(|p| p.ministry_id() == ministry)
            .map(|p| p.version().to_owned()))
    }

    /// Swaps a new set in with this ministry's plugin replaced; readers never wait, requests
    /// in flight finish on the old one.
    fn swap_in(&self, plugin: InstalledPlugin) {
        let plugin = Arc::new(plugin);
        let ministry = plugin.ministry_id().to_owned();
        self.plugins.current.rcu(|current| {
            let mut plugins: Vec<Arc<InstalledPlugin>> = current
                .plugins
                .iter()
                .filter(|p| p.ministry_id() != ministry)
                .cloned()
                .collect();
            plugins.push(Arc::clone(&plugin));
            plugins.sort_by(|a, b| a.ministry_id().cmp(b.ministry_id()));
            InstalledSet::with(plugins)
        });
    }

    /// Runs every plugin that owns a line of `document` on the part it may see. A plugin that
    /// owns every line is handed the document itself, not a copy (a franchise's 20,000
    /// establishments are one ministry's: issue 6, P2's memory).
    pub async fn review_with_plugins(&self, document: &Arc<Value>) -> Vec<PluginReview> {
        let set = self.plugins.snapshot();
        let used: HashSet<&str> = document
            .get("establishments")
            .and_then(Value::as_array)
            .into_iter()
            .flatten()
            .filter_map(|e| e.get("business_lines").and_then(Value::as_array))
            .flatten()
            .filter_map(|l| l.get("business_type").and_then(Value::as_str))
            .collect();
        let mut reviews = Vec::new();
        for plugin in set
            .plugins
            .iter()
            .filter(|p| p.owned.iter().any(|t| used.contains(t.as_str())))
        {
            let owns = |t: &str| plugin.owned.contains(t);
            let visible = if sees_everything(document, owns) {
                Arc::clone(document)
            } else {
                Arc::new(visible_document(document, owns))
            };
            let host = Arc::clone(&self.plugins.host);
            let reviewer = Arc::clone(plugin);
            let outcome =
                tokio::task::spawn_blocking(move || host.review(&reviewer.loaded, &visible))
                    .await
                    .unwrap_or_else(|err| {
                        Err(PluginFailure::Trap(format!("review task failed: {err}")))
                    });
            if let Err(failure) = &outcome {
                tracing::error!(
                    ministry = plugin.ministry_id(),
                    version = plugin.version(),
                    %failure,
                    "plugin failure during review"
                );
            }
            reviews.push(PluginReview {
                plugin: Arc::clone(plugin),
                outcome,
            });
        }
        reviews
    }

    /// Loads a plugin file off the async threads (compiling is CPU work).
    async fn prepare(&self, wasm: Vec<u8>) -> Result<InstalledPlugin, String> {
        let host = Arc::clone(&self.plugins.host);
        let loaded = tokio::task::spawn_blocking(move || host.load(&wasm))
            .await
            .map_err(|err| format!("install task failed: {err}"))?
            .map_err(|err| err.to_string())?;
        let messages = PluginMessages::new(&loaded.catalogue().resources)?;
        let owned = loaded
            .catalogue()
            .business_types
            .iter()
            .map(|t| t.id.clone())
            .collect();
        let mut line_fields = Vec::new();
        let mut application_fields = Vec::new();
        for field in &loaded.catalogue().fields {
            let rule = field_rule(field)?;
            match field.scope {
                plugin_host::FieldScope::BusinessLine => {
                    line_fields.push((rule, field.business_types.iter().cloned().collect()));
                }
                plugin_host::FieldScope::Application => application_fields.push(rule),
            }
        }
        Ok(InstalledPlugin {
            loaded,
            messages,
            owned,
            line_fields,
            application_fields,
        })
    }
}

/// The core's view of a declared field.
fn field_rule(field: &plugin_host::CatalogueField) -> Result<FieldRule, String> {
    Ok(FieldRule {
        id: field.id.clone(),
        kind: match field.kind {
            plugin_host::FieldKind::Text => FieldKind::Text,
            plugin_host::FieldKind::Integer => FieldKind::Integer,
            plugin_host::FieldKind::Decimal => FieldKind::Decimal,
            plugin_host::FieldKind::Boolean => FieldKind::Boolean,
            plugin_host::FieldKind::Choice => FieldKind::Choice,
        },
        required: field.required,
        min: field.min,
        max: field.max,
        max_length: field.max_length,
        choices: field
            .choices
            .iter()
            .map(|(value, _)| value.clone())
            .collect(),
        pattern: field
            .pattern
            .as_deref()
            .map(FieldRule::anchored)
            .transpose()
            .map_err(|e| format!("field {}: {e}", field.id))?,
    })
}
