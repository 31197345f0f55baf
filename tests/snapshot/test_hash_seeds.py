"""Dicts and sets keyed by script objects, resumed in a process whose str hashes differ.

CPython makes str and bytes hashes with a per-process secret (unless
``PYTHONHASHSEED`` is set), so a script ``__hash__`` built on strings gives
another number in the process that loads the job.  The tables must work
there as natively: a fresh, equal key finds its entry.  When the seeds agree
the kept hashes are used and no script ``__hash__`` runs while loading.
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]

SOURCE = """\
class Key:
    def __init__(self, name):
        self.name = name
    def __hash__(self):
        effect(["hash", self.name])
        return hash(self.name)
    def __eq__(self, other):
        return isinstance(other, Key) and self.name == other.name
    def __repr__(self):
        return f"Key({self.name!r})"

table = {Key("alpha"): 1, Key("beta"): 2}
seen = {Key("gamma")}
pairs = {(Key("delta"), 1): "tuple key"}
effect("built")
answer = effect(wait("approved"))
print(table[Key("alpha")], table.get(Key("beta")), Key("gamma") in seen, pairs[(Key("delta"), 1)], answer)
"""

STEP = """\
import json, sys
from pathlib import Path
import statek_vm
from tests.snapshot import durable

work = Path(sys.argv[2])
key = b"hash-seed-test-key".ljust(32, b".")
bindings = {"wait": durable.wait, "effect": durable.effect}
if sys.argv[1] == "start":
    job = statek_vm.run((work / "script.py").read_text(), bindings)
    assert job.status == "SUSPENDED", job.error
    (work / "job.snapshot").write_bytes(job.dumps(key=key))
else:
    job = statek_vm.Job.loads((work / "job.snapshot").read_bytes(), bindings, key=key)
    durable.effect("loaded")
    job.awaited_result.deps.open = True
    job.resume()
    (work / "result.json").write_text(json.dumps([str(job.status), job.output, repr(job.error)]))
"""


def _step(work: Path, step: str, seed: str) -> None:
    env = {**os.environ, "PYTHONHASHSEED": seed, "STATEK_TEST_LOG": str(work / "log.jsonl"), "PYTHONPATH": str(ROOT)}
    env.pop("STATEK_TEST_READY", None)
    done = subprocess.run(
        [sys.executable, "-c", STEP, step, str(work)], env=env, capture_output=True, text=True, timeout=120
    )
    assert done.returncode == 0, done.stderr


def _resume_in(tmp_path: Path, start_seed: str, resume_seed: str) -> tuple[list[str], list[object]]:
    (tmp_path / "script.py").write_text(SOURCE)
    _step(tmp_path, "start", start_seed)
    _step(tmp_path, "resume", resume_seed)
    status, output, error = json.loads((tmp_path / "result.json").read_text())
    assert status == "JobStatus.COMPLETED" or status == "COMPLETED", error
    log = [json.loads(line) for line in (tmp_path / "log.jsonl").read_text().splitlines()]
    return output.splitlines(), log


BUILT = [["hash", "alpha"], ["hash", "beta"], ["hash", "gamma"], ["hash", "delta"], "built"]
LOOKED_UP = ["approved", ["hash", "alpha"], ["hash", "beta"], ["hash", "gamma"], ["hash", "delta"]]


def test_a_table_keyed_by_script_objects_works_where_str_hashes_differ(tmp_path: Path) -> None:
    output, log = _resume_in(tmp_path, "1", "2")
    assert output == ["1 2 True tuple key approved"]
    # The tables were hashed again by their keys' __hash__ while the job
    # loaded (the snapshot's hashes are another process's): the one place
    # where script code runs again, documented; nothing else ran twice.
    loaded = log.index("loaded")
    assert log[: len(BUILT)] == BUILT
    assert sorted(name for _, name in log[len(BUILT) : loaded]) == ["alpha", "beta", "delta", "gamma"]
    assert log[loaded + 1 :] == LOOKED_UP


def test_a_table_keyed_by_script_objects_loads_without_hashing_where_str_hashes_agree(tmp_path: Path) -> None:
    output, log = _resume_in(tmp_path, "7", "7")
    assert output == ["1 2 True tuple key approved"]
    assert log == [*BUILT, "loaded", *LOOKED_UP]  # as natively, with the load between
