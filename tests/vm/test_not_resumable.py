"""What stays impossible is loud and precise (issue 12, point 4; statek_vm/vm/not_resumable.py).

A wait inside script code that host code runs cannot be suspended exactly:
the job fails with a ``NotResumableError`` that names the script function
and line where the wait happened and the host callable.  Each script is
first run with every wait answered at once (it completes, so the script is
sound), then with the waits pending: the job fails at that wait, and nothing
the script does after it runs.  Paths the VM may make resumable later
(``asyncio.run``) may instead suspend and resume as an uninterrupted run
does; while they fail, they fail precisely.  Paths that were here and resume
now (a dict display hashing a script key) are checked to resume exactly.
"""

from __future__ import annotations

import concurrent.futures
import gc
import sys
import threading
from typing import Any

import pytest

import statek_vm
from statek_vm import NotResumableError
from tests.vm import gates

TICKET = """\
class Ticket:
    def __init__(self, n):
        self.n = n
    def __add__(self, other):
        return Ticket(wait(self.n) + other)
    @property
    def label(self):
        return 'T' + str(wait(self.n))
    def __format__(self, spec):
        return format(wait(self.n), spec)
    def __iter__(self):
        yield wait(self.n) + 1
    def __hash__(self):
        return hash(wait(self.n))
    def __eq__(self, other):
        return self is other
"""
# The lines of Ticket's methods where they wait.
ADD, LABEL, FORMAT, ITER = 5, 8, 10, 12
AFTER = len(TICKET.splitlines()) + 1  # the first line after Ticket


def _apply(operation: Any) -> Any:
    """A host function of the application that calls script code back."""
    return operation()


def _add_one(obj: Any) -> Any:
    return obj + 1


def _label(obj: Any) -> Any:
    return obj.label


def _render(obj: Any) -> str:
    return f"[{obj:>3}]"


def _first(items: Any) -> Any:
    for item in items:
        return item
    return None


HOST = {"add_one": _add_one, "label_of": _label, "render": _render, "first": _first, "apply": _apply}


def _run(source: str, *, start_open: bool) -> tuple[statek_vm.Job, gates.World]:
    world = gates.World(start_open=start_open)
    job = statek_vm.run(source, {**world.bindings(), **HOST})
    return job, world


def _fails_loudly(source: str, function: str, line: int, host: str) -> str:
    """Run ``source`` with pending waits: it must fail naming ``function``, ``line`` and ``host``."""
    native, native_world = _run(source, start_open=True)
    assert native.status == "COMPLETED", native.error
    assert native_world.log, "the script records what it did"
    job, world = _run(source, start_open=False)
    assert job.status == "FAILED", (job.status, job.location)
    assert isinstance(job.error, NotResumableError), repr(job.error)
    message = str(job.error)
    assert f"cannot suspend in {function}() at <agent>:{line}" in message, message
    assert f"The host callable is {host}." in message, message
    assert world.log == [], "nothing after the wait ran"
    assert job.history[-1]["event"] == "failed"
    return message


def _resumes(source: str) -> tuple[gates.World, int]:
    """Run ``source`` resumed at every wait: it completes, logging what a run with every wait answered at once logs."""
    _, native_world = _run(source, start_open=True)
    resumed, resumed_world, suspensions = gates.run_interrupted(source)
    assert resumed.status == "COMPLETED", resumed.error
    assert resumed_world.log == native_world.log
    return resumed_world, suspensions


def _fails_loudly_or_resumes(source: str, function: str, line: int, host: str) -> None:
    """As :func:`_fails_loudly`, for a path that the VM may make resumable: then it resumes exactly."""
    job, _ = _run(source, start_open=False)
    if job.status == "FAILED":
        _fails_loudly(source, function, line, host)
        return
    _resumes(source)


# -- script code that application host code calls back -------------------------


@pytest.mark.parametrize(
    ("call", "function", "line", "host"),
    [
        ("add_one(t)", "Ticket.__add__", ADD, "tests.vm.test_not_resumable._add_one"),
        ("label_of(t)", "Ticket.label", LABEL, "tests.vm.test_not_resumable._label"),
        ("render(t)", "Ticket.__format__", FORMAT, "tests.vm.test_not_resumable._render"),
        ("first(t)", "Ticket.__iter__", ITER, "tests.vm.test_not_resumable._first"),
        ("apply(lambda: wait(2) * 3)", "<lambda>", AFTER + 1, "tests.vm.test_not_resumable._apply"),
    ],
    ids=["operator", "attribute", "formatting", "iteration", "callback"],
)
def test_a_wait_in_script_code_a_host_function_calls_names_all_three(
    call: str, function: str, line: int, host: str
) -> None:
    _fails_loudly(TICKET + f"t = Ticket(1)\nresult = {call}\neffect(result)\n", function, line, host)


