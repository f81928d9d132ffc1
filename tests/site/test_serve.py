"""`make serve` end to end: the preview server shows an edit to data/, then the rest of the site, then a hand-written edit."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from tests.conftest import ROOT, make_dataset, make_project

sys.path.insert(0, str(ROOT / "scripts"))

from bench_serve import fetch, free_port, serve_command, wait_for  # noqa: E402

pytestmark = pytest.mark.site
MEETING = "meetings/riverton-hwb/2024-03-14.yml"
OLD = "Progress be reported to the Board every six months."
NEW = "Progress be reported to the Board every three months."


def test_an_edit_to_data_shows_in_the_preview(tmp_path: Path) -> None:
    project = make_project(tmp_path)
    make_dataset(project)
    shutil.copy(ROOT / "mkdocs.serve.yml", project)
    (project / "generator").symlink_to(ROOT / "generator")
    port = free_port()
    base = f"http://127.0.0.1:{port}/"
    command, env = serve_command(port)
    env["TMPDIR"] = str(tmp_path / "tmp")  # where the server builds the site it serves
    (tmp_path / "tmp").mkdir()
    log = tmp_path / "serve.log"
    with log.open("w") as out:
        server = subprocess.Popen(command, cwd=project, env=env, stdout=out, stderr=subprocess.STDOUT)
        try:
            wait_for(lambda: OLD in fetch(base + "meetings/riverton-hwb/2024-03-14/"), limit=120, step=0.25)
            wait_for(lambda: fetch(base + "pagefind/pagefind-entry.json") != "", limit=120, step=0.25)
            path = project / "data" / MEETING
            path.write_text(path.read_text(encoding="utf-8").replace(OLD, NEW), encoding="utf-8")
            wait_for(lambda: NEW in fetch(base + "meetings/riverton-hwb/2024-03-14/"), limit=120, step=0.1)
            wait_for(lambda: NEW in fetch(base + "data/resolutions.csv"), limit=120, step=0.25)
            # A hand-written page is watched too.
            about = project / "content" / "about.md"
            about.write_text(about.read_text(encoding="utf-8") + "\nA sentence added by hand.\n", encoding="utf-8")
            wait_for(lambda: "A sentence added by hand." in fetch(base + "about/"), limit=120, step=0.1)
            # A mistake keeps the last good pages and says why in the server's log.
            path.write_text(path.read_text(encoding="utf-8").replace("id: 2024-03-14", "id: 2024-03-15"))
            wait_for(lambda: "does not match the file name" in log.read_text(), limit=120, step=0.25)
            assert NEW in fetch(base + "meetings/riverton-hwb/2024-03-14/")
        finally:
            server.terminate()
            server.wait(30)
    assert list((tmp_path / "tmp").iterdir()) == []  # stopped (SIGTERM), the server removes its site folder
    text = log.read_text()
    assert "preview: " in text and "page(s) of the edited records" in text, text[-2000:]
    assert "Traceback" not in text, text[-3000:]
