//! Delivery through a real SMTP server on loopback and into `.eml` files; no mocks.

#[path = "support/smtp_sink.rs"]
mod smtp_sink;

use std::path::{Path, PathBuf};
use std::time::Duration;

use chrono::{TimeZone, Utc};
use mailer::{DeliverError, Mailer, MailerConfigError, OutgoingMail, SmtpConfig, SmtpSecurity};
use smtp_sink::SmtpSink;

const SUBJECT: &str =
    "【東京都】住民登録の受付が完了しました（受付番号：Ｒ７－００４２）髙橋様・𠮷田様・ｶﾀｶﾅ";
const BODY: &str = "山田 太郎 様\n\n\
    住民登録の申請を受け付けました。\n\
    受付番号：Ｒ７－００４２\n\
    お問い合わせ：〒100-8111 東京都千代田区千代田１－１　～　平日 9:00～17:00\n\
    髙橋・𠮷田・ｶﾀｶﾅ・①・㈱\n";

fn japanese_mail(message_id: &str) -> OutgoingMail {
    OutgoingMail {
        message_id: message_id.to_owned(),
        from: "東京都 登録窓口 <noreply@toroku.local>".to_owned(),
        to: "山田 太郎 <taro@example.jp>".to_owned(),
        subject: SUBJECT.to_owned(),
        body_text: BODY.to_owned(),
        date: Utc.with_ymd_and_hms(2026, 11, 21, 9, 30, 0).unwrap(),
    }
}

fn plaintext_smtp(port: u16) -> SmtpConfig {
    SmtpConfig {
        host: "127.0.0.1".to_owned(),
        port,
        security: SmtpSecurity::None,
        username: None,
        password: None,
        timeout: Duration::from_secs(10),
    }
}

fn smtp_only(port: u16) -> Mailer {
    Mailer::new(Some(plaintext_smtp(port)), None).expect("valid SMTP config")
}

fn eml_only(dir: &Path) -> Mailer {
    Mailer::new(None, Some(dir.to_owned())).expect("valid .eml directory")
}

/// Every file in `dir`, hidden temporary files included, sorted by name.
fn files_in(dir: &Path) -> Vec<PathBuf> {
    let mut files: Vec<PathBuf> = std::fs::read_dir(dir)
        .expect("readable directory")
        .map(|entry| entry.expect("directory entry").path())
        .collect();
    files.sort();
    files
}

/// Decodes `bytes` with an independent parser and checks the Japanese text and headers survived.
fn assert_is_the_japanese_mail(bytes: &[u8], mail: &OutgoingMail) {
    let non_ascii = bytes.iter().filter(|b| !b.is_ascii()).count();
    assert_eq!(
        non_ascii, 0,
        "a 7-bit message: headers RFC 2047, body transfer-encoded"
    );
    let parsed = mail_parser::MessageParser::default()
        .parse(bytes)
        .expect("parsable message");
    let raw_subject = parsed.header_raw("Subject").expect("Subject header");
    assert!(
        raw_subject.contains("=?utf-8?"),
        "RFC 2047 encoded: {raw_subject}"
    );
    assert_eq!(parsed.subject(), Some(SUBJECT));
    let body = parsed.body_text(0).expect("text body");
    assert_eq!(body.replace("\r\n", "\n"), mail.body_text);
    let encoding = parsed
        .header_raw("Content-Transfer-Encoding")
        .expect("Content-Transfer-Encoding")
        .trim()
        .to_ascii_lowercase();
    assert!(
        ["base64", "quoted-printable"].contains(&encoding.as_str()),
        "{encoding}"
    );
    let content_type = parsed.header_raw("Content-Type").expect("Content-Type");
    assert!(
        content_type.to_ascii_lowercase().contains("charset=utf-8"),
        "{content_type}"
    );
    assert_eq!(parsed.message_id(), Some(mail.message_id.as_str()));
    let date = parsed.date().expect("Date header");
    assert_eq!(date.to_timestamp(), mail.date.timestamp());
    let from = parsed.from().and_then(|from| from.first()).expect("From");
    assert_eq!(from.name(), Some("東京都 登録窓口"));
    assert_eq!(from.address(), Some("noreply@toroku.local"));
    let to = parsed.to().and_then(|to| to.first()).expect("To");
    assert_eq!(to.name(), Some("山田 太郎"));
    assert_eq!(to.address(), Some("taro@example.jp"));
}

