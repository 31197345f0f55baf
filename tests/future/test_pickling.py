"""Futures pickle (with pickle and dill) without resolving, and work in another process.

A suspended job stores its awaited future, so a future must survive being
written out and loaded by a different process: there the deps change, the
condition passes, and the value is fetched as if nothing had happened.
"""

from __future__ import annotations

import asyncio
import copy
import json
import os
import pickle
import subprocess
import sys
from pathlib import Path
from types import ModuleType
from typing import Any

import dill
import pytest

from statek_vm import FutureElement, FutureError, FutureResult, get_all_future, get_any_future
from statek_vm.future import AllFuture, AnyFuture

from . import seed_tools as tools
from .seed_tools import Box, PairResult, Report

ROOT = Path(__file__).resolve().parents[2]
SERIALIZERS = [pytest.param(pickle, id="pickle"), pytest.param(dill, id="dill")]


def _roundtrip(serializer: ModuleType, obj: Any) -> Any:
    return serializer.loads(serializer.dumps(obj))


@pytest.mark.parametrize("serializer", SERIALIZERS)
def test_pending_future_result_roundtrip(serializer: ModuleType) -> None:
    box = Box("content", ready=False)
    future = tools.wait_for_box(box)
    loaded = _roundtrip(serializer, future)
    assert type(loaded) is FutureResult
    assert loaded.check_condition() is False
    assert loaded.state_num == 0
    assert box.fetches == 0  # pickling never fetched
    with pytest.raises(FutureError) as raised:
        loaded.value
    assert raised.value.future is loaded
    loaded.deps.ready = True
    assert loaded.value == "content"
    assert future.check_condition() is False  # the original is independent


@pytest.mark.parametrize("serializer", SERIALIZERS)
def test_resolved_future_keeps_its_cached_value(serializer: ModuleType) -> None:
    box = Box("first")
    future = tools.wait_for_box(box)
    assert future.value == "first"
    box.content, box.ready = "second", False
    loaded = _roundtrip(serializer, future)
    assert loaded.value == "first"
    assert loaded.check_condition() is True
    assert loaded.deps.fetches == 1  # resuming does not refetch


@pytest.mark.parametrize("serializer", SERIALIZERS)
def test_elements_and_combined_futures_roundtrip(serializer: ModuleType) -> None:
    result = PairResult(ready=False)
    parent = tools.wait_for_pair(result)
    label, count = parent
    other = tools.future_of("other", ready=False)
    either = get_any_future(other, label)
    both = get_all_future(parent, count, 5)

    loaded = _roundtrip(serializer, (parent, label, count, either, both))
    l_parent, l_label, l_count, l_either, l_both = loaded
    assert (type(l_label), type(l_either), type(l_both)) == (FutureElement, AnyFuture, AllFuture)
    assert l_label._parent is l_parent
    assert l_count._parent is l_parent
    assert l_either.deps[1] is l_label
    assert l_both.deps[0] is l_parent
    assert not any(future.check_condition() for future in loaded)

    l_parent.deps.ready = True
    assert (l_label.value, l_count.value) == ("apples", 3)
    assert l_either.value == "apples"
    assert l_both.value == (("apples", 3), 3, 5)
    assert l_parent.deps.fetches == 1


@pytest.mark.parametrize("serializer", SERIALIZERS)
def test_future_error_roundtrip(serializer: ModuleType) -> None:
    future = tools.future_of(1, ready=False)
    error = FutureError(future)
    loaded_error, loaded_future = _roundtrip(serializer, (error, future))
    assert type(loaded_error) is FutureError
    assert loaded_error.future is loaded_future
    assert str(loaded_error) == str(error)


@pytest.mark.parametrize("serializer", SERIALIZERS)
def test_temporal_functions_pickle_by_reference(serializer: ModuleType) -> None:
    for function in (tools.wait_for_report, tools.wait_for_report_by_id, tools.wait_for_remote_report):
        assert _roundtrip(serializer, function) is function


@pytest.mark.parametrize("serializer", SERIALIZERS)
def test_a_future_inside_its_own_deps(serializer: ModuleType) -> None:
    box = Box(None, ready=False)
    future = tools.wait_for_box(box)
    box.content = [future]
    loaded = _roundtrip(serializer, future)
    loaded.deps.ready = True
    assert loaded.value[0] is loaded


