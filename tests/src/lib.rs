//! Test support for the end-to-end specs: a [`TestApp`] with its own database (a fresh SQLite
//! file, or a fresh PostgreSQL database), a clock the test moves, and the mail the app sent.
//!
//! PostgreSQL: the URL of a server where databases may be created comes from
//! `TOROKU_TEST_DATABASE_URL` (else `DATABASE_URL`). Without one the PostgreSQL half of a test
//! is skipped locally, but **fails** when `CI=true`: CI must prove both backends.

use std::path::PathBuf;
use std::sync::Arc;
use std::sync::atomic::{AtomicI64, Ordering};

use axum::Router;
use axum::body::Body;
use axum::http::{HeaderMap, Method, Request, StatusCode};
use registrar::{Clock, Registrar, RegistrarConfig};
use serde_json::Value;

/// The password [`TestApp::submitted_application`] sets.
pub const APPLICANT_PASSWORD: &str = "みなと食品の合言葉 2026";

/// The repository's example application.
pub const EXAMPLE: &str = include_str!("../tests/fixtures/application.example.json");
use tower::ServiceExt;

pub mod browser;
#[path = "../../core/mailer/tests/support/smtp_sink.rs"]
pub mod smtp_sink;

/// The ministry plugins every test app has installed.
pub const MINISTRY_PLUGINS: [&str; 8] =
    ["env", "fsa", "maff", "meti", "mhlw", "mic", "mlit", "mof"];

/// One plugin engine per test process: a plugin file is compiled once, whatever the number of
/// apps that install it.
pub fn plugin_engine() -> Arc<plugin_host::PluginHost> {
    static ENGINE: std::sync::OnceLock<Arc<plugin_host::PluginHost>> = std::sync::OnceLock::new();
    Arc::clone(ENGINE.get_or_init(|| {
        Arc::new(
            plugin_host::PluginHost::new(plugin_host::HostConfig::default())
                .expect("plugin engine"),
        )
    }))
}

/// A plugin file built by `cargo xtask build-plugins` (`target/plugins/<name>.wasm`).
pub fn plugin_file(name: &str) -> Vec<u8> {
    let dir = std::env::var_os("TOROKU_PLUGIN_DIR").map_or_else(
        || PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("../target/plugins"),
        PathBuf::from,
    );
    let path = dir.join(format!("{name}.wasm"));
    std::fs::read(&path).unwrap_or_else(|err| {
        panic!(
            "{}: {err}; build the plugins first with `cargo xtask build-plugins`",
            path.display()
        )
    })
}

/// The base URL the test apps put into links.
pub const BASE_URL: &str = "http://toroku.test";

/// A clock the test sets and moves.
#[derive(Debug)]
pub struct TestClock(AtomicI64);

impl TestClock {
    /// Moves time forward.
    pub fn advance_ms(&self, ms: i64) {
        self.0.fetch_add(ms, Ordering::SeqCst);
    }
}

impl Clock for TestClock {
    fn now_ms(&self) -> i64 {
        self.0.load(Ordering::SeqCst)
    }
}

/// Which database a test runs against.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Db {
    /// A fresh SQLite file.
    Sqlite,
    /// A fresh PostgreSQL database.
    Postgres,
}

/// A received or written mail, decoded.
#[derive(Debug, Clone)]
pub struct Mail {
    /// The `To:` address.
    pub to: String,
    /// The decoded subject.
    pub subject: String,
    /// The decoded plain-text body.
    pub body: String,
}

impl Mail {
    /// Decodes an RFC 5322 message.
    pub fn parse(raw: &[u8]) -> Mail {
        let message = mail_parser::MessageParser::default()
            .parse(raw)
            .expect("a parsable message");
        let to = message
            .to()
            .and_then(|a| a.first())
            .and_then(|a| a.address())
            .unwrap_or_default()
            .to_owned();
        Mail {
            to,
            subject: message.subject().unwrap_or_default().to_owned(),
            body: message.body_text(0).unwrap_or_default().into_owned(),
        }
    }

