"""`wwidw source new`: scaffold a content source repository of one tier.

A content source is a Git repository whose root holds praktijken/, archetypen/ and bijlagen/ and a
bronnen.yml naming the sources it needs: the public source (``content/`` of the engine repository,
by git URL), for an organisation also the partners repository, and itself (``locatie: .``). Its
workflows call the engine repository's reusable workflows, pinned to one engine commit, so it gets
the same pull request checks, annotations and review comment as the engine repository; its issue form
offers only its own tier. The public source holds the registry and the taxonomies, so a new public
source gets copies of them.

Everything here returns data (paths and texts) or raises ``SourceError`` with a Dutch message; the
CLI (cli/repositories.py) prints, writes and picks the exit code.
"""

from __future__ import annotations

import re
import subprocess
from dataclasses import dataclass
from pathlib import Path
from urllib.parse import urlsplit

import yaml

from wwidw_build.authoring import source_readme as r
from wwidw_build.authoring import source_templates as t
from wwidw_build.authoring.issue_form_template import FORM_PATH, render_source_form, tier_parts
from wwidw_build.model import Registry
from wwidw_build.registry import DATA_FILES

PLACEHOLDER_ENGINE_URL = "https://github.com/platform31/wat-werkt-in-de-wijk.git"
PLACEHOLDER_PARTNERS_URL = "https://github.com/platform31/kennisbank-partners.git"
ENGINE_ROOT = Path(__file__).resolve().parents[2]  # the engine checkout, when it is one
FOLDERS = ("praktijken", "archetypen", "bijlagen")
WORKFLOWS = ("controle", "review-reactie", "formulier", "publiceren", "onderhoud")

_COMMIT = re.compile(r"[0-9a-f]{40}")
_GITHUB = re.compile(
    r"(?:https://github\.com/|git@github\.com:|ssh://git@github\.com/)"
    r"([A-Za-z0-9_.-]+)/([A-Za-z0-9_.-]+?)(?:\.git)?/?"
)
_GIT_URL = re.compile(r"(?:https://|ssh://|file://|[A-Za-z0-9_.-]+@[A-Za-z0-9_.-]+:)\S+")


class SourceError(ValueError):
    """A problem with what was asked for; the message is Dutch and says what to do."""


@dataclass(frozen=True)
class SourceSpec:
    tier: str  # "openbaar", "partners" or "organisatie:<id>"
    engine_url: str
    engine_ref: str  # the engine commit the workflows are pinned to
    partners_url: str | None = None  # organisation tier only

    @property
    def engine_repository(self) -> str:
        return github_repository(self.engine_url)

    @property
    def visibility(self) -> str:
        return tier_parts(self.tier)[0]

    @property
    def organisation(self) -> str | None:
        return tier_parts(self.tier)[1]

    @property
    def name(self) -> str:
        """This source's `naam` in bronnen.yml."""
        return self.organisation or self.visibility


def parse_tier(text: str, registry: Registry) -> str:
    """The tier as given, checked: an organisation must be a partner (only partners get a site)."""
    try:
        visibility, organisation = tier_parts(text)
    except ValueError:
        visibility, organisation = "", None
    if visibility and (organisation is None or _is_partner(registry, organisation)):
        return text
    partners = ", ".join(f"organisatie:{o.id}" for o in registry.organisaties.values() if o.partner)
    raise SourceError(
        f"Onbekend niveau '{text}'. Kies openbaar, partners of organisatie:<id> van een "
        f"partnerorganisatie: {partners}."
    )


def _is_partner(registry: Registry, organisation: str) -> bool:
    found = registry.organisaties.get(organisation)
    return found is not None and found.partner


def github_repository(url: str) -> str:
    """owner/name of a GitHub git URL (the reusable workflows live on GitHub)."""
    match = _GITHUB.fullmatch(url)
    if not match:
        raise SourceError(
            f"'{url}' is geen git-adres van een repository op GitHub. Geef bijvoorbeeld "
            f"{PLACEHOLDER_ENGINE_URL} op: de herbruikbare workflows staan op GitHub."
        )
    return f"{match.group(1)}/{match.group(2)}"


def check_git_url(url: str, option: str) -> None:
    """A git URL of a kind bronnen.yml takes, without credentials in it."""
    if not _GIT_URL.fullmatch(url):
        raise SourceError(
            f"'{url}' bij {option} is geen git-adres (https://, ssh://, git@host:pad of file://)."
        )
    parts = urlsplit(url)
    if parts.scheme in ("https", "http") and (parts.username or parts.password):
        raise SourceError(
            f"Het adres bij {option} bevat inloggegevens. Zet nooit een token of wachtwoord in een "
            "adres: git leest ze uit uw credential helper of SSH-agent."
        )