def test_copy_and_deepcopy_do_not_resolve() -> None:
    box = Box([1], ready=False)
    future = tools.wait_for_box(box)
    shallow, deep = copy.copy(future), copy.deepcopy(future)
    assert shallow is not future
    assert shallow.deps is box
    assert deep.deps is not box
    box.ready = True
    assert shallow.value == [1]
    assert deep.check_condition() is False


# -- in another process ------------------------------------------------------------------------

CHILD = r"""
import importlib, json, sys

from statek_vm import FutureError

serializer = importlib.import_module(sys.argv[1])
with open(sys.argv[2], "rb") as file:
    bundle = serializer.load(file)

waiting = ["report", "label", "count", "any", "all", "remote"]
out = {"pending": [bundle[name].check_condition() for name in waiting], "errors": []}
for name in waiting:
    try:
        bundle[name].value
    except FutureError as error:
        out["errors"].append(error.future is bundle[name] or error.future is bundle[name]._parent)

# The world changes in this process: the seeds' way, by mutating the deps.
bundle["report"].deps.status = "ready"
bundle["label"].deps.ready = True
bundle["any"].deps[1].deps.complete()
bundle["remote"].deps.status = "ready"

out["ready"] = [bundle[name].check_condition() for name in waiting]
out["values"] = {name: bundle[name].value for name in ["report", "label", "count", "any", "remote"]}
out["all"] = list(bundle["all"].value)
out["cached"] = [bundle["resolved"].value, bundle["resolved"].deps.fetches]
out["shared"] = bundle["all"].deps[0] is bundle["report"]
out["error_future"] = bundle["error"].future is bundle["report"]
out["arithmetic"] = bundle["count"] + 10
print(json.dumps(out))
"""


@pytest.mark.parametrize("serializer", SERIALIZERS)
def test_futures_resume_in_another_process(serializer: ModuleType, tmp_path: Path) -> None:
    report = Report(status="running", version=2)
    pending_report = tools.wait_for_report(report)
    label, count = tools.wait_for_pair(PairResult(ready=False))
    primary, fallback = tools.start_export("primary"), tools.start_export("fallback")
    tools.REPORTS["remote-cross"] = Report(status="running", url="https://reports.example/remote.pdf")
    resolved = tools.future_of("cached")
    assert resolved.value == "cached"
    resolved.deps.content = "changed"
    bundle = {
        "report": pending_report,
        "label": label,
        "count": count,
        "any": get_any_future(tools.wait_for_export(primary), tools.wait_for_export(fallback)),
        "all": get_all_future(pending_report, label, count),
        "remote": asyncio.run(tools.wait_for_remote_report("remote-cross")),
        "resolved": resolved,
        "error": FutureError(pending_report),
    }
    path = tmp_path / "bundle.pickle"
    path.write_bytes(serializer.dumps(bundle))

    env = dict(os.environ)
    env["PYTHONPATH"] = os.pathsep.join(filter(None, [str(ROOT), env.get("PYTHONPATH")]))
    child = subprocess.run(
        [sys.executable, "-c", CHILD, serializer.__name__, str(path)],
        cwd=ROOT,
        env=env,
        capture_output=True,
        text=True,
        timeout=120,
        check=False,
    )
    assert child.returncode == 0, child.stderr
    out = json.loads(child.stdout)
    assert out["pending"] == [False] * 6
    assert out["errors"] == [True] * 6
    assert out["ready"] == [True] * 6
    assert out["values"] == {
        "report": "https://reports.example/report.pdf",
        "label": "apples",
        "count": 3,
        "any": "https://exports.example/fallback.csv",
        "remote": "https://reports.example/remote.pdf",
    }
    assert out["all"] == ["https://reports.example/report.pdf", "apples", 3]
    assert out["cached"] == ["cached", 1]
    assert out["shared"] is True
    assert out["error_future"] is True
    assert out["arithmetic"] == 13
    # Nothing changed here: the futures in this process are still pending.
    assert pending_report.check_condition() is False