    /// The token of the first link in the body that starts with `BASE_URL + prefix`.
    pub fn link_token(&self, prefix: &str) -> Option<String> {
        let start = format!("{BASE_URL}{prefix}");
        self.body.split_whitespace().find_map(|word| {
            word.strip_prefix(&start).map(|rest| {
                rest.trim_end_matches(|c: char| !c.is_ascii_alphanumeric() && c != '-' && c != '_')
                    .to_owned()
            })
        })
    }
}

/// The application under test, in process.
pub struct TestApp {
    /// The router, called without a socket.
    pub router: Router,
    /// The use cases behind it.
    pub registrar: Registrar,
    /// The clock the app sees.
    pub clock: Arc<TestClock>,
    mailer: mailer::Mailer,
    mail_dir: PathBuf,
    mails_seen: usize,
    store_config: store::StoreConfig,
    _dir: tempfile::TempDir,
}

impl std::fmt::Debug for TestApp {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("TestApp").finish_non_exhaustive()
    }
}

/// The URL of a PostgreSQL server for tests, if any; panics under CI without one.
pub fn postgres_admin_url() -> Option<String> {
    let url = std::env::var("TOROKU_TEST_DATABASE_URL")
        .or_else(|_| std::env::var("DATABASE_URL"))
        .ok()
        .filter(|u| !u.is_empty());
    if url.is_none() && std::env::var("CI").is_ok_and(|v| v == "true") {
        panic!(
            "CI=true but neither TOROKU_TEST_DATABASE_URL nor DATABASE_URL is set: the PostgreSQL tests must run in CI"
        );
    }
    url
}

impl TestApp {
    /// A fresh app on `db`; `None` only for PostgreSQL outside CI with no server configured.
    pub async fn start(db: Db) -> Option<TestApp> {
        let dir = tempfile::tempdir().expect("temp dir");
        let config = match db {
            Db::Sqlite => store::StoreConfig::sqlite_in(dir.path()),
            Db::Postgres => {
                let admin = postgres_admin_url()?;
                let url = store::create_scratch_database(&admin, "toroku_test")
                    .await
                    .unwrap_or_else(|err| {
                        panic!("PostgreSQL at the test URL is unreachable: {err}")
                    });
                store::StoreConfig {
                    url,
                    max_connections: 4,
                }
            }
        };
        let store = store::Store::connect(&config).await.expect("connect");
        store.migrate().await.expect("migrate");
        let store_config = config.clone();
        // 2026-11-21 09:00 JST
        let clock = Arc::new(TestClock(AtomicI64::new(1_795_219_200_000)));
        let registrar = Registrar::with_clock(
            store,
            RegistrarConfig {
                base_url: BASE_URL.to_owned(),
                mail_from: "no-reply@toroku.test".to_owned(),
                ..RegistrarConfig::default()
            },
            Arc::new(registrar::PluginRegistry::new(plugin_engine())),
            clock.clone(),
        );
        for ministry in MINISTRY_PLUGINS {
            registrar
                .install_plugin(plugin_file(ministry), "test")
                .await
                .unwrap_or_else(|err| panic!("{ministry} plugin: {err}"));
        }
        registrar
            .provision_plugin_tenants()
            .await
            .expect("tenants for the installed plugins");
        let mail_dir = dir.path().join("mail");
        let mailer = mailer::Mailer::new(None, Some(mail_dir.clone())).expect("mailer");
        let router = server::router(server::AppState::new(registrar.clone()));
        Some(TestApp {
            router,
            registrar,
            clock,
            mailer,
            mail_dir,
            mails_seen: 0,
            store_config,
            _dir: dir,
        })
    }

    /// A second instance on the same database, as a second process would be: its own
    /// connection pool, plugin registry (loaded from the database) and policy, sharing
    /// nothing in memory with this one but the test clock.
    pub async fn second_instance(&self) -> TestApp {
        let dir = tempfile::tempdir().expect("temp dir");
        let store = store::Store::connect(&self.store_config)
            .await
            .expect("connect");
        let registrar = Registrar::with_clock(
            store,
            self.registrar.config().clone(),
            Arc::new(registrar::PluginRegistry::new(plugin_engine())),
            self.clock.clone(),
        );
        registrar.load_plugins().await.expect("plugins");
        let mail_dir = dir.path().join("mail");
        let mailer = mailer::Mailer::new(None, Some(mail_dir.clone())).expect("mailer");
        let router = server::router(server::AppState::new(registrar.clone()));
        TestApp {
            router,
            registrar,
            clock: self.clock.clone(),
            mailer,
            mail_dir,
            mails_seen: 0,
            store_config: self.store_config.clone(),
            _dir: dir,
        }
    }

