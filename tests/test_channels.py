"""Every channel against a real local server: aiosmtpd for SMTP, pytest-httpserver for HTTP."""

from __future__ import annotations

import email
import email.policy
import io
import json
import logging
import shutil
import socket
import ssl
import subprocess
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field, replace
from datetime import UTC, datetime
from decimal import Decimal
from email.message import EmailMessage
from pathlib import Path
from typing import Any

import httpx
import pytest
from aiosmtpd.controller import Controller
from aiosmtpd.smtp import AuthResult, LoginPassword
from pytest_httpserver import HTTPServer
from werkzeug import Request, Response

from watcher.alerts import (
    Channel,
    ConsoleChannel,
    EmailChannel,
    FileChannel,
    SlackChannel,
    WebhookChannel,
    build_channels,
)
from watcher.errors import DeliveryError
from watcher.models import Change, FeedHealth, Money
from watcher.render import Message, render
from watcher.settings import AlertSettings, EmailSettings, FileSettings, SlackSettings, WebhookSettings

WHEN = datetime(2025, 9, 9, 10, 30, tzinfo=UTC)
CHANGE = Change(
    entity="Mistral AI",
    kind="new_round",
    fact_kind="funding_round",
    status="announced",
    new=Money(Decimal("1.7e9"), "EUR"),
    round="series_c",
    detected_at=WHEN,
    new_date="2025-09-09",
    url="https://news.example/mistral",
    title="Mistral AI raises €1.7bn <led by ASML>",
    evidence="ASML led the €1.7bn Series C.",
    sources=2,
    lead_investors=("ASML",),
)
MESSAGE = render(CHANGE)
PASSWORD = "s3cret-pa55"
SLACK_TOKEN = "XoXoSeCrEtToKeN42"
SLACK_PATH = f"/services/T0001/B0002/{SLACK_TOKEN}"


# ---------------------------------------------------------------------------
# SMTP


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        port: int = s.getsockname()[1]
        return port


@dataclass
class Received:
    mail_from: str
    rcpt_tos: list[str]
    content: bytes
    authenticated: bool
    tls: bool

    @property
    def message(self) -> EmailMessage:
        parsed = email.message_from_bytes(self.content, policy=email.policy.default)
        assert isinstance(parsed, EmailMessage)
        return parsed


@dataclass
class Recorder:
    """aiosmtpd handler keeping every accepted message; ``rcpt_reply`` refuses recipients."""

    rcpt_reply: str | None = None
    received: list[Received] = field(default_factory=list)

    async def handle_RCPT(
        self, server: Any, session: Any, envelope: Any, address: str, rcpt_options: list[str]
    ) -> str:
        if self.rcpt_reply:
            return self.rcpt_reply
        envelope.rcpt_tos.append(address)
        return "250 OK"

    async def handle_DATA(self, server: Any, session: Any, envelope: Any) -> str:
        self.received.append(
            Received(
                envelope.mail_from,
                list(envelope.rcpt_tos),
                envelope.original_content or envelope.content,
                bool(session.authenticated),
                session.ssl is not None,
            )
        )
        return "250 Message accepted for delivery"


def authenticator(server: Any, session: Any, envelope: Any, mechanism: str, auth_data: Any) -> AuthResult:
    ok = (
        isinstance(auth_data, LoginPassword)
        and auth_data.login == b"watcher"
        and auth_data.password == PASSWORD.encode()
    )
    return AuthResult(success=ok, handled=False)


@contextmanager
def smtp_server(handler: Recorder, **kwargs: Any) -> Iterator[int]:
    port = free_port()
    controller = Controller(handler, hostname="127.0.0.1", port=port, ready_timeout=5, **kwargs)
    controller.start()
    try:
        yield port
    finally:
        controller.stop()


def email_settings(port: int, **kw: Any) -> EmailSettings:
    base: dict[str, Any] = {
        "host": "127.0.0.1",
        "port": port,
        "sender": "Watcher <watcher@alerts.example.org>",
        "recipients": ("alice@example.org",),
        "tls": "none",
        "timeout": 5.0,
    }
    base.update(kw)
    return EmailSettings(**base)


