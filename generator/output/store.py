"""Files of the build cache: a value saved with the code version it belongs to and a checksum of itself.

A cache file is one header line of JSON (format, code version, length and SHA-256 of the body)
followed by the pickled body. ``load`` gives the value only when all of that agrees; a missing,
truncated, corrupted or stale file (written by other code) reads as nothing, with the reason, and
the build makes the value afresh. A cache is never trusted because it is there.

The files are the build's own (under the cache folder, written atomically like pages); they are
not meant to be exchanged: pickle runs code from what it reads, so load only a cache this
project's builds wrote (CI restores the one its earlier runs saved).
"""

from __future__ import annotations

import gc
import hashlib
import json
import os
import pickle
import tempfile
from pathlib import Path
from typing import Any

FORMAT = 1


def load(path: Path, version: str) -> tuple[Any, str]:
    """The value saved at ``path`` for code ``version``, or (None, why there is none)."""
    try:
        with path.open("rb") as handle:
            head = json.loads(handle.readline())
            body = handle.read()
    except FileNotFoundError:
        return None, "none yet"
    except (OSError, ValueError) as exc:
        return None, f"unreadable ({exc.__class__.__name__})"
    if not isinstance(head, dict) or head.get("format") != FORMAT:
        return None, "written in another format"
    if head.get("version") != version:
        return None, "stale (written by other code or settings)"
    if head.get("length") != len(body) or head.get("sha256") != hashlib.sha256(body).hexdigest():
        return None, "corrupted (its checksum does not match)"
    enabled = gc.isenabled()
    gc.disable()  # unpickling makes many objects at once; collecting in between only slows it
    try:
        return pickle.loads(body), ""
    except Exception as exc:  # a body that passed its checksum but does not unpickle: classes changed
        return None, f"unreadable ({exc.__class__.__name__})"
    finally:
        if enabled:
            gc.enable()


def save(path: Path, version: str, value: Any) -> None:
    """Save ``value`` at ``path`` for code ``version``, atomically (a reader sees the old file or the new)."""
    body = pickle.dumps(value, protocol=pickle.HIGHEST_PROTOCOL)
    head = {"format": FORMAT, "version": version, "length": len(body), "sha256": hashlib.sha256(body).hexdigest()}
    path.parent.mkdir(parents=True, exist_ok=True)
    fd, tmp = tempfile.mkstemp(dir=path.parent, prefix=".tmp-")
    try:
        with os.fdopen(fd, "wb") as handle:
            handle.write(json.dumps(head).encode() + b"\n")
            handle.write(body)
        os.replace(tmp, path)
    except BaseException:
        Path(tmp).unlink(missing_ok=True)
        raise