    /// Creates an enrolled staff member and logs them in; returns the `Cookie` header value.
    pub async fn staff_cookie(&self, tenant: &str, email: &str, role: authz::Role) -> String {
        let created = self
            .registrar
            .bootstrap_staff(tenant, email, "テスト 職員", role)
            .await
            .unwrap_or_else(|err| panic!("staff {email}: {err:?}"));
        let token = created
            .enrolment_link
            .rsplit('/')
            .next()
            .unwrap_or_default()
            .to_owned();
        let password = "a long staff passphrase 2026";
        let (status, _, body) = self
            .call(
                Method::POST,
                "/api/v1/staff/enrolment",
                Some(&serde_json::json!({ "token": token, "password": password })),
                &[],
            )
            .await;
        assert_eq!(status, StatusCode::OK, "{body}");
        let secret = body["totp_secret"].as_str().expect("secret").to_owned();
        let code = registrar::totp::code_at(&secret, self.clock.now_ms()).expect("code");
        let (status, headers, body) = self
            .call(
                Method::POST,
                "/api/v1/staff/sessions",
                Some(&serde_json::json!({ "email": email, "password": password, "code": code })),
                &[],
            )
            .await;
        assert_eq!(status, StatusCode::CREATED, "{body}");
        let set_cookie = headers
            .get("set-cookie")
            .and_then(|v| v.to_str().ok())
            .expect("a staff cookie");
        set_cookie.split(';').next().unwrap_or_default().to_owned()
    }

    /// Enables the admin API with this bearer token.
    pub fn set_admin_token(&mut self, token: &str) {
        let mut state = server::AppState::new(self.registrar.clone());
        state.admin_token = Some(token.to_owned());
        self.router = server::router(state);
    }

    /// Sends a request; returns status, headers and the body as JSON (`Null` when empty,
    /// `{"_text": …}` when not JSON).
    pub async fn call(
        &self,
        method: Method,
        path: &str,
        body: Option<&Value>,
        headers: &[(&str, &str)],
    ) -> (StatusCode, HeaderMap, Value) {
        let bytes = body.map(|b| b.to_string().into_bytes()).unwrap_or_default();
        self.call_raw(method, path, bytes, headers).await
    }

    /// A bodiless request whose answer is not JSON: status, headers, raw bytes.
    pub async fn call_bytes(&self, method: Method, path: &str) -> (StatusCode, HeaderMap, Vec<u8>) {
        self.send(method, path, Vec::new(), &[]).await
    }

    /// The status of a bodiless request made with a session cookie (`name=value`).
    pub async fn status_with_cookie(&self, method: Method, path: &str, cookie: &str) -> StatusCode {
        self.send(method, path, Vec::new(), &[("cookie", cookie)])
            .await
            .0
    }

    /// Serves this app on a real loopback socket under `limits`, as `toroku serve` does (with
    /// the peer's address known, so per-client rates apply); returns `http://127.0.0.1:<port>`.
    /// The server lives as long as the test's runtime.
    pub async fn serve_tcp(&self, limits: server::guard::Limits) -> String {
        let listener = tokio::net::TcpListener::bind("127.0.0.1:0")
            .await
            .expect("bind loopback");
        let addr = listener.local_addr().expect("local address");
        let router =
            server::router(server::AppState::new(self.registrar.clone()).with_limits(limits));
        tokio::spawn(async move {
            axum::serve(
                listener,
                router.into_make_service_with_connect_info::<std::net::SocketAddr>(),
            )
            .await
        });
        format!("http://{addr}")
    }