@dataclass(frozen=True)
class Certs:
    cert: Path
    key: Path

    def server(self) -> ssl.SSLContext:
        ctx = ssl.SSLContext(ssl.PROTOCOL_TLS_SERVER)
        ctx.load_cert_chain(self.cert, self.key)
        return ctx

    def client(self) -> ssl.SSLContext:
        # Verifying, with hostname checking: the test cert is trusted, not verification disabled.
        return ssl.create_default_context(cafile=str(self.cert))


@pytest.fixture(scope="session")
def certs(tmp_path_factory: pytest.TempPathFactory) -> Certs:
    """A self-signed certificate for 127.0.0.1, made with the openssl CLI (the
    ``cryptography`` package is not installed here)."""
    openssl = shutil.which("openssl")
    if openssl is None:
        pytest.skip("openssl not available to make a test certificate")
    directory = tmp_path_factory.mktemp("tls")
    cert, key = directory / "cert.pem", directory / "key.pem"
    subprocess.run(
        [
            openssl,
            "req",
            "-x509",
            "-newkey",
            "ec",
            "-pkeyopt",
            "ec_paramgen_curve:prime256v1",
            "-nodes",
            "-keyout",
            str(key),
            "-out",
            str(cert),
            "-days",
            "2",
            "-subj",
            "/CN=127.0.0.1",
            "-addext",
            "subjectAltName=IP:127.0.0.1,DNS:localhost",
        ],
        check=True,
        capture_output=True,
        timeout=30,
    )
    return Certs(cert, key)


def test_email_plain_delivery_content_and_headers() -> None:
    handler = Recorder()
    settings = email_settings(0, recipients=("alice@example.org", "Bob <bob@example.org>"))
    with smtp_server(handler) as port:
        EmailChannel(replace(settings, port=port), env={}).send(MESSAGE, 42)
    [got] = handler.received
    assert got.mail_from == "watcher@alerts.example.org"
    assert got.rcpt_tos == ["alice@example.org", "bob@example.org"]
    msg = got.message
    # email.policy.SMTP may fold right after "Subject:"; unfolding leaves a leading space.
    assert msg["Subject"].strip() == MESSAGE.subject
    assert msg["Subject"].strip() == "[watcher] Mistral AI: new funding round EUR 1.7bn (Series C, announced)"
    assert msg["From"] == "Watcher <watcher@alerts.example.org>"
    assert msg["To"] == "alice@example.org, Bob <bob@example.org>"
    assert msg["Message-ID"] == "<watcher-alert-42@alerts.example.org>"
    assert msg["Auto-Submitted"] == "auto-generated"
    assert msg["Date"] is not None
    assert msg.get_content_type() == "multipart/alternative"
    plain = msg.get_body(("plain",))
    html = msg.get_body(("html",))
    assert plain is not None and html is not None
    plain_text, html_text = plain.get_content(), html.get_content()
    assert "Series C" in plain_text and "ASML" in plain_text
    assert "Mistral AI raises €1.7bn <led by ASML>" in plain_text
    assert "Mistral AI raises €1.7bn &lt;led by ASML&gt;" in html_text
    assert '<a href="https://news.example/mistral">' in html_text
    assert not got.authenticated
    assert not got.tls


def test_email_message_id_is_stable_per_alert() -> None:
    handler = Recorder()
    with smtp_server(handler) as port:
        channel = EmailChannel(email_settings(port), env={})
        channel.send(MESSAGE, 7)
        channel.send(MESSAGE, 7)
        channel.send(MESSAGE, 8)
    ids = [r.message["Message-ID"] for r in handler.received]
    assert ids == ["<watcher-alert-7@alerts.example.org>"] * 2 + ["<watcher-alert-8@alerts.example.org>"]


@pytest.mark.filterwarnings("ignore:Requiring AUTH while not requiring TLS:UserWarning")
def test_email_with_authentication_reads_password_from_env() -> None:
    handler = Recorder()
    with smtp_server(
        handler, authenticator=authenticator, auth_require_tls=False, auth_required=True
    ) as port:
        settings = email_settings(port, username="watcher", password_env="SMTP_PASSWORD")
        EmailChannel(settings, env={"SMTP_PASSWORD": PASSWORD}).send(MESSAGE, 1)
        assert handler.received[0].authenticated

        with pytest.raises(DeliveryError) as wrong:
            EmailChannel(settings, env={"SMTP_PASSWORD": "nope"}).send(MESSAGE, 2)
        assert wrong.value.permanent
        assert "535" in str(wrong.value)
        assert "nope" not in str(wrong.value)

        with pytest.raises(DeliveryError) as missing:
            EmailChannel(settings, env={}).send(MESSAGE, 3)
        assert missing.value.permanent
        assert "SMTP_PASSWORD" in str(missing.value)
    assert len(handler.received) == 1


