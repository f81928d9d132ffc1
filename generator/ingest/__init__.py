"""Stage 2, ingest: read data/ (YAML with line numbers, CSV) and validate it into models."""
