"""Pure-Python library code that calls script code, run on the VM from its own source.

``copy.deepcopy`` calls a script ``__deepcopy__`` (or ``__setstate__``, a
script ``__new__``...), an Enum lookup ``Status(text)`` calls the class's
script ``_missing_``: natively that is library code calling script code, so a
wait inside could not be resumed.  These libraries are written in Python, so
rather than re-stating them in ``runtime.SOURCE``, the VM compiles their own
source, takes the code units of their functions and runs those as VM
frames: what they do is the library's by construction (the memo and its
keep-alive list, the order of the calls, error messages and exception chains,
each CPython version's own), and a wait inside the script code they call is
an ordinary suspension of the job.

A call of one of :data:`ATTEMPTS` runs natively first (the fast path: no
script code is reached for plain data, for a value an Enum finds, for a
plain script object that ``copy`` takes apart by its ``__dict__``).  When
the native run is about to call script code, ``VMFunction.__call__`` finds
only the library's own frames (:data:`statek_vm.vm.objects.REDO_THROUGH`)
between it and the VM's call, and raises ``RedoOnVM`` before the script code
starts; the call is then run again from its start by the VM's version.  What
the native attempt did until then has no effect: an Enum lookup only reads;
``copy`` makes new objects and fills a memo of its own (a ``deepcopy`` given
a memo runs on the VM at once, see :func:`attempts_natively`).  Its one
effect that is not undone is a *host* class's own copy hook
(``__deepcopy__``, ``__reduce_ex__``) met before the script's: it runs again
in the VM's run; copy hooks make copies, so that is invisible unless such a
hook does more.

``copy``'s functions call each other through its module globals and
dispatch tables, so they get globals of their own in which those name the
VM's versions; an Enum's functions get their module's own globals.  In
snapshots a library function travels by its name (``copy:deepcopy``), and
its frames take their globals from it.
"""

from __future__ import annotations

import ast
import contextlib
import copy
import copyreg
import enum
import functools
import importlib
import inspect
import linecache
import sys
import textwrap
import threading
import types
from typing import Any

from statek_vm.program.program import compile_program
from statek_vm.vm import opcodes
from statek_vm.vm.objects import LIBRARY_ATTEMPTS, LIBRARY_OPERATORS, OPERATOR_HANDLERS, REDO_THROUGH, VMFunction
from statek_vm.vm.operations import LIBRARY_ON_VM
from statek_vm.vm.special_calls import FUTURE_FLAGS

# Library callables whose script callbacks run on the VM -> their VM
# version's name.  A class's metaclass ``__call__`` stands for the class
# call (``Status(text)`` calls ``EnumType.__call__``).
ATTEMPTS: dict[Any, str] = {
    copy.copy: "copy:copy",
    copy.deepcopy: "copy:deepcopy",
    copyreg.__newobj__: "copyreg:__newobj__",  # type: ignore[attr-defined]
    copyreg.__newobj_ex__: "copyreg:__newobj_ex__",  # type: ignore[attr-defined]
    enum.EnumType.__call__: "enum:EnumType.__call__",
    enum.Enum.__new__: "enum:Enum.__new__",
    # A Flag's operators make their result by an Enum lookup.
    enum.Flag.__or__: "enum:Flag.__or__",
    enum.Flag.__and__: "enum:Flag.__and__",
    enum.Flag.__xor__: "enum:Flag.__xor__",
    enum.Flag.__invert__: "enum:Flag.__invert__",
}
if sys.version_info >= (3, 13):
    ATTEMPTS[copy.replace] = "copy:replace"  # type: ignore[attr-defined]


def _natives_of(module: types.ModuleType) -> list[types.FunctionType]:
    """The module's functions and its classes' methods (properties' accessors too), each once."""
    found: dict[int, types.FunctionType] = {}
    for value in list(vars(module).values()):
        if type(value) is types.FunctionType and value.__module__ == module.__name__:
            found[id(value)] = value
        elif isinstance(value, type) and value.__module__ == module.__name__:
            for member in vars(value).values():
                if isinstance(member, (staticmethod, classmethod)):
                    member = member.__func__
                candidates = (member.fget, member.fset, member.fdel) if isinstance(member, property) else (member,)
                for candidate in candidates:
                    if type(candidate) is types.FunctionType and candidate.__module__ == module.__name__:
                        found[id(candidate)] = candidate
    natives = list(found.values())
    from statek_vm.vm import script_asyncio

    if module is script_asyncio:  # its own helpers run natively
        natives = [n for n in natives if n.__qualname__.partition(".")[0] in script_asyncio.ON_VM_NAMES]
    return natives


