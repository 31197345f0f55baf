"""The ``statek-vm`` command line: run scripts as durable jobs and steer them.

::

    statek-vm run SCRIPT [--input NAME=JSON]...
                                    submit a script and run it until it suspends or ends
    statek-vm worker [--until-idle] [--concurrency N] [--show-output]
                                    run the worker loop (resumes jobs whose futures are ready),
                                    a line for each job it ran
    statek-vm jobs [--status S]     list jobs
    statek-vm show ID               one job: status, where it waits, history, output
    statek-vm resume ID             check a job's condition now; resume it here if ready
    statek-vm cancel ID             cancel a job
    statek-vm notify KEY            check the jobs waiting on KEY now
    statek-vm dashboard [--port P]  serve a web page of the jobs on localhost (the dashboard extra)

The store is a SQLite file: ``--store PATH``, else ``$STATEK_VM_STORE``,
else ``statek_vm.db`` in the current directory; the commands that only look
at jobs or steer them refuse a store that does not exist.  ``--store`` and
``--traceback`` go before or after the command.  ``run``, ``jobs`` and
``show`` print JSON with ``--json``.  Errors are one line on stderr (exit
status 1; 2 for a usage error); ``--traceback`` shows Python's traceback too.
A reader that stops reading (``statek-vm jobs | head -1``) ends the command
quietly (exit status 141, as for ``SIGPIPE``).
"""

from __future__ import annotations

import argparse
import contextlib
import json
import keyword
import linecache
import os
import signal
import sqlite3
import sys
import time
import traceback
from collections.abc import Iterator, Sequence
from typing import Any

__all__ = ["main"]

_STATUS_ORDER = ("PENDING", "STARTED", "SUSPENDED", "READY", "COMPLETED", "FAILED", "TIMED_OUT", "CANCELLED")


def _global_options(*, suppress: bool) -> argparse.ArgumentParser:
    """The options every command takes, before or after the command's name.

    The main parser's give the defaults; a command's (``suppress=True``) have
    none, so they set a value only when given after the command (it wins
    over one given before) and never overwrite one given before it.
    """
    options = argparse.ArgumentParser(add_help=False)
    options.add_argument(
        "--store",
        metavar="PATH",
        default=argparse.SUPPRESS if suppress else None,
        help="the job store: a SQLite file (default: $STATEK_VM_STORE, else ./statek_vm.db)",
    )
    options.add_argument(
        "--traceback",
        action="store_true",
        default=argparse.SUPPRESS if suppress else False,
        help="show Python's traceback on errors",
    )
    return options


