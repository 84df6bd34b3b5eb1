"""The `wwidw` command line: click commands, shared options, Dutch for Click's own messages."""
