"""A capability sandbox for untrusted scripts.

``run(source, globals, sandbox=Sandbox())``: the script may compute, call the
host bindings it is given (and use what they expose through their public
attributes), and import a safe set of standard-library modules; everything
else that leads out of the VM is refused with :class:`SandboxViolation`,
raised in the script where it asked, before anything happened.

The policy is enforced where the script's operations are carried out
(DESIGN.md, points 5 and 9): the VM runs a sandboxed job's own code with
instruction handlers that ask a :class:`Policy` first (attribute loads,
stores and deletes, ``from m import x``, class patterns), and the job's
builtins are the checked versions of the builtins that take a name or a
module (``getattr``, ``setattr``, ``delattr``, ``hasattr``, ``vars``,
``__import__``); those check what they are asked whoever calls them, the
script or host code it handed them to.  The VM's own code (its re-stated
builtins, the library code it runs) is trusted and is not checked.

What the policy refuses, and why:

- **modules** other than :attr:`Sandbox.imports` (and their submodules):
  by import, and as the value of any attribute (``json.codecs``,
  ``random._os``, ``re.enum.bltns``); the private names (``_x``) and
  ``__loader__``/``__spec__``/``__dict__``/``__builtins__`` of allowed
  modules; the names of ``asyncio`` that reach processes, threads, sockets
  and the host's loop policy (asyncio is allowed by a list of names).
- **introspection routes out**: frames (``gi_frame``, ``tb_frame``,
  ``f_back``...), code (``__code__``), function globals, builtins and
  closures, ``__subclasses__``, ``__self__`` and ``__func__`` (an allowed
  module's bound method leads to its module), ``__wrapped__``,
  ``__traceback__``, ``__reduce_ex__``; any value that is a frame, a
  traceback, code, a cell or one of the VM's own objects (its interpreter,
  its code units); the private names of host objects and of the VM's own
  objects (the script's own classes and objects keep theirs).
- **traversal by name**: ``getattr``/``setattr``/``vars`` and
  ``object.__getattribute__`` and ``__setattr__`` check the name they are
  given; ``str.format``/``format_map`` and ``string.Formatter`` check each
  field's attributes; ``operator.attrgetter``/``methodcaller`` check theirs.
- **code built or run outside the VM**: ``exec``, ``eval``, ``compile``,
  ``open``, ``input``, ``breakpoint``, ``help``, ``exit``.  The allowed
  modules' routes to native ``eval`` of a script's strings are closed:
  ``typing.get_type_hints`` and ``functools.singledispatch``'s ``register``
  read string annotations as names (never evaluated), a dataclass's field
  names must be identifiers (dataclasses writes them into code it
  compiles), ``typing.ForwardRef._evaluate`` is private.
- **changes to the host**: attribute stores and deletes on modules, host
  classes and host functions, and of private names of host objects.
"""

from __future__ import annotations

import ast
import builtins
import dataclasses
import functools
import operator
import string
import threading
import types
import typing
import weakref
from collections.abc import Iterable
from typing import Any

from statek_vm.exceptions import SandboxViolation

__all__ = ["DEFAULT_IMPORTS", "Policy", "Sandbox", "SandboxViolation"]

# -- what a sandbox allows ------------------------------------------------------------

DEFAULT_IMPORTS = frozenset(
    {
        # The list
        "asyncio",
        "collections",
        "dataclasses",
        "datetime",
        "decimal",
        "enum",
        "fractions",
        "functools",
        "itertools",
        "json",
        "math",
        "random",
        "re",
        "statistics",
        "string",
        "textwrap",
        "typing",
        "uuid",
        # pure computation agent scripts reach for
        "abc",
        "base64",
        "binascii",
        "bisect",
        "calendar",
        "cmath",
        "contextlib",
        "copy",
        "difflib",
        "graphlib",
        "hashlib",
        "heapq",
        "html",
        "keyword",
        "numbers",
        "operator",
        "pprint",
        "secrets",
        "shlex",
        "struct",
        "time",
        "unicodedata",
        "zlib",
        # the futures API of scripts written against the seeds
        "statek.future",
        "statek.exceptions",
        "statek_vm.future",
        "statek_vm.exceptions",
    }
)

# Allowed modules whose submodules are not allowed with them.
_NO_SUBMODULES = frozenset({"asyncio", "statek", "statek_vm"})

# Allowed modules that expose only these names.
_MODULE_ONLY: dict[str, frozenset[str]] = {
    "asyncio": frozenset(
        {
            "ALL_COMPLETED",
            "FIRST_COMPLETED",
            "FIRST_EXCEPTION",
            "Barrier",
            "BoundedSemaphore",
            "BrokenBarrierError",
            "CancelledError",
            "Condition",
            "Event",
            "Future",
            "InvalidStateError",
            "LifoQueue",
            "Lock",
            "PriorityQueue",
            "Queue",
            "QueueEmpty",
            "QueueFull",
            "QueueShutDown",
            "Semaphore",
            "Task",
            "TaskGroup",
            "Timeout",
            "TimeoutError",
            "all_tasks",
            "as_completed",
            "create_task",
            "current_task",
            "ensure_future",
            "gather",
            "get_event_loop",
            "get_running_loop",
            "iscoroutine",
            "iscoroutinefunction",
            "isfuture",
            "run",
            "shield",
            "sleep",
            "timeout",
            "timeout_at",
            "wait",
            "wait_for",
        }
    ),
}

