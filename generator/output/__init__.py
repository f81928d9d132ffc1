"""Stage 5, output: write generated files into content/ (journalled, one build at a time) and keep the URL ledger."""