mod smtp {
    use super::*;

    #[tokio::test]
    async fn japanese_mail_arrives_through_a_real_smtp_server_intact() {
        let sink = SmtpSink::start();
        let mail = japanese_mail("outbox-1@toroku.local");

        smtp_only(sink.port())
            .deliver(&mail)
            .await
            .expect("delivered");

        let received = sink.wait_for(1);
        assert_eq!(received.len(), 1);
        assert_eq!(received[0].mail_from, "noreply@toroku.local");
        assert_eq!(received[0].rcpt_to, ["taro@example.jp"]);
        assert_is_the_japanese_mail(&received[0].data, &mail);
    }

    #[tokio::test]
    async fn one_mailer_delivers_several_messages_over_its_pool() {
        let sink = SmtpSink::start();
        let mailer = smtp_only(sink.port());

        for n in 1..=3 {
            let mail = japanese_mail(&format!("outbox-{n}@toroku.local"));
            mailer.deliver(&mail).await.expect("delivered");
        }

        let ids: Vec<String> = sink
            .wait_for(3)
            .iter()
            .map(|received| message_id_of(&received.data))
            .collect();
        assert_eq!(
            ids,
            [
                "outbox-1@toroku.local",
                "outbox-2@toroku.local",
                "outbox-3@toroku.local"
            ]
        );
    }

    #[tokio::test]
    async fn nothing_listening_on_the_port_is_a_transient_error() {
        let port = {
            let listener = std::net::TcpListener::bind("127.0.0.1:0").expect("free port");
            listener.local_addr().expect("bound address").port()
        };

        let error = smtp_only(port)
            .deliver(&japanese_mail("outbox-2@toroku.local"))
            .await
            .expect_err("nothing listens");

        assert!(error.is_transient(), "{error}");
    }

    #[tokio::test]
    async fn a_server_that_never_answers_is_a_transient_error_within_the_timeout() {
        // Connections complete in the listen backlog, but no greeting ever comes.
        let listener = std::net::TcpListener::bind("127.0.0.1:0").expect("free port");
        let config = SmtpConfig {
            timeout: Duration::from_millis(500),
            ..plaintext_smtp(listener.local_addr().unwrap().port())
        };
        let started = std::time::Instant::now();

        let error = Mailer::new(Some(config), None)
            .unwrap()
            .deliver(&japanese_mail("outbox-12@toroku.local"))
            .await
            .expect_err("silent server");

        assert!(error.is_transient(), "{error}");
        assert!(
            started.elapsed() < Duration::from_secs(5),
            "{:?}",
            started.elapsed()
        );
    }

    #[tokio::test]
    async fn recipient_refused_with_550_is_a_permanent_error() {
        let sink = SmtpSink::start();
        let mut mail = japanese_mail("outbox-3@toroku.local");
        mail.to = "reject-me@example.jp".to_owned();

        let error = smtp_only(sink.port())
            .deliver(&mail)
            .await
            .expect_err("550");

        assert!(matches!(error, DeliverError::Permanent(_)), "{error}");
        assert!(error.to_string().contains("550"), "{error}");
    }

    #[tokio::test]
    async fn recipient_deferred_with_451_is_a_transient_error() {
        let sink = SmtpSink::start();
        let mut mail = japanese_mail("outbox-4@toroku.local");
        mail.to = "defer-me@example.jp".to_owned();

        let error = smtp_only(sink.port())
            .deliver(&mail)
            .await
            .expect_err("451");

        assert!(matches!(error, DeliverError::Transient(_)), "{error}");
        assert!(error.to_string().contains("451"), "{error}");
    }

    #[tokio::test]
    async fn correct_credentials_authenticate_and_deliver() {
        let sink = SmtpSink::start_with_auth("toroku", "s3cret-パスワード");
        let config = SmtpConfig {
            username: Some("toroku".to_owned()),
            password: Some("s3cret-パスワード".to_owned()),
            ..plaintext_smtp(sink.port())
        };
        let mail = japanese_mail("outbox-5@toroku.local");

        Mailer::new(Some(config), None)
            .unwrap()
            .deliver(&mail)
            .await
            .expect("delivered");

        assert_is_the_japanese_mail(&sink.wait_for(1)[0].data, &mail);
    }

