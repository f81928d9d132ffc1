"""Every record's history, read from git in one pass: what changed, when, and in which commit.

``read.read_history`` replays the commits that changed data/ (gitlog.py, walk.py), compares each page's
subject with its previous version field by field (units.py, flat.py), words each change
(summary.py, words.py) and applies the redaction list (redact.py). Without git history (an exported
copy, a shallow clone) it returns a History that says so, and the build warns once.
"""