# Names of allowed modules that reach the host (its working directory, its
# standard streams).
_MODULE_REFUSED: dict[str, frozenset[str]] = {
    "contextlib": frozenset({"chdir", "redirect_stdout", "redirect_stderr"}),
}

# What an event loop's methods may be used: the rest open sockets, run
# processes and threads, or change the host's signal handlers.
_LOOP_ONLY = frozenset(
    {
        "call_at",
        "call_later",
        "call_soon",
        "create_future",
        "create_task",
        "default_exception_handler",
        "get_debug",
        "get_exception_handler",
        "is_closed",
        "is_running",
        "time",
    }
)

# Names refused on every object.
REFUSED_NAMES = frozenset(
    {
        "__builtins__",
        "__closure__",
        "__code__",
        "__defaults__",
        "__func__",
        "__globals__",
        "__kwdefaults__",
        "__loader__",
        "__objclass__",
        "__reduce__",
        "__reduce_ex__",
        "__self__",
        "__spec__",
        "__subclasses__",
        "__traceback__",
        "__wrapped__",
        "__import__",
        "ag_code",
        "ag_frame",
        "cr_code",
        "cr_frame",
        "f_back",
        "f_builtins",
        "f_code",
        "f_globals",
        "f_locals",
        "gi_code",
        "gi_frame",
        "tb_frame",
        "tb_next",
    }
)

# Names that take an attribute name: what they load is checked (see _AttrCall).
_NAME_TAKING = frozenset({"__getattribute__", "__getattr__", "__setattr__", "__delattr__"})
# The names of bound methods that something stands for (_replacement).
HOOKED_NAMES = _NAME_TAKING | {"format", "format_map", "register"}

# Dunder names of modules that are plain data.
_MODULE_DUNDERS = frozenset({"__name__", "__doc__", "__all__", "__version__", "__file__", "__package__", "__path__"})

# Private names of host classes that are their public API.
_PRIVATE_API = frozenset(
    {
        # namedtuple
        "_asdict",
        "_field_defaults",
        "_fields",
        "_make",
        "_replace",
        # enum
        "_add_alias_",
        "_add_value_alias_",
        "_generate_next_value_",
        "_ignore_",
        "_member_map_",
        "_member_names_",
        "_missing_",
        "_name_",
        "_numeric_repr_",
        "_order_",
        "_value2member_map_",
        "_value_",
    }
)

# Builtins a sandboxed script cannot use, and builtins dict entries it does not get.
_REFUSED_BUILTINS = ("open", "exec", "eval", "compile", "input", "breakpoint", "help", "exit", "quit")
_DROPPED_BUILTINS = ("__loader__", "__spec__", "copyright", "credits", "license")

_HEAPTYPE = 1 << 9
_ModuleType = types.ModuleType


@dataclasses.dataclass(frozen=True)
class Sandbox:
    """A capability policy for an untrusted script: ``run(source, globals, sandbox=Sandbox())``.

    ``imports``: the modules the script may import (a name allows its
    submodules too: ``"collections"`` allows ``collections.abc``); by
    default :data:`DEFAULT_IMPORTS`, pure computation only.  Add to it with
    ``Sandbox(imports=DEFAULT_IMPORTS | {"csv"})``.  A module's private names
    and the modules it imported itself are refused whatever it is.
    """

    imports: frozenset[str] = DEFAULT_IMPORTS

    def __post_init__(self) -> None:
        imports: Any = self.imports
        if isinstance(imports, str) or not isinstance(imports, Iterable):
            raise TypeError(f"Sandbox(imports=...) must be a set of module names, not {type(imports).__name__}")
        names = frozenset(imports)
        for name in names:
            if not isinstance(name, str) or not all(part.isidentifier() for part in name.split(".")):
                raise ValueError(f"Sandbox(imports=...): {name!r} is not a module name")
        object.__setattr__(self, "imports", names)

    def as_dict(self) -> dict[str, Any]:
        """Plain data (for snapshots and stores); :meth:`from_dict` makes it again."""
        return {"imports": sorted(self.imports)}

    @classmethod
    def from_dict(cls, data: dict[str, Any]) -> Sandbox:
        return cls(imports=frozenset(data["imports"]))

    def __reduce__(self) -> tuple[Any, ...]:
        # As plain data: not the policy's caches.
        return (_sandbox_from_dict, (self.as_dict(),))

    @property
    def policy(self) -> Policy:
        """The policy this sandbox is enforced by (made once, shared by the jobs that use this sandbox)."""
        policy = self.__dict__.get("_policy")
        if policy is None:
            policy = Policy(self)
            object.__setattr__(self, "_policy", policy)
        return policy


def _sandbox_from_dict(data: dict[str, Any]) -> Sandbox:
    return Sandbox.from_dict(data)


def _policy_of(sandbox: Sandbox) -> Policy:
    return sandbox.policy


def checked(sandbox: Any, where: str) -> Sandbox | None:
    """``sandbox`` as given to ``run``/``Runner``/``resume``: None, ``True`` (the defaults) or a Sandbox."""
    if sandbox is None or sandbox is False:
        return None
    if sandbox is True:
        return Sandbox()
    if not isinstance(sandbox, Sandbox):
        raise TypeError(f"{where}: sandbox must be a statek_vm.Sandbox (or True), not {type(sandbox).__name__}")
    return sandbox


# -- the script's own classes ---------------------------------------------------------

