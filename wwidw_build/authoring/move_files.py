"""The file side of `wwidw move`: the one-line edit of ``zichtbaarheid`` (every other byte kept),
and the undo log that puts every file back when the moved result does not validate."""

from __future__ import annotations

import contextlib
import os
import re
from pathlib import Path

from wwidw_build.diagnostics import Diagnostic
from wwidw_build.load import document_from_text
from wwidw_build.model import Document

_VISIBILITY_LINE = re.compile(
    r"^(?P<lead>zichtbaarheid[ \t]*:[ \t]*)(?P<quote>[\"']?)(?P<value>[a-z]+)(?P=quote)"
    r"(?P<rest>[ \t]*(?:#.*)?)$"
)


class CannotEdit(Exception):
    """The zichtbaarheid line cannot be edited safely; the message is Dutch and says what to do."""


def with_visibility(data: bytes, document: Document, value: str) -> bytes:
    """The file's bytes with only the value on its ``zichtbaarheid`` line replaced (its quotes, a
    comment and the line ending kept). Unchanged when it already has that value."""
    if document.zichtbaarheid == value:
        return data
    how = (
        f"Zet in {document.path} zelf 'zichtbaarheid: {value}' op één regel (zonder andere tekens) "
        "en probeer het opnieuw."
    )
    where = document.parsed.key_positions.get(("zichtbaarheid",))
    if where is None:
        raise CannotEdit(f"De beschrijving heeft geen regel 'zichtbaarheid'. {how}")
    lines = data.split(b"\n")
    raw = lines[where[0] - 1]
    ending = b"\r" if raw.endswith(b"\r") else b""
    match = _VISIBILITY_LINE.match(raw[: len(raw) - len(ending)].decode("utf-8"))
    if match is None:
        raise CannotEdit(
            f"De zichtbaarheid (regel {where[0]}) staat niet op één eenvoudige regel. {how}"
        )
    edited = match["lead"] + match["quote"] + value + match["quote"] + match["rest"]
    lines[where[0] - 1] = edited.encode("utf-8") + ending
    result = b"\n".join(lines)
    if not _only_visibility_changed(document, result, value):
        raise CannotEdit(f"De zichtbaarheid kon niet veilig worden aangepast. {how}")
    return result


def _only_visibility_changed(document: Document, data: bytes, value: str) -> bool:
    """Parse the edited text again: the same fields and body, with only zichtbaarheid changed."""
    text = data.decode("utf-8").removeprefix("\ufeff").replace("\r\n", "\n")
    problems: list[Diagnostic] = []
    place = document.origin or document.root
    edited = document_from_text(place, document.kind, document.source, text, problems)
    expected = {**document.meta, "zichtbaarheid": value}
    return edited is not None and dict(edited.meta) == expected and edited.body == document.body


class Undo:
    """What a move did, to undo it: the files it wrote, the folders it made, the files it removed
    (with their bytes, permissions and times)."""

    def __init__(self) -> None:
        self.created_files: list[Path] = []
        self.created_dirs: list[Path] = []
        self.removed: list[tuple[Path, bytes, os.stat_result]] = []

    def write_new(self, path: Path, data: bytes, like: Path) -> None:
        """Write a file that must not exist yet (mode 'x': never overwrite), with the permissions
        of ``like``; missing folders are made (and recorded)."""
        missing = []
        folder = path.parent
        while not folder.exists():
            missing.append(folder)
            folder = folder.parent
        for folder in reversed(missing):
            folder.mkdir()
            self.created_dirs.append(folder)
        with path.open("xb") as handle:
            self.created_files.append(path)
            handle.write(data)
        os.chmod(path, like.stat().st_mode & 0o777)

    def remove(self, path: Path) -> None:
        data, info = path.read_bytes(), path.stat()
        path.unlink()
        self.removed.append((path, data, info))

    def rollback(self) -> None:
        """Remove what was written, then put back what was removed, exactly as it was."""
        for path in reversed(self.created_files):
            path.unlink(missing_ok=True)
        for folder in reversed(self.created_dirs):
            with contextlib.suppress(OSError):  # not empty: something else was put there since
                folder.rmdir()
        for path, data, info in reversed(self.removed):
            path.write_bytes(data)
            os.chmod(path, info.st_mode & 0o777)
            os.utime(path, ns=(info.st_atime_ns, info.st_mtime_ns))
        self.created_files, self.created_dirs, self.removed = [], [], []
