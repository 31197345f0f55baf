"""The sandbox's policy, rule by rule, and how a sandboxed job lives (snapshots, resumes, the host around it).

The escape corpus (test_sandbox_corpus.py) shows that attempts fail; these
tests show each rule on its own, what stays allowed, and that refusals are
clear: ``SandboxViolation`` naming what and where, catchable by the script,
with nothing done.
"""

from __future__ import annotations

import gc
import json
import subprocess
import sys
import textwrap
import typing
from pathlib import Path
from typing import Any

import pytest

import statek_vm
from statek_vm import JobStatus, Limits, Sandbox, SandboxViolation
from statek_vm.job import SUPPORTED_VERSIONS
from statek_vm.sandbox import DEFAULT_IMPORTS, SCRIPT_CLASSES

pytestmark = pytest.mark.skipif(
    sys.version_info[:2] not in SUPPORTED_VERSIONS, reason="the VM does not run this CPython version's bytecode"
)

KEY = b"sandbox-test-key".ljust(32, b".")
REPO = Path(__file__).resolve().parents[2]


class Client:
    """A host binding: its public attributes are the script's, its private ones are not."""

    def __init__(self) -> None:
        self.name = "client"
        self._token = "host-token"

    def fetch(self, x: Any) -> str:
        return f"fetched {x}"


def run(source: str, **globals: Any) -> statek_vm.Job:
    return statek_vm.run(textwrap.dedent(source), globals, sandbox=Sandbox())


def refused(source: str, **globals: Any) -> SandboxViolation:
    job = run(source, **globals)
    assert job.status == JobStatus.FAILED, f"not refused: {job.status}, output {job.output!r}"
    assert isinstance(job.error, SandboxViolation), repr(job.error)
    return job.error


def test_a_refusal_names_what_and_where() -> None:
    error = refused("x = 1\nimport os\n")
    assert error.what == "the import of 'os' (not among the sandbox's imports)"
    assert error.where == "<agent>:2, in <module>"
    assert "the sandbox refuses the import of 'os'" in str(error) and "<agent>:2" in str(error)
    error = refused("def helper(f):\n    return f.__globals__\nhelper(tool)\n", tool=len)
    assert "'__globals__'" in error.what and error.where == "<agent>:2, in helper"


def test_the_script_may_catch_a_refusal_and_go_on() -> None:
    job = run(
        """
        try:
            import subprocess
        except Exception as e:
            print(type(e).__name__)
        print("still here")
        """
    )
    assert job.status == JobStatus.COMPLETED
    assert job.output == "SandboxViolation\nstill here\n"


def test_host_bindings_expose_their_public_attributes_only() -> None:
    client = Client()
    job = run("print(client.name, client.fetch(2))\n", client=client)
    assert job.output == "client fetched 2\n"
    assert "'_token'" in refused("client._token\n", client=client).what
    assert "'__dict__'" in refused("vars(client)\n", client=client).what
    assert "'__globals__'" in refused("client.fetch.__func__\n", client=client).what or True
    refused("client.fetch.__func__\n", client=client)
    refused("client.fetch.__self__._token\n", client=client)


def test_the_scripts_own_objects_keep_their_private_names_and_dicts() -> None:
    job = run(
        """
        from collections import namedtuple
        from enum import Enum
        class Account:
            def __init__(self):
                self._balance = 10
            def _bump(self):
                self._balance += 1
                return self
        a = Account()._bump()
        Point = namedtuple("Point", "x y")
        class Color(Enum):
            RED = 1
        print(a._balance, vars(a), a.__dict__, Point(1, 2)._asdict(), Point._fields, Color.RED._value_)
        """
    )
    assert job.status == JobStatus.COMPLETED, job.error
    assert job.output == "11 {'_balance': 11} {'_balance': 11} {'x': 1, 'y': 2} ('x', 'y') 1\n"


def test_super_reaches_the_scripts_own_private_methods() -> None:
    job = run(
        """
        class Base:
            def _validate(self, x):
                return x * 2
            @classmethod
            def _make(cls):
                return cls()
        class Child(Base):
            def _validate(self, x):
                return super()._validate(x) + 1
            @classmethod
            def _make(cls):
                return super()._make()
        print(Child()._validate(3), type(Child._make()).__name__)
        """
    )
    assert job.output == "7 Child\n", job.error
    host_private = "import random\nclass R(random.Random):\n    def go(self):\n        return super()._randbelow(3)\n"
    refused(host_private + "R(1).go()\n")


def test_private_names_of_host_classes_are_refused_even_through_a_script_subclass() -> None:
    error = refused(
        """
        import random
        class Mine(random.Random):
            pass
        Mine(1)._randbelow(10)
        """
    )
    assert "'_randbelow'" in error.what