def test_email_starttls(certs: Certs) -> None:
    handler = Recorder()
    with smtp_server(
        handler,
        tls_context=certs.server(),
        require_starttls=True,
        authenticator=authenticator,
        auth_required=True,
    ) as port:
        settings = email_settings(port, tls="starttls", username="watcher", password_env="SMTP_PASSWORD")
        EmailChannel(settings, env={"SMTP_PASSWORD": PASSWORD}, ssl_context=certs.client()).send(MESSAGE, 5)

        # The system trust store does not know the self-signed certificate: refused, for good.
        with pytest.raises(DeliveryError) as untrusted:
            EmailChannel(settings, env={"SMTP_PASSWORD": PASSWORD}).send(MESSAGE, 6)
        assert untrusted.value.permanent
        assert "certificate" in str(untrusted.value)
    [got] = handler.received
    assert got.tls and got.authenticated
    assert got.message["Message-ID"] == "<watcher-alert-5@alerts.example.org>"


def test_email_implicit_tls(certs: Certs) -> None:
    handler = Recorder()
    with smtp_server(handler, ssl_context=certs.server()) as port:
        EmailChannel(email_settings(port, tls="ssl"), env={}, ssl_context=certs.client()).send(MESSAGE, 9)
    [got] = handler.received
    assert got.message["Subject"].strip() == MESSAGE.subject


def test_email_starttls_not_offered_is_permanent() -> None:
    with smtp_server(Recorder()) as port, pytest.raises(DeliveryError) as err:
        EmailChannel(email_settings(port, tls="starttls"), env={}).send(MESSAGE, 1)
    assert err.value.permanent
    assert "STARTTLS" in str(err.value)


def test_email_server_down_is_retryable() -> None:
    with pytest.raises(DeliveryError) as err:
        EmailChannel(email_settings(free_port(), timeout=2.0), env={}).send(MESSAGE, 1)
    assert not err.value.permanent
    assert isinstance(err.value.__cause__, OSError)


@pytest.mark.parametrize(
    ("reply", "permanent"),
    [("550 5.1.1 No such user", True), ("451 4.3.0 Try again later", False)],
)
def test_email_recipient_refused(reply: str, permanent: bool) -> None:
    with smtp_server(Recorder(rcpt_reply=reply)) as port, pytest.raises(DeliveryError) as err:
        EmailChannel(email_settings(port), env={}).send(MESSAGE, 1)
    assert err.value.permanent is permanent
    assert reply.split()[0] in str(err.value)


def test_email_header_injection_through_title_is_harmless() -> None:
    hostile = replace(CHANGE, entity="Mistral AI\r\nBcc: evil@x.example", title="Hi\r\nBcc: evil@x.example")
    forged = replace(MESSAGE, subject="[watcher] hi\r\nBcc: evil@x.example\r\n\r\nbody")
    handler = Recorder()
    with smtp_server(handler) as port:
        channel = EmailChannel(email_settings(port), env={})
        channel.send(render(hostile), 1)
        channel.send(forged, 2)  # a subject that never went through render
    assert len(handler.received) == 2
    for got in handler.received:
        assert got.rcpt_tos == ["alice@example.org"]
        msg = got.message
        assert msg["Bcc"] is None
        assert "\n" not in msg["Subject"]
        assert "Bcc: evil@x.example" in msg["Subject"]
        assert b"\r\nBcc:" not in got.content.split(b"\r\n\r\n", 1)[0]


def test_email_bad_configured_address_is_permanent() -> None:
    settings = email_settings(free_port(), recipients=("alice@example.org\r\nRCPT TO:<evil@x>",))
    with pytest.raises(DeliveryError) as err:
        EmailChannel(settings, env={}).send(MESSAGE, 1)
    assert err.value.permanent


# ---------------------------------------------------------------------------
# HTTP (Slack, webhook)