    /// Writes `count` drafts of `document`, each with its own link, straight into the
    /// database (as the benches do); returns the links' tokens.
    pub async fn insert_drafts(&self, document: &Value, count: usize) -> Vec<String> {
        use sha2::Digest;
        let now = self.clock.now_ms();
        let text = document.to_string();
        let run = uuid::Uuid::new_v4().simple().to_string();
        let mut fixtures = Vec::with_capacity(count);
        let mut tokens = Vec::with_capacity(count);
        for i in 0..count {
            // 43 URL-safe characters, as a real link's token.
            let token = format!("{}{i:011}", &run[..32]);
            fixtures.push(store::fixtures::DraftFixture {
                id: uuid::Uuid::now_v7().to_string(),
                email: format!("d{i}-{}@drafts.example.jp", &run[..8]),
                document: text.clone(),
                token_hash: hex::encode(sha2::Sha256::digest(token.as_bytes())),
                created_at: now,
                expires_at: now + 48 * 3_600_000,
            });
            tokens.push(token);
        }
        let tx = self.registrar.store().write().await.expect("write");
        tx.insert_draft_fixtures(&fixtures).await.expect("drafts");
        tx.commit().await.expect("commit");
        tokens
    }

    /// and the applicant's session cookie.
    pub async fn submitted_application(&mut self, document: &Value) -> (String, String) {
        let email = document["applicant"]["email"]
            .as_str()
            .expect("email")
            .to_owned();
        let (status, _, body) = self
            .call(
                Method::POST,
                "/api/v1/pre-registrations",
                Some(&serde_json::json!({ "email": email, "email_confirmation": email })),
                &[],
            )
            .await;
        assert_eq!(status, StatusCode::ACCEPTED, "{body}");
        let mails = self.deliver_mail().await;
        let token = mails
            .last()
            .and_then(|m| m.link_token("/apply/"))
            .expect("draft link");
        let (status, _, body) = self
            .call(
                Method::PUT,
                &format!("/api/v1/drafts/{token}"),
                Some(document),
                &[],
            )
            .await;
        assert_eq!(status, StatusCode::OK, "{body}");
        let (status, _, body) = self
            .call_raw(
                Method::POST,
                &format!("/api/v1/drafts/{token}/submit"),
                Vec::new(),
                &[("idempotency-key", &format!("submit-{email}"))],
            )
            .await;
        assert_eq!(status, StatusCode::CREATED, "{body}");
        let id = body["application_id"].as_str().expect("id").to_owned();
        let mails = self.deliver_mail().await;
        let password_token = mails
            .iter()
            .find_map(|m| m.link_token("/account/password/"))
            .expect("password link");
        let (status, _, body) = self
            .call(
                Method::POST,
                "/api/v1/account/password",
                Some(
                    &serde_json::json!({ "token": password_token, "password": APPLICANT_PASSWORD }),
                ),
                &[],
            )
            .await;
        assert_eq!(status, StatusCode::OK, "{body}");
        let (status, headers, body) = self
            .call(
                Method::POST,
                "/api/v1/sessions",
                Some(&serde_json::json!({ "login_id": email, "password": APPLICANT_PASSWORD })),
                &[],
            )
            .await;
        assert_eq!(status, StatusCode::CREATED, "{body}");
        let cookie = headers
            .get("set-cookie")
            .and_then(|v| v.to_str().ok())
            .and_then(|v| v.split(';').next())
            .expect("cookie")
            .to_owned();
        (id, cookie)
    }

