//! The engine: wasmtime with the component model, epoch deadlines and capped memory; a fresh
//! store per call. The generated bindings stay in this module: what a plugin returns is turned
//! into the crate's plain types field by field and then checked by [`crate::validate`].

use std::collections::HashSet;
use std::sync::Arc;
use std::sync::atomic::{AtomicBool, Ordering};
use std::time::{Duration, Instant};

use wasmtime::component::{Component, Linker};
use wasmtime::{
    Config, Engine, InstanceAllocationStrategy, PoolingAllocationConfig, Store, StoreLimits,
    StoreLimitsBuilder,
};

use crate::{
    ArgValue, CatalogueBusinessType, CatalogueField, CatalogueSubType, FieldKind, FieldScope,
    PluginCatalogue, PluginFailure, PluginFinding, Severity, validate,
};

mod bindings {
    wasmtime::component::bindgen!({
        world: "ministry-plugin",
        path: "../plugin-api/wit/v1",
    });
}

use bindings::toroku::plugin::types as wit;
use bindings::{MinistryPlugin, MinistryPluginPre};

/// Limits every plugin call runs under.
#[derive(Debug, Clone)]
pub struct HostConfig {
    /// Wall-clock limit of one call (describe or review).
    pub call_timeout: Duration,
    /// Largest linear memory a plugin instance may grow to.
    pub memory_limit_bytes: usize,
    /// The largest wasm file accepted at install.
    pub max_component_bytes: usize,
    /// Where compiled components are kept between runs (`None`: compile at every start).
    pub cache_dir: Option<std::path::PathBuf>,
}

impl Default for HostConfig {
    fn default() -> Self {
        HostConfig {
            call_timeout: Duration::from_millis(500),
            memory_limit_bytes: 128 << 20,
            max_component_bytes: 32 << 20,
            cache_dir: None,
        }
    }
}

const EPOCH_TICK: Duration = Duration::from_millis(5);

/// Plugin calls that can run at once (each needs an instance slot; a call beyond them fails
/// as a plugin failure rather than waiting).
const POOL_SLOTS: u32 = 64;

/// The only import a plugin may have: the contract's own type definitions (the world `use`s
/// them; they carry no functions). Anything else — WASI above all — is refused at install.
const ALLOWED_IMPORTS: &[&str] = &["toroku:plugin/types@1.0.0"];

/// Why a plugin file cannot be installed. Nothing is changed when this is returned.
#[derive(Debug, thiserror::Error)]
pub enum InstallError {
    /// The file is larger than the host accepts.
    #[error("the plugin file is {size} bytes; the limit is {limit}")]
    TooLarge {
        /// Its size.
        size: usize,
        /// The limit.
        limit: usize,
    },
    /// Not a WebAssembly component (a core module, or not wasm at all).
    #[error("not a WebAssembly component: {0}")]
    NotAComponent(String),
    /// The component imports something; plugins may import nothing (no WASI, no host calls).
    #[error(
        "the plugin imports {0:?}; plugins may import nothing (build for wasm32-unknown-unknown)"
    )]
    ForbiddenImports(Vec<String>),
    /// It does not export the contract's `describe` and `review`.
    #[error("the plugin does not implement toroku:plugin@1.0.0: {0}")]
    WrongContract(String),
    /// `describe` trapped, timed out or ran out of memory.
    #[error("describe failed: {0}")]
    DescribeFailed(PluginFailure),
    /// The declaration breaks a rule (ids, prefixes, resources).
    #[error("invalid declaration: {0}")]
    InvalidDescription(String),
}

/// Per-call store data: only the limits (plugins get no host state).
struct CallState {
    limits: StoreLimits,
    memory_exhausted: Arc<AtomicBool>,
}

/// A validated, pre-instantiated plugin with its catalogue.
pub struct LoadedPlugin {
    catalogue: PluginCatalogue,
    message_ids: HashSet<String>,
    pre: MinistryPluginPre<CallState>,
}

impl std::fmt::Debug for LoadedPlugin {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("LoadedPlugin")
            .field("ministry", &self.catalogue.ministry_id)
            .field("version", &self.catalogue.plugin_version)
            .finish_non_exhaustive()
    }
}

impl LoadedPlugin {
    /// What the plugin declared.
    pub fn catalogue(&self) -> &PluginCatalogue {
        &self.catalogue
    }
}