@pytest.fixture(scope="session")
def httpserver_listen_address() -> tuple[str, int]:
    return ("127.0.0.1", 0)


def slack(httpserver: HTTPServer, client: httpx.Client | None = None) -> SlackChannel:
    env = {"SLACK_WEBHOOK_URL": httpserver.url_for(SLACK_PATH)}
    return SlackChannel(SlackSettings(webhook_url_env="SLACK_WEBHOOK_URL", timeout=5), client=client, env=env)


def assert_no_secret(err: BaseException, *secrets: str) -> None:
    seen: BaseException | None = err
    while seen is not None:
        for secret in secrets:
            assert secret not in str(seen)
            assert secret not in repr(seen)
        seen = seen.__cause__ if seen.__cause__ is not None else None


def test_slack_payload(httpserver: HTTPServer) -> None:
    message = render(replace(CHANGE, title="Click <http://evil.example|here> & win"))
    httpserver.expect_oneshot_request(SLACK_PATH, method="POST").respond_with_data("ok")
    with httpx.Client() as client:
        slack(httpserver, client).send(message, 3)
    httpserver.check_assertions()
    [(request, _)] = httpserver.log
    assert request.headers["Content-Type"] == "application/json"
    body = request.get_json()
    assert body == {"text": message.slack_text, "blocks": list(message.slack_blocks)}
    assert body["text"] == "Mistral AI: new funding round EUR 1.7bn (Series C, announced)"
    assert [b["type"] for b in body["blocks"]] == ["header", "section", "section", "context"]
    raw = request.get_data(as_text=True)
    assert "<http://evil.example|here>" not in raw
    assert "Click &lt;http://evil.example|here&gt; &amp; win" in body["blocks"][-1]["elements"][0]["text"]


def test_slack_url_never_logged_by_httpx(httpserver: HTTPServer, caplog: pytest.LogCaptureFixture) -> None:
    httpserver.expect_oneshot_request(SLACK_PATH, method="POST").respond_with_data("ok")
    with caplog.at_level(logging.DEBUG):
        slack(httpserver).send(MESSAGE, 1)
    # The test server (werkzeug) logs its request line too; only the client side is ours.
    ours = [r.getMessage() for r in caplog.records if r.name.startswith(("httpx", "httpcore", "watcher"))]
    assert any("HTTP Request: POST" in line for line in ours)  # httpx did log the request...
    assert not any(SLACK_TOKEN in line for line in ours)  # ...without the secret


def test_slack_url_from_settings_when_env_unset(httpserver: HTTPServer) -> None:
    httpserver.expect_oneshot_request("/hook", method="POST").respond_with_data("ok")
    settings = SlackSettings(webhook_url_env="UNSET_VAR", webhook_url=httpserver.url_for("/hook"))
    SlackChannel(settings, env={}).send(MESSAGE, 1)
    httpserver.check_assertions()


def test_slack_missing_url_is_permanent() -> None:
    with pytest.raises(DeliveryError) as err:
        SlackChannel(SlackSettings(webhook_url_env="SLACK_WEBHOOK_URL"), env={}).send(MESSAGE, 1)
    assert err.value.permanent
    assert "SLACK_WEBHOOK_URL" in str(err.value)


@pytest.mark.parametrize(
    ("status", "body", "headers", "permanent", "retry_after", "reason"),
    [
        (500, "internal_error", {}, False, None, "internal_error"),
        (503, "", {"Retry-After": "12"}, False, 12.0, "503"),
        (429, "rate_limited", {"Retry-After": "30"}, False, 30.0, "rate_limited"),
        (400, "invalid_blocks\n", {}, True, None, "invalid_blocks"),
        (404, "no_service", {}, True, None, "no_service"),
        (403, "invalid_token", {}, True, None, "invalid_token"),
    ],
)
def test_slack_status_policy(
    httpserver: HTTPServer,
    status: int,
    body: str,
    headers: dict[str, str],
    permanent: bool,
    retry_after: float | None,
    reason: str,
) -> None:
    httpserver.expect_oneshot_request(SLACK_PATH, method="POST").respond_with_data(
        body, status=status, headers=headers
    )
    with pytest.raises(DeliveryError) as err:
        slack(httpserver).send(MESSAGE, 1)
    assert err.value.permanent is permanent
    assert err.value.retry_after == retry_after
    assert reason in str(err.value)
    assert f"HTTP {status}" in str(err.value)
    assert_no_secret(err.value, SLACK_TOKEN, SLACK_PATH)