def _parser() -> argparse.ArgumentParser:
    common = _global_options(suppress=True)

    # A job's budgets (statek_vm.Limits): one over a budget stops between two
    # instructions, FAILED, and `resume ID` with a larger one goes on there.
    budgets = argparse.ArgumentParser(add_help=False)
    group = budgets.add_argument_group("job budgets")
    group.add_argument("--max-instructions", type=int, metavar="N", help="VM instructions a job may execute")
    group.add_argument("--max-seconds", type=float, metavar="S", help="seconds of script code a job may run")
    group.add_argument("--max-memory", type=float, metavar="MB", help="megabytes a job's objects may hold")
    group.add_argument("--max-output", type=float, metavar="MB", help="megabytes a job may print (stored: default 10)")
    # Untrusted scripts (statek_vm.Sandbox): what the sandbox refuses fails the job with SandboxViolation.
    group = budgets.add_argument_group("sandbox")
    group.add_argument(
        "--sandbox",
        action="store_true",
        help="run jobs in the capability sandbox: pure computation, the host bindings, safe standard-library modules",
    )
    group.add_argument(
        "--allow-import",
        action="append",
        default=[],
        metavar="MODULE",
        help="a module a sandboxed job may import besides the sandbox's defaults (repeatable; implies --sandbox)",
    )
    # The backstop (statek_vm.jobs.Backstop): each run in a child process with OS limits.
    group = budgets.add_argument_group("backstop: each run in a child process with OS limits")
    group.add_argument(
        "--backstop-memory", type=float, metavar="MB", help="megabytes the child's address space may grow by"
    )
    group.add_argument(
        "--backstop-seconds", type=float, metavar="S", help="seconds of CPU and wall-clock time a run may take"
    )
    group.add_argument("--backstop-grace", type=float, default=5.0, metavar="S", help="seconds before it is killed")

    parser = argparse.ArgumentParser(
        prog="statek-vm",
        description="Run agent scripts as durable jobs: they suspend where they need a pending future "
        "and resume exactly there, in any process.",
        parents=[_global_options(suppress=False)],
    )
    parser.add_argument("--version", action="version", version=f"statek-vm {_version()}")
    commands = parser.add_subparsers(dest="command", metavar="COMMAND", required=True)

    run = commands.add_parser(
        "run", parents=[common, budgets], help="submit a script and run it until it suspends or ends"
    )
    run.add_argument("script", help="the script file (it imports the modules beside it)")
    run.add_argument("--json", action="store_true", help="print the job as JSON")
    run.add_argument("--wait-timeout", type=float, metavar="SECONDS", help="how long each suspension may last")
    run.add_argument(
        "--input",
        action="append",
        default=[],
        type=_input,
        metavar="NAME=JSON",
        help="a global the script starts with, kept with the job (repeatable; a string keeps its JSON quotes: "
        "--input 'who=\"Ada\"')",
    )

    worker = commands.add_parser("worker", parents=[common, budgets], help="run the worker loop")
    worker.add_argument("--until-idle", action="store_true", help="exit once nothing is runnable or ready")
    worker.add_argument(
        "--run-for",
        type=float,
        metavar="S",
        help="exit after this long at the latest (the runs in progress stop where they are, and commit)",
    )
    worker.add_argument("--poll", type=float, default=1.0, metavar="S", help="seconds between sweeps (default 1)")
    worker.add_argument("--lease", type=float, default=30.0, metavar="S", help="seconds a claim lasts (default 30)")
    worker.add_argument("--check-timeout", type=float, default=1.0, metavar="S", help="bound of one condition check")
    worker.add_argument("--max-live", type=int, metavar="N", help="bound on started, not final jobs")
    worker.add_argument(
        "--concurrency",
        type=int,
        default=1,
        metavar="N",
        help="jobs in progress at once on one event loop: their awaits of host I/O overlap (default 1)",
    )
    worker.add_argument("--wait-timeout", type=float, metavar="S", help="default bound of one suspension")
    worker.add_argument(
        "--wake-poll",
        type=float,
        default=0.001,
        metavar="S",
        help="where the store has no doorbell: seconds between looks for other processes' notify while idle "
        "(default 0.001)",
    )
    worker.add_argument("--quiet", action="store_true", help="no live count, no line per run")
    worker.add_argument(
        "--show-output", action="store_true", help="after each run's line, what the job printed during the run"
    )

    jobs = commands.add_parser("jobs", parents=[common], help="list jobs")
    jobs.add_argument("--status", action="append", default=[], metavar="STATUS", help="only these statuses")
    jobs.add_argument("--limit", type=int, default=50, help="at most this many (newest first; default 50)")
    jobs.add_argument("--json", action="store_true", help="print JSON lines")

    show = commands.add_parser("show", parents=[common], help="one job in full")
    show.add_argument("id", help="a job id (a unique prefix will do)")
    show.add_argument("--json", action="store_true", help="print JSON")

    resume = commands.add_parser(
        "resume", parents=[common, budgets], help="check a job now and resume it here if ready"
    )
    resume.add_argument("id")
    resume.add_argument("--json", action="store_true", help="print JSON")

    cancel = commands.add_parser("cancel", parents=[common], help="cancel a job")
    cancel.add_argument("id")

    notify = commands.add_parser("notify", parents=[common], help="check the jobs waiting on a dependency key now")
    notify.add_argument("key")

    dashboard = commands.add_parser(
        "dashboard", parents=[common], help="serve a web page of the jobs (needs the dashboard extra)"
    )
    dashboard.add_argument("--host", default="127.0.0.1", help="the address to listen on (default: 127.0.0.1)")
    dashboard.add_argument("--port", type=int, default=8000, help="the port (default 8000; 0: a free one)")
    return parser


