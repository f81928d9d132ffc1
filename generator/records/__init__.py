"""Stage 1, records: field types, the record models by kind, the registry of kinds, diagnostics."""