/// The engine and the limits; cheap to share.
pub struct PluginHost {
    engine: Engine,
    linker: Linker<CallState>,
    config: HostConfig,
    stop_ticker: Arc<AtomicBool>,
    /// Compiled components by the SHA-256 of their file: a file seen before is not compiled
    /// again (reloads, re-installs, tests).
    compiled: std::sync::Mutex<std::collections::HashMap<String, Component>>,
}

impl std::fmt::Debug for PluginHost {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("PluginHost")
            .field("config", &self.config)
            .finish_non_exhaustive()
    }
}

impl Drop for PluginHost {
    fn drop(&mut self) {
        self.stop_ticker.store(true, Ordering::Relaxed);
    }
}

/// The engine could not be set up (a build or platform problem, not a plugin's).
#[derive(Debug, thiserror::Error)]
#[error("plugin engine: {0}")]
pub struct EngineError(String);

impl PluginHost {
    /// An engine with epoch interruption and the component model; starts the epoch ticker.
    pub fn new(config: HostConfig) -> Result<PluginHost, EngineError> {
        // Pooling: instance slots and linear memories are reserved once and reused, so a fresh
        // instance per call costs little; the memory cap is also enforced by the slot size.
        let mut pooling = PoolingAllocationConfig::default();
        pooling
            .total_component_instances(POOL_SLOTS)
            .total_core_instances(POOL_SLOTS * 4)
            .total_memories(POOL_SLOTS * 2)
            .total_tables(POOL_SLOTS * 4)
            .max_memories_per_component(2)
            .max_memory_size(config.memory_limit_bytes);
        let mut engine_config = Config::new();
        engine_config
            .wasm_component_model(true)
            .epoch_interruption(true)
            .max_wasm_stack(512 << 10)
            .allocation_strategy(InstanceAllocationStrategy::Pooling(pooling));
        let engine = Engine::new(&engine_config).map_err(|e| EngineError(e.to_string()))?;
        let linker = Linker::new(&engine);
        let stop_ticker = Arc::new(AtomicBool::new(false));
        let ticker_engine = engine.weak();
        let stop = Arc::clone(&stop_ticker);
        std::thread::Builder::new()
            .name("plugin-epoch".to_owned())
            .spawn(move || {
                while !stop.load(Ordering::Relaxed) {
                    std::thread::sleep(EPOCH_TICK);
                    match ticker_engine.upgrade() {
                        Some(engine) => engine.increment_epoch(),
                        None => return,
                    }
                }
            })
            .map_err(|e| EngineError(e.to_string()))?;
        Ok(PluginHost {
            engine,
            linker,
            config,
            stop_ticker,
            compiled: std::sync::Mutex::new(std::collections::HashMap::new()),
        })
    }

    /// Validates a plugin file, compiles it, calls `describe` and checks the declaration.
    pub fn load(&self, wasm: &[u8]) -> Result<LoadedPlugin, InstallError> {
        if wasm.len() > self.config.max_component_bytes {
            return Err(InstallError::TooLarge {
                size: wasm.len(),
                limit: self.config.max_component_bytes,
            });
        }
        if !wasm.starts_with(b"\0asm") || wasm.get(4..8) != Some(&[0x0d, 0x00, 0x01, 0x00]) {
            return Err(InstallError::NotAComponent(
                "expected a component (binary header \\0asm 0d 00 01 00)".to_owned(),
            ));
        }
        let component = self.compile(wasm)?;
        let imports: Vec<String> = component
            .component_type()
            .imports(&self.engine)
            .map(|(name, _)| name.to_owned())
            .filter(|name| !ALLOWED_IMPORTS.contains(&name.as_str()))
            .collect();
        if !imports.is_empty() {
            return Err(InstallError::ForbiddenImports(imports));
        }
        let instance_pre = self
            .linker
            .instantiate_pre(&component)
            .map_err(|e| InstallError::WrongContract(format!("{e:#}")))?;
        let pre = MinistryPluginPre::new(instance_pre)
            .map_err(|e| InstallError::WrongContract(format!("{e:#}")))?;
        let description = self
            .call(&pre, |plugin, store| plugin.call_describe(store))
            .map_err(InstallError::DescribeFailed)?;
        let (catalogue, message_ids) = validate::description(declaration(description))
            .map_err(InstallError::InvalidDescription)?;
        Ok(LoadedPlugin {
            catalogue,
            message_ids,
            pre,
        })
    }

