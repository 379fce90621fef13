"""Catalog exchange (办事指南交换格式): reading, validating, importing and exporting guides.

- schema: parse and validate records of the exchange format (no database writes);
- serialize: one guide page -> one exchange record (used by the API and the importer);
- importer: write validated records as guide pages, one transaction per record.
"""