def check_commit(ref: str) -> str:
    if not _COMMIT.fullmatch(ref):
        raise SourceError(
            f"--engine-ref '{ref}' is geen volledige commit (40 tekens 0-9a-f). De workflows worden "
            "vastgezet op één commit van de engine; geef de volledige commit-hash op."
        )
    return ref


def _git(root: Path, *args: str) -> str | None:
    try:
        done = subprocess.run(
            ["git", "-C", str(root), *args], capture_output=True, text=True, timeout=30
        )
    except (OSError, subprocess.SubprocessError):
        return None
    return done.stdout.strip() if done.returncode == 0 else None


def engine_commit(root: Path | None = None) -> str | None:
    """The commit of the engine checkout at ``root`` (default: where this package lives); None when
    that is not the top of a git checkout (an installed engine, or a folder inside another repository)."""
    root = root or ENGINE_ROOT
    top = _git(root, "rev-parse", "--show-toplevel")
    if top is None or Path(top).resolve() != Path(root).resolve():
        return None
    commit = _git(root, "rev-parse", "HEAD")
    return commit if commit and _COMMIT.fullmatch(commit) else None


def engine_has_changes(root: Path | None = None) -> bool:
    """True when the engine checkout has changes to tracked files that are not in its commit."""
    return bool(_git(root or ENGINE_ROOT, "status", "--porcelain", "--untracked-files=no"))


def bronnen_yml(spec: SourceSpec) -> str:
    entries = []
    if spec.visibility != "openbaar":
        public = {"locatie": spec.engine_url, "ref": "main", "pad": "content"}
        entries.append({"naam": "openbaar", **public, "niveau": "openbaar"})
    if spec.visibility == "organisatie":
        partners = {"locatie": spec.partners_url, "ref": "main", "niveau": "partners"}
        entries.append({"naam": "partners", **partners})
    entries.append({"naam": spec.name, "locatie": ".", "niveau": spec.tier})
    dumped = yaml.safe_dump({"bronnen": entries}, sort_keys=False, allow_unicode=True)
    return t.BRONNEN_HEADER + dumped


def _tier_texts(spec: SourceSpec, naam: str) -> dict[str, str]:
    """The README's and pull request template's sentences for this tier."""
    org = spec.organisation or ""
    if spec.visibility == "openbaar":
        return {
            "title": "Wat Werkt in de Wijk — openbare bron",
            "niveau": "openbaar",
            "what": "Alles hierin is openbaar en komt op de openbare site; ook het register van "
            "organisaties (`organisaties.yml`) en de taxonomieën (`taxonomie/`) staan hier.",
            "readers_sentence": "Iedereen: deze repository mag openbaar zijn.",
            "readers": "voor iedereen te lezen",
            "site_name": "de openbare site",
            "publish_sentence": "de openbare site wordt gebouwd en op GitHub Pages gezet, zonder "
            "inloggegevens.",
            "credentials_sentence": "Deze bron heeft geen andere bronnen nodig.",
            "sources_list": "alleen deze repository zelf",
            "settings": r.PUBLIC_SETTINGS,
        }
    team = "`kennisbank-partners`" if spec.visibility == "partners" else f"`kennisbank-{org}`"
    who = "de partnerorganisaties" if spec.visibility == "partners" else naam
    settings = r.PROTECTED_SETTINGS.replace(
        "<<team_sentence>>", f"de teams {team} en `kennisbank-beheer`"
    ).replace("<<folder>>", spec.tier.replace(":", "-"))
    texts = {
        "title": "Wat Werkt in de Wijk — partnersbron",
        "niveau": "partners",
        "what": "Deze beschrijvingen zijn voor medewerkers van alle partnerorganisaties: ze komen op "
        "de partnersite en op de eigen site van elke partner, nooit op de openbare site.",
        "readers_sentence": f"Alleen medewerkers van {who} (het team {team}) en de beheerders "
        "(`kennisbank-beheer`).",
        "readers": f"alleen te lezen voor medewerkers van {who}",
        "site_name": "de partnersite (`partners`)",
        "publish_sentence": "de partnersite wordt gebouwd en op de beschermde host gezet, en elke "
        "nacht opnieuw, zodat ook nieuwe openbare beschrijvingen erop komen.",
        "credentials_sentence": "De openbare bron leest git zonder inloggegevens.",
        "sources_list": "de openbare bron (`content/` van de engine) en deze repository zelf",
        "settings": settings,
    }
    if spec.visibility == "organisatie":
        texts |= {
            "title": f"Wat Werkt in de Wijk — bron van {naam}",
            "niveau": f"organisatie ({naam})",
            "what": f"Deze beschrijvingen zijn alleen voor medewerkers van {naam}: ze komen alleen "
            f"op de eigen site van {naam}.",
            "site_name": f"de eigen site van {naam} (`{spec.tier}`)",
            "publish_sentence": f"de eigen site van {naam} wordt gebouwd en op de beschermde host "
            "gezet, en elke nacht opnieuw, zodat ook nieuwe openbare en partnerbeschrijvingen erop "
            "komen.",
            "credentials_sentence": "De partnersrepository leest git met uw eigen inloggegevens "
            "(bijvoorbeeld na `gh auth setup-git`, of met uw SSH-sleutel); er wordt nergens een "
            "token opgeslagen.",
            "sources_list": "de openbare bron (`content/` van de engine), de partnersrepository en "
            "deze repository zelf",
            "settings": settings + r.TOKEN_SETTING,
        }
    return texts