def test_slack_body_echoing_the_url_is_redacted(httpserver: HTTPServer) -> None:
    def echo(request: Request) -> Response:
        return Response(f"bad request to {request.url}", status=400)

    httpserver.expect_oneshot_request(SLACK_PATH).respond_with_handler(echo)
    with pytest.raises(DeliveryError) as err:
        slack(httpserver).send(MESSAGE, 1)
    assert err.value.permanent
    assert "[redacted]" in str(err.value)
    assert_no_secret(err.value, SLACK_TOKEN)


def test_slack_network_error_is_retryable_and_secret_free() -> None:
    url = f"http://127.0.0.1:{free_port()}{SLACK_PATH}"
    channel = SlackChannel(SlackSettings(webhook_url_env="HOOK", timeout=2), env={"HOOK": url})
    with pytest.raises(DeliveryError) as err:
        channel.send(MESSAGE, 1)
    assert not err.value.permanent
    assert_no_secret(err.value, SLACK_TOKEN, url)


def test_slack_bad_url_error_is_redacted() -> None:
    url = f"http://hooks.example:{SLACK_TOKEN}/services"  # httpx quotes the bad "port" in its error
    channel = SlackChannel(SlackSettings(webhook_url_env="HOOK"), env={"HOOK": url})
    with pytest.raises(DeliveryError) as err:
        channel.send(MESSAGE, 1)
    assert err.value.permanent
    assert_no_secret(err.value, SLACK_TOKEN)
    assert err.value.__cause__ is None or SLACK_TOKEN not in str(err.value.__cause__)


def test_webhook_posts_data_with_headers_from_env(httpserver: HTTPServer) -> None:
    httpserver.expect_oneshot_request("/alerts", method="POST").respond_with_data("", status=204)
    settings = WebhookSettings(
        url=httpserver.url_for("/alerts"), headers_env={"Authorization": "HOOK_TOKEN", "X-Team": "TEAM"}
    )
    env = {"HOOK_TOKEN": "Bearer t0k3n-abc", "TEAM": "funding"}
    with httpx.Client() as client:
        WebhookChannel(settings, client=client, env=env).send(MESSAGE, 11)
    httpserver.check_assertions()
    [(request, _)] = httpserver.log
    assert request.headers["Authorization"] == "Bearer t0k3n-abc"
    assert request.headers["X-Team"] == "funding"
    assert request.headers["Idempotency-Key"] == "watcher-alert-11"
    assert request.get_json() == json.loads(json.dumps(MESSAGE.data))
    assert request.get_json()["new"]["amount"] == 1700000000


def test_webhook_feed_health(httpserver: HTTPServer) -> None:
    httpserver.expect_oneshot_request("/alerts", method="POST").respond_with_data("ok")
    health = FeedHealth("feed_down", "https://feeds.example/rss", WHEN, "Feed", "HTTP 503", 3)
    WebhookChannel(WebhookSettings(url=httpserver.url_for("/alerts")), env={}).send(render(health), 2)
    assert httpserver.log[0][0].get_json()["kind"] == "feed_down"


@pytest.mark.parametrize(
    ("status", "headers", "permanent", "retry_after"),
    [
        (500, {}, False, None),
        (429, {"Retry-After": "5"}, False, 5.0),
        (429, {"Retry-After": "Wed, 21 Oct 2015 07:28:00 GMT"}, False, 0.0),  # a date already past
        (401, {}, True, None),
        (301, {"Location": "/elsewhere"}, True, None),
    ],
)
def test_webhook_status_policy(
    httpserver: HTTPServer, status: int, headers: dict[str, str], permanent: bool, retry_after: float | None
) -> None:
    httpserver.expect_oneshot_request("/alerts").respond_with_data("nope", status=status, headers=headers)
    channel = WebhookChannel(WebhookSettings(url=httpserver.url_for("/alerts")), env={})
    with pytest.raises(DeliveryError) as err:
        channel.send(MESSAGE, 1)
    assert err.value.permanent is permanent
    assert err.value.retry_after == retry_after


