//! `toroku serve --demo`: seeds a fresh installation with something to look at: one
//! pre-registered applicant whose mail (with the draft link) is in the mail folder, a tenant
//! per installed ministry plugin plus the central administration, demo staff (enrolled, with
//! their TOTP secrets), and a `DEMO.md` in the data directory saying all this.

use std::path::Path;

use registrar::Registrar;

/// The demo applicant's address.
pub const DEMO_EMAIL: &str = "demo@example.jp";

/// The ministry plugins `--demo` installs (files `<name>.wasm` in the plugin directory).
pub const DEMO_PLUGINS: [&str; 8] = ["env", "fsa", "maff", "meti", "mhlw", "mic", "mlit", "mof"];

/// The demo staff's password (a demo only: never use it elsewhere).
pub const DEMO_STAFF_PASSWORD: &str = "demo-staff-2026-toroku";

/// The demo staff: a central administrator and a reviewer and administrator of two ministries.
pub const DEMO_STAFF: [(&str, &str, &str, authz::Role); 5] = [
    (
        "central",
        "admin@mhlw.demo",
        "中央 管理者",
        authz::Role::CentralAdmin,
    ),
    (
        "maff",
        "admin@maff.demo",
        "農水 管理者",
        authz::Role::MinistryAdmin,
    ),
    (
        "maff",
        "reviewer@maff.demo",
        "農水 審査者",
        authz::Role::Reviewer,
    ),
    (
        "fsa",
        "admin@fsa.demo",
        "金融 管理者",
        authz::Role::MinistryAdmin,
    ),
    (
        "fsa",
        "reviewer@fsa.demo",
        "金融 審査者",
        authz::Role::Reviewer,
    ),
];

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
    registrar
        .provision_plugin_tenants()
        .await
        .map_err(|err| anyhow::anyhow!("demo tenants: {err:?}"))?;
    let mut staff_notes = String::new();
    for (tenant, email, name, role) in DEMO_STAFF {
        let created = registrar
            .bootstrap_staff(tenant, email, name, role)
            .await
            .map_err(|err| anyhow::anyhow!("demo staff {email}: {err:?}"))?;
        let token = created
            .enrolment_link
            .rsplit('/')
            .next()
            .unwrap_or_default()
            .to_owned();
        let enrolment = registrar
            .enrol_staff(Some(&token), Some(DEMO_STAFF_PASSWORD))
            .await
            .map_err(|err| anyhow::anyhow!("demo enrolment {email}: {err:?}"))?;
        staff_notes.push_str(&format!(
            "| `{email}` | {tenant} | {} | `{}` |\n",
            role.as_str(),
            enrolment.totp_secret
        ));
    }
    let notes = format!(
        "# Tōroku demo data\n\n\
         - `{DEMO_EMAIL}` is pre-registered: its mail, with the link to the draft, is in\n  \
           `{mail}` (newest `.eml` file). Open the link's token with the API:\n  \
           `curl http://127.0.0.1:8080/api/v1/drafts/<token>`.\n\
         - An example application document to PUT into the draft: `shared/domain/application.example.json`\n  \
           or `core/domain/tests/fixtures/application.example.json` in the repository.\n\
         - The eight ministry plugins are installed (`GET /api/v1/catalogue` lists their business\n  \
           types), with a tenant per ministry owning its types and the central administration.\n\n\
         ## Demo staff (password `{DEMO_STAFF_PASSWORD}` for all; second factor = TOTP)\n\n\
         Put the secret into an authenticator app (or `oathtool --totp -b <secret>`), then\n\
         `POST /api/v1/staff/sessions` with `email`, `password` and the 6-digit `code`.\n\n\
         | e-mail | tenant | role | TOTP secret |\n|---|---|---|---|\n{staff_notes}",
        mail = data_dir.join("mail").display(),
    );
    tokio::fs::write(data_dir.join("DEMO.md"), notes).await?;
    tracing::info!(path = %data_dir.join("DEMO.md").display(), "demo: seeded");
    Ok(())
}
