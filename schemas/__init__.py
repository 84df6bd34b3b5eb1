"""The JSON Schemas as the data package ``wwidw_build.schemas`` (see pyproject.toml), so that an
installed engine carries them; ``wwidw_build.resources`` finds them. Only this file is Python."""