def _input(text: str) -> tuple[str, Any]:
    """``NAME=JSON`` of ``run --input``: the name and the decoded value."""
    name, equals, value = text.partition("=")
    if not equals:
        raise argparse.ArgumentTypeError(f"{text!r} is not NAME=JSON (for example: --input 'limit=10')")
    if not name.isidentifier() or keyword.iskeyword(name):
        raise argparse.ArgumentTypeError(f"{name!r} is not a Python name: the script sees each input as a global")
    try:
        return name, json.loads(value)
    except json.JSONDecodeError as error:
        raise argparse.ArgumentTypeError(
            f"the value of {name} is not JSON ({error.msg}: {value!r}); a string keeps its quotes: "
            f"--input '{name}=\"{value}\"'"
        ) from None


def _version() -> str:
    from statek_vm import __version__

    return __version__


def main(argv: Sequence[str] | None = None) -> int:
    """Run one command; returns the exit status."""
    parser = _parser()
    args = parser.parse_args(argv)
    try:
        status = _COMMANDS[args.command](args)
        sys.stdout.flush()  # (a reader that went away is found here, not at exit)
        return status
    except BrokenPipeError:
        # The reader of the output went away (`statek-vm jobs | head -1`):
        # end quietly, as a command that SIGPIPE ends does.
        _detach_stdout()
        return 128 + signal.SIGPIPE
    except KeyboardInterrupt:
        print("statek-vm: interrupted", file=sys.stderr)
        return 130
    except Exception as error:  # noqa: BLE001 - one clear line for any failure, the traceback on request
        if args.traceback:
            traceback.print_exc()
        message = str(error) if not isinstance(error, (OSError, ValueError)) or str(error) else repr(error)
        if isinstance(error, sqlite3.Error):
            message = f"the job store {_store_name(args)!r}: {message}"
        print(f"statek-vm: error: {message}", file=sys.stderr)
        return 1


def _detach_stdout() -> None:
    """Point stdout at the null device: what is left in its buffer is dropped at exit without an error."""
    null = os.open(os.devnull, os.O_WRONLY)
    os.dup2(null, sys.stdout.fileno())
    os.close(null)


def _store_name(args: argparse.Namespace) -> str:
    """The store a command uses, as it was given (for error messages)."""
    from statek_vm.jobs.store import DEFAULT_STORE, STORE_ENV

    return str(args.store or os.environ.get(STORE_ENV) or DEFAULT_STORE)


# -- commands -------------------------------------------------------------------------


def _runner(args: argparse.Namespace, *, create: bool = True, **options: Any) -> Any:
    """A runner over the store of the command line (``create=False``: it must exist)."""
    from statek_vm.jobs import Runner, open_store

    return Runner(open_store(args.store, create=create), **options)


def _limits(args: argparse.Namespace) -> Any:
    """The budgets given on the command line, or None."""
    from statek_vm.limits import Limits

    megabytes = {"memory": args.max_memory, "output": args.max_output}
    given = {
        "instructions": args.max_instructions,
        "seconds": args.max_seconds,
        **{name: None if value is None else int(value * 2**20) for name, value in megabytes.items()},
    }
    given = {name: value for name, value in given.items() if value is not None}
    return Limits(**given) if given else None


def _sandbox(args: argparse.Namespace) -> Any:
    """The sandbox given on the command line, or None."""
    if not (args.sandbox or args.allow_import):
        return None
    from statek_vm.sandbox import DEFAULT_IMPORTS, Sandbox

    return Sandbox(imports=DEFAULT_IMPORTS | set(args.allow_import))