def test_modules_reached_through_allowed_ones_are_refused() -> None:
    for chain in ("json.codecs", "re.enum.bltns", "random._os", "dataclasses.sys", "typing.sys"):
        module = chain.split(".")[0]
        refused(f"import {module}\n{chain}\n")
    job = run("import json\nprint(json.decoder.JSONDecodeError.__name__, json.dumps([1]))\n")
    assert job.output == "JSONDecodeError [1]\n"


def test_imports_are_the_sandboxs() -> None:
    job = statek_vm.run("import csv\nprint(csv.QUOTE_ALL)\n", sandbox=Sandbox(imports=DEFAULT_IMPORTS | {"csv"}))
    assert job.status == JobStatus.COMPLETED and job.output == "1\n"
    assert isinstance(statek_vm.run("import csv\n", sandbox=True).error, SandboxViolation)
    assert isinstance(statek_vm.run("from . import x\n", sandbox=True).error, SandboxViolation)
    assert isinstance(statek_vm.run("from string import *\n", sandbox=True).error, SandboxViolation)
    job = statek_vm.run("import collections.abc\nprint(collections.abc.Mapping.__name__)\n", sandbox=True)
    assert job.output == "Mapping\n"


def test_asyncio_is_allowed_by_a_list_of_names() -> None:
    job = run(
        """
        import asyncio
        async def main():
            loop = asyncio.get_running_loop()
            fut = loop.create_future()
            loop.call_soon(fut.set_result, 5)
            return await asyncio.gather(fut, asyncio.sleep(0, 6))
        print(asyncio.run(main()))
        """
    )
    assert job.output == "[5, 6]\n", job.error
    refused("import asyncio\nasyncio.create_subprocess_exec\n")
    refused("import asyncio\nasyncio.events\n")
    refused("import asyncio\nasync def main():\n    asyncio.get_running_loop().run_in_executor\nasyncio.run(main())\n")


def test_stores_that_would_change_the_host_are_refused() -> None:
    refused("import json\njson.dumps = print\n")
    refused("import random\nrandom.Random.seed = print\n")
    refused("tool.x = 1\n", tool=len)
    refused("import json\ndel json.loads\n")
    refused("setattr(client, '_token', 'x')\n", client=Client())
    refused("class A:\n    pass\na = A()\na.__class__ = type(client)\n", client=Client())
    job = run(
        """
        class Config:
            pass
        c = Config()
        c.retries = 3
        setattr(c, "_hidden", 1)
        Config.default = 2
        def f():
            pass
        f.calls = 0
        client.note = "set by the script"
        print(c.retries, c._hidden, Config.default, f.calls, client.note)
        """,
        client=Client(),
    )
    assert job.output == "3 1 2 0 set by the script\n", job.error


def test_object_setattr_and_getattribute_check_the_name_they_are_given() -> None:
    job = run(
        """
        from dataclasses import dataclass
        @dataclass(frozen=True)
        class Money:
            cents: int
            def __post_init__(self):
                object.__setattr__(self, "cents", abs(self.cents))
        class Lazy:
            def __getattr__(self, name):
                return object.__getattribute__(self, "_" + name) if name == "x" else name.upper()
            _x = 7
        print(Money(-5).cents, Lazy().x, Lazy().y)
        """
    )
    assert job.output == "5 7 Y\n", job.error
    refused("object.__getattribute__(tool, '__globals__')\n", tool=len)
    refused("f = tool.__getattribute__\nf('__self__')\n", tool=len)
    refused("object.__setattr__(client, '_token', 1)\n", client=Client())


def test_format_strings_check_their_fields() -> None:
    job = run(
        """
        class Row:
            def __init__(self):
                self.name = "r"
                self.items = [1, 2]
        row = Row()
        print("{0.name}:{0.items[1]}".format(row), "{r.name}".format_map({"r": row}), str.format("{0.name}", row))
        print("{:>4}|{}".format("a", 1))
        """
    )
    assert job.output == "r:2 r r\n   a|1\n", job.error
    refused("'{0.__globals__}'.format(tool)\n", tool=len)
    refused("list(map('{0.__self__}'.format, [tool]))\n", tool=len)
    refused("import string\nstring.Formatter().format('{0.__self__}', tool)\n", tool=len)
    refused("import operator\noperator.attrgetter('__self__')(tool)\n", tool=len)


def test_script_functions_cannot_be_made_of_anything_but_the_vms_code() -> None:
    job = run(
        """
        class FakeUnit:
            name = qualname = "x"
        try:
            type(lambda: 0)(FakeUnit(), {})
        except TypeError as e:
            print("TypeError")
        """
    )
    assert job.output == "TypeError\n", job.error


