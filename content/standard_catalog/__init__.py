"""The county's standard catalog (标准事项清单, docs/county.md "Standard catalog").

- places: which center a page belongs to, a county's standard guides, a township's copies;
- adoption: a township adopts a standard guide (its local guide) and accepts the
  standard's later changes into a new draft that goes through review;
- changes: what changed in a standard since a township adopted it, field by field;
- report: which townships lack which standard matters or have stale copies;
- views, forms, urls: the admin screens.
"""