def _modules_on_vm(leaves: bool = False) -> dict[Any, str]:
    """The functions of script_asyncio.MODULES -> their VM version's name.

    With ``leaves``, those of script_asyncio.NATIVE_LEAVES instead (which
    run natively, and are named only for snapshots).
    """
    from statek_vm.vm import script_asyncio

    names: dict[Any, str] = {}
    for module_name in script_asyncio.MODULES:
        module = sys.modules.get(module_name) or importlib.import_module(module_name)
        for native in _natives_of(module):
            if (native.__qualname__ in script_asyncio.NATIVE_LEAVES) == leaves:
                names[native] = f"{module_name}:{native.__qualname__}"
    return names


# Library methods that call script code and always run on the VM (there is
# no native fast path: they exist to call the callbacks they were given) ->
# their VM version's name.  contextlib's exit stacks: the frames of
# ``__exit__`` and of the wrappers ``callback()`` makes are in a callback's
# traceback as natively.
METHODS: dict[Any, str] = {
    method: f"contextlib:{method.__qualname__}"
    for method in (
        contextlib.ExitStack.__exit__,
        contextlib.ExitStack.enter_context,
        contextlib.ExitStack.close,
        contextlib.AsyncExitStack.__aexit__,
        contextlib.AsyncExitStack.enter_async_context,
        contextlib.AsyncExitStack.aclose,
    )
}
# Library functions that exist to call a callback they are given:
# ``textwrap.indent(text, prefix, predicate)`` calls the predicate line by line.
METHODS[textwrap.indent] = "textwrap:indent"
# asyncio's futures, tasks, locks, queues... and the script loop's own
# methods (statek_vm/vm/script_asyncio.py): all of them, called by the VM.
ON_VM: dict[Any, str] = LIBRARY_ON_VM  # (the operations layer asks it whether a __next__ runs on the VM)
ON_VM.update(_modules_on_vm())
METHODS.update(ON_VM)
# asyncio's leaves that run natively (script_asyncio.NATIVE_LEAVES) -> their name.
LEAVES: dict[Any, str] = _modules_on_vm(leaves=True)
for _leaf in LEAVES:
    # They store what they are given without reading it (a task's result
    # that is a pending future, set by the task's step): handed over as is.
    _leaf.__statek_future_aware__ = True
_ON_VM_BY_NAME = {name: native for native, name in (*ON_VM.items(), *LEAVES.items())}


def native_function(name: str) -> Any:
    """A function of :data:`ON_VM` or :data:`LEAVES` by its name.

    Snapshots take such functions, and methods of them, by name.
    """
    return _ON_VM_BY_NAME[name]


def _inner_code(maker: Any, name: str) -> types.CodeType:
    maker = maker.__func__ if isinstance(maker, (staticmethod, classmethod)) else maker
    return next(c for c in maker.__code__.co_consts if isinstance(c, types.CodeType) and c.co_name == name)


# Closures library code makes around script callbacks (``ExitStack.callback``
# wraps its callback and arguments in one) -> the library function that
# makes them.  Called by the VM, such a closure runs its code on the VM, with
# its own cells.  Looked up by code *equality*: a closure loaded from a
# snapshot has a copy of the code.
CLOSURES: dict[types.CodeType, str] = {
    _inner_code(vars(contextlib._BaseExitStack)["_create_cb_wrapper"], "_exit_wrapper"): (
        "contextlib:_BaseExitStack._create_cb_wrapper"
    ),
    _inner_code(vars(contextlib.AsyncExitStack)["_create_async_cb_wrapper"], "_exit_wrapper"): (
        "contextlib:AsyncExitStack._create_async_cb_wrapper"
    ),
    # A context manager used as a decorator (a @contextmanager's, or a
    # ContextDecorator subclass's): the wrapper enters it around the call, so
    # a wait in its __enter__, its __exit__ or the generator's body is a wait
    # of script code that the VM runs, as in a ``with`` statement.
    _inner_code(vars(contextlib.ContextDecorator)["__call__"], "inner"): "contextlib:ContextDecorator.__call__",
    _inner_code(vars(contextlib.AsyncContextDecorator)["__call__"], "inner"): (
        "contextlib:AsyncContextDecorator.__call__"
    ),
    # A functools.singledispatchmethod bound to an object: it calls the
    # script's implementation for the first argument's class.
    _inner_code(vars(functools.singledispatchmethod)["__get__"], "_method"): "functools:singledispatchmethod.__get__",
}
CLOSURE_NAMES = frozenset(code.co_name for code in CLOSURES)