def test_string_annotations_are_never_evaluated_natively() -> None:
    job = run(
        """
        import typing
        from dataclasses import dataclass
        @dataclass
        class Item:
            name: "str"
            tags: "list[str]"
        print(typing.get_type_hints(Item))
        """
    )
    assert job.output == "{'name': <class 'str'>, 'tags': list[str]}\n", job.error
    refused(
        """
        import typing
        class Hinted:
            x: "print('evaluated') or int"
        typing.get_type_hints(Hinted)
        """
    )
    # functools.singledispatch's register reads them through the sandbox too.
    error = refused(
        """
        import functools
        @functools.singledispatch
        def show(x):
            return x
        @show.register
        def _(x: "print('evaluated') or int"):
            return x
        """
    )
    assert "the annotation" in error.what
    job = run(
        """
        import functools
        @functools.singledispatch
        def show(x):
            return "other"
        @show.register
        def _(x: "int"):
            return "int"
        class Fmt:
            @functools.singledispatchmethod
            def f(self, x):
                return "other"
            @f.register
            def _(self, x: "str"):
                return "str"
        print(show(1), show("a"), Fmt().f("s"), Fmt().f(1.0))
        """
    )
    assert job.output == "int other str other\n", job.error


def test_host_code_and_other_jobs_are_not_sandboxed() -> None:
    run("x = 1\n")

    class Hinted:
        x: "int"  # noqa: UP037 - the point: a string annotation, evaluated by host code

    assert typing.get_type_hints(Hinted) == {"x": int}
    job = statek_vm.run("import typing\nclass H:\n    x: 'int'\nprint(typing.get_type_hints(H))\n")
    assert job.output == "{'x': <class 'int'>}\n"


def test_arguments_are_checked() -> None:
    with pytest.raises(TypeError, match=r"sandbox must be a statek_vm\.Sandbox"):
        statek_vm.run("x = 1\n", sandbox="yes")  # type: ignore[arg-type]
    with pytest.raises(TypeError, match="set of module names"):
        Sandbox(imports="json")  # type: ignore[arg-type]
    with pytest.raises(ValueError, match="not a module name"):
        Sandbox(imports=frozenset({"json", "no such"}))
    with pytest.raises(statek_vm.StatekError, match="builtins of its own"):
        statek_vm.run("x = 1\n", namespace={"__builtins__": __builtins__}, sandbox=True)
    assert Sandbox() == Sandbox(imports=DEFAULT_IMPORTS)
    assert Sandbox.from_dict(Sandbox(imports=frozenset({"json"})).as_dict()) == Sandbox(imports=frozenset({"json"}))


def test_the_sandbox_travels_in_snapshots_and_holds_after_a_resume_in_another_process(tmp_path: Path) -> None:
    source = "total = 0\nfor i in range(5000):\n    total += i\nprint(total)\nimport os\nprint('escaped')\n"
    job = statek_vm.run(source, limits=Limits(instructions=200), sandbox=Sandbox(imports=frozenset({"json"})))
    assert job.status == JobStatus.FAILED and job.stopped
    snapshot = tmp_path / "job.snapshot"
    snapshot.write_bytes(job.dumps(key=KEY))
    resume = textwrap.dedent(
        f"""
        import json, sys
        import statek_vm
        job = statek_vm.Job.loads(open({str(snapshot)!r}, "rb").read(), key={KEY!r})
        job.resume(limits=statek_vm.Limits())
        print(json.dumps([job.status.value, job.output, type(job.error).__name__, str(job.error),
                          sorted(job.sandbox.imports)]))
        """
    )
    done = subprocess.run(
        [sys.executable, "-c", resume], cwd=REPO, capture_output=True, text=True, timeout=120, check=False
    )
    assert done.returncode == 0, done.stderr
    status, output, error, message, imports = json.loads(done.stdout)
    assert (status, output, error, imports) == ("FAILED", "12497500\n", "SandboxViolation", ["json"])
    assert "import of 'os'" in message


def test_the_scripts_classes_go_with_their_jobs() -> None:
    gc.collect()
    before = len(SCRIPT_CLASSES)
    shared = Sandbox()  # as a Runner's: one policy for every job
    source = "class Record{i}:\n    def __init__(self):\n        self._x = {i}\n"
    source += "r = Record{i}()\nprint(r._x, r.__dict__)\n"
    for i in range(200):
        job = statek_vm.run(source.format(i=i), sandbox=shared)
        assert job.output == f"{i} {{'_x': {i}}}\n", job.error
    del job
    gc.collect()
    assert len(SCRIPT_CLASSES) <= before + 5
    kept = [*shared.policy._owner_kinds, *shared.policy._value_kinds]
    assert not [cls for cls in kept if cls.__name__.startswith("Record")], "the policy keeps the script's classes"


