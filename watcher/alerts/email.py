"""Email channel: one multipart/alternative (plain text + HTML) message over SMTP.

The ``Message-ID`` is derived from the alert id, so when a crash between sending and
recording the delivery makes the outbox send an alert twice, mail clients fold the two
copies into one.
"""

from __future__ import annotations

import email.policy
import logging
import os
import re
import smtplib
import ssl
from collections.abc import Mapping
from email.message import EmailMessage
from email.utils import formatdate, parseaddr

from watcher.errors import DeliveryError
from watcher.render import SUBJECT_MAX, Message, one_line
from watcher.settings import EmailSettings

log = logging.getLogger(__name__)

_TLS_MODES = ("starttls", "ssl", "none")
_DOMAIN_RE = re.compile(r"^[A-Za-z0-9](?:[A-Za-z0-9.-]{0,251}[A-Za-z0-9])?$")
_FALLBACK_DOMAIN = "watcher.invalid"


class EmailChannel:
    name: str = "email"

    def __init__(
        self,
        settings: EmailSettings,
        *,
        env: Mapping[str, str] | None = None,
        ssl_context: ssl.SSLContext | None = None,
        local_hostname: str | None = None,
    ) -> None:
        """``ssl_context`` defaults to the system trust store with hostname checking;
        ``local_hostname`` is the EHLO name (default: this host's FQDN)."""
        self._settings = settings
        self._env: Mapping[str, str] = os.environ if env is None else env
        self._ssl_context = ssl_context
        self._local_hostname = local_hostname

    def compose(self, message: Message, alert_id: int) -> EmailMessage:
        """The email for ``message``; raises ``DeliveryError`` (permanent) if it cannot be built."""
        s = self._settings
        msg = EmailMessage(policy=email.policy.SMTP)
        try:
            # email.policy.SMTP already refuses CR/LF in a header value; one_line also
            # drops other control characters so the subject stays one clean line.
            msg["Subject"] = one_line(message.subject, SUBJECT_MAX)
            msg["From"] = s.sender
            msg["To"] = ", ".join(s.recipients)
            msg["Date"] = formatdate(usegmt=True)
            msg["Message-ID"] = message_id(alert_id, s.sender)
            if message.replies_to is not None:
                # A correction threads under the alert it corrects.
                original = message_id(message.replies_to, s.sender)
                msg["In-Reply-To"] = original
                msg["References"] = original
            # RFC 3834: tells autoresponders and out-of-office robots not to answer.
            msg["Auto-Submitted"] = "auto-generated"
            msg["X-Watcher-Alert-Id"] = str(alert_id)
            msg.set_content(message.text)
            msg.add_alternative(message.html, subtype="html")
        except (ValueError, TypeError) as e:
            raise DeliveryError(f"email: cannot build message: {e}", permanent=True) from e
        return msg

    def send(self, message: Message, alert_id: int) -> None:
        s = self._settings
        if s.tls not in _TLS_MODES:
            raise DeliveryError(
                f"email: tls must be one of {', '.join(_TLS_MODES)}, not {s.tls!r}", permanent=True
            )
        sender = _address(s.sender, "sender")
        recipients = [_address(r, "recipient") for r in s.recipients]
        if not recipients:
            raise DeliveryError("email: no recipients configured", permanent=True)
        password = self._password()
        msg = self.compose(message, alert_id)
        context = self._ssl_context or ssl.create_default_context()
        where = f"{s.host}:{s.port}"
        try:
            smtp = self._connect(context)
            try:
                if s.tls == "starttls":
                    smtp.starttls(context=context)
                if s.username:
                    smtp.login(s.username, password)
                refused = smtp.send_message(msg, from_addr=sender, to_addrs=recipients)
            finally:
                _close_quietly(smtp)
        except smtplib.SMTPRecipientsRefused as e:
            codes = [code for code, _ in e.recipients.values()]
            detail = "; ".join(
                f"{rcpt}: {code} {_text(reply)}" for rcpt, (code, reply) in e.recipients.items()
            )
            raise DeliveryError(
                _scrub(f"email: all recipients refused by {where}: {detail}", password),
                permanent=bool(codes) and all(500 <= c < 600 for c in codes),
            ) from e
        except smtplib.SMTPResponseException as e:
            # Covers authentication, sender, DATA, greeting and HELO refusals: 5xx is a
            # definitive "no", 4xx a "not now".
            what = "authentication failed" if isinstance(e, smtplib.SMTPAuthenticationError) else "refused"
            raise DeliveryError(
                _scrub(f"email: {where} {what}: {e.smtp_code} {_text(e.smtp_error)}", password),
                permanent=500 <= e.smtp_code < 600,
            ) from e
        except smtplib.SMTPNotSupportedError as e:
            # The server lacks STARTTLS or AUTH: a configuration mismatch, not a hiccup.
            raise DeliveryError(f"email: {where}: {e}", permanent=True) from e
        except smtplib.SMTPServerDisconnected as e:
            raise DeliveryError(f"email: {where} closed the connection: {e}") from e
        except smtplib.SMTPException as e:
            # e.g. "No suitable authentication method found": retrying will not add one.
            raise DeliveryError(_scrub(f"email: {where}: {e}", password), permanent=True) from e
        except ssl.SSLCertVerificationError as e:
            raise DeliveryError(
                f"email: {where}: TLS certificate rejected: {e.verify_message}", permanent=True
            ) from e
        except (OSError, ssl.SSLError) as e:
            # Refused connection, DNS failure, timeout, TLS handshake cut short: transient.
            reason = e.strerror or str(e) or type(e).__name__
            raise DeliveryError(f"email: cannot talk to {where}: {reason}") from e
        if refused:
            # Some recipients got it; a retry would send them a duplicate, so report and move on.
            log.warning(
                "email alert %d: %d recipient(s) refused: %s",
                alert_id,
                len(refused),
                ", ".join(sorted(refused)),
            )

    def _password(self) -> str:
        s = self._settings
        if not s.username:
            return ""
        if not s.password_env:
            raise DeliveryError("email: username is set but password_env is not", permanent=True)
        password = self._env.get(s.password_env)
        if password is None:
            raise DeliveryError(f"email: environment variable {s.password_env} is not set", permanent=True)
        return password

    def _connect(self, context: ssl.SSLContext) -> smtplib.SMTP:
        s = self._settings
        if s.tls == "ssl":
            return smtplib.SMTP_SSL(
                s.host, s.port, local_hostname=self._local_hostname, timeout=s.timeout, context=context
            )
        return smtplib.SMTP(s.host, s.port, local_hostname=self._local_hostname, timeout=s.timeout)


