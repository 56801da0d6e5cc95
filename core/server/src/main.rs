//! `toroku`: the one binary. `serve` runs the web application and the mail worker;
//! `migrate` brings the database schema up to date.

use std::net::SocketAddr;
use std::path::PathBuf;
use std::time::Duration;

use anyhow::Context;
use clap::{Args, Parser, Subcommand};
use registrar::{Registrar, RegistrarConfig};
use server::config::{ServerConfig, parse_smtp_url};

#[derive(Debug, Parser)]
#[command(
    name = "toroku",
    version,
    about = "Tōroku: registration for 特定接種 and other programs"
)]
struct Cli {
    #[command(subcommand)]
    command: Command,
}

#[derive(Debug, Subcommand)]
enum Command {
    /// Run the web application (and the mail worker).
    Serve(ServeArgs),
    /// Create or update the database schema, then exit.
    Migrate(DataArgs),
    /// Manage ministry plugins.
    #[command(subcommand)]
    Plugin(PluginCommand),
    /// Manage tenants (the central administration and the ministries).
    #[command(subcommand)]
    Tenant(TenantCommand),
    /// Manage staff accounts.
    #[command(subcommand)]
    Staff(StaffCommand),
    /// Write a consistent backup of the database to a new file (SQLite: an online snapshot,
    /// safe while the server runs; PostgreSQL: pg_dump's custom format).
    Backup {
        #[command(flatten)]
        data: DataArgs,
        /// The backup file to write (must not exist).
        #[arg(long)]
        out: PathBuf,
    },
    /// Check the data: SQLite's integrity check, every submitted application complete (review
    /// lines, tasks, stored answer), every audit chain intact. Exits non-zero on a problem.
    Check(DataArgs),
    /// Restore a backup made by `toroku backup` (stop the server first). Refuses to replace a
    /// database that has data unless --force; SQLite keeps the replaced file beside it.
    Restore {
        #[command(flatten)]
        data: DataArgs,
        /// The backup file.
        #[arg(long)]
        from: PathBuf,
        /// Replace an existing database.
        #[arg(long)]
        force: bool,
    },
}

#[derive(Debug, Subcommand)]
enum TenantCommand {
    /// Create a tenant. `--central` creates the central administration (id `central`).
    Add {
        #[command(flatten)]
        data: DataArgs,
        /// Tenant id: 2–32 lowercase letters, digits or hyphens (a ministry's plugin id).
        id: String,
        /// Display name, e.g. 農林水産省.
        #[arg(long)]
        name: String,
        /// Create the central administration instead of a ministry.
        #[arg(long)]
        central: bool,
        /// Business types the ministry owns (comma-separated); they must be declared by an
        /// installed plugin.
        #[arg(long, value_delimiter = ',')]
        business_types: Vec<String>,
    },
}

#[derive(Debug, Subcommand)]
enum StaffCommand {
    /// Create a staff account and print its enrolment link (also mailed).
    Add {
        #[command(flatten)]
        data: DataArgs,
        /// Tenant id.
        #[arg(long)]
        tenant: String,
        /// Login e-mail.
        #[arg(long)]
        email: String,
        /// Name.
        #[arg(long)]
        name: String,
        /// central_admin, ministry_admin or reviewer.
        #[arg(long)]
        role: String,
        /// Public base URL for the link.
        #[arg(long, env = "TOROKU_BASE_URL", default_value = "http://127.0.0.1:8080")]
        base_url: String,
    },
}

#[derive(Debug, Subcommand)]
enum PluginCommand {
    /// Validate, store and activate a plugin file (a running server picks it up within seconds).
    Install {
        #[command(flatten)]
        data: DataArgs,
        /// The plugin's .wasm component.
        file: PathBuf,
    },
}

#[derive(Debug, Args)]
struct DataArgs {
    /// Data directory (SQLite file, mail folder).
    #[arg(long, env = "TOROKU_DATA_DIR", default_value = "data")]
    data_dir: PathBuf,
    /// PostgreSQL URL; without it, SQLite in the data directory.
    #[arg(long, env = "DATABASE_URL", hide_env_values = true)]
    database_url: Option<String>,
}