@pytest.mark.parametrize(
    ("call", "function", "line", "host"),
    [
        ("operator.add(t, 1)", "Ticket.__add__", ADD, "operator.add"),
        ("string.Formatter().format('{:>3}', t)", "Ticket.__format__", FORMAT, "string.Formatter.format"),
        ("string.Formatter().format('{0.label}', t)", "Ticket.label", LABEL, "string.Formatter.format"),
        (
            "'x'.translate(type('Table', (), {'__getitem__': lambda s, k: str(wait(7))})())",
            "<lambda>",
            AFTER + 2,
            "str.translate",
        ),
    ],
    ids=["operator.add", "string.Formatter", "string.Formatter attribute", "str.translate table"],
)
def test_a_wait_in_script_code_a_library_function_calls_names_all_three(
    call: str, function: str, line: int, host: str
) -> None:
    source = TICKET + f"import operator, re, string\nt = Ticket(1)\nresult = {call}\neffect(result)\n"
    _fails_loudly(source, function, line, host)


@pytest.mark.parametrize("call", ["'{:>3}'.format(t)", "'{0.label}'.format(t)", "'%s|%d' % (t.label, t)"])
def test_str_format_and_percent_formatting_run_script_code_on_the_vm(call: str) -> None:
    # They once failed like the library functions above: now they resume as an uninterrupted run does.
    source = TICKET + "    def __index__(self):\n        return wait(self.n)\n" + f"t = Ticket(1)\neffect({call})\n"
    resumed_world, suspensions = _resumes(source)
    assert suspensions == len(resumed_world.gates) > 0


def test_the_wait_is_named_where_it_happened_inside_the_function_host_code_called() -> None:
    source = "def inner(x):\n    return wait(x) + 1\ndef outer():\n    return inner(1) * 2\neffect(apply(outer))\n"
    message = _fails_loudly(source, "inner", 2, "tests.vm.test_not_resumable._apply")
    assert "inside outer()" in message


def test_a_script_function_behind_a_library_wrapper_names_the_host_callable_that_called_it() -> None:
    # functools.lru_cache's wrapper runs on the VM (runtime.lru_wrapper):
    # the host frame the wait cannot cross is str.translate's.
    source = (
        "import functools\n"
        "@functools.lru_cache\n"
        "def title(word):\n"
        "    return wait(word).title()\n"
        "effect('a'.translate(type('Table', (), {'__getitem__': lambda s, k: title('x')})()))\n"
    )
    _fails_loudly_or_resumes(source, "title", 4, "str.translate")


# -- native operations of the VM's instructions -----------------------------------


@pytest.mark.parametrize(
    "statement",
    ["d = {t: 1}", "s = {t, 2}", "s = {k for k in [t]}", "d = {}\nd[t] = 1", "found = t in {1: 2}", "h = hash(t)"],
    ids=["dict display", "set display", "set comprehension", "subscript assignment", "in", "hash()"],
)
def test_a_wait_in_a_hash_that_a_native_dict_or_set_operation_calls_resumes(statement: str) -> None:
    # The operation runs again with the answer of the script's __hash__ (statek_vm/vm/replay.py).
    source = TICKET + f"t = Ticket(1)\n{statement}\neffect('after')\n"
    resumed_world, suspensions = _resumes(source)
    assert resumed_world.log == ["after"]
    assert suspensions == 1


# -- async for and coroutines driven by a host event loop -----------------------

ASYNC = """\
import asyncio
async def answers():
    for n in range(2):
        yield wait(n) + 1
async def main():
    total = 0
    async for a in answers():
        total += a
    return total
effect(asyncio.run(main()))
"""


def test_a_wait_in_an_async_generator_under_async_for_names_it_and_asyncio_run() -> None:
    # The async for steps the generator on the VM; what cannot be crossed
    # is asyncio.run's host frame (issue 13).
    _fails_loudly_or_resumes(ASYNC, "answers", 4, "asyncio.run")