    #[tokio::test]
    async fn refused_credentials_are_transient_and_the_password_appears_nowhere() {
        let password = "Wr0ng-Passw0rd";
        let sink = SmtpSink::start_with_auth("toroku", "the-right-one");
        let config = SmtpConfig {
            username: Some("toroku".to_owned()),
            password: Some(password.to_owned()),
            ..plaintext_smtp(sink.port())
        };
        let mailer = Mailer::new(Some(config.clone()), None).unwrap();

        let error = mailer
            .deliver(&japanese_mail("outbox-6@toroku.local"))
            .await
            .expect_err("535");

        assert!(
            error.is_transient(),
            "a configuration fault, not the message's: {error}"
        );
        assert!(error.to_string().contains("535"), "{error}");
        for text in [
            error.to_string(),
            format!("{error:?}"),
            format!("{config:?}"),
            format!("{mailer:?}"),
        ] {
            assert!(!text.contains(password), "password leaked: {text}");
            assert!(
                !text.contains("V3IwbmctUGFzc3cwcmQ"),
                "base64 password leaked: {text}"
            );
        }
    }

    #[tokio::test]
    async fn required_starttls_is_never_downgraded_to_plaintext() {
        let sink = SmtpSink::start();
        let config = SmtpConfig {
            security: SmtpSecurity::StartTls,
            ..plaintext_smtp(sink.port())
        };

        let error = Mailer::new(Some(config), None)
            .unwrap()
            .deliver(&japanese_mail("outbox-7@toroku.local"))
            .await
            .expect_err("the sink offers no STARTTLS");

        assert!(error.is_transient(), "{error}");
        // Proof that nothing was sent: the next message over plaintext is the first one received.
        let next = japanese_mail("outbox-8@toroku.local");
        smtp_only(sink.port())
            .deliver(&next)
            .await
            .expect("delivered");
        let received = sink.wait_for(1);
        assert_eq!(received.len(), 1);
        assert_eq!(message_id_of(&received[0].data), "outbox-8@toroku.local");
    }

    #[test]
    fn a_mailer_that_has_sent_can_outlive_its_runtime() {
        let sink = SmtpSink::start();
        let mailer = smtp_only(sink.port());
        let runtime = tokio::runtime::Builder::new_current_thread()
            .enable_all()
            .build()
            .unwrap();
        runtime
            .block_on(mailer.deliver(&japanese_mail("outbox-9@toroku.local")))
            .expect("delivered");
        drop(runtime);

        drop(mailer);

        assert_eq!(sink.wait_for(1).len(), 1);
    }

    fn message_id_of(data: &[u8]) -> String {
        let parsed = mail_parser::MessageParser::default()
            .parse(data)
            .expect("parsable");
        parsed.message_id().expect("Message-ID").to_owned()
    }
}

mod eml {
    use super::*;

    #[tokio::test]
    async fn eml_file_decodes_to_the_same_japanese_text() {
        let dir = tempfile::tempdir().unwrap();
        let mail = japanese_mail("outbox-42@toroku.local");

        eml_only(dir.path()).deliver(&mail).await.expect("written");

        let files = files_in(dir.path());
        assert_eq!(
            files,
            [dir.path()
                .join("20261121T093000Z-outbox-42@toroku.local.eml")]
        );
        assert_is_the_japanese_mail(&std::fs::read(&files[0]).unwrap(), &mail);
    }

    #[tokio::test]
    async fn a_retry_with_the_same_message_id_overwrites_the_file_instead_of_adding_one() {
        let dir = tempfile::tempdir().unwrap();
        let mailer = eml_only(dir.path());
        let mut mail = japanese_mail("outbox-42@toroku.local");
        mailer.deliver(&mail).await.expect("first attempt");

        mail.body_text = "再送です。\n".to_owned();
        mailer.deliver(&mail).await.expect("retry");

        let files = files_in(dir.path());
        assert_eq!(
            files.len(),
            1,
            "no duplicate and no temporary file left: {files:?}"
        );
        let parsed_bytes = std::fs::read(&files[0]).unwrap();
        let parsed = mail_parser::MessageParser::default()
            .parse(&parsed_bytes)
            .unwrap();
        assert_eq!(
            parsed.body_text(0).unwrap().replace("\r\n", "\n"),
            "再送です。\n"
        );
    }

    #[tokio::test]
    async fn different_message_ids_get_different_files() {
        let dir = tempfile::tempdir().unwrap();
        let mailer = eml_only(dir.path());

        mailer
            .deliver(&japanese_mail("outbox-1@toroku.local"))
            .await
            .unwrap();
        mailer
            .deliver(&japanese_mail("outbox-2@toroku.local"))
            .await
            .unwrap();

        assert_eq!(files_in(dir.path()).len(), 2);
    }