#[derive(Debug, Args)]
struct ServeArgs {
    #[command(flatten)]
    data: DataArgs,
    /// Address to listen on.
    #[arg(long, env = "TOROKU_ADDR", default_value = "127.0.0.1:8080")]
    addr: SocketAddr,
    /// Public base URL for links in mail (default: http://<addr>).
    #[arg(long, env = "TOROKU_BASE_URL")]
    base_url: Option<String>,
    /// SMTP relay, e.g. smtp://127.0.0.1:2525; without it mail is written as .eml files.
    #[arg(long, env = "TOROKU_SMTP_URL", hide_env_values = true)]
    smtp_url: Option<String>,
    /// From: address of outgoing mail.
    #[arg(
        long,
        env = "TOROKU_MAIL_FROM",
        default_value = "no-reply@toroku.localhost"
    )]
    mail_from: String,
    /// Seed demo data on an empty database and install the ministry plugins found in
    /// --plugin-dir when none is installed.
    #[arg(long)]
    demo: bool,
    /// Where --demo finds the ministry plugins (built by `cargo xtask build-plugins`).
    #[arg(long, env = "TOROKU_PLUGIN_DIR", default_value = "target/plugins")]
    plugin_dir: PathBuf,
    /// Bearer token for the admin API (POST /api/v1/admin/plugins); unset disables it.
    #[arg(long, env = "TOROKU_ADMIN_TOKEN", hide_env_values = true)]
    admin_token: Option<String>,
    /// Requests worked on at once; more wait up to half a second, then get 503 + Retry-After.
    #[arg(long, env = "TOROKU_MAX_IN_FLIGHT", default_value_t = 128)]
    max_in_flight: usize,
    /// Requests each client address may make: `<per second>/<burst>`, or `off` (e.g. behind a
    /// reverse proxy that limits per client itself: here every client would share its address).
    #[arg(long, env = "TOROKU_CLIENT_RATE", default_value = "50/200", value_parser = parse_client_rate)]
    client_rate: ClientRateArg,
}

/// `--client-rate`, parsed.
#[derive(Debug, Clone, Copy)]
struct ClientRateArg(Option<server::guard::ClientRate>);

fn parse_client_rate(text: &str) -> Result<ClientRateArg, String> {
    server::guard::ClientRate::parse(text).map(ClientRateArg)
}

fn main() -> anyhow::Result<()> {
    // Before the runtime starts its threads.
    server::memory::limit_malloc_arenas();
    tokio::runtime::Builder::new_multi_thread()
        .enable_all()
        .build()
        .context("starting the async runtime")?
        .block_on(run())
}

async fn run() -> anyhow::Result<()> {
    tracing_subscriber::fmt()
        .with_env_filter(
            tracing_subscriber::EnvFilter::try_from_default_env()
                .unwrap_or_else(|_| "info,sqlx=warn,sea_orm=warn,tower_http=info".into()),
        )
        .init();
    match Cli::parse().command {
        Command::Migrate(args) => {
            let config = server_config_for_data(&args);
            let store = open_store(&config).await?;
            store.migrate().await.context("running migrations")?;
            tracing::info!("database schema is up to date");
            Ok(())
        }
        Command::Serve(args) => serve(args).await,
        Command::Backup { data, out } => {
            let report = server::backup::backup(&server_config_for_data(&data), &out).await?;
            print_report("backup written", &report)
        }
        Command::Check(data) => {
            let store = open_store(&server_config_for_data(&data)).await?;
            let found = store.consistency().await?;
            use std::io::Write;
            writeln!(std::io::stdout(), "{found:#?}")?;
            if !found.is_sound() {
                anyhow::bail!("the data is not consistent (see above)");
            }
            writeln!(
                std::io::stdout(),
                "consistent: {} submitted applications",
                found.submitted
            )?;
            Ok(())
        }
        Command::Restore { data, from, force } => {
            let report =
                server::backup::restore(&server_config_for_data(&data), &from, force).await?;
            print_report("restored", &report)
        }
        Command::Tenant(TenantCommand::Add {
            data,
            id,
            name,
            central,
            business_types,
        }) => {
            let registrar = cli_registrar(&data, None).await?;
            let kind = if central {
                authz::TenantKind::Central
            } else {
                authz::TenantKind::Ministry
            };
            registrar
                .bootstrap_tenant(&id, kind, &name)
                .await
                .map_err(|err| anyhow::anyhow!("tenant {id}: {err:?}"))?;
            if !business_types.is_empty() {
                registrar
                    .assign_business_types(None, &id, &business_types)
                    .await
                    .map_err(|err| anyhow::anyhow!("business types of {id}: {err:?}"))?;
            }
            tracing::info!(tenant = id, "tenant created");
            Ok(())
        }
        Command::Staff(StaffCommand::Add {
            data,
            tenant,
            email,
            name,
            role,
            base_url,
        }) => {
            let registrar = cli_registrar(&data, Some(base_url)).await?;
            let role = authz::Role::parse(&role).ok_or_else(|| {
                anyhow::anyhow!("role must be central_admin, ministry_admin or reviewer")
            })?;
            let created = registrar
                .bootstrap_staff(&tenant, &email, &name, role)
                .await
                .map_err(|err| anyhow::anyhow!("staff {email}: {err:?}"))?;
            use std::io::Write;
            writeln!(
                std::io::stdout(),
                "staff {} created; enrolment link (valid 72 h, also mailed):\n{}",
                created.staff_id,
                created.enrolment_link
            )?;
            Ok(())
        }
        Command::Plugin(PluginCommand::Install { data, file }) => {
            let config = server_config_for_data(&data);
            let store = open_store(&config).await?;
            store.migrate().await.context("running migrations")?;
            let registrar = new_registrar(store, RegistrarConfig::default(), &config.data_dir)?;
            registrar.load_plugins().await?;
            let wasm =
                std::fs::read(&file).with_context(|| format!("reading {}", file.display()))?;
            match registrar.install_plugin(wasm, "cli").await {
                Ok(report) => {
                    tracing::info!(
                        ministry = report.ministry_id,
                        version = report.version,
                        replaced = ?report.replaced,
                        business_types = report.business_types,
                        "plugin installed"
                    );
                    Ok(())
                }
                Err(err) => anyhow::bail!("{}: refused: {err}", file.display()),
            }
        }
    }
}