def template_values(spec: SourceSpec, registry: Registry) -> dict[str, str]:
    repository = spec.engine_repository
    owner = repository.split("/")[0]
    naam = registry.organisaties[spec.organisation].naam if spec.organisation else ""
    own_registry = spec.visibility == "openbaar"
    texts = _tier_texts(spec, naam)
    texts["settings"] = texts["settings"].rstrip("\n")
    return texts | {
        "engine_repository": repository,
        "engine_ref": spec.engine_ref,
        "engine_web": f"https://github.com/{repository}",
        "engine_clone": f"https://github.com/{repository}.git",
        "owner": owner,
        "audience": spec.tier,
        "zichtbaarheid": spec.visibility,
        "own_registry_row": "| `organisaties.yml`, `taxonomie/` | het register van organisaties "
        "en de taxonomieën: de bron van alle keuzelijsten |\n"
        if own_registry
        else "",
        "extra_owners": f"/organisaties.yml  @{owner}/kennisbank-beheer\n"
        f"/taxonomie/        @{owner}/kennisbank-beheer\n"
        if own_registry
        else "",
        "token_secret": t.TOKEN_SECRET if spec.visibility == "organisatie" else "",
    }


def workflows(values: dict[str, str], visibility: str) -> dict[str, str]:
    publish = t.PUBLICEREN_OPENBAAR if visibility == "openbaar" else t.PUBLICEREN_BESCHERMD
    texts = {
        "controle": t.CONTROLE,
        "review-reactie": t.REVIEW_REACTIE,
        "formulier": t.FORMULIER,
        "publiceren": publish,
        "onderhoud": t.ONDERHOUD,
    }
    return {f".github/workflows/{name}.yml": t.fill(texts[name], **values) for name in WORKFLOWS}


def scaffold(spec: SourceSpec, registry: Registry, content_dir: Path) -> dict[str, str]:
    """Every file of the new repository: its path (relative, with /) and its text."""
    values = template_values(spec, registry)
    files = {f"{folder}/.gitkeep": "" for folder in FOLDERS}
    if spec.visibility == "openbaar":  # the public source holds the registry and the taxonomies
        for relative in DATA_FILES.values():
            files[relative] = (content_dir / relative).read_text(encoding="utf-8")
    files |= {
        ".gitignore": t.GITIGNORE,
        "README.md": r.readme(values),
        "bronnen.yml": bronnen_yml(spec),
        ".github/CODEOWNERS": t.fill(t.CODEOWNERS, **values),
        ".github/PULL_REQUEST_TEMPLATE.md": t.fill(t.PULL_REQUEST_TEMPLATE, **values),
        FORM_PATH.as_posix(): render_source_form(registry, spec.tier),
    }
    return files | workflows(values, spec.visibility)


def is_empty_folder(path: Path) -> bool:
    """True when ``path`` does not exist yet or is an empty folder."""
    return not path.exists() or (path.is_dir() and not any(path.iterdir()))


def write(target: Path, files: dict[str, str]) -> None:
    """Write the files under ``target`` (which must be new or empty: see ``is_empty_folder``)."""
    for relative, text in sorted(files.items()):
        path = target / relative
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(text, encoding="utf-8")