def _backstop(args: argparse.Namespace) -> Any:
    """The backstop given on the command line, or None."""
    if args.backstop_memory is None and args.backstop_seconds is None:
        return None
    from statek_vm.jobs import Backstop

    memory = None if args.backstop_memory is None else int(args.backstop_memory * 2**20)
    return Backstop(memory=memory, seconds=args.backstop_seconds, grace=args.backstop_grace)


def _cmd_run(args: argparse.Namespace) -> int:
    if not os.path.isfile(args.script):
        raise FileNotFoundError(f"no script file {args.script!r}")
    runner = _runner(args, sandbox=_sandbox(args), backstop=_backstop(args))
    job_id = runner.submit_file(
        args.script, wait_timeout=args.wait_timeout, limits=_limits(args), inputs=dict(args.input) or None
    )
    with _stopping(runner):
        record = runner.run_job(job_id)
    if args.json:
        print(json.dumps(_view(runner, record), indent=2))
    else:
        sys.stdout.write(record.output)
        print(_headline(runner, record))
        if record.error:
            print(record.error, file=sys.stderr)
    return 1 if record.status == "FAILED" else 0


@contextlib.contextmanager
def _stopping(runner: Any) -> Iterator[None]:
    """SIGTERM and SIGINT stop the runs in progress at their next checkpoint; they commit, and the command ends.

    SIGTERM (a service manager stopping the worker) and SIGINT (Ctrl-C):
    no job is claimed any more, and the jobs running stop between two
    instructions and commit where they stopped, ready for any worker to go
    on, instead of leaving their jobs to a lease.  A second SIGINT
    interrupts at once.  Installed whatever this process inherited (a shell
    that started it in the background may have it ignore SIGINT).
    """
    interrupts = [0]

    def interrupt(signum: int, frame: Any) -> None:
        interrupts[0] += 1
        if signum == signal.SIGINT and interrupts[0] > 1:
            raise KeyboardInterrupt
        runner.stop()

    previous = signal.signal(signal.SIGTERM, interrupt)
    previous_int = signal.signal(signal.SIGINT, interrupt)
    try:
        yield
    finally:
        signal.signal(signal.SIGTERM, previous)
        signal.signal(signal.SIGINT, previous_int)


def _cmd_worker(args: argparse.Namespace) -> int:
    runner = _runner(
        args,
        limits=_limits(args),
        sandbox=_sandbox(args),
        backstop=_backstop(args),
        poll_interval=args.poll,
        lease=args.lease,
        check_timeout=args.check_timeout,
        max_live=args.max_live,
        wait_timeout=args.wait_timeout,
        concurrency=args.concurrency,
    )
    live = sys.stderr.isatty()
    last: list[str] = [""]

    def tick(counts: dict[Any, int]) -> None:
        text = "  ".join(f"{s} {counts[s]}" for s in counts if counts[s] or s in ("SUSPENDED", "READY"))
        line = f"statek-vm worker {runner.worker_id}: {text or 'no jobs'}"
        if live:
            sys.stderr.write("\r" + line.ljust(len(last[0])))
            sys.stderr.flush()
        elif line != last[0]:
            print(line, file=sys.stderr, flush=True)
        last[0] = line

    def ran(claimed: Any) -> None:
        if live and last[0]:
            sys.stderr.write("\r" + " " * len(last[0]) + "\r")  # the live count is drawn again below the log
            last[0] = ""
        record = runner.store.get(claimed.id)
        print(f"statek-vm worker: {_run_line(record)}", file=sys.stderr, flush=True)
        if args.show_output:
            before = claimed.output
            printed = record.output[len(before) :] if record.output.startswith(before) else record.output
            sys.stdout.write(printed)
            sys.stdout.flush()

    try:
        with _stopping(runner):
            stats = runner.work(
                until_idle=args.until_idle,
                max_seconds=args.run_for,
                on_tick=None if args.quiet else tick,
                wake_poll=args.wake_poll,
                on_run=None if args.quiet else ran,
            )
    finally:
        runner.close()
    if not args.quiet:
        if live:
            sys.stderr.write("\n")
        tick(runner.store.counts())
        print(
            f"statek-vm worker: {stats.runs} runs ({stats.completed} completed, {stats.suspended} suspended, "
            f"{stats.failed} failed), {stats.checked} condition checks, {stats.ready} ready",
            file=sys.stderr,
        )
    return 0