def test_a_wait_in_a_coroutine_run_by_asyncio_names_it() -> None:
    source = "import asyncio\nasync def main():\n    return wait(2) * 3\neffect(asyncio.run(main()))\n"
    _fails_loudly_or_resumes(source, "main", 3, "asyncio.run")


# -- host threads and executors ------------------------------------------------------

THREAD = """\
import threading
results = []
def work(n):
    results.append(wait(n) + 1)
t = threading.Thread(target=work, args=(1,))
t.start()
t.join()
effect(results)
"""


def test_a_wait_in_a_thread_target_fails_the_job_when_the_script_joins_it() -> None:
    reports: list[Any] = []
    previous, threading.excepthook = threading.excepthook, reports.append
    try:
        message = _fails_loudly(THREAD, "work", 4, "threading.Thread.run")
    finally:
        threading.excepthook = previous
    assert "ran in the host thread 'Thread-" in message
    assert "retry_host_calls" not in message, "re-running the host call would not help"
    # The thread's own report is CPython's (the error ended the thread), and
    # it is the job's error.
    assert [type(r.exc_value) for r in reports] == [NotResumableError]


def test_a_thread_that_fails_unjoined_fails_the_job_at_its_next_host_call() -> None:
    source = (
        "import threading\n"
        "def work():\n"
        "    return wait(1) + 1\n"
        "t = threading.Thread(target=work)\n"
        "t.start()\n"
        "while t.is_alive():\n"
        "    pass\n"
        "effect('after')\n"
    )
    previous, threading.excepthook = threading.excepthook, lambda args: None
    try:
        job, world = _run(source, start_open=False)
    finally:
        threading.excepthook = previous
    assert job.status == "FAILED", job.status
    assert isinstance(job.error, NotResumableError)
    assert "cannot suspend in work() at <agent>:3" in str(job.error)
    assert world.log == []


def test_a_thread_that_fails_unjoined_fails_the_job_when_its_run_ends_at_the_latest() -> None:
    # No host call after the thread failed: the thread waits only once the
    # script sets a global, and the script then waits for a global that the
    # thread's end sets (threading.excepthook).
    source = (
        "import threading\n"
        "def work():\n"
        "    while not go:\n"
        "        pass\n"
        "    return wait(1) + 1\n"
        "go = done = False\n"
        "threading.Thread(target=work).start()\n"
        "go = True\n"
        "while not done:\n"
        "    pass\n"
        "finished = True\n"
    )
    world = gates.World(start_open=False)
    namespace: dict[str, Any] = {"__name__": "__main__"}

    def ended(args: Any) -> None:
        namespace["done"] = True

    # Should the thread not fail, the script still stops waiting.
    watchdog = threading.Timer(60, ended, args=(None,))
    previous, threading.excepthook = threading.excepthook, ended
    watchdog.start()
    try:
        job = statek_vm.run(source, world.bindings(), namespace=namespace)
    finally:
        threading.excepthook = previous
        watchdog.cancel()
    assert namespace.get("finished") is True, "the run went on to its end"
    assert job.status == "FAILED", job.status
    assert isinstance(job.error, NotResumableError)
    assert "cannot suspend in work() at <agent>:5" in str(job.error)


def test_a_thread_that_does_not_wait_works_as_natively() -> None:
    source = THREAD.replace("wait(n) + 1", "n + 1")
    job, world = _run(source, start_open=False)
    assert job.status == "COMPLETED", job.error
    assert world.log == [[2]]


def test_a_script_function_that_starts_a_low_level_thread_runs_there() -> None:
    # Its first frame is the script function's: no host frame called it.
    source = (
        "import _thread\n"
        "done = _thread.allocate_lock()\n"
        "done.acquire()\n"
        "out = []\n"
        "def work(n):\n"
        "    out.append(n * 2)\n"
        "    done.release()\n"
        "_thread.start_new_thread(work, (21,))\n"
        "done.acquire()\n"
        "effect(out)\n"
    )
    job, world = _run(source, start_open=True)
    assert job.status == "COMPLETED", job.error
    assert world.log == [[42]]