    /// [`TestApp::submitted_application`], then every line accepted by a reviewer of its
    /// ministry (`tenants`: the ministries its lines belong to) and the application registered
    /// by the central administration. Returns the application id and the applicant's cookie.
    pub async fn registered_application(
        &mut self,
        document: &Value,
        tenants: &[&str],
    ) -> (String, String) {
        let (id, applicant) = self.submitted_application(document).await;
        let path = format!("/api/v1/review/applications/{id}");
        for tenant in tenants {
            let reviewer = self
                .staff_cookie(
                    tenant,
                    &format!("accept@{tenant}.test"),
                    authz::Role::Reviewer,
                )
                .await;
            let (status, _, view) = self
                .call(Method::GET, &path, None, &[("cookie", &reviewer)])
                .await;
            assert_eq!(status, StatusCode::OK, "{view}");
            for line in view["lines"].as_array().expect("lines") {
                let (status, _, body) = self
                    .call(
                        Method::POST,
                        &format!("{path}/lines/{}/decision", line["id"]),
                        Some(&serde_json::json!({ "decision": "accept" })),
                        &[("cookie", &reviewer)],
                    )
                    .await;
                assert_eq!(status, StatusCode::OK, "{body}");
            }
        }
        let central = self
            .staff_cookie("central", "registrar@mhlw.test", authz::Role::CentralAdmin)
            .await;
        let (status, _, body) = self
            .call(
                Method::POST,
                &format!("/api/v1/central/applications/{id}/registration"),
                None,
                &[("cookie", &central)],
            )
            .await;
        assert_eq!(status, StatusCode::CREATED, "{body}");
        self.deliver_mail().await;
        (id, applicant)
    }

    /// The version of `ministry`'s plugin this instance has in force, if any.
    pub fn plugin_version_in_force(&self, ministry: &str) -> Option<String> {
        self.registrar
            .plugins()
            .plugins()
            .iter()
            .find(|p| p.ministry_id() == ministry)
            .map(|p| p.version().to_owned())
    }

    /// A page request: status, headers and the body as text.
    pub async fn page(
        &self,
        method: Method,
        path: &str,
        headers: &[(&str, &str)],
    ) -> (StatusCode, HeaderMap, String) {
        let (status, headers, bytes) = self.send(method, path, Vec::new(), headers).await;
        (
            status,
            headers,
            String::from_utf8_lossy(&bytes).into_owned(),
        )
    }

    /// Posts an HTML form (`application/x-www-form-urlencoded`) as a browser would.
    pub async fn post_form(
        &self,
        path: &str,
        fields: &[(&str, &str)],
        headers: &[(&str, &str)],
    ) -> (StatusCode, HeaderMap, String) {
        let body = fields
            .iter()
            .map(|(name, value)| format!("{}={}", form_encode(name), form_encode(value)))
            .collect::<Vec<_>>()
            .join("&");
        let mut all = vec![("content-type", "application/x-www-form-urlencoded")];
        all.extend_from_slice(headers);
        let (status, headers, bytes) = self.send(Method::POST, path, body.into_bytes(), &all).await;
        (
            status,
            headers,
            String::from_utf8_lossy(&bytes).into_owned(),
        )
    }

    /// Like [`TestApp::call`] with a raw body.
    pub async fn call_raw(
        &self,
        method: Method,
        path: &str,
        body: Vec<u8>,
        headers: &[(&str, &str)],
    ) -> (StatusCode, HeaderMap, Value) {
        let (status, headers, bytes) = self.send(method, path, body, headers).await;
        let value = if bytes.is_empty() {
            Value::Null
        } else {
            serde_json::from_slice(&bytes)
                .unwrap_or_else(|_| serde_json::json!({ "_text": String::from_utf8_lossy(&bytes) }))
        };
        (status, headers, value)
    }

    async fn send(
        &self,
        method: Method,
        path: &str,
        body: Vec<u8>,
        headers: &[(&str, &str)],
    ) -> (StatusCode, HeaderMap, Vec<u8>) {
        let mut request = Request::builder().method(method).uri(path);
        for (name, value) in headers {
            request = request.header(*name, *value);
        }
        let typed = headers
            .iter()
            .any(|(name, _)| name.eq_ignore_ascii_case("content-type"));
        if !body.is_empty() && !typed {
            request = request.header("content-type", "application/json");
        }
        let response = self
            .router
            .clone()
            .oneshot(request.body(Body::from(body)).expect("request"))
            .await
            .expect("infallible");
        let status = response.status();
        let headers = response.headers().clone();
        let bytes = axum::body::to_bytes(response.into_body(), usize::MAX)
            .await
            .expect("body");
        (status, headers, bytes.to_vec())
    }

