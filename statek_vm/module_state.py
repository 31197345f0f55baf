"""Module state that belongs to a job, not to the process that runs it.

Three standard modules keep state that scripts rely on without naming it:
``random``'s module-level functions share one hidden generator,
``decimal``'s arithmetic follows the current context, and ``logging``'s
configuration is its root logger's.  In a worker each would
be shared by every job it runs, and none would be in a job's snapshot: a
script that seeds ``random`` and waits draws different numbers after the
resume, a precision set before a wait is lost, and so is a logger's level.

So each job has its own:

* **random** — ``import random`` in a script gives the job a copy of the
  module whose functions (``random``, ``randint``, ``choice``, ``shuffle``,
  ``seed``, ``getstate``...) are those of the job's own ``random.Random``,
  seeded from the system's entropy as the module's own generator is.  The copy
  travels in the job's snapshot with its generator's state.  Everything else in
  it (``Random``, ``SystemRandom``...) is the module's.
* **decimal** — a job runs in a ``contextvars.Context`` of its own (all
  context variables are per job), and its current decimal context travels in
  the snapshot (``Job.dumps``).
* **logging** — ``import logging`` in a script gives the job a copy of the
  module with a root logger and a ``Manager`` (its named loggers) of its
  own, made of logging's classes: ``basicConfig``, ``getLogger`` and the
  module-level ``info``/``warning``... work on them, and they travel in the
  snapshot with their levels, handlers and formatters.  A script that
  configures logging changes nothing of the worker's logging nor of another
  job's; host code's loggers stay the process's.

The rest of the process's module state stays the host's (``os.environ``,
``sys`` settings, other modules' globals).
"""

from __future__ import annotations

import importlib
import sys
import types
from collections.abc import Callable
from typing import Any


def _random_module(generator: Any = None) -> types.ModuleType:
    """A copy of ``random`` whose module-level functions use ``generator`` (a new one by default)."""
    import random

    if generator is None:
        generator = random.Random()
    copy = types.ModuleType(random.__name__, random.__doc__)
    copy.__dict__.update(random.__dict__)
    shared = random._inst
    for name, value in random.__dict__.items():
        # Python methods and C ones (random(), getrandbits()) alike.
        if getattr(value, "__self__", None) is shared:
            setattr(copy, name, getattr(generator, name))
    copy._inst = generator  # type: ignore[attr-defined]
    return copy


# logging's module-level functions that work on its root logger: a job's
# copy has them with its own root (the same code, the copy's globals).
_LOGGING_ROOT_FUNCTIONS = (
    "basicConfig",
    "critical",
    "fatal",
    "error",
    "exception",
    "warning",
    "warn",
    "info",
    "debug",
    "log",
    "disable",
)


def _job_get_logger(name: Any = None) -> Any:
    # logging.getLogger() in a job's copy of logging (compiled in its globals: ``root`` is the job's).
    if not name or (isinstance(name, str) and name == root.name):  # type: ignore[name-defined]  # noqa: F821
        return root  # type: ignore[name-defined]  # noqa: F821
    return root.manager.getLogger(name)  # type: ignore[name-defined]  # noqa: F821


def _logging_module(root: Any = None, submodules: Any = ()) -> types.ModuleType:
    """A copy of ``logging`` whose root logger, loggers and configuration are the job's (new ones by default).

    ``logging.basicConfig()``, ``getLogger()`` and the module-level ``info()``,
    ``warning()``... of the copy work on the job's own root logger and its
    own ``Manager`` (its named loggers), made of logging's own classes: they
    travel in the job's snapshots with their levels, handlers and
    formatters, and a script that configures logging changes nothing of the
    worker's, nor of another job's.  Host code's loggers stay the process's.
    """
    import logging

    if root is None:
        root = logging.RootLogger(logging.WARNING)
        root.manager = logging.Manager(root)
    copy = types.ModuleType(logging.__name__, logging.__doc__)
    g = copy.__dict__
    g.update(logging.__dict__)
    g["root"] = root
    g[_COPY_MARK] = copy
    for name in (*_LOGGING_ROOT_FUNCTIONS, "getLogger"):
        native = _job_get_logger if name == "getLogger" else getattr(logging, name)
        fn = types.FunctionType(native.__code__, g, name, native.__defaults__, native.__closure__)
        fn.__kwdefaults__ = native.__kwdefaults__
        fn.__qualname__ = name
        fn.__doc__ = getattr(logging, name).__doc__
        fn.__module__ = logging.__name__
        g[name] = fn
    for sub in submodules:
        g[sub] = importlib.import_module(f"logging.{sub}")
    return copy


# A job's copy of a module holds itself under this name (its functions'
# globals lead to it: snapshots take them as attributes of the copy).
_COPY_MARK = "__statek_job_copy__"