fn print_report(what: &str, report: &server::backup::Report) -> anyhow::Result<()> {
    use std::io::Write;
    writeln!(
        std::io::stdout(),
        "{what}: {} ({} bytes; {} tables, {} rows) in {:.2} s",
        report.file.display(),
        report.bytes,
        report.tables,
        report.rows,
        report.seconds
    )?;
    Ok(())
}

async fn cli_registrar(
    data: &DataArgs,
    base_url: Option<String>,
) -> anyhow::Result<registrar::Registrar> {
    let config = server_config_for_data(data);
    let store = open_store(&config).await?;
    store.migrate().await.context("running migrations")?;
    let mut registrar_config = RegistrarConfig::default();
    if let Some(base_url) = base_url {
        registrar_config.base_url = base_url.trim_end_matches('/').to_owned();
    }
    let registrar = new_registrar(store, registrar_config, &config.data_dir)?;
    registrar.load_plugins().await?;
    Ok(registrar)
}

fn new_registrar(
    store: store::Store,
    config: RegistrarConfig,
    data_dir: &std::path::Path,
) -> anyhow::Result<Registrar> {
    let host = plugin_host::PluginHost::new(plugin_host::HostConfig {
        cache_dir: Some(data_dir.join("plugin-cache")),
        ..plugin_host::HostConfig::default()
    })
    .context("starting the plugin engine")?;
    let plugins = std::sync::Arc::new(registrar::PluginRegistry::new(std::sync::Arc::new(host)));
    Ok(Registrar::new(store, config, plugins))
}

fn server_config_for_data(args: &DataArgs) -> ServerConfig {
    ServerConfig {
        addr: SocketAddr::from(([127, 0, 0, 1], 8080)),
        data_dir: args.data_dir.clone(),
        database_url: args.database_url.clone().filter(|u| !u.is_empty()),
        base_url: String::new(),
        smtp: None,
        mail_from: String::new(),
    }
}

async fn open_store(config: &ServerConfig) -> anyhow::Result<store::Store> {
    std::fs::create_dir_all(&config.data_dir)
        .with_context(|| format!("creating data directory {}", config.data_dir.display()))?;
    let store = store::Store::connect(&config.store_config())
        .await
        .context("opening the database")?;
    Ok(store)
}