# Classes made by a script's class statements (and remade from snapshots):
# their private names and their __dict__ are the script's own.
SCRIPT_CLASSES: weakref.WeakSet[type] = weakref.WeakSet()


def script_class_made(cls: Any) -> None:
    """Mark ``cls`` as a class a script's class statement made."""
    if isinstance(cls, type):
        SCRIPT_CLASSES.add(cls)


def _vm_types() -> tuple[frozenset[type], frozenset[type]]:
    # The VM's objects a script holds as its own values (its functions,
    # generators, futures), and the builtins dict of a job.
    from statek_vm.future import FUTURE_CLASSES
    from statek_vm.vm.objects import VMAsyncGenerator, VMCoroutine, VMFunction, VMGenerator

    values = frozenset({VMFunction, VMGenerator, VMCoroutine, VMAsyncGenerator, *FUTURE_CLASSES})
    return values, frozenset({VMFunction})


# -- the policy -------------------------------------------------------------------------

# Verdicts of a value's type (Policy._value_kinds).
PLAIN = 0
_MODULE = 1
_REFUSED = 2
_MAYBE_REPLACED = 3  # what may stand for a host callable (string.Formatter...), or by its name
NAMED = 4  # what stands for it is decided by its name only (bound methods)
UNKNOWN: Any = object()

# Verdicts of an owner's type for public names (Policy._owner_kinds): None
# (every public name) or the set of public names it exposes.

_CACHE_LIMIT = 4096


