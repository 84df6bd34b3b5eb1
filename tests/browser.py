"""Shared real-browser helpers for tests: Debian's chromium via Playwright (the pages come from
``wwidw_build.static_server.StaticServer`` on localhost).

No browser is ever downloaded: Playwright drives the system chromium (``apt-get install chromium``,
``make test`` does that when run as root). Every page visit records what a payload could have done:
script markers (``window.__xss``, hooked ``alert``/``confirm``/``prompt``, real dialogs), requests to
anything but the local server (blocked, and recorded), navigations away from the page, and dangerous
markup that survived into the DOM (inline event handlers, non-http(s)/mailto URLs, srcdoc, ...).
"""

from __future__ import annotations

import contextlib
import threading
from dataclasses import dataclass, field
from pathlib import Path
from urllib.parse import urlsplit

CHROMIUM = Path("/usr/bin/chromium")
CHROMIUM_ARGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--no-first-run",
    "--disable-quic",
]
INSTALL_HINT = (
    "Debian's chromium is needed for the browser tests: run `sudo apt-get install -y chromium` "
    "(or `make test` as root), and `.venv/bin/pip install -e '.[test]'` for playwright. "
    "Never `playwright install`: the tests use /usr/bin/chromium."
)
HOVER_TIMEOUT_MS = 250
SETTLE_MS = 300

# Runs in every frame before any page script: the marker list and hooked dialogs.
INIT_SCRIPT = r"""
(() => {
  const log = [];
  Object.defineProperty(window, '__xss', {value: log, writable: false, configurable: false});
  const record = (entry) => {
    log.push(entry);
    try { if (window.top !== window) window.top.__xss.push(entry); } catch (e) { /* cross-origin frame */ }
  };
  for (const name of ['alert', 'confirm', 'prompt', 'print']) {
    window[name] = function (message) { record(name + ':' + String(message)); return name === 'confirm' ? false : null; };
  }
})();
"""

# Fire every inline-handler-ish event on every element (never click: that could navigate away).
DISPATCH_EVENTS = r"""
() => {
  const types = ['mouseover', 'mouseenter', 'mousemove', 'mouseout', 'mouseleave', 'pointerover', 'pointerenter',
                 'pointermove', 'focus', 'focusin', 'blur', 'focusout', 'error', 'load', 'toggle', 'animationstart',
                 'animationend', 'transitionend', 'input', 'change', 'scroll', 'wheel', 'keydown', 'keyup'];
  let count = 0;
  for (const el of document.querySelectorAll('*')) {
    for (const type of types) {
      try { el.dispatchEvent(new Event(type, {bubbles: false})); count++; } catch (e) { /* ignore */ }
    }
  }
  return count;
}
"""

VISIBLE = r"""
(elements) => elements.map((el) => {
  const box = el.getBoundingClientRect();
  const style = getComputedStyle(el);
  return box.width > 0 && box.height > 0 && style.visibility !== 'hidden' && style.display !== 'none';
})
"""

# Dangerous markup that survived into the live DOM, each finding with a snippet of the element.
SCAN = r"""
() => {
  const out = [];
  const allowed = new Set(['http:', 'https:', 'mailto:']);
  const urlAttributes = new Set(['href', 'src', 'action', 'formaction', 'data', 'poster', 'background', 'cite',
                                 'ping', 'codebase', 'lowsrc', 'dynsrc', 'icon', 'manifest', 'srcset']);
  const snippet = (el) => el.outerHTML.slice(0, 300);
  for (const el of document.querySelectorAll('*')) {
    for (const attribute of el.attributes) {
      const name = attribute.name.toLowerCase();
      if (name.startsWith('on')) {
        out.push(`event handler ${name}="${attribute.value}" on ${snippet(el)}`);
      } else if (name === 'srcdoc') {
        out.push(`srcdoc on ${snippet(el)}`);
      } else if (urlAttributes.has(name) || name.endsWith(':href')) {
        const values = name === 'srcset' ? attribute.value.split(',').map((p) => p.trim().split(/\s+/)[0]) : [attribute.value];
        for (const value of values) {
          let protocol;
          try { protocol = new URL(value, document.baseURI).protocol; } catch (e) { continue; }
          if (!allowed.has(protocol)) out.push(`${name}="${attribute.value}" (${protocol}) on ${snippet(el)}`);
        }
      } else if (name === 'style' && /url\s*\(|expression\s*\(|@import|behavior\s*:/i.test(attribute.value)) {
        out.push(`style="${attribute.value}" on ${snippet(el)}`);
      }
    }
  }
  const content = 'article, .md-content';
  const risky = ['script', 'iframe', 'frame', 'frameset', 'object', 'embed', 'applet', 'base', 'meta', 'link',
                 'style', 'form', 'input', 'button', 'textarea', 'select', 'math', 'template', 'noscript'];
  for (const el of document.querySelectorAll(risky.map((tag) => `:is(${content}) ${tag}`).join(', '))) {
    out.push(`element <${el.tagName.toLowerCase()}> in the content: ${snippet(el)}`);
  }
  for (const el of document.querySelectorAll('base')) out.push(`base element: ${snippet(el)}`);
  if (document.baseURI !== location.href) out.push(`document base URI changed to ${document.baseURI}`);
  return [...new Set(out)];
}
"""

SCRIPT_LINKS = r"""
() => [...document.querySelectorAll('a[href], area[href]')].filter((a) => {
  try { return new URL(a.getAttribute('href'), document.baseURI).protocol === 'javascript:'; } catch (e) { return false; }
})
"""


