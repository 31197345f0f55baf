"""Lets tox find every supported CPython, including those only pyenv knows.

tox loads this file by itself (an inline plugin), so ``tox`` needs no setup
step on a machine where CPython 3.12 and 3.13 are installed under pyenv but are
not the global version: there ``python3.12`` on PATH is a pyenv shim that
refuses to run, and tox would report the interpreter missing.

For each environment with a ``pyXY`` factor, the newest ``X.Y.*`` CPython
under ``$(pyenv root)/versions`` is handed to tox's own ``--discover`` option
("for Python discovery first try these Python executables"). Discovery still
checks the version, and with no pyenv nothing changes. Nothing is added to
PATH, so the commands in a test environment see the PATH they always did.

``python toxfile.py [3.11 3.12 ...]`` prints the interpreter found for each
version and exits 1 if one is missing; ``.ci/run`` uses it to fail fast.
"""

from __future__ import annotations

import os
import re
import shutil
import subprocess
import sys
from pathlib import Path

try:
    from tox.plugin import impl
except ImportError:  # run as a script, without tox installed
    impl = None

SUPPORTED = ("3.11", "3.12", "3.13")  # keep in step with tox.ini's env_list

_FACTOR = re.compile(r"py(\d)(\d+)")
_RELEASE = re.compile(r"(\d+)\.(\d+)\.(\d+)")  # "3.12.1"; not "3.13.0t", "3.14-dev", or a virtualenv


def pyenv_root() -> Path | None:
    """pyenv's root folder, or None where pyenv is not installed."""
    if root := os.environ.get("PYENV_ROOT"):
        return Path(root)
    if pyenv := shutil.which("pyenv"):
        try:
            found = subprocess.run([pyenv, "root"], capture_output=True, text=True, check=True, timeout=30)
        except (OSError, subprocess.SubprocessError):
            return None
        return Path(found.stdout.strip())
    default = Path.home() / ".pyenv"
    return default if default.is_dir() else None


def pyenv_python(version: str) -> Path | None:
    """The newest pyenv-installed CPython ``version`` (``"3.12"``), if any."""
    root = pyenv_root()
    if root is None or not (root / "versions").is_dir():
        return None
    best: tuple[int, Path] | None = None
    for folder in (root / "versions").iterdir():
        match = _RELEASE.fullmatch(folder.name)
        if match is None or f"{match[1]}.{match[2]}" != version:
            continue
        exe = folder / "bin" / f"python{version}"
        if os.access(exe, os.X_OK) and (best is None or int(match[3]) > best[0]):
            best = (int(match[3]), exe)
    return None if best is None else best[1]


def python_for(version: str) -> Path | None:
    """The interpreter tox will use for ``version``: pyenv's, else the one on PATH."""
    if found := pyenv_python(version):
        return found
    on_path = shutil.which(f"python{version}")
    if on_path is None:
        return None
    try:  # a pyenv shim for a version that is not active exits non-zero
        subprocess.run([on_path, "-c", ""], capture_output=True, check=True, timeout=60)
    except (OSError, subprocess.SubprocessError):
        return None
    return Path(on_path)


if impl is not None:
    from tox.config.sets import EnvConfigSet
    from tox.session.state import State

    @impl
    def tox_add_env_config(env_conf: EnvConfigSet, state: State) -> None:
        """Offer pyenv's interpreter for each ``pyXY`` factor of the environment."""
        discover: list[str] = state.conf.options.discover
        for factor in env_conf.name.split("-"):
            match = _FACTOR.fullmatch(factor)
            if match is None:
                continue
            exe = pyenv_python(f"{match[1]}.{match[2]}")
            if exe is not None and str(exe) not in discover:
                discover.append(str(exe))


def main(versions: list[str]) -> int:
    """Print the interpreter found for each version; 1 if any is missing."""
    missing = 0
    for version in versions or SUPPORTED:
        exe = python_for(version)
        print(f"CPython {version}: {exe if exe else 'MISSING'}")
        missing += exe is None
    return 1 if missing else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
