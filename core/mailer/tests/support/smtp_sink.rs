//! Runs `scripts/smtp-sink.py`, a real SMTP server on loopback, and collects what it receives.
//!
//! Self-contained (std + `tempfile`) so other test crates can copy or move this file as it is.
//! Needs Debian's `python3-aiosmtpd`: `bash scripts/setup.sh test`.

use std::io::{BufRead, BufReader};
use std::path::{Path, PathBuf};
use std::process::{Child, Command, Stdio};
use std::sync::mpsc;
use std::time::{Duration, Instant};

/// The Debian interpreter; the `python3` on PATH may be a pyenv one without aiosmtpd.
const PYTHON: &str = "/usr/bin/python3";
/// How long to wait for the sink to start and for expected messages to arrive.
const DEADLINE: Duration = Duration::from_secs(10);

/// A running sink; the process is stopped when this is dropped.
#[derive(Debug)]
pub struct SmtpSink {
    child: Child,
    port: u16,
    inbox: tempfile::TempDir,
}

/// One message as the sink received it.
#[derive(Debug, Clone)]
pub struct ReceivedMail {
    /// Envelope sender (`MAIL FROM`).
    pub mail_from: String,
    /// Envelope recipients (`RCPT TO`).
    pub rcpt_to: Vec<String>,
    /// The DATA exactly as sent, with CRLF line endings.
    pub data: Vec<u8>,
}

impl SmtpSink {
    /// Starts a sink that accepts mail without authentication.
    pub fn start() -> Self {
        Self::spawn(&[])
    }

    /// Starts a sink that requires SMTP AUTH with these credentials.
    pub fn start_with_auth(user: &str, password: &str) -> Self {
        Self::spawn(&["--auth".to_owned(), format!("{user}:{password}")])
    }

    /// The port it listens on, on 127.0.0.1.
    pub fn port(&self) -> u16 {
        self.port
    }

    /// Waits until at least `count` messages have arrived and returns all of them, oldest first.
    pub fn wait_for(&self, count: usize) -> Vec<ReceivedMail> {
        let started = Instant::now();
        loop {
            let files = self.message_files();
            if files.len() >= count {
                return files.iter().map(|path| read_received(path)).collect();
            }
            assert!(
                started.elapsed() < DEADLINE,
                "expected {count} messages, got {} within {DEADLINE:?}",
                files.len()
            );
            std::thread::sleep(Duration::from_millis(20));
        }
    }

    fn spawn(extra_args: &[String]) -> Self {
        let script = find_script();
        let inbox = tempfile::tempdir().expect("temporary directory for the sink");
        let mut child = Command::new(PYTHON)
            .arg(&script)
            .arg("0")
            .arg(inbox.path())
            .args(extra_args)
            .stdin(Stdio::piped())
            .stdout(Stdio::piped())
            .stderr(Stdio::inherit())
            .spawn()
            .unwrap_or_else(|error| panic!("cannot run {PYTHON} {}: {error}", script.display()));
        let stdout = child.stdout.take().expect("piped stdout");
        let (sender, receiver) = mpsc::channel();
        std::thread::spawn(move || {
            let mut line = String::new();
            let _ = BufReader::new(stdout).read_line(&mut line);
            let _ = sender.send(line);
        });
        let line = receiver.recv_timeout(DEADLINE).unwrap_or_default();
        let port = line
            .trim()
            .strip_prefix("listening 127.0.0.1:")
            .and_then(|port| port.parse().ok());
        let mut sink = Self {
            child,
            port: 0,
            inbox,
        };
        match port {
            Some(port) => sink.port = port,
            None => panic!(
                "smtp-sink did not start (first line {line:?}); is python3-aiosmtpd installed? \
                 run `bash scripts/setup.sh test`"
            ),
        }
        sink
    }

    fn message_files(&self) -> Vec<PathBuf> {
        let mut files: Vec<PathBuf> = std::fs::read_dir(self.inbox.path())
            .expect("sink directory")
            .map(|entry| entry.expect("directory entry").path())
            .filter(|path| path.extension().is_some_and(|ext| ext == "eml"))
            .collect();
        files.sort();
        files
    }
}

impl Drop for SmtpSink {
    fn drop(&mut self) {
        // Closing stdin asks the sink to stop; kill it if it has not within the deadline.
        drop(self.child.stdin.take());
        let started = Instant::now();
        while started.elapsed() < DEADLINE {
            if let Ok(Some(_)) = self.child.try_wait() {
                return;
            }
            std::thread::sleep(Duration::from_millis(20));
        }
        let _ = self.child.kill();
        let _ = self.child.wait();
    }
}

/// Walks up from this crate's directory, so the file works from any crate of the workspace.
fn find_script() -> PathBuf {
    let start = Path::new(env!("CARGO_MANIFEST_DIR"));
    start
        .ancestors()
        .map(|dir| dir.join("scripts/smtp-sink.py"))
        .find(|path| path.is_file())
        .unwrap_or_else(|| panic!("no scripts/smtp-sink.py above {}", start.display()))
}

fn read_received(path: &Path) -> ReceivedMail {
    let bytes = std::fs::read(path).expect("received message");
    let mut mail = ReceivedMail {
        mail_from: String::new(),
        rcpt_to: Vec::new(),
        data: Vec::new(),
    };
    let mut rest = bytes.as_slice();
    loop {
        let end = rest
            .windows(2)
            .position(|w| w == b"\r\n")
            .expect("sink header line");
        let line = String::from_utf8_lossy(&rest[..end]).into_owned();
        if let Some(sender) = line.strip_prefix("X-Sink-Mail-From: ") {
            mail.mail_from = sender.to_owned();
        } else if let Some(recipient) = line.strip_prefix("X-Sink-Rcpt-To: ") {
            mail.rcpt_to.push(recipient.to_owned());
        } else {
            mail.data = rest.to_vec();
            return mail;
        }
        rest = &rest[end + 2..];
    }
}
