//! A small W3C WebDriver client for the browser tests: Debian's `chromium`, headless, driven by
//! Debian's `chromedriver` (both installed by `scripts/setup.sh test`), plus an accessibility
//! scan with axe-core (`tests/browser/node_modules`, installed by the same script with `npm ci`).
//!
//! The protocol is a handful of JSON requests, so it is spoken here directly over reqwest.

use std::path::{Path, PathBuf};
use std::process::Stdio;

use anyhow::{Context, bail};
use base64::Engine as _;
use serde_json::{Value, json};
use tokio::io::{AsyncBufReadExt, BufReader};
use tokio::process::{Child, Command};

const ELEMENT: &str = "element-6066-11e4-a52e-4f735466cecf";

/// One headless Chromium session.
#[derive(Debug)]
pub struct Browser {
    http: reqwest::Client,
    session: String,
    _driver: Child,
}

/// The directory the browser tests write screenshots to (`target/screenshots`).
pub fn screenshot_dir() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("../target/screenshots")
}

impl Browser {
    /// Starts chromedriver on a free port and opens a headless Chromium session.
    pub async fn start() -> anyhow::Result<Browser> {
        let port = std::net::TcpListener::bind("127.0.0.1:0")?
            .local_addr()?
            .port();
        let mut driver = Command::new("/usr/bin/chromedriver")
            .arg(format!("--port={port}"))
            .stdout(Stdio::piped())
            .stderr(Stdio::null())
            .kill_on_drop(true)
            .spawn()
            .context("starting /usr/bin/chromedriver (run scripts/setup.sh test)")?;
        let stdout = driver.stdout.take().context("chromedriver stdout")?;
        let mut lines = BufReader::new(stdout).lines();
        let ready = tokio::time::timeout(std::time::Duration::from_secs(30), async {
            while let Some(line) = lines.next_line().await? {
                if line.contains("started successfully") {
                    return Ok::<bool, std::io::Error>(true);
                }
            }
            Ok(false)
        })
        .await
        .context("chromedriver did not start within 30 s")??;
        if !ready {
            bail!("chromedriver exited before it was ready");
        }
        // Keep reading its output so that it never blocks on a full pipe.
        tokio::spawn(async move { while let Ok(Some(_)) = lines.next_line().await {} });
        let http = reqwest::Client::new();
        let base = format!("http://127.0.0.1:{port}");
        let answer: Value = http
            .post(format!("{base}/session"))
            .json(&json!({ "capabilities": { "alwaysMatch": {
                "browserName": "chrome",
                "goog:chromeOptions": {
                    "binary": "/usr/bin/chromium",
                    "args": ["--headless=new", "--no-sandbox", "--disable-gpu",
                             "--disable-dev-shm-usage", "--window-size=1280,1000", "--lang=ja"],
                    // A Japanese user's browser: Accept-Language ja first.
                    "prefs": { "intl.accept_languages": "ja,en" }
                }
            }}}))
            .send()
            .await?
            .json()
            .await?;
        let session = answer["value"]["sessionId"]
            .as_str()
            .with_context(|| format!("no session: {answer}"))?
            .to_owned();
        Ok(Browser {
            http,
            session: format!("{base}/session/{session}"),
            _driver: driver,
        })
    }

    async fn command(
        &self,
        method: reqwest::Method,
        path: &str,
        body: Option<Value>,
    ) -> anyhow::Result<Value> {
        let url = format!("{}{path}", self.session);
        let mut request = self.http.request(method, &url);
        if let Some(body) = body {
            request = request.json(&body);
        }
        let answer: Value = request.send().await?.json().await?;
        if let Some(error) = answer["value"]["error"].as_str() {
            bail!("{path}: {error}: {}", answer["value"]["message"]);
        }
        Ok(answer["value"].clone())
    }

    /// Opens a URL and waits for the page to load.
    pub async fn goto(&self, url: &str) -> anyhow::Result<()> {
        self.command(reqwest::Method::POST, "/url", Some(json!({ "url": url })))
            .await
            .map(drop)
    }

    /// The current URL.
    pub async fn url(&self) -> anyhow::Result<String> {
        Ok(self
            .command(reqwest::Method::GET, "/url", None)
            .await?
            .as_str()
            .unwrap_or_default()
            .to_owned())
    }

    async fn element(&self, css: &str) -> anyhow::Result<String> {
        let found = self
            .command(
                reqwest::Method::POST,
                "/element",
                Some(json!({ "using": "css selector", "value": css })),
            )
            .await
            .with_context(|| format!("no element {css}"))?;
        found[ELEMENT]
            .as_str()
            .map(str::to_owned)
            .with_context(|| format!("no element id in {found}"))
    }

    /// Clears a field and types into it, as a user would.
    pub async fn fill(&self, css: &str, text: &str) -> anyhow::Result<()> {
        let id = self.element(css).await?;
        self.command(
            reqwest::Method::POST,
            &format!("/element/{id}/clear"),
            Some(json!({})),
        )
        .await?;
        self.command(
            reqwest::Method::POST,
            &format!("/element/{id}/value"),
            Some(json!({ "text": text })),
        )
        .await
        .map(drop)
    }

    /// Puts a local file into an `<input type=file>`.
    pub async fn choose_file(&self, css: &str, path: &Path) -> anyhow::Result<()> {
        let id = self.element(css).await?;
        self.command(
            reqwest::Method::POST,
            &format!("/element/{id}/value"),
            Some(json!({ "text": path.display().to_string() })),
        )
        .await
        .map(drop)
    }