@pytest.mark.parametrize(
    "use",
    [
        "f = ex.submit(work, 1)\n    result = f.result()",
        "result = list(ex.map(work, [1, 2]))",
        "f = ex.submit(work, 1)\n    try:\n        result = f.result()\n    except Exception as e:\n        result = e",
        "f = ex.submit(work, 1)\n    concurrent.futures.wait([f])\n    result = f.exception()",
    ],
    ids=["submit", "map", "except Exception", "exception()"],
)
def test_a_wait_in_an_executor_fails_the_job_and_the_script_cannot_catch_it(use: str) -> None:
    source = (
        "import concurrent.futures\n"
        "def work(n):\n"
        "    return wait(n) * 10\n"
        "with concurrent.futures.ThreadPoolExecutor(max_workers=1) as ex:\n"
        f"    {use}\n"
        "effect(result)\n"
    )
    job, world = _run(source, start_open=False)
    assert job.status == "FAILED", (job.status, world.log)
    assert isinstance(job.error, NotResumableError), repr(job.error)
    message = str(job.error)
    assert "cannot suspend in work() at <agent>:3" in message, message
    assert "ran in the host thread 'ThreadPoolExecutor-" in message, message
    assert "The host callable is concurrent.futures.thread._WorkItem.run." in message, message
    assert world.log == []


def test_an_executor_that_does_not_wait_works_as_natively() -> None:
    source = (
        "import concurrent.futures\n"
        "def work(n):\n"
        "    return n * 10\n"
        "with concurrent.futures.ThreadPoolExecutor() as ex:\n"
        "    effect(list(ex.map(work, [1, 2])))\n"
        "    try:\n"
        "        ex.submit(int, 'x').result()\n"
        "    except ValueError as e:\n"
        "        effect(type(e).__name__)\n"
    )
    job, world = _run(source, start_open=False)
    assert job.status == "COMPLETED", job.error
    assert world.log == [[10, 20], "ValueError"]


def test_a_script_function_an_application_thread_calls_after_the_run_fails_only_there() -> None:
    job, _ = _run("def work():\n    return wait(1) + 1\n", start_open=False)
    assert job.status == "COMPLETED"
    errors: list[BaseException] = []
    with concurrent.futures.ThreadPoolExecutor(max_workers=1) as ex:
        errors.append(ex.submit(job.namespace["work"]).exception())  # type: ignore[arg-type]
    assert isinstance(errors[0], NotResumableError)
    assert job.status == "COMPLETED"


# -- generators closed before their end ---------------------------------------------

GENERATOR = """\
def rows():
    try:
        yield 1
        yield 2
    finally:
        effect('closing ' + wait('rows'))
"""


@pytest.mark.parametrize(
    ("leave", "line", "host"),
    [
        ("for r in rows():\n    break\n", 6, "generator.close(), run when the generator was dropped at <agent>:"),
        ("g = rows()\nnext(g)\ng = None\n", 6, "generator.close(), run when the generator was dropped at <agent>:"),
    ],
    ids=["break", "dropped"],
)
# (g.close() called by the script resumes: test_operations.py,
# test_a_generator_closed_by_the_script_resumes_where_its_cleanup_waits.)
def test_a_generator_whose_finally_waits_when_closed_early_fails_the_job(leave: str, line: int, host: str) -> None:
    unraisable: list[Any] = []
    previous, sys.unraisablehook = sys.unraisablehook, unraisable.append
    try:
        source = GENERATOR + leave + "effect('after')\n"
        native, native_world = _run(source, start_open=True)
        assert native.status == "COMPLETED", native.error
        assert native_world.log == ["closing rows", "after"]
        job, world = _run(source, start_open=False)
        gc.collect()
    finally:
        sys.unraisablehook = previous
    assert job.status == "FAILED", job.status
    assert isinstance(job.error, NotResumableError), repr(job.error)
    message = str(job.error)
    assert f"cannot suspend in rows() at <agent>:{line}" in message, message
    assert f"The host callable is {host}" in message, message
    assert world.log == [], "the finally did not run on, and nothing after it ran"
    assert unraisable == [], "the job reports it; nothing is ignored"


def test_other_errors_of_a_dropped_generator_are_reported_as_cpython_reports_them() -> None:
    source = (
        "def rows():\n"
        "    try:\n"
        "        yield 1\n"
        "    finally:\n"
        "        raise ValueError('in finally')\n"
        "for r in rows():\n"
        "    break\n"
        "effect('after')\n"
    )
    unraisable: list[Any] = []
    previous, sys.unraisablehook = sys.unraisablehook, unraisable.append
    try:
        job, world = _run(source, start_open=False)
    finally:
        sys.unraisablehook = previous
    assert job.status == "COMPLETED", job.error
    assert world.log == ["after"]
    assert [type(u.exc_value) for u in unraisable] == [ValueError]
    assert type(unraisable[0]).__name__ == "UnraisableHookArgs"