def message_id(alert_id: int, sender: str) -> str:
    """``<watcher-alert-{id}@{sender's domain}>``: the same for every send of one alert."""
    domain = parseaddr(sender)[1].rpartition("@")[2].strip().lower()
    if not _DOMAIN_RE.match(domain):
        domain = _FALLBACK_DOMAIN
    return f"<watcher-alert-{alert_id}@{domain}>"


def _address(value: str, role: str) -> str:
    """The bare address of a configured sender/recipient, refusing anything that could
    smuggle an extra SMTP command or header."""
    address = parseaddr(value)[1]
    if (
        any(ord(ch) < 32 or ord(ch) == 127 for ch in value)
        or "@" not in address
        or any(ch.isspace() for ch in address)
    ):
        raise DeliveryError(f"email: invalid {role} address {one_line(value, 100)!r}", permanent=True)
    return address


def _text(reply: bytes | str) -> str:
    raw = reply.decode("utf-8", "replace") if isinstance(reply, bytes) else reply
    return one_line(raw, 200)


def _scrub(text: str, secret: str) -> str:
    # A server could echo what it was sent; the password never leaves in an error.
    return text.replace(secret, "[redacted]") if secret else text


def _close_quietly(smtp: smtplib.SMTP) -> None:
    # QUIT after a successful DATA must not turn a delivered message into a failure.
    try:
        smtp.quit()
    except (smtplib.SMTPException, OSError):
        smtp.close()