    /// Delivers queued mail (as the outbox worker would) and returns the mail new since the
    /// last call, oldest first.
    pub async fn deliver_mail(&mut self) -> Vec<Mail> {
        self.registrar
            .deliver_due_mail(&self.mailer)
            .await
            .expect("outbox pass");
        let mut files: Vec<PathBuf> = std::fs::read_dir(&self.mail_dir)
            .map(|entries| {
                entries
                    .filter_map(Result::ok)
                    .map(|e| e.path())
                    .filter(|p| p.extension().is_some_and(|e| e == "eml"))
                    .collect()
            })
            .unwrap_or_default();
        files.sort_by_key(|p| std::fs::metadata(p).and_then(|m| m.modified()).ok());
        let new: Vec<Mail> = files
            .iter()
            .skip(self.mails_seen)
            .map(|p| Mail::parse(&std::fs::read(p).expect("read eml")))
            .collect();
        self.mails_seen = files.len();
        new
    }
}

/// Runs a scenario once on SQLite and once on PostgreSQL, as two tests.
#[macro_export]
macro_rules! on_both_databases {
    ($($name:ident),* $(,)?) => {
        mod sqlite {
            $(
                #[tokio::test]
                async fn $name() {
                    let app = $crate::TestApp::start($crate::Db::Sqlite).await.expect("sqlite app");
                    super::$name(app).await;
                }
            )*
        }
        mod postgres {
            $(
                #[tokio::test]
                async fn $name() {
                    if let Some(app) = $crate::TestApp::start($crate::Db::Postgres).await {
                        super::$name(app).await;
                    }
                }
            )*
        }
    };
}

/// Encodes a form value (`application/x-www-form-urlencoded`).
pub fn form_encode(text: &str) -> String {
    text.bytes()
        .map(|b| match b {
            b' ' => "+".to_owned(),
            b if b.is_ascii_alphanumeric() || b"-._*".contains(&b) => char::from(b).to_string(),
            b => format!("%{b:02X}"),
        })
        .collect()
}

/// An establishments workbook as an applicant fills it: the template's key row (row 2, keys of
/// `workbook::COLUMNS`), then one row per `(column key, value)` list. Numbers are written as
/// numbers, everything else as text.
pub fn establishments_workbook(rows: &[Vec<(&str, &str)>]) -> Vec<u8> {
    let mut book = rust_xlsxwriter::Workbook::new();
    let sheet = book.add_worksheet();
    sheet.set_name("establishments").expect("name");
    for (col, (key, _)) in workbook::COLUMNS.iter().enumerate() {
        let col = u16::try_from(col).expect("column");
        sheet
            .write_string(0, col, format!("{key}（見出し）"))
            .expect("label");
        sheet.write_string(1, col, *key).expect("key");
    }
    for (r, row) in rows.iter().enumerate() {
        let r = u32::try_from(r + 2).expect("row");
        for (key, value) in row {
            let col = workbook::COLUMNS
                .iter()
                .position(|(k, _)| k == key)
                .expect("known column");
            let col = u16::try_from(col).expect("column");
            match value.parse::<f64>() {
                Ok(n) if !value.starts_with('0') => sheet.write_number(r, col, n).expect("number"),
                _ => sheet.write_string(r, col, *value).expect("text"),
            };
        }
    }
    book.save_to_buffer().expect("xlsx")
}

/// A `multipart/form-data` body with one file field; returns the content type and the body.
pub fn multipart_file(field: &str, filename: &str, bytes: &[u8]) -> (String, Vec<u8>) {
    let boundary = "toroku-test-boundary-7d1f";
    let mut body = Vec::new();
    body.extend_from_slice(
        format!(
            "--{boundary}\r\nContent-Disposition: form-data; name=\"{field}\"; filename=\"{filename}\"\r\nContent-Type: application/vnd.openxmlformats-officedocument.spreadsheetml.sheet\r\n\r\n"
        )
        .as_bytes(),
    );
    body.extend_from_slice(bytes);
    body.extend_from_slice(format!("\r\n--{boundary}--\r\n").as_bytes());
    (format!("multipart/form-data; boundary={boundary}"), body)
}