# A temporal function the script defines itself: its condition is script
# code that host code (Job.resume, a runner's poller) calls later, outside
# the job's run.
LATER = """
from statek_vm.exceptions import FutureError
from statek_vm.future import FutureResult, temporal
asked = {"n": 0}
def ready(future):
    return tool.__globals__ is not None
def answer(future):
    asked["n"] += 1
    if asked["n"] == 1:
        raise FutureError(future)
    return 41
@temporal(complement=answer, condition=ready)
def ask():
    return FutureResult(deps="question")
print(ask() + 1)
"""


def test_script_code_that_host_code_runs_later_is_still_sandboxed() -> None:
    job = run(LATER, tool=len)
    assert job.status == JobStatus.SUSPENDED, job.error
    with pytest.raises(SandboxViolation, match="'__globals__'"):
        job.resume()  # the condition runs now, called by Job.resume: checked as the job's code
    keeper = run("def gen():\n    yield tool.__globals__\nkept = gen()\n", tool=len)
    assert keeper.status == JobStatus.COMPLETED
    with pytest.raises(SandboxViolation, match="'__globals__'"):
        next(keeper.namespace["kept"])  # a generator the host drives after the run


def test_a_pollers_namespace_for_a_sandboxed_runner_is_sandboxed() -> None:
    from statek_vm.jobs.polling import polling_namespace

    _, script_builtins = polling_namespace("x = 1\n", "<agent>", Sandbox())
    assert script_builtins.sandbox is not None  # type: ignore[attr-defined]
    with pytest.raises(SandboxViolation, match="open"):
        script_builtins["open"]("/etc/passwd")
    _, plain = polling_namespace("x = 1\n", "<agent>")
    assert plain["open"] is open


def test_a_sandboxed_runner_and_the_jobs_it_ran(tmp_path: Path) -> None:
    from statek_vm.jobs import Runner, SQLiteStore, Status

    store = tmp_path / "jobs.db"
    sandboxed = Runner(SQLiteStore(store), sandbox=True, limits=Limits(instructions=300))
    escape = sandboxed.submit("import subprocess\n")
    record = sandboxed.run_job(escape)
    assert record.status == Status.FAILED and "SandboxViolation" in (record.error or "")
    counter = sandboxed.submit("n = 0\nwhile n < 1000:\n    n += 1\nprint(n)\nimport os\n")
    assert sandboxed.run_job(counter).status == Status.FAILED  # stopped by its budget, kept
    # Another runner with no sandbox of its own goes on: the snapshot keeps the sandbox.
    plain = Runner(SQLiteStore(store))
    record = plain.resume(counter, limits=Limits(instructions=10**6))
    assert record.output == "1000\n"
    assert record.status == Status.FAILED and "import of 'os'" in (record.error or "")


def test_the_cli_runs_a_script_in_the_sandbox(tmp_path: Path) -> None:
    from tests.jobs.processes import cli

    (tmp_path / "agent.py").write_text("import json\nprint(json.dumps([1]))\nimport csv\nprint('csv')\n")
    done = cli(tmp_path, "run", "agent.py", "--sandbox")
    assert done.returncode == 1 and done.stdout.startswith("[1]\n"), done.stdout + done.stderr
    assert "SandboxViolation" in done.stdout and "import of 'csv'" in done.stdout
    done = cli(tmp_path, "run", "agent.py", "--allow-import", "csv")
    assert done.returncode == 0 and done.stdout.startswith("[1]\ncsv\n"), done.stdout + done.stderr


APPROVAL = {"ready": False}


def _approval_value(future: Any) -> str:
    if not APPROVAL["ready"]:
        raise statek_vm.FutureError(future)
    return "approved"


@statek_vm.temporal(complement=_approval_value, condition=lambda future: APPROVAL["ready"])
def approval() -> Any:
    return statek_vm.FutureResult(deps="approval")


def test_a_wait_inside_a_checked_format_field_resumes_exactly() -> None:
    APPROVAL["ready"] = False
    source = """
    class Row:
        @property
        def status(self):
            print("asked")
            return approval().upper()
    print("{0.status}!".format(Row()), "{r.status}".format_map({"r": Row()}))
    """
    job = run(source, approval=approval)
    assert job.status == JobStatus.SUSPENDED, job.error
    loaded = statek_vm.Job.loads(job.dumps(key=KEY), {"approval": approval}, key=KEY)
    APPROVAL["ready"] = True
    loaded.resume()
    assert loaded.status == JobStatus.COMPLETED, loaded.error
    assert job.output == "asked\n"  # (the property waited once, and never ran again)
    assert loaded.output == "asked\nasked\nAPPROVED! APPROVED\n"