# The modules whose functions run with globals of their own (see the module docstring).
_OWN_GLOBALS = frozenset({"copy", "statistics", *(name.partition(":")[0] for name in ON_VM.values())})


def _functions_of(module: types.ModuleType) -> list[types.FunctionType]:
    return [v for v in vars(module).values() if type(v) is types.FunctionType and v.__module__ == module.__name__]


# Native library code that calls script code only once it has done nothing
# that matters (module docstring): a request to run on the VM raised there
# reaches the VM's call through it.
REDO_THROUGH.update(f.__code__ for f in _functions_of(copy))
REDO_THROUGH.update(f.__code__ for f in (copyreg.__newobj__, copyreg.__newobj_ex__))  # type: ignore[attr-defined]
REDO_THROUGH.update(f.__code__ for f in ATTEMPTS if getattr(f, "__module__", None) == "enum")
# A Flag's operator reached by ``a | b`` or ``~a``: the instruction runs it
# again by the runtime's binary_op (unary_op), which calls it as any function.
OPERATOR_HANDLERS.update((opcodes.BINARY_OP.__code__, opcodes.UNARY_INVERT.__code__))
LIBRARY_OPERATORS.update(f.__code__ for f in ATTEMPTS if getattr(f, "__qualname__", "").startswith("Flag."))

_made: dict[str, VMFunction] = {}
_names: dict[int, str] = {}  # id of a made function -> its name (they are kept for good in _made)
_unavailable: set[str] = set()
_lock = threading.RLock()


def function(name: str) -> VMFunction | None:
    """The VM's version of library function ``name`` (``"module:qualname"``), made on first use.

    None when the library's source cannot be read, or is not the code the
    running module was compiled from: then the native function runs.
    """
    made = _made.get(name)
    if made is not None or name in _unavailable:
        return made
    with _lock:
        made = _made.get(name)
        if made is None and name not in _unavailable:
            module_name, _, _ = name.partition(":")
            try:
                made_now = _make_module(module_name) if module_name in _OWN_GLOBALS else {name: _make_function(name)}
            except (OSError, TypeError, SyntaxError, ValueError):
                made_now = {}
            for key, func in made_now.items():
                if func is None:
                    _unavailable.add(key)
                else:
                    _made[key] = func
                    _names[id(func)] = key
            made = _made.get(name)
            if made is None:
                _unavailable.add(name)
    return made


_closure_units: dict[types.CodeType, Any] = {}  # a closure's code -> its unit (None: unavailable)
_closure_makers: dict[int, str] = {}  # id of such a unit (kept in _closure_units) -> its maker's name


def _closure_unit(code: types.CodeType) -> Any:
    unit = _closure_units.get(code, False)
    if unit is False:
        with _lock:
            unit = _closure_units.get(code, False)
            if unit is False:
                maker = CLOSURES[code]
                made = function(maker)
                unit = None
                if made is not None:
                    unit = next((u for u in made._unit.program.units if u.code == code), None)
                _closure_units[code] = unit
                if unit is not None:
                    _closure_makers[id(unit)] = maker
    return unit


def closure(func: types.FunctionType) -> VMFunction | None:
    """The VM's version of closure ``func`` of :data:`CLOSURES`: its code on the VM, its own cells."""
    unit = _closure_unit(func.__code__)
    if unit is None:
        return None
    return VMFunction(
        unit, func.__globals__, func.__defaults__, func.__kwdefaults__, func.__annotations__, func.__closure__
    )


def closure_maker(func: VMFunction) -> str | None:
    """The maker's name if ``func`` is the VM's version of a library closure (snapshots remake it)."""
    return _closure_makers.get(id(func._unit))


