"""XSS and privacy payloads for tests/test_xss_browser.py.

Every payload carries a number N. When a payload manages to run script it calls ``top.__xss.push(N)``
(or ``alert(N)`` / ``confirm(N)`` / ``prompt(N)``, which the browser harness hooks), and when it tries
to make the browser contact another site the URL contains N (``https://tracker.example/xssN.gif``).
The harness attributes every finding (marker, dangerous URL left in the page, inline event handler,
third-party request) to a payload by that number.

Placeholders in the templates: ``@N@`` is the number, ``@JS@`` is ``top.__xss.push(N)``.

Where a payload goes:
  body      Markdown appended to a regular section of the description body
  section   a whole extra ``## ...`` section, appended after the regular sections
  field     a front-matter value, ``path`` into the front matter ("resultaten.indicator" = a new result)

``doc`` is "praktijk" or "archetype": which kind of description carries it. ``issue`` is set for a
payload that is known to run in the product today: its test is xfail(strict=True) with that reason.
"""

from __future__ import annotations

import base64
from dataclasses import dataclass

FIRST_NUMBER = 1001


@dataclass(frozen=True)
class Payload:
    number: int
    where: str  # "body", "section" or "field"
    text: str  # the payload with placeholders filled in
    note: str
    doc: str = "praktijk"
    path: str = ""  # for where == "field"
    issue: str | None = None

    @property
    def id(self) -> str:
        return f"{self.number}-{self.note}"


def _b64_script(n: int) -> str:
    return base64.b64encode(f"<script>parent.__xss.push({n})</script>".encode()).decode()