# The modules of which each job has its own copy, by name.
_COPIES: dict[str, Callable[[], types.ModuleType]] = {"random": _random_module, "logging": _logging_module}


def job_module(name: str, modules: dict[str, types.ModuleType]) -> types.ModuleType | None:
    """The job's own copy of module ``name`` (made on first use, kept in ``modules``), or ``None``."""
    make = _COPIES.get(name)
    if make is None:
        return None
    module = modules.get(name)
    if module is None:
        module = modules[name] = make()
    return module


def is_job_copy(module: types.ModuleType) -> bool:
    """Whether ``module`` is a job's own copy of a module (made by :func:`job_module`)."""
    name = module.__dict__.get("__name__")
    if name not in _COPIES or sys.modules.get(name) is module:
        return False
    if name == "random":
        return module.__dict__.get("_inst") is not None
    return module.__dict__.get(_COPY_MARK) is module


_MODULE_DICT: Any = vars(types.ModuleType)["__dict__"]  # (a module's own dict, whatever its class says)


class ScriptModule(types.ModuleType):
    """A job's script as a module: ``sys.modules["__main__"]`` while the job runs.

    Natively the script is the ``__main__`` module, and library code finds
    its names there: ``dataclasses`` resolves a string ``ClassVar`` or
    ``InitVar`` annotation (``from __future__ import annotations``) in
    ``sys.modules[cls.__module__].__dict__``, ``typing.get_type_hints``
    does the same, ``pickle`` finds a class by ``getattr`` on its module.
    Its ``__dict__`` is the job's namespace (the process's ``__main__``
    is put back between the job's runs); a name the script does not have,
    and the module's own attributes (``__file__``, ``__spec__``), are the
    process's ``__main__``'s (``host``): host code called by the job still
    finds its own (``pickle`` of a class the application's main module
    defines, ``multiprocessing`` starting a child).
    """

    def __init__(self, namespace: dict[str, Any], host: Any = None) -> None:
        super().__init__(namespace.get("__name__", "__main__"))
        own = _MODULE_DICT.__get__(self)
        for name in ("__spec__", "__loader__", "__package__"):  # (the process's main module's: __getattr__)
            del own[name]
        self._namespace = namespace
        self._host = host
        self._thread = 0  # (the thread whose run put it in sys.modules)

    @property
    def __dict__(self) -> dict[str, Any]:  # type: ignore[override]
        return self._namespace

    def __getattr__(self, name: str) -> Any:
        if not name.startswith("__"):
            try:
                return self._namespace[name]
            except KeyError:
                pass
        # (and a module's own dunders, ``__file__`` among them: the process's,
        # which ``multiprocessing`` reads to start a child as its main)
        host = self._host
        if host is not None:
            try:
                return getattr(host, name)
            except AttributeError:
                pass
        raise AttributeError(f"module {self.__name__!r} has no attribute {name!r}")

    def __reduce__(self) -> Any:
        return (ScriptModule, (self._namespace,))  # (the loading process's main module: set as the job runs)


def reduce_module(module: types.ModuleType) -> Any:
    """A job's copy of a module for a snapshot: made again around its state (a generator, a root logger), by value."""
    if not is_job_copy(module):
        return NotImplemented
    if module.__name__ == "logging":
        # With the submodules the script imported (``import logging.handlers``).
        subs = sorted(
            name
            for name, value in module.__dict__.items()
            if isinstance(value, types.ModuleType) and value.__name__ == f"logging.{name}"
        )
        return (_logging_module, (module.root, subs))
    return (_random_module, (module._inst,))


def job_copy_function(func: types.FunctionType) -> Any:
    """A function of a job's copy of a module (``logging.info``), as an attribute of the copy; else None."""
    copy = func.__globals__.get(_COPY_MARK)
    if copy is None or copy.__dict__.get(func.__name__) is not func:
        return None
    return (getattr, (copy, func.__name__))


def reduce_job_logger(logger: Any) -> Any:
    """A logger (or the manager, or the root) of a job's copy of logging: by value; the host's: by name."""
    import logging

    if logger.manager is logging.Logger.manager:
        return NotImplemented  # (logging's own reduction: getLogger(name) on load)
    return (_newobj, (type(logger),), dict(logger.__dict__))


def reduce_job_manager(manager: Any) -> Any:
    """A job's logging ``Manager``: by value (logging's own is never in a snapshot)."""
    import logging

    if manager is logging.Logger.manager:
        return NotImplemented
    return (_newobj, (type(manager),), dict(manager.__dict__))


def _newobj(cls: type) -> Any:
    return cls.__new__(cls)  # type: ignore[call-overload]


def decimal_context(context: Any) -> Any:
    """The current decimal context in ``context`` (a ``contextvars.Context``), if the job made one."""
    for var, value in context.items():
        if var.name == "decimal_context":
            return value
    return None