    /// Clicks an element (a link or a button); a navigation it starts is waited for.
    pub async fn click(&self, css: &str) -> anyhow::Result<()> {
        let id = self.element(css).await?;
        self.command(
            reqwest::Method::POST,
            &format!("/element/{id}/click"),
            Some(json!({})),
        )
        .await
        .map(drop)
    }

    /// Clicks something that loads a new page (a link, a form's button) and waits until the new
    /// page has loaded: the old document is marked first, and the wait ends when a document
    /// without the mark is complete (bounded at 15 s).
    pub async fn click_and_load(&self, css: &str) -> anyhow::Result<()> {
        self.script("window.__torokuOld = true; return null")
            .await?;
        self.click(css).await?;
        let deadline = std::time::Instant::now() + std::time::Duration::from_secs(15);
        loop {
            let loaded = self
                .script(
                    "return window.__torokuOld === undefined && document.readyState === 'complete'",
                )
                .await
                // A script can fail while the page is being replaced; the next look decides.
                .unwrap_or(Value::Bool(false));
            if loaded == Value::Bool(true) {
                return Ok(());
            }
            if std::time::Instant::now() > deadline {
                bail!("clicking {css} loaded no new page within 15 s");
            }
            tokio::task::yield_now().await;
        }
    }

    /// Waits until a JavaScript expression is true in the page (bounded at 15 s): for what the
    /// page's own script does after an event, such as the postal-code lookup.
    pub async fn wait_until(&self, expression: &str) -> anyhow::Result<()> {
        let deadline = std::time::Instant::now() + std::time::Duration::from_secs(15);
        let script = format!("return Boolean({expression})");
        loop {
            if self.script(&script).await? == Value::Bool(true) {
                return Ok(());
            }
            if std::time::Instant::now() > deadline {
                bail!("still false after 15 s: {expression}");
            }
            tokio::task::yield_now().await;
        }
    }

    /// The current value of a form field.
    pub async fn value(&self, css: &str) -> anyhow::Result<String> {
        let css = serde_json::to_string(css)?;
        Ok(self
            .script(&format!("return document.querySelector({css}).value"))
            .await?
            .as_str()
            .unwrap_or_default()
            .to_owned())
    }

    /// Picks an option of a `<select>` by its value.
    pub async fn select(&self, css: &str, value: &str) -> anyhow::Result<()> {
        self.click(&format!("{css} option[value=\"{value}\"]"))
            .await
    }

    /// The visible text of an element.
    pub async fn text(&self, css: &str) -> anyhow::Result<String> {
        let id = self.element(css).await?;
        Ok(self
            .command(reqwest::Method::GET, &format!("/element/{id}/text"), None)
            .await?
            .as_str()
            .unwrap_or_default()
            .to_owned())
    }

    /// Runs a script in the page and returns its value.
    pub async fn script(&self, script: &str) -> anyhow::Result<Value> {
        self.command(
            reqwest::Method::POST,
            "/execute/sync",
            Some(json!({ "script": script, "args": [] })),
        )
        .await
    }

    /// Saves a PNG of the viewport as `target/screenshots/<name>.png` and returns its path.
    pub async fn screenshot(&self, name: &str) -> anyhow::Result<PathBuf> {
        let data = self
            .command(reqwest::Method::GET, "/screenshot", None)
            .await?;
        let bytes =
            base64::engine::general_purpose::STANDARD.decode(data.as_str().unwrap_or_default())?;
        let dir = screenshot_dir();
        std::fs::create_dir_all(&dir)?;
        let path = dir.join(format!("{name}.png"));
        std::fs::write(&path, bytes)?;
        Ok(path)
    }

    /// Runs axe-core on the page; returns the violations of impact `serious` or `critical`
    /// (id, impact, help, and the first offending element).
    pub async fn serious_accessibility_violations(&self) -> anyhow::Result<Vec<Value>> {
        let axe = axe_source()?;
        self.script(&axe).await?;
        let result = self
            .command(
                reqwest::Method::POST,
                "/execute/async",
                Some(json!({
                    "script": "const done = arguments[arguments.length - 1];\
                        axe.run(document, { resultTypes: ['violations'] })\
                          .then(r => done(r.violations.map(v => ({ id: v.id, impact: v.impact,\
                             help: v.help, target: v.nodes.length ? v.nodes[0].target : [] }))))\
                          .catch(e => done({ error: String(e) }));",
                    "args": []
                })),
            )
            .await?;
        if let Some(error) = result.get("error") {
            bail!("axe failed: {error}");
        }
        Ok(result
            .as_array()
            .cloned()
            .unwrap_or_default()
            .into_iter()
            .filter(|v| matches!(v["impact"].as_str(), Some("serious" | "critical")))
            .collect())
    }

    /// Ends the session (chromedriver stops when this is dropped).
    pub async fn quit(self) -> anyhow::Result<()> {
        self.http.delete(&self.session).send().await?;
        Ok(())
    }
}

fn axe_source() -> anyhow::Result<String> {
    let path =
        Path::new(env!("CARGO_MANIFEST_DIR")).join("browser/node_modules/axe-core/axe.min.js");
    std::fs::read_to_string(&path)
        .with_context(|| format!("{} (run scripts/setup.sh test)", path.display()))
}

/// Serves `router` on a free loopback port for the browser; returns its base URL.
pub async fn serve(router: axum::Router) -> anyhow::Result<String> {
    let listener = tokio::net::TcpListener::bind("127.0.0.1:0").await?;
    let addr = listener.local_addr()?;
    tokio::spawn(async move {
        if let Err(err) = axum::serve(listener, router).await {
            panic!("test server: {err}");
        }
    });
    Ok(format!("http://{addr}"))
}