    #[tokio::test]
    async fn message_ids_with_path_characters_stay_inside_the_directory() {
        let dir = tempfile::tempdir().unwrap();

        eml_only(dir.path())
            .deliver(&japanese_mail("../../etc/passwd@toroku.local"))
            .await
            .expect("written");

        assert_eq!(
            files_in(dir.path()),
            [dir.path()
                .join("20261121T093000Z-.._.._etc_passwd@toroku.local.eml")]
        );
    }

    #[tokio::test]
    async fn the_file_is_written_even_when_smtp_then_fails_so_a_retry_rewrites_it() {
        let dir = tempfile::tempdir().unwrap();
        let port = {
            let listener = std::net::TcpListener::bind("127.0.0.1:0").unwrap();
            listener.local_addr().unwrap().port()
        };
        let mailer = Mailer::new(Some(plaintext_smtp(port)), Some(dir.path().to_owned())).unwrap();
        let mail = japanese_mail("outbox-10@toroku.local");

        for _attempt in 0..2 {
            let error = mailer.deliver(&mail).await.expect_err("nothing listens");
            assert!(error.is_transient(), "{error}");
        }

        assert_eq!(files_in(dir.path()).len(), 1);
    }

    #[tokio::test]
    async fn both_destinations_get_the_same_bytes() {
        let sink = SmtpSink::start();
        let dir = tempfile::tempdir().unwrap();
        let mailer = Mailer::new(
            Some(plaintext_smtp(sink.port())),
            Some(dir.path().to_owned()),
        )
        .unwrap();

        mailer
            .deliver(&japanese_mail("outbox-11@toroku.local"))
            .await
            .unwrap();

        let file = std::fs::read(&files_in(dir.path())[0]).unwrap();
        let received = sink.wait_for(1).remove(0).data;
        // lettre ends DATA with CRLF "." CRLF after the message's own final CRLF, so the server
        // sees one extra empty line.
        assert_eq!(received.strip_suffix(b"\r\n"), Some(file.as_slice()));
    }
}

mod rejection {
    use super::*;

    /// Each case changes one field of a valid mail; all must fail before anything is written or sent.
    fn invalid_mails() -> Vec<(&'static str, OutgoingMail)> {
        let valid = japanese_mail("outbox-20@toroku.local");
        let with = |change: &dyn Fn(&mut OutgoingMail)| {
            let mut mail = valid.clone();
            change(&mut mail);
            mail
        };
        vec![
            (
                "CRLF in subject",
                with(&|m| m.subject = "件名\r\nBcc: evil@example.com".into()),
            ),
            (
                "LF in subject",
                with(&|m| m.subject = "件名\nBcc: evil@example.com".into()),
            ),
            (
                "CR in subject",
                with(&|m| m.subject = "件名\rBcc: evil@example.com".into()),
            ),
            (
                "CRLF in to",
                with(&|m| m.to = "taro@example.jp\r\nBcc: evil@example.com".into()),
            ),
            (
                "LF in to name",
                with(&|m| m.to = "山田\n太郎 <taro@example.jp>".into()),
            ),
            (
                "CRLF in from",
                with(&|m| m.from = "noreply@toroku.local\r\nBcc: e@x.com".into()),
            ),
            (
                "CRLF in message id",
                with(&|m| m.message_id = "a@b\r\nBcc: e@x.com".into()),
            ),
            ("to without @", with(&|m| m.to = "taro.example.jp".into())),
            ("to without domain", with(&|m| m.to = "taro@".into())),
            ("empty to", with(&|m| m.to = String::new())),
            (
                "two recipients",
                with(&|m| m.to = "a@example.jp, b@example.jp".into()),
            ),
            (
                "from with spaces",
                with(&|m| m.from = "no reply@toroku.local".into()),
            ),
            (
                "message id without @",
                with(&|m| m.message_id = "outbox-20".into()),
            ),
            (
                "message id in brackets",
                with(&|m| m.message_id = "<x@y>".into()),
            ),
            (
                "date before 1970",
                with(&|m| m.date = Utc.with_ymd_and_hms(1969, 1, 1, 0, 0, 0).unwrap()),
            ),
        ]
    }