    /// A compiled component: from memory, from the on-disk cache (keyed by the file's SHA-256
    /// and the engine's compatibility hash, checked against a stored hash of the artifact), or
    /// compiled now and cached.
    fn compile(&self, wasm: &[u8]) -> Result<Component, InstallError> {
        use sha2::{Digest, Sha256};
        let key = format!(
            "{}-{}",
            hex::encode(Sha256::digest(wasm)),
            self.compatibility()
        );
        let cached = self
            .compiled
            .lock()
            .ok()
            .and_then(|cache| cache.get(&key).cloned());
        if let Some(component) = cached {
            return Ok(component);
        }
        let component = match self.cached_on_disk(&key) {
            Some(component) => component,
            None => {
                let component = Component::new(&self.engine, wasm)
                    .map_err(|e| InstallError::NotAComponent(format!("{e:#}")))?;
                self.cache_on_disk(&key, &component);
                component
            }
        };
        if let Ok(mut cache) = self.compiled.lock() {
            cache.insert(key, component.clone());
        }
        Ok(component)
    }

    /// The engine's compatibility hash as hex: artifacts of another build or configuration
    /// never load.
    fn compatibility(&self) -> String {
        use std::hash::{Hash, Hasher};
        let mut hasher = std::collections::hash_map::DefaultHasher::new();
        self.engine
            .precompile_compatibility_hash()
            .hash(&mut hasher);
        format!("{:016x}", hasher.finish())
    }

    fn cached_on_disk(&self, key: &str) -> Option<Component> {
        use sha2::{Digest, Sha256};
        let dir = self.config.cache_dir.as_ref()?;
        let artifact = std::fs::read(dir.join(format!("{key}.cwasm"))).ok()?;
        let recorded = std::fs::read_to_string(dir.join(format!("{key}.cwasm.sha256"))).ok()?;
        if hex::encode(Sha256::digest(&artifact)) != recorded.trim() {
            tracing::warn!(
                key,
                "cached plugin artifact does not match its hash; recompiling"
            );
            return None;
        }
        // SAFETY: the bytes were written by `Component::serialize` of an engine with the same
        // compatibility hash (it is part of the file name), into the server's own data
        // directory, and are byte-for-byte what was written (the SHA-256 recorded beside them
        // matches). Deserialising them is what wasmtime documents as sound under exactly these
        // conditions.
        #[expect(
            unsafe_code,
            reason = "loading our own precompiled artifact, verified above"
        )]
        let component = unsafe { Component::deserialize(&self.engine, &artifact) };
        component
            .inspect_err(|err| tracing::warn!(key, error = %err, "cached plugin artifact refused; recompiling"))
            .ok()
    }

    fn cache_on_disk(&self, key: &str, component: &Component) {
        use sha2::{Digest, Sha256};
        let Some(dir) = self.config.cache_dir.as_ref() else {
            return;
        };
        let written = component
            .serialize()
            .map_err(|e| e.to_string())
            .and_then(|artifact| {
                std::fs::create_dir_all(dir).map_err(|e| e.to_string())?;
                let path = dir.join(format!("{key}.cwasm"));
                let temporary = dir.join(format!(".{key}.{}.tmp", std::process::id()));
                std::fs::write(&temporary, &artifact).map_err(|e| e.to_string())?;
                std::fs::rename(&temporary, &path).map_err(|e| e.to_string())?;
                std::fs::write(
                    dir.join(format!("{key}.cwasm.sha256")),
                    hex::encode(Sha256::digest(&artifact)),
                )
                .map_err(|e| e.to_string())
            });
        if let Err(err) = written {
            tracing::warn!(key, error = %err, "could not cache the compiled plugin");
        }
    }

    /// Runs `review` on a filtered document (see the WIT) and checks every finding.
    pub fn review(
        &self,
        plugin: &LoadedPlugin,
        document: &serde_json::Value,
    ) -> Result<Vec<PluginFinding>, PluginFailure> {
        let bytes = document.to_string().into_bytes();
        let answer = self.call(&plugin.pre, |instance, store| {
            instance.call_review(store, &bytes)
        })?;
        let findings = answer.map_err(PluginFailure::Declined)?;
        if findings.len() > validate::MAX_FINDINGS {
            // Refused before converting them: a flood is not worth copying.
            return Err(validate::too_many_findings(findings.len()));
        }
        validate::findings(
            findings.into_iter().map(finding).collect(),
            &plugin.message_ids,
            document,
        )
    }

    /// One call in a fresh store under the limits; traps become [`PluginFailure`]s.
    fn call<R>(
        &self,
        pre: &MinistryPluginPre<CallState>,
        body: impl FnOnce(&MinistryPlugin, &mut Store<CallState>) -> wasmtime::Result<R>,
    ) -> Result<R, PluginFailure> {
        let memory_exhausted = Arc::new(AtomicBool::new(false));
        let limits = StoreLimitsBuilder::new()
            .memory_size(self.config.memory_limit_bytes)
            .instances(4)
            .tables(16)
            .memories(4)
            .trap_on_grow_failure(true)
            .build();
        let mut store = Store::new(
            &self.engine,
            CallState {
                limits,
                memory_exhausted: Arc::clone(&memory_exhausted),
            },
        );
        store.limiter(|state| &mut state.limits);
        let ticks = (self.config.call_timeout.as_micros() / EPOCH_TICK.as_micros()).max(1);
        store.set_epoch_deadline(u64::try_from(ticks).unwrap_or(u64::MAX));
        let started = Instant::now();
        let outcome = pre
            .instantiate(&mut store)
            .and_then(|instance| body(&instance, &mut store));
        outcome.map_err(|err| {
            let _ = &store.data().memory_exhausted;
            classify(&err, started.elapsed(), self.config.call_timeout)
        })
    }
}