def _cmd_jobs(args: argparse.Namespace) -> int:
    from statek_vm.jobs import Status, open_store

    store = open_store(args.store, create=False)
    for status in args.status:
        if status.upper() not in Status.__members__:
            raise ValueError(f"unknown status {status!r}: choose from {', '.join(_STATUS_ORDER)}")
    records = store.jobs(statuses=[s.upper() for s in args.status], limit=args.limit)
    if args.json:
        for record in records:
            print(json.dumps(record.summary()))
        return 0
    if not records:
        print("no jobs")
        return 0
    print(f"{'ID':<12}  {'STATUS':<9}  {'PY':<4}  {'WHERE':<32}  AWAITED / ERROR")
    for record in records:
        where = _where(record) or os.path.basename(record.filename)
        detail = record.awaited_summary if record.status == "SUSPENDED" else _first_line(record.error)
        print(f"{record.id[:12]:<12}  {record.status.value:<9}  {record.python:<4}  {where[-32:]:<32}  {detail[:60]}")
    return 0


def _cmd_show(args: argparse.Namespace) -> int:
    from statek_vm.jobs import open_store

    store = open_store(args.store, create=False)
    record = store.get(args.id)
    view = _view_store(store, record)
    view["history"] = store.events(record.id)
    if args.json:
        print(json.dumps(view, indent=2))
        return 0
    print(f"job       {record.id}")
    print(f"status    {record.status.value}   (CPython {record.python}, attempts {record.attempts})")
    print(f"script    {record.filename}")
    if record.inputs:
        print(f"inputs    {', '.join(f'{name}={json.dumps(value)}' for name, value in record.inputs.items())}")
    if record.status == "SUSPENDED":
        print(f"waits at  {_where(record)}, instruction {record.next_instr_num}, in {record.function}()")
        if view.get("source_line"):
            print(f"          {record.line} | {view['source_line']}")
        print(f"awaiting  {record.awaited_summary}")
        if record.keys:
            print(f"keys      {', '.join(record.keys)}")
        if record.deadline:
            print(f"deadline  {time.strftime('%Y-%m-%d %H:%M:%S', time.localtime(record.deadline))}")
    if record.condition_error:
        print(f"condition {record.condition_error}")
    if record.error:
        print("error     " + record.error.replace("\n", "\n          "))
    if record.result_repr is not None:
        kept = "   (its repr: the value could not be pickled)" if record.result_data is None else ""
        print("result    " + record.result_repr.replace("\n", "\n          ") + kept)
    print("history")
    for event in view["history"]:
        at = time.strftime("%H:%M:%S", time.localtime(event.get("at", 0)))
        rest = ", ".join(f"{k}={v}" for k, v in event.items() if k not in ("event", "at"))
        print(f"  {at}  {event.get('event')}  {rest}".rstrip())
    print("output")
    for line in record.output.splitlines() or ["(none)"]:
        print(f"  {line}")
    return 0


def _cmd_resume(args: argparse.Namespace) -> int:
    runner = _runner(args, create=False, sandbox=_sandbox(args), backstop=_backstop(args))
    with _stopping(runner):
        record = runner.resume(args.id, limits=_limits(args))
    if args.json:
        print(json.dumps(_view(runner, record), indent=2))
    else:
        print(_headline(runner, record))
    return 1 if record.status == "FAILED" else 0