class Policy:
    """The decisions of one :class:`Sandbox`, cached per type, module and name.

    :meth:`check_load` before an attribute is loaded, :meth:`checked_value`
    on what was loaded, :meth:`check_store` before one is stored or deleted,
    :meth:`load` for both (the checked ``getattr``).
    """

    def __init__(self, sandbox: Sandbox) -> None:
        self.sandbox = sandbox
        self.imports = sandbox.imports
        self._modules: dict[str, bool] = {}
        self._owner_kinds: dict[type, frozenset[str] | None] = {}
        self._value_kinds: dict[type, int] = {}
        self._module_names: dict[tuple[str, str], str | None] = {}
        self._lock = threading.Lock()

    def __reduce__(self) -> tuple[Any, ...]:
        # (A frame of the VM's re-statements may hold it when its job waits.)
        return (_policy_of, (self.sandbox,))

    # -- modules ----------------------------------------------------------

    def module_allowed(self, name: str) -> bool:
        """Whether the script may have module ``name``."""
        known = self._modules.get(name)
        if known is not None:
            return known
        allowed = False
        for allowed_name in self.imports:
            if name == allowed_name or (
                name.startswith(allowed_name + ".") and allowed_name.split(".")[0] not in _NO_SUBMODULES
            ):
                allowed = True
                break
        self._remember(self._modules, name, allowed)
        return allowed

    def _is_container(self, name: str) -> bool:
        # A package the script may hold only to reach an allowed submodule (``import statek_vm.future``).
        prefix = name + "."
        return any(allowed.startswith(prefix) for allowed in self.imports)

    def _remember(self, cache: dict[Any, Any], key: Any, value: Any) -> None:
        with self._lock:
            if len(cache) >= _CACHE_LIMIT:
                cache.clear()
            cache[key] = value

    def check_import(self, name: Any, fromlist: Any, level: Any) -> None:
        if level:
            raise SandboxViolation(f"the relative import of {name!r}")
        if not isinstance(name, str):
            return  # __import__ itself says what is wrong
        if not (self.module_allowed(name) or (self._is_container(name) and fromlist)):
            raise SandboxViolation(f"the import of {name!r} (not among the sandbox's imports)")
        if fromlist and "*" in fromlist:
            raise SandboxViolation(f"'from {name} import *' (import the names you use)")

    def _module_name(self, module: Any, name: str) -> None:
        module_name = module.__dict__.get("__name__")
        if type(module_name) is not str:
            raise SandboxViolation(f"attribute {name!r} of a module with no name")
        key = (module_name, name)
        refused = self._module_names.get(key, "")
        if refused == "":
            refused = self._module_refusal(module_name, name)
            self._remember(self._module_names, key, refused)
        if refused is not None:
            raise SandboxViolation(refused)

    def _module_refusal(self, module_name: str, name: str) -> str | None:
        what = f"attribute {name!r} of module {module_name!r}"
        if not self.module_allowed(module_name):
            if self._is_container(module_name) and self.module_allowed(f"{module_name}.{name}"):
                return None
            if name in _MODULE_DUNDERS:
                return None
            return f"{what} (the module is not among the sandbox's imports)"
        if name.startswith("_") and name not in _MODULE_DUNDERS:
            return f"{what} (a private name)"
        top = module_name.split(".")[0]
        only = _MODULE_ONLY.get(top)
        if only is not None and name not in only:
            return f"{what} (not among the names of {top} a sandbox allows)"
        if name in _MODULE_REFUSED.get(module_name, ()):
            return f"{what} (it changes the host process)"
        return None

    # -- attributes -------------------------------------------------------

    def check_load(self, owner: Any, name: str, owners: dict[type, Any] | None = None) -> None:
        """Raise :class:`SandboxViolation` unless the script may load ``owner.name``.

        ``owners``: a run's own cache of what each type exposes (its script's
        classes among them; see :meth:`Interpreter.set_sandbox`).
        """
        if name[:1] != "_":
            if name in REFUSED_NAMES:
                raise SandboxViolation(f"attribute {name!r} of {_shown(owner)} (it leads to frames or code)")
            tp = type(owner)
            if tp is _ModuleType:
                self._module_name(owner, name)
                return
            exposed = self._owner_kinds.get(tp, UNKNOWN) if owners is None else owners.get(tp, UNKNOWN)
            if exposed is UNKNOWN:
                exposed = self._owner_kind(tp)
                if owners is not None:
                    owners[tp] = exposed
            if exposed is not None and name not in exposed:
                raise SandboxViolation(f"attribute {name!r} of {_shown(owner)} (not one a sandbox allows)")
            return
        self._check_private(owner, name)

    def allowed_for_type(self, owner: Any, name: str) -> bool:
        """Whether ``owner.name``, just allowed, is allowed on every object of ``owner``'s type (a run may cache it).

        A private or dunder name allowed by what the type and its classes
        define, not by this object's own dict, nor on a class, a module or a
        ``super()`` (whose answers depend on more than the type).
        """
        tp = type(owner)
        if tp is _ModuleType or name in REFUSED_NAMES:
            return False
        if name[:2] == "__" and name[-2:] == "__":
            return name != "__dict__"  # (any other dunder the policy allows, it allows on anything)
        if tp is super or isinstance(owner, type):
            return False
        if name in _PRIVATE_API:
            return True
        if not _script_owned(owner):
            return False
        for cls in tp.__mro__:
            if name in cls.__dict__:
                return cls in SCRIPT_CLASSES
        return True

    def _owner_kind(self, tp: type) -> frozenset[str] | None:
        exposed: frozenset[str] | None = None
        if tp in _REFUSED_VALUE_TYPES:
            exposed = frozenset()  # (never the script's to have: nothing of one is)
        elif issubclass(tp, _loop_types()):
            exposed = _LOOP_ONLY
        elif tp in _vm_values()[0]:
            exposed = None
        elif tp in _stand_ins():
            # The VM's stand-ins for standard-library objects (a hashlib
            # object that snapshots can carry): the public API they stand for.
            exposed = frozenset(n for n in tp.__dict__ if not n.startswith("_"))
        elif _is_vm_internal(tp):
            # The VM's own objects: only what their non-VM bases define (a job's builtins are a dict).
            exposed = frozenset(n for c in tp.__mro__ if not _is_vm_internal(c) for n in c.__dict__)
        if tp.__flags__ & _HEAPTYPE and tp in SCRIPT_CLASSES:
            return exposed  # not cached: a script's class goes with its job
        self._remember(self._owner_kinds, tp, exposed)
        return exposed

    def _check_private(self, owner: Any, name: str) -> None:
        if name in REFUSED_NAMES:
            raise SandboxViolation(f"attribute {name!r} of {_shown(owner)} (it leads out of the sandbox)")
        if type(owner) is _ModuleType:
            self._module_name(owner, name)
            return
        if name[:2] == "__" and name[-2:] == "__":
            if name == "__dict__" and not _script_owned(owner):
                raise SandboxViolation(f"attribute '__dict__' of {_shown(owner)} (not the script's own object)")
            return
        if name in _PRIVATE_API:
            return
        # A private name: the script's own (its objects' attributes, its
        # classes' methods), not a host object's nor the VM's.
        if not _defined_by_script(owner, name):
            raise SandboxViolation(f"private attribute {name!r} of {_shown(owner)} (not the script's own)")

    def checked_value(self, owner: Any, name: str, value: Any, values: dict[type, int] | None = None) -> Any:
        """``value``, loaded as ``owner.name``, if the script may have it (or what stands for it).

        ``values``: a run's own cache of each type's verdict (as ``owners`` of :meth:`check_load`).
        """
        tp = type(value)
        kind = self._value_kinds.get(tp) if values is None else values.get(tp)
        if kind is None:
            kind = self._value_kind(tp)
            if values is not None:
                values[tp] = kind
        if kind == PLAIN:
            return value
        if kind == NAMED:
            return _replacement(self, owner, name, value) if name in HOOKED_NAMES else value
        if kind == _MODULE:
            module_name = value.__dict__.get("__name__")
            if type(module_name) is str and (
                self.module_allowed(module_name) or (self._is_container(module_name) and type(owner) is _ModuleType)
            ):
                return value
            raise SandboxViolation(
                f"module {module_name!r} (as {_attribute(owner, name)}; not among the sandbox's imports)"
            )
        if kind == _REFUSED:
            raise SandboxViolation(f"{_attribute(owner, name)}, a {tp.__name__} (it leads out of the sandbox)")
        return _replacement(self, owner, name, value)

    def _value_kind(self, tp: type) -> int:
        if tp is _ModuleType:
            kind = _MODULE
        elif tp in _REFUSED_VALUE_TYPES or (
            _is_vm_internal(tp) and tp not in _vm_values()[0] and not issubclass(tp, _loop_types())
        ):
            kind = _REFUSED
        elif tp in _NAMED_TYPES:
            kind = NAMED
        elif tp in _MAYBE_REPLACED_TYPES:
            kind = _MAYBE_REPLACED
        else:
            kind = PLAIN
        if not (tp.__flags__ & _HEAPTYPE and tp in SCRIPT_CLASSES):
            self._remember(self._value_kinds, tp, kind)
        return kind

    def check_value(self, value: Any, what: str) -> Any:
        """A value reached otherwise than by an attribute (a class pattern's attribute, ``vars()``)."""
        return self.checked_value(None, what, value)

    def load(self, owner: Any, name: str) -> Any:
        """``getattr(owner, name)``, checked."""
        self.check_load(owner, name)
        return self.checked_value(owner, name, getattr(owner, name))

    def stores_for_type(self, owner: Any, name: str) -> bool:
        """Whether storing ``owner.name``, just allowed, is allowed again (a run may cache it).

        On every object of ``owner``'s type; on a script class (of
        metaclass ``type``), on that class.
        """
        tp = type(owner)
        if name in ("__class__", "__annotations__") or tp is _ModuleType:
            return False
        if isinstance(owner, type):
            return tp is type and owner in SCRIPT_CLASSES  # (the run's cache holds this class itself)
        return name[:1] != "_" or _script_owned(owner)

    def check_store(self, owner: Any, name: str, value: Any = None, deleting: bool = False) -> None:
        """Raise :class:`SandboxViolation` unless the script may set (or delete) ``owner.name``."""
        verb = "deleting" if deleting else "setting"
        if name in REFUSED_NAMES:
            raise SandboxViolation(f"{verb} attribute {name!r} of {_shown(owner)}")
        tp = type(owner)
        if tp is _ModuleType:
            raise SandboxViolation(f"{verb} attribute {name!r} of module {owner.__name__!r} (a host module)")
        if name == "__class__" and not deleting and not (isinstance(value, type) and value in SCRIPT_CLASSES):
            raise SandboxViolation(f"{verb} the class of {_shown(owner)} to a class the script did not make")
        if name == "__annotations__" and not deleting:
            check_annotations(value)
        if isinstance(owner, type):
            if owner not in SCRIPT_CLASSES:
                raise SandboxViolation(f"{verb} attribute {name!r} of host class {owner.__qualname__!r}")
            return
        if (_is_vm_internal(tp) and tp not in _vm_values()[1]) or tp in _REFUSED_VALUE_TYPES:
            raise SandboxViolation(f"{verb} attribute {name!r} of {_shown(owner)}")
        if tp in _HOST_CALLABLES:
            raise SandboxViolation(f"{verb} attribute {name!r} of host function {_shown(owner)}")
        if name[0] == "_" and not _script_owned(owner):
            raise SandboxViolation(f"{verb} private attribute {name!r} of {_shown(owner)} (not the script's own)")


