"""A real SMTP server on loopback for the tests (aiosmtpd): the handler and a fixture that starts servers."""

from __future__ import annotations

import socket
from collections.abc import Callable, Iterator
from email import policy
from email.message import EmailMessage
from email.parser import BytesParser
from typing import Any

import pytest
from aiosmtpd.controller import Controller


class Inbox:
    """aiosmtpd handler that keeps what it receives and can refuse some recipients."""

    def __init__(self, refuse: tuple[str, ...] = ()) -> None:
        self.received: list[tuple[str, list[str], bytes, bool]] = []
        self.refuse = refuse

    async def handle_RCPT(self, server: Any, session: Any, envelope: Any, address: str, options: list) -> str:
        if address in self.refuse:
            return "550 5.1.1 mailbox unavailable"
        envelope.rcpt_tos.append(address)
        return "250 OK"

    async def handle_DATA(self, server: Any, session: Any, envelope: Any) -> str:
        tls = server.transport.get_extra_info("ssl_object") is not None
        self.received.append((envelope.mail_from, list(envelope.rcpt_tos), envelope.content, tls))
        return "250 Message accepted for delivery"

    def message(self, index: int = 0) -> EmailMessage:
        msg = BytesParser(policy=policy.default).parsebytes(self.received[index][2])
        assert isinstance(msg, EmailMessage)
        return msg


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


@pytest.fixture
def smtp_server() -> Iterator[Callable[..., tuple[int, Inbox]]]:
    """Start aiosmtpd Controllers on 127.0.0.1 (stopped after the test); returns (port, inbox)."""
    started: list[Controller] = []

    def start(port: int | None = None, inbox: Inbox | None = None, **kwargs: Any) -> tuple[int, Inbox]:
        inbox = inbox or Inbox()
        controller = Controller(inbox, hostname="127.0.0.1", port=port or free_port(), **kwargs)
        controller.start()
        started.append(controller)
        return controller.port, inbox

    yield start
    for controller in started:
        controller.stop()
