"""The preview server serves unpublished data, so it listens on this machine only."""

from __future__ import annotations

import pytest

from generator import serve


@pytest.mark.parametrize("address", ["0.0.0.0:8000", "192.168.1.5:8000", "localhost", "127.0.0.1:http"])
def test_an_address_off_this_machine_or_without_a_port_is_a_usage_error(
    address: str, capsys: pytest.CaptureFixture[str]
) -> None:
    with pytest.raises(SystemExit) as raised:
        serve.main(["-a", address])
    assert raised.value.code == 2
    assert capsys.readouterr().err.endswith(
        f"error: --dev-addr {address!r}: give 127.0.0.1:PORT or localhost:PORT (for this machine only)\n"
    )