def remake_closure(maker: str, cells: Any, defaults: Any, kwdefaults: Any) -> VMFunction:
    """A library closure's VM version, loaded from a snapshot."""
    unit = next((_closure_unit(c) for c, name in CLOSURES.items() if name == maker), None)
    made = function(maker)
    if unit is None or made is None:
        raise ValueError(f"the snapshot needs a closure made by {maker}, whose source cannot be read here")
    return VMFunction(unit, made.__globals__, defaults, kwdefaults, None, cells)


def name_of(func: VMFunction) -> str | None:
    """``func``'s name if it is a library function's VM version (snapshots take it by that name)."""
    return _names.get(id(func))


def _native(name: str) -> Any:
    module_name, _, qualname = name.partition(":")
    obj: Any = sys.modules.get(module_name) or __import__(module_name)
    for part in qualname.split("."):
        obj = vars(obj)[part]
    return obj.__func__ if isinstance(obj, (staticmethod, classmethod)) else obj


def _flags(code: types.CodeType) -> int:
    return code.co_flags & FUTURE_FLAGS


def _make_function(name: str) -> VMFunction | None:
    """One function, with its module's own globals, from its lines of the module's source.

    The lines stand where they stand in the file, inside ``class`` headers
    for the classes the function is defined in: its code object is the
    function's own (line numbers, qualified name, name mangling), which is
    checked.
    """
    native = _native(name)
    code = native.__code__
    lines, first = inspect.getsourcelines(native)
    outer = native.__qualname__.split(".")[:-1]
    if "<locals>" in outer or first != code.co_firstlineno or first <= len(outer):
        return None
    headers = [f"{'    ' * depth}class {part}:\n" for depth, part in enumerate(outer)]
    blank = first - 1 - len(headers)
    imports = _imports_line(code.co_filename) if blank else ""
    source = imports + "\n" * (blank - bool(imports)) + "".join(headers) + "".join(lines)
    program = compile_program(source, code.co_filename, "exec", _flags(code), library=True)
    unit = next((u for u in program.units if u.code == code and u.qualname == native.__qualname__), None)
    if unit is None:
        return None
    return VMFunction(
        unit, native.__globals__, native.__defaults__, native.__kwdefaults__, native.__annotations__, native.__closure__
    )


def _imports_line(filename: str) -> str:
    """``import a, b`` of the names the module's top level binds by imports.

    The compiler makes ``sys.exc_info()`` of a module that imported ``sys``
    a plain attribute load and call, not a method call: a function compiled
    on its own must know those names to be the module's code.
    """
    tree = ast.parse("".join(linecache.getlines(filename)))
    names = sorted(
        {
            (alias.asname or alias.name).partition(".")[0]
            for node in tree.body
            if isinstance(node, (ast.Import, ast.ImportFrom))
            for alias in node.names
            if alias.name != "*"
        }
    )
    return f"import {', '.join(names)}\n" if names else ""


def _make_module(module_name: str) -> dict[str, VMFunction | None]:
    """Every function of a module, with globals of their own that name the VM's versions.

    The module's dispatch tables (dicts whose values are its functions) and
    the functions' defaults (``deepcopy=deepcopy``) name them too.
    """
    module = sys.modules.get(module_name) or importlib.import_module(module_name)
    natives = _functions_of(module) if module is copy else _natives_of(module)
    if not natives:
        return {}
    source = inspect.getsource(module)
    filename = natives[0].__code__.co_filename
    program = compile_program(source, filename, "exec", _flags(natives[0].__code__), library=True)
    units = {(u.qualname, u.code.co_firstlineno): u for u in program.units}
    globals_: dict[str, Any] = dict(vars(module))
    _own_globals[id(globals_)] = module_name  # kept for good with the functions made (_made)
    _globals_of_module[module_name] = globals_
    if module is copy:
        globals_["id"] = MemoKey
    else:
        from statek_vm.vm import script_asyncio

        globals_.update(script_asyncio.overrides().get(module_name, {}))
    versions: dict[int, VMFunction] = {}
    made: dict[str, VMFunction | None] = {}
    for native in natives:
        unit = units.get((native.__qualname__, native.__code__.co_firstlineno))
        if unit is None or unit.code != native.__code__:
            if module is copy:  # its functions call each other: all on the VM, or none
                return {f"{module_name}:{n.__qualname__}": None for n in natives}
            # (asyncio's @types.coroutine generators, whose flags the decorator
            # changed: they yield, and call no script code; they run natively.)
            made[f"{module_name}:{native.__qualname__}"] = None
            continue
        versions[id(native)] = VMFunction(unit, globals_, None, None, native.__annotations__, native.__closure__)
    for native in natives:
        version = versions.get(id(native))
        if version is None:
            continue
        version._defaults = _renamed(native.__defaults__, versions)
        version._kwdefaults = _renamed(native.__kwdefaults__, versions)
        made[f"{module_name}:{native.__qualname__}"] = version
    for key, value in list(globals_.items()):
        if id(value) in versions and value is vars(module)[key]:
            globals_[key] = versions[id(value)]
        elif type(value) is dict and any(id(v) in versions for v in value.values()):
            globals_[key] = {k: versions.get(id(v), v) for k, v in value.items()}
    return made