# (where, template, note, extra) — extra: doc / path / issue
_SPECS: list[tuple[str, str, str, dict]] = [
    # --- links with javascript:, data:, vbscript: in many spellings
    # -------------------------------------
    ("body", "[klik hier](javascript:@JS@)", "md-link-javascript", {}),
    ("body", "[klik hier](JaVaScRiPt:@JS@)", "md-link-mixed-case", {}),
    ("body", "[klik hier](<javascript:@JS@>)", "md-link-angle-brackets", {}),
    ("body", "[klik hier][ref@N@]\n\n[ref@N@]: javascript:@JS@", "md-reference-link", {}),
    ("body", "<javascript:@JS@>", "md-autolink-javascript", {}),
    ("body", "<a href=&#106;avascript:@JS@>decimaal</a>", "html-entity-decimal", {}),
    ("body", "<a href=&#x6A;&#x61;&#x76;&#x61;script&#x3A;@JS@>hex</a>", "html-entity-hex", {}),
    (
        "body",
        "<a href=&#0000106&#0000097vascript:@JS@>zonder puntkomma</a>",
        "html-entity-padded-no-semicolon",
        {},
    ),
    ("body", "<a href=java&#x09;script:@JS@>tab</a>", "tab-inside-scheme", {}),
    ("body", "<a href=java&#x0A;script:@JS@>newline</a>", "newline-inside-scheme", {}),
    ("body", "<a href=java&#13;script:@JS@>cr</a>", "cr-inside-scheme", {}),
    ("body", "<a href=&#x01;&#32;javascript:@JS@>control</a>", "leading-control-chars", {}),
    ("body", "<a href=javascript&colon;@JS@>colon</a>", "named-entity-colon", {}),
    ("body", '<a href="JAVASCRIPT:@JS@">hoofdletters</a>', "html-upper-case-scheme", {}),
    (
        "body",
        '<a href="data:text/html,%3Cscript%3Eparent.__xss.push(@N@)%3C/script%3E">data</a>',
        "data-url-html",
        {},
    ),
    ("body", "[data](data:text/html;base64,@B64@#xss@N@)", "data-url-base64", {}),
    ("body", '<a href="vbscript:msgbox(@N@)">vb</a>', "vbscript-url", {}),
    ("body", "![plaatje](javascript:@JS@)", "md-image-javascript", {}),
    ("body", '<img src="javascript:@JS@" alt="x">', "img-src-javascript", {}),
    # --- raw HTML
    # ---------------------------------------------------------------------------------------------
    ("body", "<script>@JS@</script>", "script-tag", {}),
    ("body", "<img src=x onerror=@JS@>", "img-onerror", {}),
    ("body", "<svg onload=@JS@></svg>", "svg-onload", {}),
    ("body", "<svg><script>@JS@</script></svg>", "svg-script", {}),
    ("body", '<iframe src="javascript:@JS@"></iframe>', "iframe-javascript", {}),
    (
        "body",
        '<iframe srcdoc="&lt;script&gt;parent.__xss.push(@N@)&lt;/script&gt;"></iframe>',
        "iframe-srcdoc",
        {},
    ),
    ("body", '<object data="javascript:@JS@"></object>', "object-data", {}),
    ("body", '<embed src="javascript:@JS@">', "embed-src", {}),
    (
        "body",
        '<form><button formaction="javascript:@JS@">verstuur</button></form>',
        "button-formaction",
        {},
    ),
    (
        "body",
        '<form action="javascript:@JS@"><input type=submit value=ok></form>',
        "form-action",
        {},
    ),
    (
        "body",
        '<meta http-equiv="refresh" content="0;url=javascript:@JS@">',
        "meta-refresh-javascript",
        {},
    ),
    (
        "body",
        '<meta http-equiv="refresh" content="0;url=https://evil.example/xss@N@">',
        "meta-refresh-offsite",
        {},
    ),
    (
        "body",
        '<style>body{background:url("https://evil.example/xss@N@.png")}</style>',
        "style-url",
        {},
    ),
    (
        "body",
        '<div style="width:expression(@JS@);background:url(https://evil.example/xss@N@.png)">stijl</div>',
        "style-attribute-expression",
        {},
    ),
    ("body", '<base href="https://evil.example/xss@N@/">', "base-href", {}),
    (
        "body",
        "<details open ontoggle=@JS@><summary>open</summary>inhoud</details>",
        "details-ontoggle",
        {},
    ),
    ("body", '<div onmouseover="@JS@">beweeg hier met de muis</div>', "div-onmouseover", {}),
    (
        "body",
        '<a href="https://x.example/" onmouseover="@JS@" onfocus="@JS@">muis</a>',
        "link-onmouseover",
        {},
    ),
    ("body", "<input autofocus onfocus=@JS@>", "input-autofocus", {}),
    ("body", '<video><source onerror="@JS@"></video>', "video-source-onerror", {}),
    ("body", "<math><mtext><table><mglyph><style><img src=x onerror=@JS@>", "mxss-math-mglyph", {}),
    (
        "body",
        '<noscript><p title="</noscript><img src=x onerror=@JS@>"></noscript>',
        "mxss-noscript",
        {},
    ),
    ("body", "<!--><img src=x onerror=@JS@>-->", "comment-trick", {}),
    ("body", "<scr<script>ipt>@JS@</scr</script>ipt>", "nested-script", {}),
    ("body", '<img src=x onerror="&#116;op.__xss.push(@N@)">', "entity-encoded-handler", {}),
    (
        "body",
        '<a href="https://x.example/&quot; onmouseover=&quot;@JS@">quote in href</a>',
        "href-quote-breakout",
        {},
    ),
    (
        "body",
        '<a href="https://x.example/<img src=x onerror=@JS@>">kleiner-dan in href</a>',
        "href-with-markup",
        {},
    ),
    (
        "body",
        "<title><img src=x onerror=@JS@></title><xmp><img src=x onerror=@JS@></xmp>",
        "rawtext-elements",
        {},
    ),
    (
        "body",
        "<textarea></textarea><select><option><img src=x onerror=@JS@></option></select>",
        "select-option",
        {},
    ),
    (
        "body",
        '<svg><a xlink:href="javascript:@JS@"><text x="0" y="15">svg</text></a></svg>',
        "svg-xlink-href",
        {},
    ),
    (
        "body",
        '<div class="admonition note" onmouseover="@JS@">klasse toegestaan</div>',
        "allowed-class-handler",
        {},
    ),
    ("body", "<img src=x onerror=alert(@N@)>", "alert-dialog", {}),
    ("body", "<img src=x onerror=confirm(@N@)>", "confirm-dialog", {}),
    ("body", "<img src=x onerror=prompt(@N@)>", "prompt-dialog", {}),
    # --- attr_list-like, admonitions, footnotes, abbreviations, link titles, headings
    # -------------------------
    (
        "body",
        'Een gewone alinea over de aanpak.\n{: onclick="@JS@" onmouseover="@JS@" }',
        "attr-list-paragraph",
        {},
    ),
    (
        "body",
        '### Tussenkop {: onmouseover="@JS@" }\n\nTekst onder de tussenkop.',
        "attr-list-h3",
        {},
    ),
    ("section", "## Extra sectie {: onmouseover=@JS@ }", "attr-list-section-heading", {}),
    (
        "body",
        '!!! note "<img src=x onerror=@JS@>"\n    De inhoud van de notitie.',
        "admonition-title-img",
        {},
    ),
    (
        "body",
        '!!! warning "<a href=javascript:@JS@ onmouseover=@JS@>titel</a>"\n    Inhoud.',
        "admonition-title-link",
        {},
    ),
    ("body", "!!! danger\n    <svg onload=@JS@></svg> in het blok.", "admonition-body-svg", {}),
    (
        "body",
        "Zie de noot[^n@N@].\n\n[^n@N@]: Noot: <img src=x onerror=@JS@> en [klik](javascript:@JS@)",
        "footnote-definition",
        {},
    ),
    (
        "body",
        'Een noot met een rare naam[^a"onmouseover="@JS@].\n\n[^a"onmouseover="@JS@]: Noot: tekst.',
        "footnote-label-quote",
        {},
    ),
    (
        "body",
        "Het WMO-loket hielp.\n\n*[WMO]: <img src=x onerror=@JS@>",
        "abbr-definition-markup",
        {},
    ),
    ("body", 'De GGD deed mee.\n\n*[GGD]: " onmouseover="@JS@" x="', "abbr-definition-quote", {}),
    ("body", '[titel](https://x.example "<img src=x onerror=@JS@>")', "link-title-markup", {}),
    ("body", "[titel](https://x.example '\" onmouseover=\"@JS@')", "link-title-quote", {}),
    ("body", '![plaatje](https://x.example/p.png "<svg onload=@JS@>")', "image-title-markup", {}),
    ("section", "## <img src=x onerror=@JS@>", "section-heading-img", {}),
    ("section", "## <script>@JS@</script>", "section-heading-script", {}),
    (
        "section",
        "## [kop](javascript:@JS@) \\x3cimg src=x onerror=@JS@\\x3e",
        "section-heading-link-escape",
        {},
    ),
    ("body", "### <img src=x onerror=@JS@>\n\nTekst.", "h3-img", {}),
    (
        "body",
        "| kolom | waarde |\n| --- | --- |\n| a | <img src=x onerror=@JS@> |",
        "table-cell",
        {},
    ),
    ("body", "Begrip\n:   <svg onload=@JS@></svg>", "definition-list", {}),
    (
        "body",
        "Code: `<img src=x onerror=@JS@>`\n\n```\n<script>@JS@</script>\n```",
        "code-span-and-fence",
        {},
    ),
    # --- privacy: anything that would make the visitor's browser contact another site
    # -------------------------
    ("body", "![pixel](https://tracker.example/xss@N@.gif)", "md-image-offsite", {}),
    ("body", '<img src="https://tracker.example/xss@N@.gif" alt="">', "img-offsite", {}),
    ("body", '<img src="//tracker.example/xss@N@.gif" alt="">', "img-protocol-relative", {}),
    (
        "body",
        '<img srcset="https://tracker.example/xss@N@.png 2x" alt="">',
        "img-srcset-offsite",
        {},
    ),
    (
        "body",
        '<link rel="stylesheet" href="https://fonts.example/xss@N@.css">',
        "link-stylesheet",
        {},
    ),
    ("body", '<style>@import url("https://fonts.example/xss@N@.css");</style>', "style-import", {}),
    ("body", '<iframe src="https://evil.example/xss@N@"></iframe>', "iframe-offsite", {}),
    (
        "body",
        '<video poster="https://tracker.example/xss@N@.png"></video><audio '
        'src="https://tracker.example/xss@N@.mp3" autoplay></audio>',
        "media-offsite",
        {},
    ),
    (
        "body",
        '<svg><image href="https://tracker.example/xss@N@.png"></image></svg>',
        "svg-image-offsite",
        {},
    ),
    (
        "body",
        '<table background="https://tracker.example/xss@N@.png"><tr><td>x</td></tr></table>',
        "table-background",
        {},
    ),
    # --- front matter of a praktijk (free-text fields the schema accepts)
    # --------------------------------------
    ("field", "Wijkaanpak <img src=x onerror=@JS@>", "titel-img", {"path": "titel"}),
    ("field", "Wijkaanpak </title><script>@JS@</script>", "titel-close-title", {"path": "titel"}),
    (
        "field",
        "Wijkaanpak [klik](javascript:@JS@) {: onclick=@JS@ }",
        "titel-markdown",
        {"path": "titel"},
    ),
    # YAML backslash escapes: these ran before pages.meta_block switched to yaml.safe_dump
    (
        "field",
        "Wijkaanpak \\x3cimg src=x onerror=@JS@\\x3e",
        "titel-yaml-escape",
        {"path": "titel"},
    ),
    (
        "field",
        "Een samenvatting met \"><svg onload=@JS@> en ' onmouseover='@JS@ erin, lang genoeg.",
        "samenvatting-attribute-breakout",
        {"path": "samenvatting"},
    ),
    (
        "field",
        "Een samenvatting die uit het meta-attribuut breekt: \\x22\\x3e\\x3cimg src=x onerror=@JS@\\x3e.",
        "samenvatting-yaml-escape",
        {"path": "samenvatting"},
    ),
    (
        "field",
        "Een samenvatting met *[klik](javascript:@JS@)* en <script>@JS@</script> erin.",
        "samenvatting-markdown",
        {"path": "samenvatting"},
    ),
    ("field", "<img src=x onerror=@JS@>", "gemeente-img", {"path": "gemeente"}),
    ("field", "Gem \\x3cimg src=x onerror=@JS@\\x3e", "gemeente-yaml-escape", {"path": "gemeente"}),
    ("field", "[Gem](javascript:@JS@)", "gemeente-markdown-link", {"path": "gemeente"}),
    ("field", "<svg onload=@JS@></svg>", "wijk-svg", {"path": "wijk"}),
    ("field", "| <img src=x onerror=@JS@> |", "wijk-table-pipe", {"path": "wijk"}),
    ("field", "<img src=x onerror=@JS@>", "resultaat-indicator", {"path": "resultaten.indicator"}),
    (
        "field",
        "Zie [hier](javascript:@JS@) en <script>@JS@</script>",
        "resultaat-toelichting",
        {"path": "resultaten.toelichting"},
    ),
    (
        "field",
        "a | <img src=x onerror=@JS@> | b",
        "resultaat-nulmeting-pipe",
        {"path": "resultaten.nulmeting"},
    ),
    ("field", "<img src=x onerror=@JS@>", "kosten-financiering", {"path": "kosten.financiering"}),
    ("field", "<img src=x onerror=@JS@>", "contact-naam", {"path": "contact.naam"}),
    # --- front matter of an archetype
    # ---------------------------------------------------------------------------
    (
        "field",
        "Archetype <img src=x onerror=@JS@>",
        "archetype-titel",
        {"path": "titel", "doc": "archetype"},
    ),
    (
        "field",
        "Archetype-samenvatting <svg onload=@JS@></svg> met genoeg tekst.",
        "archetype-samenvatting",
        {"path": "samenvatting", "doc": "archetype"},
    ),
    (
        "field",
        "<img src=x onerror=@JS@>",
        "archetype-synoniem",
        {"path": "synoniemen", "doc": "archetype"},
    ),
    (
        "field",
        "**<img src=x onerror=@JS@>**",
        "archetype-bestanddeel-naam",
        {"path": "werkzame_bestanddelen.naam", "doc": "archetype"},
    ),
    (
        "field",
        "Onderbouwing met [klik](javascript:@JS@) en <script>@JS@</script>.",
        "archetype-bestanddeel-onderbouwing",
        {"path": "werkzame_bestanddelen.onderbouwing", "doc": "archetype"},
    ),
    (
        "field",
        "<img src=x onerror=@JS@>",
        "archetype-bron-titel",
        {"path": "bronnen.titel", "doc": "archetype"},
    ),
    (
        "field",
        'https://x.example/"onmouseover="@JS@"',
        "archetype-bron-url-quote",
        {"path": "bronnen.url", "doc": "archetype"},
    ),
    (
        "field",
        "https://x.example/'><img/src=x/onerror=@JS@>",
        "archetype-bron-url-markup",
        {"path": "bronnen.url", "doc": "archetype"},
    ),
    ("body", "<img src=x onerror=@JS@>", "archetype-body-img", {"doc": "archetype"}),
    ("section", "## <svg onload=@JS@>", "archetype-section-heading", {"doc": "archetype"}),
]


def _fill(template: str, n: int) -> str:
    return (
        template.replace("@JS@", f"top.__xss.push({n})")
        .replace("@B64@", _b64_script(n))
        .replace("@N@", str(n))
    )


PAYLOADS: list[Payload] = [
    Payload(FIRST_NUMBER + i, where, _fill(template, FIRST_NUMBER + i), note, **extra)
    for i, (where, template, note, extra) in enumerate(_SPECS)
]