def _attribute(owner: Any, name: str) -> str:
    return repr(name) if owner is None else f"attribute {name!r} of {_shown(owner)}"


def _shown(owner: Any) -> str:
    if type(owner) is _ModuleType:
        return f"module {owner.__dict__.get('__name__')!r}"
    if isinstance(owner, type):
        try:
            return f"class {owner.__qualname__!r}"
        except Exception:  # noqa: BLE001 - a metaclass may refuse
            return "a class"
    try:
        name = type(owner).__name__
    except Exception:  # noqa: BLE001
        name = "?"
    return f"a {name} object"


def _loop_types() -> tuple[type, ...]:
    import asyncio

    from statek_vm.vm.script_asyncio import ScriptLoop

    return (asyncio.AbstractEventLoop, ScriptLoop)


def _stand_ins() -> frozenset[type]:
    from statek_vm.module_state import CarriedHash

    return frozenset({CarriedHash})


def _is_vm_internal(tp: type) -> bool:
    module = tp.__dict__.get("__module__")
    if type(module) is not str:
        module = getattr(tp, "__module__", "")
    return (
        type(module) is str
        and module.split(".")[0] == "statek_vm"
        and not module.startswith(("statek_vm.future", "statek_vm.exceptions"))
    ) or tp in _vm_values()[0]


def _script_owned(owner: Any) -> bool:
    """The script's own object: an instance or a class its class statements made, or one of its functions."""
    tp = type(owner)
    if tp in _vm_values()[1]:
        return True
    if isinstance(owner, type):
        return owner in SCRIPT_CLASSES
    return bool(tp.__flags__ & _HEAPTYPE) and tp in SCRIPT_CLASSES


def _defined_by_script(owner: Any, name: str) -> bool:
    """Whether ``owner.name`` is the script's: in its own object's dict, or defined by one of its classes.

    A name found nowhere is the script's to look up on its own objects (an
    AttributeError, or its ``__getattr__``), not on a host object's.
    ``super()``: the classes after its class in its object's order.
    """
    if type(owner) is super:
        proxy: Any = owner
        target, this = proxy.__self__, proxy.__thisclass__
        if target is None:
            return False
        order: Any = target.__mro__ if isinstance(target, type) else type(target).__mro__
        after = list(order)[list(order).index(this) + 1 :] if this in order else list(order)
        for cls in after:
            if name in cls.__dict__:
                return cls in SCRIPT_CLASSES
        return _script_owned(target)
    if _script_owned(owner) and not isinstance(owner, type):
        try:
            d = object.__getattribute__(owner, "__dict__")
        except AttributeError:
            d = None
        if isinstance(d, dict) and name in d:
            return True
    # A class: its own classes, then its metaclass's; anything else: its class's.
    kind: Any = type(owner)
    classes = [*owner.__mro__, *kind.__mro__] if isinstance(owner, type) else list(kind.__mro__)
    for cls in classes:
        if name in cls.__dict__:
            return cls in SCRIPT_CLASSES
    return _script_owned(owner)