_own_globals: dict[int, str] = {}  # id of a module's VM versions' globals -> the module's name
_globals_of_module: dict[str, dict[str, Any]] = {}


def is_own_globals(g: dict[str, Any]) -> bool:
    """Whether ``g`` is the globals of a module's VM versions (a traceback names its module instead)."""
    return id(g) in _own_globals


def own_globals_name(g: dict[str, Any]) -> str | None:
    """The module whose VM versions have ``g`` as their globals (snapshots take it by that name)."""
    return _own_globals.get(id(g))


def own_globals(module_name: str) -> dict[str, Any]:
    """The globals of ``module_name``'s VM versions, made if they are not yet."""
    if module_name not in _globals_of_module:
        with _lock:
            if module_name not in _globals_of_module:
                for key, func in _make_module(module_name).items():
                    if func is not None and key not in _made:
                        _made[key] = func
                        _names[id(func)] = key
    return _globals_of_module[module_name]


def _renamed(values: Any, versions: dict[int, VMFunction]) -> Any:
    if values is None:
        return None
    if type(values) is dict:
        return {k: versions.get(id(v), v) for k, v in values.items()}
    return tuple(versions.get(id(v), v) for v in values)


# -- the native attempt ----------------------------------------------------------


def attempt(func: Any, args: Any, kwargs: Any) -> Any:
    """Call library function ``func`` natively: script code it reaches raises ``RedoOnVM``."""
    if kwargs:
        return func(*args, **kwargs)
    return func(*args)


LIBRARY_ATTEMPTS.add(attempt.__code__)


def attempts_natively(func: Any, args: Any, kwargs: Any) -> bool:
    """Whether a call of ``func`` is tried natively first.

    Not ``copy.deepcopy`` with a memo: a script ``__deepcopy__`` called by
    the VM's deepcopy passes the memo on, and its keys must stay the VM's
    (:class:`MemoKey`); the native attempt would add ``id()`` numbers.  Nor
    ``copy.replace`` (3.13), which only calls ``__replace__``: a dataclass's
    calls its generated ``__init__``, which the VM runs itself.
    """
    if func is copy.deepcopy:
        return len(args) < 2 and not (kwargs and kwargs.get("memo") is not None)
    return func is not _COPY_REPLACE


_COPY_REPLACE = getattr(copy, "replace", None)


class MemoKey:
    """What ``id(x)`` is in the VM's ``copy`` functions: a memo key that follows ``x`` through snapshots.

    ``deepcopy`` keys its memo, and the copies it keeps in its frames, by
    ``id()``: numbers that name other objects, or none, in the process that
    loads a snapshot.  A key holds the object itself, hashes and compares as
    its ``id()`` would (a script ``__deepcopy__`` may store ``memo[id(self)]``
    itself), and shows as that number.
    """

    __slots__ = ("obj",)

    def __init__(self, obj: Any) -> None:
        self.obj = obj

    def __hash__(self) -> int:
        return hash(id(self.obj))

    def __eq__(self, other: object) -> bool:
        if type(other) is MemoKey:
            return self.obj is other.obj
        if type(other) is int:
            return other == id(self.obj)
        return NotImplemented

    def __repr__(self) -> str:
        return repr(id(self.obj))

    def __reduce__(self) -> Any:
        return (MemoKey, (self.obj,))