@contextlib.contextmanager
def chromium():
    """Playwright driving /usr/bin/chromium, headless; yields the Browser."""
    from playwright.sync_api import sync_playwright

    if not CHROMIUM.exists():
        raise FileNotFoundError(INSTALL_HINT)
    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(
            executable_path=str(CHROMIUM), args=CHROMIUM_ARGS, headless=True
        )
        try:
            yield browser
        finally:
            browser.close()


def local_context(browser, origin: str, *, init_script: bool = True, **options):
    """A browser context that runs INIT_SCRIPT in every frame (unless ``init_script`` is false) and blocks
    every request not to ``origin``; ``options`` go to ``new_context`` (a viewport, say)."""
    context = browser.new_context(service_workers="block", java_script_enabled=True, **options)
    if init_script:
        context.add_init_script(INIT_SCRIPT)

    def route(route):
        if _is_local(route.request.url, origin):
            route.continue_()
        else:
            route.abort("blockedbyclient")

    context.route("**/*", route)
    return context


@contextlib.contextmanager
def watched_pages(browser):
    """Yields ``open_(server, path, **context options) -> page``; on leaving, closes every page's
    context and asserts that each page requested nothing off its server and no script failed."""
    opened = []

    def open_(server, path: str, **options):
        context = local_context(browser, server.origin, init_script=False, **options)
        page = context.new_page()
        record = {"page": page, "offsite": [], "errors": []}
        page.on(
            "request",
            lambda r: None if _is_local(r.url, server.origin) else record["offsite"].append(r.url),
        )
        page.on("pageerror", lambda error: record["errors"].append(str(error)))
        page.goto(server.url(path), wait_until="load")
        opened.append(record)
        return page

    yield open_
    for record in opened:
        record["page"].context.close()
        assert record["offsite"] == [] and record["errors"] == [], record


def search_ready(page) -> None:
    """Wait until the Zoeken page (zoeken.js) is ready and has shown its first search."""
    page.wait_for_selector("#wwidw-zoeken[data-klaar='ja'][data-gezocht]")


def after_search(page, action) -> None:
    """On the Zoeken page: run an action that starts one search and wait until that search has been
    shown, facet counts included (zoeken.js shows the results first; data-geteld follows once the counts
    of that search are in)."""
    before = page.get_attribute("#wwidw-zoeken", "data-gezocht") or "0"
    action()
    page.wait_for_function(
        "(b) => { const r = document.getElementById('wwidw-zoeken');"
        " return r.dataset.gezocht && r.dataset.gezocht !== b"
        " && r.dataset.geteld === r.dataset.gezocht; }",
        arg=before,
    )


def _is_local(url: str, origin: str) -> bool:
    """The local server, or no network at all (data:, blob:, about:)."""
    parts = urlsplit(url)
    if parts.scheme in ("data", "blob", "about"):
        return True
    return f"{parts.scheme}://{parts.netloc}" == origin


@dataclass
class Visit:
    url: str
    markers: list[str] = field(
        default_factory=list
    )  # from window.__xss of every frame, and dialogs
    requests: list[str] = field(default_factory=list)
    offsite: list[str] = field(default_factory=list)  # requests that did not go to the local server
    navigations: list[str] = field(
        default_factory=list
    )  # main-frame navigations after the page loaded
    dangerous: list[str] = field(default_factory=list)  # dangerous markup found in the DOM
    hovered: int = 0
    status: int | None = None

    def findings(self) -> list[str]:
        return (
            [f"script ran: marker {m}" for m in self.markers]
            + [f"offsite request: {u}" for u in self.offsite]
            + [f"navigated to {u}" for u in self.navigations]
            + [f"dangerous markup: {d}" for d in self.dangerous]
        )


def visit(context, origin: str, url: str) -> Visit:
    """Load ``url``, hover every visible element, fire inline-handler events everywhere, click only
    javascript: links (they cannot leave the page), wait briefly, and collect what happened."""
    from playwright.sync_api import Error as PlaywrightError

    result = Visit(url)
    page = context.new_page()
    loaded = threading.Event()
    dialogs: list[str] = []

    def on_request(request):
        result.requests.append(request.url)
        if not _is_local(request.url, origin):
            result.offsite.append(request.url)

    def on_dialog(dialog):
        dialogs.append(f"dialog:{dialog.type}:{dialog.message}")
        with contextlib.suppress(PlaywrightError):
            dialog.dismiss()

    def on_navigated(frame):
        if frame == page.main_frame and loaded.is_set():
            result.navigations.append(frame.url)

    page.on("request", on_request)
    page.on("dialog", on_dialog)
    page.on("framenavigated", on_navigated)
    try:
        response = page.goto(url, wait_until="load")
        result.status = response.status if response else None
        loaded.set()
        handles = page.query_selector_all("body *")
        visible = page.evaluate(VISIBLE, handles)
        for handle, shown in zip(handles, visible):
            if not shown:
                continue
            try:
                handle.hover(timeout=HOVER_TIMEOUT_MS, force=True)
                result.hovered += 1
            except PlaywrightError:
                pass  # detached or hidden meanwhile: the synthetic events below still reach it
        page.evaluate(DISPATCH_EVENTS)
        result.dangerous = page.evaluate(SCAN)
        for link in page.evaluate_handle(SCRIPT_LINKS).get_properties().values():
            element = link.as_element()
            if element is not None:
                with contextlib.suppress(PlaywrightError):
                    element.evaluate("a => a.click()")
        page.wait_for_timeout(SETTLE_MS)
        for frame in page.frames:
            with contextlib.suppress(PlaywrightError):
                result.markers += frame.evaluate("() => (window.__xss || []).map(String)")
        result.markers += dialogs
        result.markers = list(dict.fromkeys(result.markers))
        if page.url != url and page.url not in result.navigations:
            result.navigations.append(page.url)
    finally:
        page.close()
    return result