_REFUSED_VALUE_TYPES = frozenset(
    {
        types.FrameType,
        types.TracebackType,
        types.CodeType,
        types.CellType,
        type(builtins.__dict__["__build_class__"]).__mro__[0],
    }
    - {types.BuiltinFunctionType}
)
_HOST_CALLABLES = frozenset({types.FunctionType, types.BuiltinFunctionType, types.MethodType, functools.partial})
_MAYBE_REPLACED_TYPES = frozenset({types.FunctionType, type, types.MethodDescriptorType, types.WrapperDescriptorType})
# Bound methods: never one of the replaced objects, only replaced by their name.
_NAMED_TYPES = frozenset({types.BuiltinFunctionType, types.MethodWrapperType, types.MethodType})
_VM_VALUES_CACHE: list[tuple[frozenset[type], frozenset[type]]] = []


def _vm_values() -> tuple[frozenset[type], frozenset[type]]:
    if not _VM_VALUES_CACHE:
        _VM_VALUES_CACHE.append(_vm_types())
    return _VM_VALUES_CACHE[0]


# -- replacements: what stands for a host callable that traverses by name ---------------


def _replacement(policy: Policy, owner: Any, name: str, value: Any) -> Any:
    found = _REPLACED.get(id(value))
    if found is not None and found[0] is value:
        return found[1]
    tp = type(value)
    if name in _NAME_TAKING and not _is_script_function(value):
        return _AttrCall(policy, value, owner, name)
    if name in ("format", "format_map") and tp is types.BuiltinFunctionType and isinstance(value.__self__, str):
        return CheckedFormat(value)
    if name == "register" and (
        (tp is types.FunctionType and value.__code__ is _SINGLEDISPATCH_REGISTER)
        or (tp is types.MethodType and value.__func__ is functools.singledispatchmethod.register)
    ):
        return _checked_register(value)
    return value


# functools.singledispatch's register reads a function's annotations with
# typing.get_type_hints, which evaluates a string annotation natively: a
# sandboxed script's are read by the sandbox first (as names, never run).
_SINGLEDISPATCH_REGISTER = functools.singledispatch(repr).register.__code__


def _checked_register(register: Any) -> Any:
    def checked(cls: Any, func: Any = None) -> Any:
        if func is None and not isinstance(cls, type) and callable(cls):
            annotations = getattr(cls, "__annotations__", None) or {}
            if any(isinstance(value, (str, typing.ForwardRef)) for value in annotations.values()):
                hints = _safe_get_type_hints(cls)
                if hints:
                    return register(next(iter(hints.values())), cls)
        return register(cls) if func is None else register(cls, func)

    checked.__name__ = checked.__qualname__ = "register"
    checked.__doc__ = register.__doc__
    return checked


def _is_script_function(value: Any) -> bool:
    tp = type(value)
    if tp is types.MethodType:
        tp = type(value.__func__)
    return tp in _vm_values()[1]


class _AttrCall:
    """``object.__getattribute__``, ``obj.__setattr__``...: callables that take an attribute name, checked."""

    __slots__ = ("_bound", "_kind", "_method", "_target")

    def __init__(self, policy: Policy, method: Any, owner: Any, name: str) -> None:
        self._kind = name
        self._method = method
        # Unbound (object.__setattr__): the target is the first argument.
        self._bound = not isinstance(owner, type)
        self._target = (getattr(owner, "__self__", owner) if type(owner) is super else owner) if self._bound else None

    def __call__(self, *args: Any, **kwargs: Any) -> Any:
        rest = args
        if self._bound:
            target = self._target
        elif args:
            target, rest = args[0], args[1:]
        else:
            return self._method(*args, **kwargs)
        if rest and isinstance(rest[0], str):
            policy = _current_policy()
            name = rest[0]
            if self._kind in ("__setattr__", "__delattr__"):
                policy.check_store(target, name, rest[1] if len(rest) > 1 else None, self._kind == "__delattr__")
            else:
                policy.check_load(target, name)
                return policy.checked_value(target, name, self._method(*args, **kwargs))
        return self._method(*args, **kwargs)

    def __reduce__(self) -> tuple[Any, ...]:
        owner = self._target if self._bound else type
        return (_attr_call, (self._method, owner, self._kind))

    def __repr__(self) -> str:
        return repr(self._method)


def _attr_call(method: Any, owner: Any, name: str) -> _AttrCall:
    return _AttrCall(_current_policy(), method, owner, name)


class CheckedFormat:
    """``str.format``/``format_map`` (bound or not) for a sandboxed script: each field's attributes are checked.

    Called by the script, the VM formats on the VM with checked fields (so a
    wait in a field's ``__format__`` is resumable); called by host code, it
    formats with a checked :class:`string.Formatter`.
    """

    __slots__ = ("method",)

    def __init__(self, method: Any) -> None:
        self.method = method

    @property
    def template(self) -> Any:
        return (
            getattr(self.method, "__self__", None) if isinstance(getattr(self.method, "__self__", None), str) else None
        )

    def __call__(self, *args: Any, **kwargs: Any) -> Any:
        template = self.template
        if template is None:
            if not args:
                return self.method(*args, **kwargs)
            template, args = args[0], args[1:]
        if not isinstance(template, str):
            return self.method(template, *args, **kwargs)
        formatter = CheckedFormatter()
        if self.method.__name__ == "format_map":
            if kwargs or len(args) != 1:
                return str.format_map(template, *args, **kwargs)
            return formatter.vformat(template, (), args[0])
        return formatter.vformat(template, args, kwargs)

    def __repr__(self) -> str:
        return repr(self.method)