def test_a_dropped_generator_whose_finally_waits_fails_the_job_with_retry_host_calls_too() -> None:
    # Re-running a host call as a whole does not apply: CPython closed the
    # generator, no call of the script's.
    source = GENERATOR + "for r in rows():\n    break\neffect('after')\n"
    world = gates.World(start_open=False)
    job = statek_vm.run(source, world.bindings(), retry_host_calls=True)
    assert job.status == "FAILED", job.status
    assert isinstance(job.error, NotResumableError), repr(job.error)
    assert "cannot suspend in rows() at <agent>:6" in str(job.error)
    assert world.log == []


def test_host_code_that_an_instruction_calls_natively_is_named_with_the_instruction() -> None:
    # The >= of a functools.total_ordering class is functools' own code,
    # which calls the script's __lt__.
    source = (
        "import functools\n"
        "@functools.total_ordering\n"
        "class Vendor:\n"
        "    def __init__(self, score):\n"
        "        self.score = score\n"
        "    def __eq__(self, other):\n"
        "        return self.score == other.score\n"
        "    def __lt__(self, other):\n"
        "        return wait(self.score) < other.score\n"
        "effect(Vendor(1) >= Vendor(2))\n"
    )
    _fails_loudly_or_resumes(
        source,
        "Vendor.__lt__",
        9,
        "functools._ge_from_lt, through a comparison (the COMPARE_OP instruction at <agent>:10)",
    )


def test_a_wait_in_a_code_object_exec_runs_natively_names_it_and_exec() -> None:
    # exec() and eval() run a module body's code object (as compile() makes
    # them) on the VM; any other code object, a function's, natively.
    source = "def check():\n    return wait(1) + 1\nexec(check.__code__, {'wait': wait})\neffect('after')\n"
    message = _fails_loudly(source, "check", 2, "exec")
    assert "inside exec() at <agent>:3" in message, message


# -- iteration that instructions and builtins run on the VM ----------------------


@pytest.mark.parametrize(
    "statement",
    ["x, = t", "x, *rest = t", "x = [*t]", "x = {*t}", "x = print(*t)", "x = list(t)", "items = []\nitems.extend(t)"],
    ids=["unpacking", "starred unpacking", "*unpacking", "set display", "call", "list()", "list.extend"],
)
def test_a_wait_in_a_script_iter_that_an_instruction_or_builtin_iterates_resumes_exactly(statement: str) -> None:
    source = TICKET + f"t = Ticket(1)\n{statement}\neffect('after')\n"
    world, suspensions = _resumes(source)
    assert world.log == ["after"]
    assert suspensions == len(world.gates) == 1


def test_a_wait_in_the_callable_of_a_held_callable_iterator_resumes() -> None:
    # iter(callable, sentinel) of a script callable is stepped on the VM,
    # also by next() on the iterator the script holds (once a limitation:
    # tests/vm/test_operations.py has the rest of its behaviour).
    source = (
        "def read():\n"
        "    return wait(1) + 1\n"
        "it = iter(read, None)\n"
        "first = next(it)\n"
        "effect(first)\n"
    )
    world, suspensions = _resumes(source)
    assert world.log == [2]
    assert suspensions == len(world.gates) == 1


def test_a_future_an_enums_generate_next_value_returns_is_named_where_enum_uses_it() -> None:
    # The value _generate_next_value_ returns is used by enum's own code as
    # the class is made (a host call): the message names that code, not
    # the future's complement that enum asked for the value.
    source = (
        "import enum\n"
        "class Auto(enum.Enum):\n"
        "    def _generate_next_value_(name, start, count, last_values):\n"
        "        return wait(name.lower())\n"
        "    A = enum.auto()\n"
        "effect(Auto.A.value)\n"
    )
    _, native_world = _run(source, start_open=True)
    assert native_world.log == ["a"]
    job, world = _run(source, start_open=False)
    assert job.status == "FAILED" and isinstance(job.error, NotResumableError), repr(job.error)
    message = str(job.error)
    assert "cannot suspend in _proto_member.__set_name__() at " in message, message
    assert "enum.py:" in message and "gates.py" not in message, message
    assert world.log == []