def test_webhook_echoed_token_is_redacted(httpserver: HTTPServer) -> None:
    def echo(request: Request) -> Response:
        return Response(f"denied for {request.headers.get('Authorization')}", status=403)

    httpserver.expect_oneshot_request("/alerts").respond_with_handler(echo)
    url = httpserver.url_for("/alerts") + "?token=QuErYsEcReT"
    settings = WebhookSettings(url=url, headers_env={"Authorization": "HOOK_TOKEN"})
    with pytest.raises(DeliveryError) as err:
        WebhookChannel(settings, env={"HOOK_TOKEN": "Bearer t0k3n-abc"}).send(MESSAGE, 1)
    assert err.value.permanent
    assert_no_secret(err.value, "t0k3n-abc", "QuErYsEcReT")
    assert "/alerts" in str(err.value)


@pytest.mark.parametrize(
    ("env", "fragment"),
    [({}, "HOOK_TOKEN"), ({"HOOK_TOKEN": "Bearer x\r\nX-Evil: 1"}, "not a valid value")],
)
def test_webhook_header_env_problems_are_permanent(env: dict[str, str], fragment: str) -> None:
    settings = WebhookSettings(url="http://127.0.0.1:9/alerts", headers_env={"Authorization": "HOOK_TOKEN"})
    with pytest.raises(DeliveryError) as err:
        WebhookChannel(settings, env=env).send(MESSAGE, 1)
    assert err.value.permanent
    assert fragment in str(err.value)
    assert "X-Evil" not in str(err.value)


def test_webhook_server_down_is_retryable() -> None:
    settings = WebhookSettings(url=f"http://127.0.0.1:{free_port()}/alerts", timeout=2)
    with pytest.raises(DeliveryError) as err:
        WebhookChannel(settings, env={}).send(MESSAGE, 1)
    assert not err.value.permanent


# ---------------------------------------------------------------------------
# File, console, wiring


def test_file_appends_json_lines(tmp_path: Path) -> None:
    path = tmp_path / "deep" / "er" / "alerts.jsonl"
    channel = FileChannel(FileSettings(path))
    channel.send(MESSAGE, 1)
    channel.send(render(FeedHealth("feed_recovered", "https://f.example/rss", WHEN)), 2)
    lines = path.read_text(encoding="utf-8").splitlines()
    assert len(lines) == 2
    first, second = (json.loads(line) for line in lines)
    assert first == {"alert_id": 1, **json.loads(json.dumps(MESSAGE.data))}
    assert first["title"] == "Mistral AI raises €1.7bn <led by ASML>"
    assert second["alert_id"] == 2
    assert second["kind"] == "feed_recovered"


def test_file_unwritable_path_is_permanent(tmp_path: Path) -> None:
    blocker = tmp_path / "file"
    blocker.write_text("not a directory")
    with pytest.raises(DeliveryError) as err:
        FileChannel(FileSettings(blocker / "alerts.jsonl")).send(MESSAGE, 1)
    assert err.value.permanent


def test_console_writes_readable_block() -> None:
    out = io.StringIO()
    ConsoleChannel(out).send(MESSAGE, 4)
    text = out.getvalue()
    assert MESSAGE.subject in text
    assert "alert #4" in text
    assert "Round:" in text and "Series C" in text
    assert text.endswith("\n\n")


def test_console_defaults_to_stdout(capsys: pytest.CaptureFixture[str]) -> None:
    ConsoleChannel().send(MESSAGE, 1)
    assert "Mistral AI" in capsys.readouterr().out


def test_build_channels(tmp_path: Path) -> None:
    settings = AlertSettings(
        email=email_settings(25),
        slack=SlackSettings(webhook_url_env="SLACK_WEBHOOK_URL"),
        webhook=WebhookSettings(url="http://127.0.0.1:9/"),
        file=FileSettings(tmp_path / "a.jsonl"),
    )
    channels = build_channels(settings, env={})
    assert list(channels) == ["console", "email", "slack", "webhook", "file"]
    for name, channel in channels.items():
        assert isinstance(channel, Channel)
        assert channel.name == name
    assert list(build_channels(AlertSettings(console=False), env={})) == []


def test_message_type_is_what_channels_take() -> None:
    assert isinstance(MESSAGE, Message)
