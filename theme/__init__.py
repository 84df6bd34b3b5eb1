"""The theme overrides as the data package ``wwidw_build.theme`` (see pyproject.toml), so that an
installed engine carries them; ``wwidw_build.resources`` finds them. MkDocs leaves ``*.py`` files out
of the site, as with Material's own theme folder (``material.templates``)."""