def traverses(template: str) -> bool:
    """Whether a format string has a field that reaches into its argument (``{0.name}``, ``{0[key]}``)."""
    import _string  # type: ignore[import-not-found]

    try:
        for _literal, field, spec, _conversion in _string.formatter_parser(template):
            if field is not None and ("." in field or "[" in field):
                return True
            if spec and "{" in spec and traverses(spec):
                return True
    except ValueError:
        return True  # the re-statement raises what str.format would
    return False


def check_field(obj: Any, name: str) -> Policy | None:
    """Before ``obj.name`` is loaded as a format field's attribute: the sandbox of the run, which checks it."""
    from statek_vm.vm.interpreter import current_interpreter

    policy: Policy | None = getattr(current_interpreter(), "sandbox", None)
    if policy is not None:
        policy.check_load(obj, name)
    return policy


class CheckedFormatter(string.Formatter):
    """``string.Formatter`` as a sandboxed script sees it: each field's attributes are checked."""

    def get_field(self, field_name: str, args: Any, kwargs: Any) -> Any:
        import _string

        policy = _current_policy()
        first, rest = _string.formatter_field_name_split(field_name)
        obj = self.get_value(first, args, kwargs)
        for is_attr, i in rest:
            obj = policy.load(obj, i) if is_attr else obj[i]
        return obj, first


CheckedFormatter.__module__ = "string"
CheckedFormatter.__name__ = CheckedFormatter.__qualname__ = "Formatter"


def _checked_attrgetter(attr: Any, *attrs: Any) -> Any:
    names = (attr, *attrs)
    for name in names:
        if not isinstance(name, str):
            raise TypeError("attribute name must be a string")
    chains = [name.split(".") for name in names]

    def get(obj: Any) -> Any:
        policy = _current_policy()
        values = []
        for chain in chains:
            value = obj
            for part in chain:
                value = policy.load(value, part)
            values.append(value)
        return values[0] if len(values) == 1 else tuple(values)

    return get


def _checked_methodcaller(name: Any, /, *args: Any, **kwargs: Any) -> Any:
    if not isinstance(name, str):
        raise TypeError("method name must be a string")

    def call(obj: Any) -> Any:
        return _current_policy().load(obj, name)(*args, **kwargs)

    return call


def _checked_dataclass(cls: Any = None, /, **kwargs: Any) -> Any:
    # dataclasses writes each field's name into code it compiles natively:
    # the names must be identifiers.
    def wrap(cls: Any) -> Any:
        annotations = cls.__dict__.get("__annotations__", {})  # noqa: RUF063 - the class's own, unevaluated
        for name in annotations:
            if not (isinstance(name, str) and name.isidentifier()):
                raise SandboxViolation(f"a dataclass field named {name!r} (not an identifier)")
        made = dataclasses.dataclass(cls, **kwargs)
        if made is not cls and cls in SCRIPT_CLASSES:
            script_class_made(made)  # (slots=True makes the class again)
        return made

    return wrap if cls is None else wrap(cls)


def _safe_get_type_hints(obj: Any, globalns: Any = None, localns: Any = None, include_extras: bool = False) -> Any:
    """``typing.get_type_hints`` for a sandboxed script: string annotations are read as names, never evaluated."""
    policy = _current_policy()
    hints: dict[str, Any] = {}
    sources = reversed(obj.__mro__) if isinstance(obj, type) else [obj]
    for source in sources:
        annotations = (
            getattr(source, "__annotations__", None)
            if not isinstance(obj, type)
            else source.__dict__.get("__annotations__")  # noqa: RUF063 - each class's own, unevaluated
        )
        if not annotations:
            continue
        namespace = globalns
        if namespace is None:
            namespace = _namespace_of(source)
        for key, value in annotations.items():
            if isinstance(value, typing.ForwardRef):
                value = value.__forward_arg__
            if isinstance(value, str):
                value = _evaluate_annotation(policy, value, namespace, localns)
            elif value is None:
                value = type(None)
            hints[key] = value
    return hints


def _namespace_of(source: Any) -> dict[str, Any]:
    from statek_vm.vm.objects import VMFunction

    if type(source) is VMFunction:
        return source._globals
    if isinstance(source, type):
        for value in source.__dict__.values():
            if type(value) is VMFunction:
                return value._globals
    return {}


def check_annotations(annotations: Any) -> None:
    """Refuse string annotations that are more than names (host code may evaluate them natively)."""
    if isinstance(annotations, dict):
        for value in annotations.values():
            if isinstance(value, str):
                _annotation_tree(value)


def _annotation_tree(text: str) -> ast.expr:
    try:
        tree = ast.parse(text, mode="eval").body
    except SyntaxError:
        raise SandboxViolation(f"the annotation {text!r} (not an expression)") from None
    for node in ast.walk(tree):
        if isinstance(node, ast.Attribute) and node.attr.startswith("_"):
            raise SandboxViolation(f"the annotation {text!r} (a private name)")
        if not isinstance(node, _ANNOTATION_NODES):
            raise SandboxViolation(f"the annotation {text!r} (only names, attributes and subscripts)")
    return tree


_ANNOTATION_NODES = (
    ast.Name,
    ast.Attribute,
    ast.Subscript,
    ast.Constant,
    ast.Tuple,
    ast.List,
    ast.BinOp,
    ast.BitOr,
    ast.Load,
    ast.Index if hasattr(ast, "Index") else ast.Slice,
)


