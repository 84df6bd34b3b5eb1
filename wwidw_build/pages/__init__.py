"""The generate stage's parts: page builders, escaping, rendered bodies, crawler files."""