def _cmd_cancel(args: argparse.Namespace) -> int:
    from statek_vm.jobs import open_store

    store = open_store(args.store, create=False)
    record = store.get(args.id)
    if record.status in ("COMPLETED", "FAILED", "TIMED_OUT", "CANCELLED"):
        print(f"job {record.id[:12]} is {record.status.value} already: nothing to cancel")
        return 0
    status = store.cancel(record.id, now=time.time())
    if status == "STARTED":
        print(f"job {record.id[:12]} is running: its worker stops it within a second (CANCELLED)")
    elif status == "CANCELLED":
        print(f"job {record.id[:12]} CANCELLED")
    else:
        print(f"job {record.id[:12]} is {status.value} already: nothing to cancel")
    return 0


def _cmd_notify(args: argparse.Namespace) -> int:
    from statek_vm.jobs import open_store

    count = open_store(args.store, create=False).wake(key=args.key)
    print(f"{count} job{'s' if count != 1 else ''} waiting on {args.key!r} will be checked now")
    return 0


def _cmd_dashboard(args: argparse.Namespace) -> int:
    from statek_vm.dashboard import serve
    from statek_vm.jobs import open_store

    # (a store that does not exist is refused, as by the other commands that only read)
    serve(
        open_store(args.store, create=False),
        host=args.host,
        port=args.port,
        announce=lambda line: print(line, flush=True),
    )
    return 0


_COMMANDS = {
    "run": _cmd_run,
    "worker": _cmd_worker,
    "jobs": _cmd_jobs,
    "show": _cmd_show,
    "resume": _cmd_resume,
    "cancel": _cmd_cancel,
    "notify": _cmd_notify,
    "dashboard": _cmd_dashboard,
}


# -- views --------------------------------------------------------------------------


def _where(record: Any) -> str:
    if record.line is None or record.status != "SUSPENDED":
        return ""
    return f"{record.filename}:{record.line}"


def _first_line(text: str | None) -> str:
    if not text:
        return ""
    lines = [line for line in text.strip().splitlines() if line.strip()]
    return lines[-1] if lines else ""


def _view(runner: Any, record: Any) -> dict[str, Any]:
    return _view_store(runner.store, record)


def _view_store(store: Any, record: Any) -> dict[str, Any]:
    view: dict[str, Any] = record.summary()
    view["source_line"] = None
    if record.status == "SUSPENDED" and record.line is not None:
        try:
            source, _ = store.program(record.program_hash)
            lines = source.splitlines()
            if 0 < record.line <= len(lines):
                view["source_line"] = lines[record.line - 1].strip()
        except Exception:  # noqa: BLE001 - the source line is a courtesy
            view["source_line"] = linecache.getline(record.filename, record.line).strip() or None
    return view


def _run_line(record: Any) -> str:
    """One line on a job a worker ran: its id and status, and where it waits or why it ended."""
    line = f"job {record.id[:12]} {record.status.value}"
    if record.status == "SUSPENDED":
        return f"{line} at {_where(record)} for {record.awaited_summary}"
    if record.status in ("FAILED", "TIMED_OUT", "CANCELLED") and record.error:
        return f"{line}: {_first_line(record.error)}"
    return line


def _headline(runner: Any, record: Any) -> str:
    head = f"job {record.id} {record.status.value}"
    if record.status == "SUSPENDED":
        view = _view(runner, record)
        line = f"\n  waits at {_where(record)} (instruction {record.next_instr_num}, in {record.function}())"
        if view["source_line"]:
            line += f"\n    {record.line} | {view['source_line']}"
        line += f"\n  for {record.awaited_summary}"
        if record.keys:
            line += f"\n  notify key: {', '.join(record.keys)}"
        return head + line
    if record.status in ("FAILED", "TIMED_OUT", "CANCELLED") and record.error:
        return f"{head}: {_first_line(record.error)}"
    return head


if __name__ == "__main__":
    raise SystemExit(main())