fn classify(err: &wasmtime::Error, elapsed: Duration, timeout: Duration) -> PluginFailure {
    let text = format!("{err:#}");
    if let Some(trap) = err.downcast_ref::<wasmtime::Trap>() {
        return match trap {
            wasmtime::Trap::Interrupt => PluginFailure::Timeout(timeout),
            _ if text.contains("memory") && text.contains("limit") => PluginFailure::OutOfMemory,
            _ => PluginFailure::Trap(text),
        };
    }
    if text.contains("forcing a memory growth failure") || text.contains("memory minimum size") {
        return PluginFailure::OutOfMemory;
    }
    if elapsed >= timeout {
        return PluginFailure::Timeout(timeout);
    }
    PluginFailure::Trap(text)
}

/// A declaration as the plugin returned it, in the crate's plain types (not yet checked).
fn declaration(d: wit::Description) -> PluginCatalogue {
    PluginCatalogue {
        ministry_id: d.ministry_id,
        plugin_version: d.plugin_version,
        message_prefix: d.message_prefix,
        business_types: d
            .business_types
            .into_iter()
            .map(|t| CatalogueBusinessType {
                id: t.id,
                label: t.label,
                industrial_physician_exempt: t.industrial_physician_exempt,
                sub_types: t
                    .sub_types
                    .into_iter()
                    .map(|s| CatalogueSubType {
                        id: s.id,
                        label: s.label,
                        target_work: s.target_work,
                        integrated_external: s
                            .integrated_external
                            .map(|ie| (ie.allowed_kinds, ie.condition)),
                        sub_types_two: s
                            .sub_types_two
                            .into_iter()
                            .map(|two| (two.id, two.label))
                            .collect(),
                    })
                    .collect(),
            })
            .collect(),
        fields: d
            .fields
            .into_iter()
            .map(|f| CatalogueField {
                id: f.id,
                scope: match f.scope {
                    wit::FieldScope::Application => FieldScope::Application,
                    wit::FieldScope::BusinessLine => FieldScope::BusinessLine,
                },
                kind: match f.kind {
                    wit::FieldKind::Text => FieldKind::Text,
                    wit::FieldKind::Integer => FieldKind::Integer,
                    wit::FieldKind::Decimal => FieldKind::Decimal,
                    wit::FieldKind::Boolean => FieldKind::Boolean,
                    wit::FieldKind::Choice => FieldKind::Choice,
                },
                required: f.required,
                label: f.label,
                help: f.help,
                min: f.min,
                max: f.max,
                max_length: f.max_length,
                pattern: f.pattern,
                choices: f.choices.into_iter().map(|c| (c.value, c.label)).collect(),
                business_types: f.business_types,
            })
            .collect(),
        resources: d
            .resources
            .into_iter()
            .map(|r| (r.locale, r.source))
            .collect(),
    }
}

/// A finding as the plugin returned it, in the crate's plain type (not yet checked).
fn finding(f: wit::Finding) -> PluginFinding {
    PluginFinding {
        severity: match f.severity {
            wit::Severity::Error => Severity::Error,
            wit::Severity::Warning => Severity::Warning,
            wit::Severity::Info => Severity::Info,
        },
        message_id: f.message_id,
        args: f
            .args
            .into_iter()
            .map(|a| {
                let value = match a.value {
                    wit::ArgValue::Text(t) => ArgValue::Text(t),
                    wit::ArgValue::Number(n) => ArgValue::Number(n),
                };
                (a.name, value)
            })
            .collect(),
        path: f.path,
    }
}