    #[tokio::test]
    async fn invalid_addresses_and_line_breaks_are_permanent_errors_and_nothing_is_sent_or_written()
    {
        let sink = SmtpSink::start();
        let dir = tempfile::tempdir().unwrap();
        let mailer = Mailer::new(
            Some(plaintext_smtp(sink.port())),
            Some(dir.path().to_owned()),
        )
        .unwrap();

        for (case, mail) in invalid_mails() {
            let error = mailer.deliver(&mail).await.expect_err(case);
            assert!(
                matches!(error, DeliverError::Permanent(_)),
                "{case}: {error}"
            );
            assert!(!error.to_string().contains("evil"), "{case}: {error}");
        }

        assert_eq!(files_in(dir.path()), Vec::<PathBuf>::new());
        let valid = japanese_mail("outbox-21@toroku.local");
        mailer.deliver(&valid).await.expect("delivered");
        let received = sink.wait_for(1);
        assert_eq!(received.len(), 1, "only the valid mail reached the server");
        assert_is_the_japanese_mail(&received[0].data, &valid);
    }
}

mod config {
    use super::*;

    fn remote(security: SmtpSecurity, port: u16) -> SmtpConfig {
        SmtpConfig {
            host: "smtp.example.jp".to_owned(),
            port,
            security,
            username: Some("toroku".to_owned()),
            password: Some("hunter2".to_owned()),
            timeout: Duration::from_secs(30),
        }
    }

    #[test]
    fn starttls_and_tls_configs_build_without_network_or_runtime() {
        for (security, port) in [(SmtpSecurity::StartTls, 587), (SmtpSecurity::Tls, 465)] {
            let mailer = Mailer::new(Some(remote(security, port)), None);
            assert!(mailer.is_ok(), "{security:?}: {mailer:?}");
        }
    }

    #[test]
    fn invalid_configs_are_refused() {
        let tls = || remote(SmtpSecurity::Tls, 465);
        // (case, SMTP settings, the error variant's name as `Debug` prints it)
        let cases = [
            ("no destination", None, "NoDestination"),
            (
                "empty host",
                Some(SmtpConfig {
                    host: String::new(),
                    ..tls()
                }),
                "InvalidHost",
            ),
            (
                "host with a space",
                Some(SmtpConfig {
                    host: "smtp example.jp".into(),
                    ..tls()
                }),
                "InvalidHost",
            ),
            (
                "host with a port",
                Some(SmtpConfig {
                    host: "smtp.example.jp:465".into(),
                    ..tls()
                }),
                "InvalidHost",
            ),
            ("port 0", Some(SmtpConfig { port: 0, ..tls() }), "ZeroPort"),
            (
                "zero timeout",
                Some(SmtpConfig {
                    timeout: Duration::ZERO,
                    ..tls()
                }),
                "ZeroTimeout",
            ),
            (
                "username without password",
                Some(SmtpConfig {
                    password: None,
                    ..tls()
                }),
                "IncompleteCredentials",
            ),
            (
                "password without username",
                Some(SmtpConfig {
                    username: None,
                    ..tls()
                }),
                "IncompleteCredentials",
            ),
        ];
        for (case, smtp, variant) in cases {
            let error = Mailer::new(smtp, None).expect_err(case);
            let debug = format!("{error:?}");
            assert!(debug.starts_with(variant), "{case}: {debug}");
            assert!(!debug.contains("hunter2"), "{case}: {debug}");
        }
    }

    #[test]
    fn debug_output_never_shows_the_password() {
        let config = remote(SmtpSecurity::StartTls, 587);
        let mailer = Mailer::new(Some(config.clone()), None).unwrap();

        for text in [format!("{config:?}"), format!("{mailer:?}")] {
            assert!(!text.contains("hunter2"), "{text}");
            assert!(text.contains("smtp.example.jp"), "{text}");
        }
    }

    #[test]
    fn the_eml_directory_is_created_when_missing() {
        let parent = tempfile::tempdir().unwrap();
        let dir = parent.path().join("outbox/eml");

        Mailer::new(None, Some(dir.clone())).expect("created");

        assert!(dir.is_dir());
    }

    #[test]
    fn an_eml_directory_that_is_a_file_is_refused() {
        let file = tempfile::NamedTempFile::new().unwrap();

        let error = Mailer::new(None, Some(file.path().to_owned())).expect_err("a file");

        assert!(
            matches!(error, MailerConfigError::EmlDir { .. }),
            "{error:?}"
        );
    }
}
