import subprocess
import sys
import time
import urllib.error
import urllib.request

import pytest

from wwidw_build.serve import snapshot


def fetch(url: str) -> str:
    with urllib.request.urlopen(url, timeout=5) as response:
        return response.read().decode("utf-8")


def wait_for(predicate, seconds: float):
    deadline = time.time() + seconds
    while time.time() < deadline:
        try:
            if predicate():
                return True
        except OSError:
            pass
        time.sleep(0.5)
    return False


def test_snapshot_sees_changes(tmp_path):
    (tmp_path / "a.md").write_text("x")
    before = snapshot(tmp_path)
    (tmp_path / "a.md").write_text("xy")
    assert snapshot(tmp_path) != before


def test_serve_rebuilds_after_a_change(content_copy, tmp_path):
    port = 18765
    process = subprocess.Popen(
        [
            sys.executable,
            "-m",
            "wwidw_build",
            "serve",
            "--content",
            str(content_copy),
            "--port",
            str(port),
            "--out",
            str(tmp_path / "voorbeeld"),
        ],
        stdout=subprocess.PIPE,
        stderr=subprocess.STDOUT,
    )
    try:
        url = f"http://127.0.0.1:{port}/praktijken/klushuizen-spoorbuurt/"
        assert wait_for(lambda: "Spoorbuurt" in fetch(url), 90)
        # DNS rebinding: a page on another domain that resolves to 127.0.0.1 gets nothing.
        foreign = urllib.request.Request(url, headers={"Host": f"aanvaller.example:{port}"})
        with pytest.raises(urllib.error.HTTPError) as refused:
            urllib.request.urlopen(foreign, timeout=5)
        assert refused.value.code == 421 and b"Spoorbuurt" not in refused.value.read()
        assert "Spoorbuurt" in fetch(f"http://localhost:{port}/praktijken/klushuizen-spoorbuurt/")
        path = content_copy / "praktijken" / "klushuizen-spoorbuurt.md"
        text = path.read_text()
        path.write_text(
            text.replace(
                "## Aanleiding\n", "## Aanleiding\n\nKwartelkoning-zin voor de live test.\n", 1
            )
        )
        assert wait_for(lambda: "Kwartelkoning" in fetch(url), 90)
    finally:
        process.kill()
        process.wait()
