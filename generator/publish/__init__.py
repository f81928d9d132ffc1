"""Stage 6, publish: MkDocs and Pagefind into site/, and builds split into shards."""
