"""The checks behind the validate stage: schemas, cross-file rules, personal data, suggestions, completeness."""
