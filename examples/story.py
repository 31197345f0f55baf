"""Run an example's story: each command in its own process, in a scratch folder.

Every example's ``demo.py`` tells its story through :class:`Story`: the
example's files are copied into a temporary folder, each command of the story
runs there as a separate process (so a job really suspends in one process and
resumes in another), and the folder is removed at the end, leaving nothing
behind. Each command is echoed with the id of the process that ran it, so a
pid printed by a job can be traced back to the command it ran in.

``statek-vm`` stands for ``python3 -m statek_vm.cli`` with the running
interpreter, or for the command given by ``$STATEK_VM`` (for example
``STATEK_VM=statek-vm python3 demo.py`` once the package is installed).
Pass ``--workdir DIR`` to tell the story in DIR and keep it afterwards.
"""

from __future__ import annotations

import argparse
import os
import re
import shlex
import shutil
import signal
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable, Iterable, Sequence
from pathlib import Path

__all__ = ["Story", "statek_vm_command"]


def statek_vm_command() -> list[str]:
    """The command that runs ``statek-vm``: ``$STATEK_VM``, else this interpreter's module."""
    given = os.environ.get("STATEK_VM")
    return shlex.split(given) if given else [sys.executable, "-m", "statek_vm.cli"]


class Story:
    """A scratch folder holding copies of an example's files, and the commands run in it.

    Use it as a context manager; commands are echoed as ``$ COMMAND  [pid N]``
    followed by what they printed::

        with Story(__file__, ["agent.py", "tools.py", "approve.py"]) as story:
            out = story.statek_vm("run", "agent.py")
            story.python("approve.py", story.find(r"python3 approve.py (\\d+)", out))
    """

    def __init__(self, demo_file: str, files: Iterable[str], argv: Sequence[str] | None = None) -> None:
        parser = argparse.ArgumentParser(description=(sys.modules["__main__"].__doc__ or "").split("\n\n")[0])
        parser.add_argument("--workdir", type=Path, help="tell the story in this folder and keep it")
        args = parser.parse_args(argv)
        self.source = Path(demo_file).resolve().parent
        self.files = list(files)
        self.keep = args.workdir is not None
        self.workdir = (
            args.workdir.resolve() if args.workdir is not None else Path(tempfile.mkdtemp(prefix="statek-vm-example-"))
        )
        self.background: list[subprocess.Popen[str]] = []

    def __enter__(self) -> Story:
        self.workdir.mkdir(parents=True, exist_ok=True)
        for name in self.files:
            shutil.copy(self.source / name, self.workdir / name)
        print(f"# in {self.workdir}  (statek-vm is: {shlex.join(statek_vm_command())})")
        return self

    def __exit__(self, *exc_info: object) -> None:
        for process in self.background:
            if process.poll() is None:
                process.kill()
                process.wait()
        if not self.keep:
            shutil.rmtree(self.workdir, ignore_errors=True)

    # -- commands ---------------------------------------------------------------

    def env(self) -> dict[str, str]:
        """The environment of every command: ours, without bytecode caches."""
        env = dict(os.environ)
        env["PYTHONDONTWRITEBYTECODE"] = "1"
        env.pop("STATEK_VM_STORE", None)  # the store is ./statek_vm.db in the scratch folder
        return env

    def run(self, shown: str, command: list[str], *, check: bool = True) -> str:
        """Run one command to its end; echo it and its output; return its stdout."""
        process = subprocess.Popen(
            command, cwd=self.workdir, env=self.env(), stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True
        )
        out, err = process.communicate(timeout=120)
        print(f"$ {shown}  [pid {process.pid}]", flush=True)
        sys.stdout.write(out)
        sys.stdout.write(err)
        sys.stdout.flush()
        if check and process.returncode != 0:
            raise SystemExit(f"{shown!r} exited with status {process.returncode}")
        return out

    def statek_vm(self, *args: str, check: bool = True) -> str:
        """``statek-vm ARGS`` to its end; returns its stdout."""
        return self.run(shlex.join(["statek-vm", *args]), [*statek_vm_command(), *args], check=check)

    def python(self, *args: str) -> str:
        """``python3 ARGS`` (an example's own command) to its end; returns its stdout."""
        return self.run(shlex.join(["python3", *args]), [sys.executable, *args])

    def start_statek_vm(self, *args: str) -> subprocess.Popen[str]:
        """Start ``statek-vm ARGS`` in the background; :meth:`stop` ends it."""
        process = subprocess.Popen(
            [*statek_vm_command(), *args],
            cwd=self.workdir,
            env=self.env(),
            stdout=subprocess.PIPE,
            stderr=subprocess.STDOUT,
            text=True,
        )
        print(f"$ {shlex.join(['statek-vm', *args])} &  [pid {process.pid}]", flush=True)
        self.background.append(process)
        return process

    def stop(self, process: subprocess.Popen[str]) -> str:
        """Interrupt a background command (as Ctrl-C would); echo and return its output."""
        process.send_signal(signal.SIGINT)  # the worker finishes its step and exits
        out, _ = process.communicate(timeout=60)
        print(f"# [pid {process.pid}] stopped; it printed:", flush=True)
        sys.stdout.write(out)
        sys.stdout.flush()
        return out

    # -- reading outputs ------------------------------------------------------------

    @staticmethod
    def find(pattern: str, text: str) -> str:
        """The first group of ``pattern`` in ``text``; exits with a clear message if absent."""
        match = re.search(pattern, text)
        if match is None:
            raise SystemExit(f"expected {pattern!r} in:\n{text}")
        return match.group(1)

    def until(self, what: str, done: Callable[[], bool], timeout: float = 60.0) -> None:
        """Wait until ``done()`` is true (checked every 50 ms), or exit after ``timeout`` seconds.

        On giving up, the background commands are stopped and their output
        shown first: it says why the story did not reach ``what``.
        """
        deadline = time.monotonic() + timeout
        while not done():
            if time.monotonic() > deadline:
                for process in self.background:
                    if process.poll() is None:
                        self.stop(process)
                raise SystemExit(f"gave up waiting for {what} after {timeout:g} s")
            time.sleep(0.05)
