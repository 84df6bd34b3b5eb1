"""Writing a description: `wwidw new` (scaffold and wizard) and `wwidw form` (the GitHub issue form)."""
