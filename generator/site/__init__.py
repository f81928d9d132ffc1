"""Stage 3, site: the linked graph of records, cross-record checks, and the queries pages and exports share."""
