#!/usr/bin/python3
"""A real SMTP server on loopback for tests: stores every message it receives as a file.

Usage: /usr/bin/python3 scripts/smtp-sink.py PORT DIR [--auth USER:PASSWORD]

  PORT   port on 127.0.0.1; 0 picks a free one.
  DIR    directory for received messages (created if missing).
  --auth require SMTP AUTH (PLAIN/LOGIN, allowed without TLS) with these credentials.

Protocol with the parent process:
  - the first stdout line is "listening 127.0.0.1:PORT" (flushed) once the server accepts;
  - message N (1, 2, ...) is written to DIR/NNNNNN.eml: first the envelope as
    "X-Sink-Mail-From: <sender>" and one "X-Sink-Rcpt-To: <recipient>" per recipient,
    then the DATA exactly as received (CRLF line endings). The file appears atomically
    (written as .NNNNNN.tmp, then renamed), so a reader never sees half a message, and
    before the 250 reply to DATA, so it exists once the client has its acknowledgement;
  - recipients whose local part starts with "reject-" get 550, with "defer-" get 451
    (to test permanent and transient failures); everything else is accepted;
  - the sink exits with status 0 when stdin reaches end of file or on SIGTERM/SIGINT.

Needs Debian's python3-aiosmtpd (scripts/setup.sh test); the pyenv python3 on PATH lacks it.
"""

import logging
import os
import select
import signal
import socket
import sys
import warnings

from aiosmtpd.controller import Controller
from aiosmtpd.smtp import AuthResult


class DirectoryHandler:
    """Writes each message to its own numbered file in a directory."""

    def __init__(self, directory):
        self.directory = directory
        self.counter = 0  # handlers run on the controller's single event loop: no lock needed

    async def handle_RCPT(self, server, session, envelope, address, rcpt_options):
        local_part = address.partition("@")[0]
        if local_part.startswith("reject-"):
            return "550 5.1.1 Mailbox unavailable (smtp-sink rejects reject-*)"
        if local_part.startswith("defer-"):
            return "451 4.3.0 Try again later (smtp-sink defers defer-*)"
        envelope.rcpt_tos.append(address)
        return "250 OK"

    async def handle_DATA(self, server, session, envelope):
        self.counter += 1
        number = self.counter
        envelope_lines = [f"X-Sink-Mail-From: {envelope.mail_from}\r\n"]
        envelope_lines += [f"X-Sink-Rcpt-To: {rcpt}\r\n" for rcpt in envelope.rcpt_tos]
        content = envelope.original_content or envelope.content
        if isinstance(content, str):
            content = content.encode("utf-8", "surrogateescape")
        temporary = os.path.join(self.directory, f".{number:06d}.tmp")
        final = os.path.join(self.directory, f"{number:06d}.eml")
        with open(temporary, "wb") as file:
            file.write("".join(envelope_lines).encode("ascii", "backslashreplace"))
            file.write(content)
        os.replace(temporary, final)
        return "250 Message accepted for delivery"


class BoundController(Controller):
    """A Controller serving on an already bound socket, so port 0 works and no port race exists.

    Controller binds by itself and then probes host:port, which fails for port 0.
    """

    def __init__(self, handler, sock, **kwargs):
        super().__init__(handler, hostname="127.0.0.1", port=sock.getsockname()[1], **kwargs)
        self._sock = sock

    def _create_server(self):
        return self.loop.create_server(self._factory_invoker, sock=self._sock, ssl=self.ssl_context)


def authenticator_for(user, password):
    def authenticate(server, session, envelope, mechanism, auth_data):
        ok = (
            auth_data is not None
            and getattr(auth_data, "login", None) == user.encode()
            and getattr(auth_data, "password", None) == password.encode()
        )
        # handled=False: aiosmtpd itself answers "535 5.7.8" on failure (True would mean no reply).
        return AuthResult(success=ok, handled=False)

    return authenticate


def main(argv):
    if len(argv) not in (3, 5) or (len(argv) == 5 and argv[3] != "--auth"):
        print(__doc__, file=sys.stderr)
        return 2
    port = int(argv[1])
    directory = argv[2]
    os.makedirs(directory, exist_ok=True)

    options = {}
    if len(argv) == 5:
        # AUTH without TLS is the point here (loopback tests); keep aiosmtpd's warnings quiet.
        warnings.filterwarnings("ignore", message="Requiring AUTH while not requiring TLS")
        logging.getLogger("mail.log").setLevel(logging.ERROR)
        user, _, password = argv[4].partition(":")
        options = {
            "authenticator": authenticator_for(user, password),
            "auth_require_tls": False,
            "auth_required": True,
        }

    stopping = []
    for signum in (signal.SIGTERM, signal.SIGINT):
        signal.signal(signum, lambda *_: stopping.append(True))

    sock = socket.socket(socket.AF_INET, socket.SOCK_STREAM)
    sock.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
    sock.bind(("127.0.0.1", port))
    controller = BoundController(
        DirectoryHandler(directory),
        sock,
        server_hostname="smtp-sink.test",
        ready_timeout=10,
        **options,
    )
    controller.start()
    chosen = sock.getsockname()[1]
    sys.stdout.write(f"listening 127.0.0.1:{chosen}\n")
    sys.stdout.flush()

    # Stdin is watched from the main thread (a reader thread would block interpreter shutdown);
    # the timeout lets the loop notice a signal.
    stdin = sys.stdin.fileno()
    while not stopping:
        try:
            readable, _, _ = select.select([stdin], [], [], 0.5)
        except InterruptedError:
            continue
        if readable and not os.read(stdin, 4096):
            break
    controller.stop()
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))