def set_decimal_context(context: Any, decimal_context: Any) -> None:
    """Make ``decimal_context`` current in ``context`` (a ``contextvars.Context``)."""
    import decimal

    context.run(decimal.setcontext, decimal_context)


class LocalContext:
    """``decimal.localcontext()`` called by script code: as decimal's C context manager, in plain data.

    Its ``__exit__`` is on the value stack for the whole ``with`` block, so a
    wait inside the block snapshots it: decimal's own (``decimal.ContextManager``)
    cannot be pickled.  As the C one, it makes the block's context a copy
    of ``ctx`` and restores, on exit, the context that was current when it
    was made (not ``ctx``: ``localcontext(Context(prec=10))`` leaves the
    precision as it found it).
    """

    __slots__ = ("local", "outer")

    def __init__(self, ctx: Any) -> None:
        import decimal

        self.local = ctx.copy()
        self.outer = decimal.getcontext()

    def __enter__(self) -> Any:
        import decimal

        decimal.setcontext(self.local)
        return self.local

    def __exit__(self, *exc: Any) -> None:
        import decimal

        decimal.setcontext(self.outer)

    def __reduce__(self) -> Any:
        return (_local_context_again, (self.local, self.outer))


def _local_context_again(local: Any, outer: Any) -> LocalContext:
    made = LocalContext.__new__(LocalContext)
    made.local, made.outer = local, outer
    return made


def localcontext(ctx: Any = None, **kwargs: Any) -> LocalContext:
    """``decimal.localcontext(ctx=None, **kwargs)`` for script code (checked by decimal's own)."""
    import decimal

    decimal.localcontext(ctx, **kwargs)  # (its argument checks and messages)
    manager = LocalContext(decimal.getcontext() if ctx is None else ctx)
    for name, value in kwargs.items():
        setattr(manager.local, name, value)
    return manager


# -- hashlib ----------------------------------------------------------------------

# hashlib's constructors, by the name a snapshot gives them.
HASH_MAKERS: dict[str, Any] = {}


def hash_makers() -> dict[str, Any]:
    """hashlib's constructors by name (its guaranteed algorithms, and ``new``)."""
    if not HASH_MAKERS:
        import hashlib

        HASH_MAKERS["new"] = hashlib.new
        for name in sorted(hashlib.algorithms_guaranteed):
            maker = getattr(hashlib, name, None)
            if maker is not None:
                HASH_MAKERS[name] = maker
    return HASH_MAKERS


class CarriedHash:
    """A hashlib object made by script code: the native one, and the bytes it was given.

    Native hash objects cannot be pickled, and no hash library can hand over
    its state; a wait between ``update()`` calls (a digest of pages fetched one
    by one) needs it.  So this one keeps what it hashed, and a snapshot makes
    the native object again from it (its size is the data's).  Its methods and
    attributes are the native object's.
    """

    __slots__ = ("_fed", "_hash", "_made_by")

    def __init__(self, maker: str, *args: Any, **kwargs: Any) -> None:
        self._hash = hash_makers()[maker](*args, **kwargs)
        self._made_by = (maker, args, kwargs)
        self._fed = bytearray()

    def update(self, data: Any, /) -> None:
        self._hash.update(data)
        self._fed += data

    def digest(self, *length: Any) -> bytes:
        return self._hash.digest(*length)  # type: ignore[no-any-return]

    def hexdigest(self, *length: Any) -> str:
        return self._hash.hexdigest(*length)  # type: ignore[no-any-return]

    def copy(self) -> CarriedHash:
        twin = CarriedHash.__new__(CarriedHash)
        twin._hash, twin._made_by, twin._fed = self._hash.copy(), self._made_by, bytearray(self._fed)
        return twin

    @property
    def name(self) -> str:
        return self._hash.name  # type: ignore[no-any-return]

    @property
    def digest_size(self) -> int:
        return self._hash.digest_size  # type: ignore[no-any-return]

    @property
    def block_size(self) -> int:
        return self._hash.block_size  # type: ignore[no-any-return]

    def __repr__(self) -> str:
        return repr(self._hash)

    def __reduce__(self) -> Any:
        return (_hash_again, (*self._made_by, bytes(self._fed)))


def _hash_again(maker: str, args: tuple[Any, ...], kwargs: dict[str, Any], fed: bytes) -> CarriedHash:
    made = CarriedHash(maker, *args, **kwargs)
    if fed:
        made.update(fed)
    return made


def hash_maker(maker: str) -> Any:
    """``hashlib.<maker>`` for script code: its objects travel in snapshots."""

    def make(*args: Any, **kwargs: Any) -> CarriedHash:
        return CarriedHash(maker, *args, **kwargs)

    make.__name__ = make.__qualname__ = getattr(hash_makers()[maker], "__name__", maker)
    return make
