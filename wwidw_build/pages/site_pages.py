"""Site pages (Meedoen, ...) from content/paginas/ of the public source, at ``paginas/<id>/``.

Their text is the contributor's, so it goes the way of a description's: title and samenvatting
escaped, the body rendered and sanitized by ``body_render`` (within its bounds), links to
descriptions resolved per audience (a description this audience does not see becomes plain text).
"""

from __future__ import annotations

from wwidw_build.model import PAGE_FOLDER, Document
from wwidw_build.pages.body_render import render_body
from wwidw_build.pages.builders import body_sections, meta_block
from wwidw_build.pages.escape import esc
from wwidw_build.selection import Selection

MEEDOEN = "meedoen"  # the page linked from the home page and the navigation


def page_file(page_id: str) -> str:
    return f"{PAGE_FOLDER}/{page_id}.md"


def site_pages(selection: Selection, url_for) -> dict[str, str]:
    return {page_file(page.id): _page(page, url_for) for page in selection.pages}


def _page(page: Document, url_for) -> str:
    titel, samenvatting = (
        str(page.meta.get("titel", page.id)),
        str(page.meta.get("samenvatting", "")),
    )
    lines = [meta_block(titel, samenvatting), f"# {esc(titel)}", ""]
    if samenvatting:
        lines += [f"*{esc(samenvatting)}*", ""]
    lines += body_sections(render_body(page, page.root), url_for)
    return "\n".join(lines) + "\n"


def has_page(selection: Selection, page_id: str) -> bool:
    return any(page.id == page_id for page in selection.pages)