def _evaluate_annotation(policy: Policy, text: str, globalns: Any, localns: Any) -> Any:
    tree = _annotation_tree(text)

    def value(node: ast.expr) -> Any:
        if isinstance(node, ast.Name):
            for ns in (localns, globalns):
                if ns is not None and node.id in ns:
                    return ns[node.id]
            builtins_ = (globalns or {}).get("__builtins__", builtins.__dict__)
            if isinstance(builtins_, dict) and node.id in builtins_:
                return builtins_[node.id]
            raise NameError(f"name {node.id!r} is not defined")
        if isinstance(node, ast.Attribute):
            return policy.load(value(node.value), node.attr)
        if isinstance(node, ast.Subscript):
            return value(node.value)[value(node.slice)]
        if isinstance(node, ast.Constant):
            return (
                _evaluate_annotation(policy, node.value, globalns, localns)
                if isinstance(node.value, str)
                else node.value
            )
        if isinstance(node, ast.Tuple):
            return tuple(value(e) for e in node.elts)
        if isinstance(node, ast.List):
            return [value(e) for e in node.elts]
        if isinstance(node, ast.BinOp):
            return value(node.left) | value(node.right)
        raise SandboxViolation(f"the annotation {text!r}")

    return value(tree)


_REPLACED: dict[int, tuple[Any, Any]] = {
    id(original): (original, replacement)
    for original, replacement in (
        (string.Formatter, CheckedFormatter),
        (operator.attrgetter, _checked_attrgetter),
        (operator.methodcaller, _checked_methodcaller),
        (dataclasses.dataclass, _checked_dataclass),
        (typing.get_type_hints, _safe_get_type_hints),
        (str.format, None),
        (str.format_map, None),
    )
    if replacement is not None
}
_REPLACED[id(str.format)] = (str.format, CheckedFormat(str.format))
_REPLACED[id(str.format_map)] = (str.format_map, CheckedFormat(str.format_map))


# -- the checked builtins -----------------------------------------------------------------

_DEFAULT_POLICY: Policy | None = None


def _current_policy() -> Policy:
    """The policy of the sandboxed run in progress on this thread; the defaults' outside any."""
    global _DEFAULT_POLICY
    from statek_vm.vm.interpreter import current_interpreter

    policy = getattr(current_interpreter(), "sandbox", None)
    if policy is None:
        if _DEFAULT_POLICY is None:
            _DEFAULT_POLICY = Sandbox().policy
        policy = _DEFAULT_POLICY
    return policy


def _refused_builtin(name: str) -> Any:
    def refused(*args: Any, **kwargs: Any) -> Any:
        raise SandboxViolation(f"the builtin {name}()")

    refused.__name__ = refused.__qualname__ = name
    return refused


_MISSING = object()


def _checked_getattr(obj: Any, name: Any, default: Any = _MISSING, /) -> Any:
    if not isinstance(name, str):
        return getattr(obj, name) if default is _MISSING else getattr(obj, name, default)
    policy = _current_policy()
    policy.check_load(obj, name)
    try:
        value = getattr(obj, name)
    except AttributeError:
        if default is _MISSING:
            raise
        return default
    return policy.checked_value(obj, name, value)


def _checked_hasattr(obj: Any, name: Any, /) -> bool:
    try:
        _checked_getattr(obj, name)
    except AttributeError:
        return False
    return True


def check_attribute_store(obj: Any, name: str, value: Any = None, deleting: bool = False, /) -> None:
    """The check of ``setattr``/``delattr`` alone (the VM then runs a script ``__setattr__`` itself)."""
    if deleting:
        _current_policy().check_store(obj, name, deleting=True)
    else:
        _current_policy().check_store(obj, name, value)


def _checked_setattr(obj: Any, name: Any, value: Any, /) -> None:
    if isinstance(name, str):
        _current_policy().check_store(obj, name, value)
    setattr(obj, name, value)


def _checked_delattr(obj: Any, name: Any, /) -> None:
    if isinstance(name, str):
        _current_policy().check_store(obj, name, deleting=True)
    delattr(obj, name)


def _checked_vars(*args: Any) -> Any:
    if len(args) == 1:
        _current_policy().check_load(args[0], "__dict__")
    return vars(*args)


def checked_import(base_import: Any) -> Any:
    """The ``__import__`` of a sandboxed job: ``base_import`` (the job's) for the allowed modules only."""

    def __import__(name: str, globals: Any = None, locals: Any = None, fromlist: Any = (), level: int = 0) -> Any:
        _current_policy().check_import(name, fromlist, level)
        return base_import(name, globals, locals, fromlist, level)

    return __import__


_CHECKED_BUILTINS = {
    "getattr": _checked_getattr,
    "hasattr": _checked_hasattr,
    "setattr": _checked_setattr,
    "delattr": _checked_delattr,
    "vars": _checked_vars,
}
for _name in _REFUSED_BUILTINS:
    _CHECKED_BUILTINS[_name] = _refused_builtin(_name)


def sandbox_builtins(b: dict[str, Any]) -> None:
    """Make a job's builtins dict ``b`` (a copy of the process's) a sandboxed job's."""
    for name in _DROPPED_BUILTINS:
        b.pop(name, None)
    b.update(_CHECKED_BUILTINS)
    b["__import__"] = checked_import(b["__import__"])


def is_checked_builtin(func: Any) -> bool:
    return func in _CHECKED_FUNCTIONS


_CHECKED_FUNCTIONS = frozenset(_CHECKED_BUILTINS.values())
