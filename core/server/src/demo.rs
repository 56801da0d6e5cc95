//! `toroku serve --demo`: seeds a fresh installation with something to look at. Until the
//! tenant and plugin issues land, that is one pre-registered applicant whose mail (with the
//! draft link) is in the mail folder, and a `DEMO.md` in the data directory saying so.

use std::path::Path;

use registrar::Registrar;

/// The demo applicant's address.
pub const DEMO_EMAIL: &str = "demo@example.jp";

/// The ministry plugins `--demo` installs (files `<name>.wasm` in the plugin directory).
pub const DEMO_PLUGINS: [&str; 8] = ["env", "fsa", "maff", "meti", "mhlw", "mic", "mlit", "mof"];

/// Installs the ministry plugins from `dir` (built by `cargo xtask build-plugins`).
pub async fn install_plugins(registrar: &Registrar, dir: &Path) -> anyhow::Result<()> {
    for name in DEMO_PLUGINS {
        let path = dir.join(format!("{name}.wasm"));
        let wasm = match tokio::fs::read(&path).await {
            Ok(wasm) => wasm,
            Err(err) => {
                tracing::warn!(path = %path.display(), error = %err, "demo: plugin file missing; run `cargo xtask build-plugins`");
                continue;
            }
        };
        match registrar.install_plugin(wasm, "demo").await {
            Ok(report) => tracing::info!(
                ministry = report.ministry_id,
                version = report.version,
                "demo: plugin installed"
            ),
            Err(err) => {
                tracing::error!(path = %path.display(), error = %err, "demo: plugin refused");
            }
        }
    }
    Ok(())
}

/// Seeds the demo data once (does nothing when any application exists).
pub async fn seed(registrar: &Registrar, data_dir: &Path) -> anyhow::Result<()> {
    let existing = {
        let tx = registrar.store().read().await?;
        tx.count_applications().await?
    };
    if existing > 0 {
        tracing::info!("demo: data present, nothing seeded");
        return Ok(());
    }
    registrar
        .pre_register(Some(DEMO_EMAIL), Some(DEMO_EMAIL), i18n::Locale::Ja)
        .await?;
    let notes = format!(
        "# Tōroku demo data\n\n\
         - `{DEMO_EMAIL}` is pre-registered: its mail, with the link to the draft, is in\n  \
           `{mail}` (newest `.eml` file). Open the link's token with the API:\n  \
           `curl http://127.0.0.1:8080/api/v1/drafts/<token>`.\n\
         - An example application document to PUT into the draft: `shared/domain/application.example.json`\n  \
           or `core/domain/tests/fixtures/application.example.json` in the repository.\n\
         - The eight ministry plugins are installed (`GET /api/v1/catalogue` lists their business\n  \
           types); tenants, staff and review arrive with the tenancy work.\n",
        mail = data_dir.join("mail").display(),
    );
    tokio::fs::write(data_dir.join("DEMO.md"), notes).await?;
    tracing::info!(path = %data_dir.join("DEMO.md").display(), "demo: seeded");
    Ok(())
}