async fn serve(args: ServeArgs) -> anyhow::Result<()> {
    let mut config = server_config_for_data(&args.data);
    config.addr = args.addr;
    config.base_url = args
        .base_url
        .unwrap_or_else(|| format!("http://{}", args.addr))
        .trim_end_matches('/')
        .to_owned();
    config.smtp = args
        .smtp_url
        .filter(|u| !u.is_empty())
        .map(|url| parse_smtp_url(&url))
        .transpose()?;
    config.mail_from = args.mail_from;
    let store = open_store(&config).await?;
    store.migrate().await.context("running migrations")?;
    if !store.row_security_binds().await? {
        tracing::warn!(
            "the database role is a superuser or has BYPASSRLS: the row-level security wall \
             around each ministry's review rows does not hold; connect as a plain role"
        );
    }
    let registrar = new_registrar(
        store,
        RegistrarConfig {
            base_url: config.base_url.clone(),
            mail_from: config.mail_from.clone(),
            ..RegistrarConfig::default()
        },
        &config.data_dir,
    )?;
    if config.database_url.is_none() {
        // The one server of an SQLite file: claims on queued mail are a predecessor's that
        // stopped mid-delivery; deliver those at once (the Message-ID stays the same).
        let released = registrar.store().release_outbox_claims().await?;
        if released > 0 {
            tracing::info!(released, "mail claimed by the previous run is queued again");
        }
    }
    let loaded = registrar.load_plugins().await?;
    if args.demo && loaded == 0 {
        server::demo::install_plugins(&registrar, &args.plugin_dir).await?;
    }
    let mailer = mailer::Mailer::new(config.smtp.clone(), config.eml_dir())
        .context("configuring mail delivery")?;
    if args.demo {
        server::demo::seed(&registrar, &config.data_dir).await?;
    }
    // On PostgreSQL, changes announced by other instances (and the CLI) are followed as they
    // happen; the poll below is then only a safety net.
    let following = registrar
        .follow_changes()
        .await
        .context("following change announcements")?
        .is_some();
    let poll = Duration::from_secs(if following { 60 } else { 5 });
    let watcher = registrar.clone();
    tokio::spawn(async move {
        // Plugins installed by another process (the CLI, another instance) take effect here
        // without a restart.
        let mut every = tokio::time::interval(poll);
        loop {
            every.tick().await;
            match watcher.refresh_plugins().await {
                Ok(true) => tracing::info!("plugins reloaded"),
                Ok(false) => {}
                Err(err) => tracing::error!(error = %err, "checking plugins failed"),
            }
            // Tenants and staff changed by another process (the CLI) take effect here too.
            if let Err(err) = watcher.reload_policy().await {
                tracing::error!(error = %err, "reloading the authorization policy failed");
            }
        }
    });
    let worker = registrar.clone();
    tokio::spawn(async move {
        worker
            .run_outbox_worker(mailer, Duration::from_secs(5))
            .await;
    });
    let listener = tokio::net::TcpListener::bind(config.addr)
        .await
        .with_context(|| format!("listening on {}", config.addr))?;
    tracing::info!(
        addr = %config.addr,
        data_dir = %config.data_dir.display(),
        database = if config.database_url.is_some() { "postgres" } else { "sqlite" },
        mail = if config.smtp.is_some() { "smtp" } else { "eml files" },
        plugins = loaded,
        "toroku is serving"
    );
    let store = registrar.store().clone();
    let mut state = server::AppState::new(registrar).with_limits(server::guard::Limits {
        max_in_flight: args.max_in_flight.max(1),
        client_rate: args.client_rate.0,
        ..server::guard::Limits::default()
    });
    state.admin_token = args.admin_token.filter(|t| t.len() >= 16);
    axum::serve(
        listener,
        server::router(state).into_make_service_with_connect_info::<SocketAddr>(),
    )
    .with_graceful_shutdown(shutdown_signal())
    .await
    .context("serving")?;
    // SQLite's group commit (store::group): how many writes shared each COMMIT, and how many
    // calls they made on the writer connection.
    let writes = store.group_stats();
    tracing::info!(
        writes_committed = writes.committed,
        commits = writes.commits,
        writer_calls = writes.round_trips,
        "stopped"
    );
    Ok(())
}

/// Ctrl-C or SIGTERM (what a service manager sends): stop taking connections and finish the
/// requests under way. Nothing else needs saving: every acknowledged write is committed, and
/// queued mail waits in the outbox for the next start.
async fn shutdown_signal() {
    let terminate = async {
        match tokio::signal::unix::signal(tokio::signal::unix::SignalKind::terminate()) {
            Ok(mut signal) => {
                signal.recv().await;
            }
            Err(err) => {
                tracing::error!(error = %err, "cannot listen for SIGTERM");
                std::future::pending::<()>().await;
            }
        }
    };
    tokio::select! {
        _ = tokio::signal::ctrl_c() => {}
        () = terminate => {}
    }
    tracing::info!("shutting down: finishing the requests under way");
}
