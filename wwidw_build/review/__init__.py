"""`wwidw review`: changed descriptions from git, who sees them before and after, the Markdown report."""
