"""Property: waits inside script code that operations and library code call never re-run an instruction.

``tests/vm/test_exact_once.py`` places waits in code the script calls itself.
Here hypothesis places them in code that something else calls: a property
getter or descriptor that an attribute load runs, an operator dunder that
``==``, ``+``, ``sorted``, ``print``, a truth test, a subscript or ``for``
runs, a key function that ``sorted``/``min``/``max`` runs, a callback that
``functools``, ``itertools``, ``heapq`` or ``operator`` runs, the
``__enter__``/``__exit__`` that ``with`` runs, ``__init__``/``__new__`` that
instantiation runs; and in containers of pending futures handed to host
functions (``effect``, ``"".join``, ``json.dumps``, ``print``).  Each
construct's children are statements placed *inside* that script code, so
constructs nest: a key function whose body instantiates a class whose
``__init__`` waits.

Each program runs natively by CPython with every future ready, on the VM
with every future ready, and on the VM suspending at every wait.  The
side-effect logs, outputs and final namespaces must agree, the job must
suspend once per wait, and the per-instruction execution counts of the two
VM runs must be equal.  Each construct is also run with every resume of a
job loaded from its snapshot bytes (in this process;
``tests/snapshot/test_exact_once_operations_fresh.py`` resumes generated
programs in fresh ones).

Constructs the VM cannot run exactly yet are in :data:`PENDING_CONSTRUCTS`,
each with its reason; they are rendered like the others but not generated,
and ``test_pending_constructs_still_differ`` tells when one starts to work.
"""

from __future__ import annotations

import sys
from collections.abc import Callable
from typing import Any

import pytest
from hypothesis import Phase, find, given, settings
from hypothesis import strategies as st

from statek_vm.job import SUPPORTED_VERSIONS
from tests.vm import gates
from tests.vm.test_exact_once import Names, _indent

pytestmark = pytest.mark.skipif(
    sys.version_info[:2] not in SUPPORTED_VERSIONS, reason="the VM does not run this CPython version's bytecode"
)

Lines = list[str]


def _def(signature: str, body: Lines, *tail: str, decorator: str | None = None) -> Lines:
    """A function (or method) whose body is the children's statements, then ``tail``."""
    return [*([decorator] if decorator else []), f"def {signature}:", *_indent([*body, *tail])]


def _class(header: str, *members: Lines) -> Lines:
    return [f"class {header}:", *_indent([line for member in members for line in member])]


def _init(*fields: str) -> Lines:
    """``__init__`` storing its arguments as they are (no wait: the constructs' own waits are elsewhere)."""
    return _def(f"__init__(self, {', '.join(fields)})", [], *(f"self.{f} = {f}" for f in fields))


# Each renderer gets the children's statements (``body``), to be placed inside
# the script code that the operation calls, and two small numbers: ``value``
# (-3..9) and ``k`` (1..3).  It returns top-level statements that define that
# code and run the operation, logging what the operation returned.  Every
# wait's value is used (an unused future never suspends, natively neither).
Renderer = Callable[[Lines, int, int, Names], Lines]
RENDERERS: dict[str, Renderer] = {}


def construct(name: str) -> Callable[[Renderer], Renderer]:
    def register(render: Renderer) -> Renderer:
        RENDERERS[name] = render
        return render

    return register


# -- attribute loads ------------------------------------------------------------------


@construct("property")
def _property(body: Lines, value: int, k: int, names: Names) -> Lines:
    cls = names.new("Prop")
    return [
        *_class(cls, _init("v"), _def("doubled(self)", body, "return wait(self.v) * 2", decorator="@property")),
        f"effect(({cls!r}, {cls}({value}).doubled, {cls}({k}).doubled + 1))",
    ]


@construct("cached_property")
def _cached_property(body: Lines, value: int, k: int, names: Names) -> Lines:
    cls, obj = names.new("Cached"), names.new("cached")
    getter = _def("total(self)", body, f"return wait(self.v) + {k}", decorator="@functools.cached_property")
    return [
        *_class(cls, _init("v"), getter),
        f"{obj} = {cls}({value})",
        f"effect(({cls!r}, {obj}.total, {obj}.total, {obj}.__dict__['total']))",
    ]


@construct("descriptor")
def _descriptor(body: Lines, value: int, k: int, names: Names) -> Lines:
    desc, cls, obj = names.new("Desc"), names.new("Host"), names.new("host")
    get = _def(
        "__get__(self, obj, owner=None)", ["if obj is None:", "    return self", *body], "return wait(obj._v) + 10"
    )
    set_ = _def("__set__(self, obj, v)", [], "obj._v = wait(v) * 3")
    return [
        *_class(desc, get, set_),
        *_class(cls, [f"x = {desc}()"]),
        f"{obj} = {cls}()",
        f"{obj}.x = {value}",
        f"effect(({cls!r}, {obj}.x, {obj}.x - {k}))",
    ]


@construct("getattr_hook")
def _getattr_hook(body: Lines, value: int, k: int, names: Names) -> Lines:
    cls = names.new("Lazy")
    hook = _def("__getattr__(self, name)", body, f"return wait(len(name)) + {value}")
    return [*_class(cls, hook), f"effect(({cls!r}, {cls}().abc, {cls}().{'z' * k} * 2))"]


# -- operator dunders -----------------------------------------------------------------


@construct("eq")
def _eq(body: Lines, value: int, k: int, names: Names) -> Lines:
    cls = names.new("Id")
    eq = _def(
        "__eq__(self, other)",
        ["if not isinstance(other, type(self)):", "    return NotImplemented", *body],
        "return wait(self.v) == other.v",
    )
    a, b, c = f"{cls}({value})", f"{cls}({value})", f"{cls}({k})"
    return [
        *_class(cls, _init("v"), eq, ["__hash__ = None"]),
        f"effect(({cls!r}, {a} == {b}, {a} != {c}, {c} in [{a}, {b}], {a} == {value}))",
    ]


@construct("lt")
def _lt(body: Lines, value: int, k: int, names: Names) -> Lines:
    cls = names.new("Rank")
    lt = _def("__lt__(self, other)", body, "return wait(self.v) < other.v")
    # ``a > b`` has no __gt__: CPython runs the reflected ``b < a``.
    return [
        *_class(cls, _init("v"), lt),
        f"effect(({cls!r}, {cls}({value}) < {cls}({k}), {cls}({k}) > {cls}({value})))",
    ]


@construct("sorted_lt")
def _sorted_lt(body: Lines, value: int, k: int, names: Names) -> Lines:
    cls = names.new("Ord")
    lt = _def("__lt__(self, other)", body, "return wait(self.v) < other.v")
    items = f"[{cls}({k}), {cls}({value}), {cls}(1)]"
    return [
        *_class(cls, _init("v"), lt),
        f"effect(({cls!r}, [o.v for o in sorted({items})], min({items}).v, max({cls}({k}), {cls}({value})).v))",
    ]


@construct("add")
def _add(body: Lines, value: int, k: int, names: Names) -> Lines:
    cls = names.new("Money")
    add = _def(
        "__add__(self, other)",
        ["if not isinstance(other, type(self)):", "    return NotImplemented", *body],
        f"return {cls}(self.v + wait(other.v))",
    )
    radd = _def("__radd__(self, other)", [], f"return {cls}(wait(other) + self.v)")
    # sum() starts at 0: ``0 + Money`` is int's NotImplemented, then __radd__; then __add__.
    return [
        *_class(cls, _init("v"), add, radd),
        f"effect(({cls!r}, ({cls}({value}) + {cls}({k})).v, ({k} + {cls}({value})).v, sum([{cls}(1), {cls}({k})]).v))",
    ]


@construct("hash")
def _hash(body: Lines, value: int, k: int, names: Names) -> Lines:
    cls = names.new("Key")
    hash_ = _def("__hash__(self)", body, "return wait(self.v) % 5")
    eq = _def("__eq__(self, other)", [], "return isinstance(other, type(self)) and wait(self.v) == other.v")
    table = f"{{{cls}({value}): 'a', {cls}({k}): 'b'}}"
    return [
        *_class(cls, _init("v"), hash_, eq),
        f"effect(({cls!r}, {table}[{cls}({k})], {cls}({value}) in {table}, len({{{cls}(1), {cls}(1), {cls}({k})}})))",
    ]


@construct("str")
def _str(body: Lines, value: int, k: int, names: Names) -> Lines:
    cls, obj = names.new("Shown"), names.new("shown")
    return [
        *_class(
            cls,
            _init("v"),
            _def("__str__(self)", body, "return 's' + str(wait(self.v))"),
            _def("__repr__(self)", [], "return 'r' + str(wait(self.v))"),
            _def("__format__(self, spec)", [], "return format(wait(self.v), spec)"),
        ),
        f"{obj} = {cls}({value})",
        f"print({obj}, {cls}({k}), sep='|')",
        f"print(f'{{{obj}}} {{{obj}!r}} {{{obj}:>4}}')",
        f"effect(({cls!r}, str({obj}), repr([{obj}]), format({obj}, '03')))",
    ]


@construct("len_bool")
def _len_bool(body: Lines, value: int, k: int, names: Names) -> Lines:
    sized, flag = names.new("Sized"), names.new("Flag")
    n = abs(value)
    return [
        *_class(sized, _init("n"), _def("__len__(self)", body, "return wait(self.n)")),
        *_class(flag, _init("on"), _def("__bool__(self)", [], "return wait(self.on)")),
        f"if {sized}({n}):",
        f"    effect('nonempty {sized}')",
        f"while {flag}({value} > {k}):",
        f"    effect('looped {flag}')",
        "    break",
        f"effect(({sized!r}, len({sized}({k})), bool({sized}(0)), not {flag}(True),"
        f" {sized}({n}) and 'and' or 'none', 'yes' if {flag}({value} % 2 == 0) else 'no'))",
    ]


@construct("getitem")
def _getitem(body: Lines, value: int, k: int, names: Names) -> Lines:
    cls = names.new("Seq")
    getitem = _def(
        "__getitem__(self, i)", body, "if i >= self.n:", "    raise IndexError(i)", f"return wait(i) * 10 + {value}"
    )
    return [*_class(cls, _init("n"), getitem), f"effect(({cls!r}, {cls}({k})[0], {cls}({k})[{k} - 1]))"]


@construct("getitem_iteration")
def _getitem_iteration(body: Lines, value: int, k: int, names: Names) -> Lines:
    # No __iter__: ``list()`` and ``for`` call __getitem__ from 0 until IndexError.
    cls = names.new("OldSeq")
    getitem = _def(
        "__getitem__(self, i)", body, "if i >= self.n:", "    raise IndexError(i)", f"return wait(i) * 10 + {value}"
    )
    return [
        *_class(cls, _init("n"), getitem),
        f"for x in {cls}({k}):",
        "    effect(('item', x))",
        f"effect(({cls!r}, list({cls}({k}))))",
    ]


@construct("iter")
def _iter(body: Lines, value: int, k: int, names: Names) -> Lines:
    cls = names.new("Bag")
    iter_ = _def("__iter__(self)", body, "for j in range(self.n):", f"    yield wait(j) + {value}")
    return [
        *_class(cls, _init("n"), iter_),
        f"for x in {cls}({k}):",
        "    effect(('bag', x))",
        f"effect(({cls!r}, list({cls}({k})), sum({cls}({k})), [x * 2 for x in {cls}(1)]))",
    ]


@construct("contains")
def _contains(body: Lines, value: int, k: int, names: Names) -> Lines:
    cls = names.new("Allow")
    contains = _def("__contains__(self, x)", body, "return wait(x) in self.items")
    return [
        *_class(cls, _init("items"), contains),
        f"effect(({cls!r}, {value} in {cls}([{k}, {value}]), {k} not in {cls}([{value}])))",
    ]


@construct("call")
def _call(body: Lines, value: int, k: int, names: Names) -> Lines:
    cls, tool = names.new("Tool"), names.new("tool")
    call = _def("__call__(self, x, *, scale=1)", body, "return (wait(x) + self.base) * scale")
    return [
        *_class(cls, _init("base"), call),
        f"{tool} = {cls}({value})",
        f"effect(({cls!r}, {tool}({k}), {tool}(1, scale=2), {cls}(0)(x={k})))",
    ]


@construct("call_via_map")
def _call_via_map(body: Lines, value: int, k: int, names: Names) -> Lines:
    cls = names.new("Tool")
    call = _def("__call__(self, x)", body, "return wait(x) + self.base")
    return [*_class(cls, _init("base"), call), f"effect(({cls!r}, list(map({cls}({value}), [0, {k}]))))"]


@construct("reflected_subclass")
def _reflected_subclass(body: Lines, value: int, k: int, names: Names) -> Lines:
    # A right operand whose class is a subclass overriding the reflected
    # method goes first: ``Base < Sub`` runs ``Sub.__gt__``.
    base, sub = names.new("Score"), names.new("Bonus")
    return [
        *_class(base, _init("v"), _def("__lt__(self, other)", [], "return wait(self.v) < other.v")),
        *_class(f"{sub}({base})", _def("__gt__(self, other)", body, f"return wait(self.v + {k}) > other.v")),
        f"effect(({sub!r}, {base}({value}) < {sub}({value}), {base}({k}) < {base}({value})))",
    ]


@construct("inplace_unary")
def _inplace_unary(body: Lines, value: int, k: int, names: Names) -> Lines:
    cls, total = names.new("Acc"), names.new("total")
    iadd = _def("__iadd__(self, other)", body, "self.v += wait(other)", "return self")
    neg = _def("__neg__(self)", [], f"return {cls}(-wait(self.v))")
    return [
        *_class(cls, _init("v"), iadd, neg),
        f"{total} = {cls}({value})",
        f"{total} += {k}",
        f"{total} += 1",
        f"effect(({cls!r}, {total}.v, (-{total}).v))",
    ]


@construct("setter")
def _setter(body: Lines, value: int, k: int, names: Names) -> Lines:
    cls, audited, obj = names.new("Limit"), names.new("Audited"), names.new("limit")
    prop = [
        *_def("limit(self)", [], "return self._limit", decorator="@property"),
        *_def("limit(self, v)", body, "self._limit = wait(v) * 2", decorator="@limit.setter"),
    ]
    setattr_ = _def("__setattr__(self, name, v)", [], "object.__setattr__(self, name, wait(v) + 1)")
    return [
        *_class(cls, prop),
        *_class(audited, setattr_),
        f"{obj} = {cls}()",
        f"{obj}.limit = {value}",
        f"{obj}2 = {audited}()",
        f"{obj}2.x = {k}",
        f"effect(({cls!r}, {obj}.limit, {obj}2.x))",
    ]


@construct("getattribute")
def _getattribute(body: Lines, value: int, k: int, names: Names) -> Lines:
    cls = names.new("Watched")
    hook = _def("__getattribute__(self, name)", body, f"return wait(object.__getattribute__(self, name)) + {k}")
    return [*_class(cls, _init("v"), hook), f"effect(({cls!r}, {cls}({value}).v))"]


@construct("slice")
def _slice(body: Lines, value: int, k: int, names: Names) -> Lines:
    cls = names.new("Window")
    getitem = _def("__getitem__(self, s)", body, f"return [wait(s.start) + {value}, s.stop]")
    return [*_class(cls, getitem), f"effect(({cls!r}, {cls}()[{k}:5], {cls}()[0:{k}:2]))"]


@construct("unpacking")
def _unpacking(body: Lines, value: int, k: int, names: Names) -> Lines:
    # ``a, b = obj`` and ``f(*obj)`` iterate a script __iter__.
    cls, fn = names.new("Pair"), names.new("both")
    iter_ = _def("__iter__(self)", body, "yield wait(self.v) + 1", f"yield wait(self.v) + {k}")
    return [
        *_class(cls, _init("v"), iter_),
        *_def(f"{fn}(*args)", [], "return args"),
        f"first, second = {cls}({value})",
        f"effect(({cls!r}, first, second, {fn}(*{cls}({k}))))",
    ]


@construct("mapping_unpacking")
def _mapping_unpacking(body: Lines, value: int, k: int, names: Names) -> Lines:
    # ``f(**obj)`` calls the script's keys() and __getitem__.
    cls, fn = names.new("Options"), names.new("configure")
    getitem = _def("__getitem__(self, key)", body, f"return wait(len(key)) + {value}")
    return [
        *_class(cls, _def("keys(self)", [], f"return ['a', 'b' * {k}]"), getitem),
        *_def(f"{fn}(**options)", [], "return sorted(options.items())"),
        f"effect(({cls!r}, {fn}(**{cls}())))",
    ]


@construct("eq_list_methods")
def _eq_list_methods(body: Lines, value: int, k: int, names: Names) -> Lines:
    cls, items = names.new("Item"), names.new("items")
    eq = _def("__eq__(self, other)", body, "return wait(self.v) == other.v")
    return [
        *_class(cls, _init("v"), eq, ["__hash__ = None"]),
        f"{items} = [{cls}({value}), {cls}({k})]",
        f"effect(({cls!r}, {items}.index({cls}({k})), {items}.count({cls}({value})), {items} == [{cls}({value})]))",
        f"{items}.remove({cls}({k}))",
        f"effect(({cls!r}, len({items})))",
        # Not left for check_exact_once to compare: that would call __eq__, which waits, from the test.
        f"del {items}",
    ]


@construct("string_formatting")
def _string_formatting(body: Lines, value: int, k: int, names: Names) -> Lines:
    # %-formatting and str.format, not f-strings: host code calls __str__/__format__.
    cls = names.new("Label")
    return [
        *_class(
            cls,
            _init("v"),
            _def("__str__(self)", body, "return 's' + str(wait(self.v))"),
            _def("__format__(self, spec)", [], "return format(wait(self.v), spec)"),
        ),
        f"effect(({cls!r}, '%s|%s' % ({cls}({value}), {k}), '{{}}|{{:>3}}'.format({cls}({k}), {cls}({value}))))",
    ]


@construct("index")
def _index(body: Lines, value: int, k: int, names: Names) -> Lines:
    cls = names.new("Pos")
    index = _def("__index__(self)", body, "return wait(self.v) + 0")
    return [*_class(cls, _init("v"), index), f"effect(({cls!r}, list(range({cls}({k}))), [5, 6, 7, 8][{cls}({k})]))"]


@construct("numeric_builtins")
def _numeric_builtins(body: Lines, value: int, k: int, names: Names) -> Lines:
    cls = names.new("Amount")
    return [
        *_class(
            cls,
            _init("v"),
            _def("__abs__(self)", body, "return abs(wait(self.v))"),
            _def("__round__(self, ndigits=None)", [], f"return wait(self.v) + {k}"),
        ),
        f"effect(({cls!r}, abs({cls}({value})), round({cls}({k}))))",
    ]


@construct("iter_host_consumers")
def _iter_host_consumers(body: Lines, value: int, k: int, names: Names) -> Lines:
    # Host functions and methods that drain an object with a script __iter__.
    cls, items, table = names.new("Stream"), names.new("items"), names.new("table")
    iter_ = _def("__iter__(self)", body, "for j in range(2):", f"    yield wait(j) + {value}")
    return [
        *_class(cls, iter_),
        f"{items} = [{k}]",
        f"{items}.extend({cls}())",
        f"{table} = {{}}",
        f"{table}.update(zip('ab', {cls}()))",
        f"effect(({cls!r}, {items}, {table}, sorted({cls}()), '-'.join(map(str, {cls}()))))",
    ]


# -- key functions --------------------------------------------------------------------


@construct("key")
def _key(body: Lines, value: int, k: int, names: Names) -> Lines:
    fn, items = names.new("key"), names.new("items")
    return [
        *_def(f"{fn}(x)", body, f"return wait(abs(x - {k}))"),
        f"effect(({fn!r}, sorted([3, {value}, 1], key={fn}), min([{value}, 2], key={fn}), max([{k}, 0, 5], key={fn})))",
        f"{items} = [{value}, {k}, 4]",
        f"{items}.sort(key={fn}, reverse=True)",
        f"effect(({fn!r}, {items}))",
    ]


# -- library callbacks ----------------------------------------------------------------


@construct("partial")
def _partial(body: Lines, value: int, k: int, names: Names) -> Lines:
    fn, bound = names.new("notify"), names.new("bound")
    return [
        *_def(f"{fn}(a, b, *, c=0)", body, "return wait(a) * 100 + b * 10 + c"),
        f"{bound} = functools.partial({fn}, {value}, c=1)",
        f"effect(({fn!r}, {bound}({k}), {bound}(2, c=5)))",
    ]


@construct("reduce")
def _reduce(body: Lines, value: int, k: int, names: Names) -> Lines:
    fn = names.new("step")
    return [
        *_def(f"{fn}(acc, x)", body, "return acc * 2 + wait(x)"),
        f"effect(({fn!r}, functools.reduce({fn}, [1, {value}, {k}], 0), functools.reduce({fn}, [{k}, {value}])))",
    ]


@construct("cmp_to_key")
def _cmp_to_key(body: Lines, value: int, k: int, names: Names) -> Lines:
    fn = names.new("cmp")
    return [
        *_def(f"{fn}(a, b)", body, "return wait(a) - b"),
        f"effect(({fn!r}, sorted([3, {value}, {k}], key=functools.cmp_to_key({fn}))))",
    ]


@construct("nlargest")
def _nlargest(body: Lines, value: int, k: int, names: Names) -> Lines:
    fn = names.new("score")
    return [
        *_def(f"{fn}(x)", body, f"return wait(x * x) - {k} * x"),
        f"effect(({fn!r}, heapq.nlargest(2, [{value}, 1, {k}, 4], key={fn}),"
        f" heapq.nsmallest(1, [{value}, 2], key={fn})))",
    ]


def _script_generator(fn: str, body: Lines, value: int, k: int) -> Lines:
    return _def(f"{fn}()", [], f"for j in range({k} + 1):", *_indent(body), f"    yield wait(j) + {value}")


@construct("islice")
def _islice(body: Lines, value: int, k: int, names: Names) -> Lines:
    fn = names.new("gen")
    # The skipped element's wait is used too (``+ value``), so it suspends.
    return [
        *_script_generator(fn, body, value, k),
        f"effect(({fn!r}, list(itertools.islice({fn}(), 1, None)), list(itertools.islice({fn}(), {k}))))",
    ]


@construct("chain")
def _chain(body: Lines, value: int, k: int, names: Names) -> Lines:
    fn = names.new("gen")
    return [*_script_generator(fn, body, value, k), f"effect(({fn!r}, list(itertools.chain({fn}(), [{k}], {fn}()))))"]


@construct("accumulate")
def _accumulate(body: Lines, value: int, k: int, names: Names) -> Lines:
    fn, op = names.new("gen"), names.new("op")
    return [
        *_script_generator(fn, body, value, k),
        *_def(f"{op}(a, b)", [], "return a * 2 + wait(b)"),
        f"effect(({fn!r}, list(itertools.accumulate({fn}())), list(itertools.accumulate([{value}, {k}, 1], {op}))))",
    ]


@construct("builtin_consumers")
def _builtin_consumers(body: Lines, value: int, k: int, names: Names) -> Lines:
    # Builtins and collections that drain a script generator, or call script code per element.
    fn, odd = names.new("gen"), names.new("odd")
    return [
        *_def(f"{fn}()", body, "for j in range(2):", f"    yield wait(j) + {value}"),
        *_def(f"{odd}(x)", [], "return wait(x) % 2 == 1"),
        f"effect(({fn!r}, tuple({fn}()), sorted({fn}(), reverse=True), any({fn}()), all({fn}()),"
        f" list(enumerate({fn}(), {k})), list(zip({fn}(), 'ab'))))",
        f"effect(({fn!r}, list(filter({odd}, {fn}())), '-'.join(map(str, {fn}())),"
        f" dict(collections.Counter({fn}())), list(collections.deque({fn}(), maxlen=1))))",
    ]


@construct("next_send")
def _next_send(body: Lines, value: int, k: int, names: Names) -> Lines:
    fn, it = names.new("echo"), names.new("it")
    echo = _def(
        f"{fn}()", body, "got = yield wait(0) + 1", "while True:", "    got = yield wait(0 if got is None else got) * 2"
    )
    return [
        *echo,
        f"{it} = {fn}()",
        f"effect(({fn!r}, next({it}), {it}.send({value}), {it}.send({k}), next({it}, None)))",
        f"{it}.close()",
    ]


@construct("groupby_takewhile")
def _groupby_takewhile(body: Lines, value: int, k: int, names: Names) -> Lines:
    fn = names.new("bucket")
    items = f"[{value}, {value}, {k}, 0, 0]"
    return [
        *_def(f"{fn}(x)", body, f"return wait(x) % {k + 1}"),
        f"effect(({fn!r}, [(key, list(group)) for key, group in itertools.groupby({items}, key={fn})],"
        f" list(itertools.takewhile({fn}, {items})), list(itertools.dropwhile({fn}, {items}))))",
    ]


@construct("bisect")
def _bisect(body: Lines, value: int, k: int, names: Names) -> Lines:
    fn, ranked = names.new("rank"), names.new("ranked")
    return [
        *_def(f"{fn}(x)", body, "return wait(x) * 10"),
        f"{ranked} = [0, 2, 5]",
        f"bisect.insort({ranked}, {value}, key={fn})",
        f"effect(({fn!r}, {ranked}, bisect.bisect_left({ranked}, {k} * 10, key={fn})))",
    ]


@construct("singledispatch")
def _singledispatch(body: Lines, value: int, k: int, names: Names) -> Lines:
    fn = names.new("show")
    return [
        *_def(f"{fn}(x)", [], "return 'other ' + wait(repr(x))", decorator="@functools.singledispatch"),
        *_def("_(x: int)", body, "return wait(x) * 2", decorator=f"@{fn}.register"),
        f"effect(({fn!r}, {fn}({value}), {fn}('s{k}')))",
    ]


@construct("missing")
def _missing(body: Lines, value: int, k: int, names: Names) -> Lines:
    factory, cls, table = names.new("fresh"), names.new("Defaults"), names.new("table")
    return [
        *_def(f"{factory}()", body, f"return [wait({value}) + 0]"),
        *_class(f"{cls}(dict)", _def("__missing__(self, key)", [], "return wait(len(key)) + 0")),
        f"{table} = collections.defaultdict({factory})",
        f"{table}['a'].append({k})",
        f"{table}['a'].append(1)",
        f"{table}['b']",
        f"effect(({cls!r}, dict({table}), {cls}(x=1)['x'], {cls}()['abc']))",
    ]


@construct("attrgetter")
def _attrgetter(body: Lines, value: int, k: int, names: Names) -> Lines:
    cls, obj = names.new("Vendor"), names.new("vendor")
    score = _def("score(self)", body, "return wait(self.v) + 1", decorator="@property")
    return [
        *_class(cls, _init("v"), score),
        f"{obj} = {cls}({value})",
        f"effect(({cls!r}, operator.attrgetter('score')({obj}), operator.attrgetter('v', 'score')({obj})))",
    ]


@construct("methodcaller")
def _methodcaller(body: Lines, value: int, k: int, names: Names) -> Lines:
    cls, obj = names.new("Agent"), names.new("agent")
    status = _def("status(self, prefix, *, times=1)", body, "return prefix + str(wait(self.v)) * times")
    return [
        *_class(cls, _init("v"), status),
        f"{obj} = {cls}({value})",
        f"effect(({cls!r}, operator.methodcaller('status', '>')({obj}),"
        f" operator.methodcaller('status', '', times={k})({obj})))",
    ]


@construct("contextmanager")
def _contextmanager(body: Lines, value: int, k: int, names: Names) -> Lines:
    fn = names.new("change")
    return [
        *_def(
            f"{fn}(n)",
            body,
            "effect(('before', wait(n) + 0))",
            "yield n * 2",
            "effect(('after', wait(n) + 1))",
            decorator="@contextlib.contextmanager",
        ),
        f"with {fn}({value}) as got:",
        f"    effect(({fn!r}, got + {k}))",
    ]


@construct("contextmanager_raising")
def _contextmanager_raising(body: Lines, value: int, k: int, names: Names) -> Lines:
    # The with-block raises: the generator gets the exception at its yield.
    fn = names.new("guard")
    gen = _def(
        f"{fn}(n)",
        body,
        "try:",
        "    yield wait(n) + 0",
        "except KeyError as e:",
        "    effect(('handled', e.args[0], wait(n) + 1))",
        decorator="@contextlib.contextmanager",
    )
    return [*gen, f"with {fn}({value}) as got:", f"    raise KeyError(got + {k})", f"effect({fn!r})"]


@construct("with_class")
def _with_class(body: Lines, value: int, k: int, names: Names) -> Lines:
    cls = names.new("Lease")
    enter = _def("__enter__(self)", body, "return wait(self.v) + 1")
    exit_ = _def(
        "__exit__(self, kind, exc, tb)",
        [],
        "effect(('exit', wait(self.v) + 2, kind is None))",
        "return kind is ValueError",
    )
    return [
        *_class(cls, _init("v"), enter, exit_),
        f"with {cls}({value}) as got:",
        f"    effect(({cls!r}, got))",
        f"with {cls}({k}) as got:",
        "    raise ValueError(got)",
        f"effect(({cls!r}, 'suppressed'))",
    ]


@construct("closing")
def _closing(body: Lines, value: int, k: int, names: Names) -> Lines:
    cls = names.new("Writer")
    close = _def("close(self)", body, "effect(('closed', wait(self.v) + 1))")
    return [
        *_class(cls, _init("v"), close),
        f"with contextlib.closing({cls}({value})) as w:",
        f"    effect(({cls!r}, w.v + {k}))",
    ]


# -- instantiation --------------------------------------------------------------------


@construct("init")
def _init_construct(body: Lines, value: int, k: int, names: Names) -> Lines:
    cls = names.new("Rec")
    init = _def("__init__(self, v)", body, "self.v = wait(v) + 1")
    return [*_class(cls, init), f"effect(({cls!r}, {cls}({value}).v, {cls}(v={k}).v))"]


@construct("new")
def _new(body: Lines, value: int, k: int, names: Names) -> Lines:
    cls = names.new("Refund")
    new = _def("__new__(cls, v)", body, "self = super().__new__(cls)", "self.w = wait(v) * 2", "return self")
    init = _def("__init__(self, v)", [], "self.v = wait(v) + self.w")
    return [*_class(cls, new, init), f"effect(({cls!r}, {cls}({value}).v, {cls}({k}).w))"]


@construct("super_init")
def _super_init(body: Lines, value: int, k: int, names: Names) -> Lines:
    base, sub = names.new("Base"), names.new("Sub")
    return [
        *_class(base, _def("__init__(self, v)", [], "self.v = wait(v) + 1")),
        *_class(f"{sub}({base})", _def("__init__(self, v)", body, "super().__init__(v * 2)", "self.w = wait(v) - 1")),
        f"effect(({sub!r}, {sub}({value}).v, {sub}({k}).w))",
    ]


@construct("abc_init")
def _abc_init(body: Lines, value: int, k: int, names: Names) -> Lines:
    base, page = names.new("Source"), names.new("Page")
    return [
        *_class(f"{base}(abc.ABC)", _def("fetch(self)", [], "...", decorator="@abc.abstractmethod")),
        *_class(
            f"{page}({base})",
            _def("__init__(self, v)", body, "self.v = wait(v) + 1"),
            _def("fetch(self)", [], "return self.v"),
        ),
        f"effect(({page!r}, {page}({value}).fetch(), {page}({k}).v))",
    ]


@construct("dataclass_post_init")
def _dataclass_post_init(body: Lines, value: int, k: int, names: Names) -> Lines:
    cls = names.new("Row")
    post = _def("__post_init__(self)", body, "self.m = wait(self.n) + 1")
    return [
        "@dataclasses.dataclass",
        *_class(cls, ["n: int"], post),
        f"effect(({cls!r}, {cls}({value}).m, {cls}(n={k}).m))",
    ]


@construct("dataclass_default_factory")
def _dataclass_default_factory(body: Lines, value: int, k: int, names: Names) -> Lines:
    cls, fn = names.new("Row"), names.new("tags")
    return [
        *_def(f"{fn}()", body, f"return [wait({value}) + 0]"),
        "@dataclasses.dataclass",
        *_class(cls, ["n: int", f"tags: list = dataclasses.field(default_factory={fn})"]),
        f"effect(({cls!r}, {cls}({k}).tags, {cls}(1, [0]).tags))",
    ]


# -- pending futures handed to host functions -------------------------------------------


def _futures(fn: str, body: Lines, items: str) -> Lines:
    # The function returns its futures unused: only the host call needs their values.
    return _def(f"{fn}()", body, f"return {items}")


@construct("handoff_containers")
def _handoff_containers(body: Lines, value: int, k: int, names: Names) -> Lines:
    fn = names.new("rows")
    items = f"([wait({value}), wait({k})], {{'a': wait(1), 'b': (wait({k}),)}})"
    return [*_futures(fn, body, items), f"effect(({fn!r}, {fn}()))"]


@construct("handoff_join")
def _handoff_join(body: Lines, value: int, k: int, names: Names) -> Lines:
    fn = names.new("lines")
    return [*_futures(fn, body, f"[wait('a{value}'), wait('b{k}')]"), f"effect(({fn!r}, '\\n'.join({fn}())))"]


@construct("handoff_json")
def _handoff_json(body: Lines, value: int, k: int, names: Names) -> Lines:
    fn = names.new("summary")
    items = f"{{'s': wait('v{value}'), 'n': [wait({k})]}}"
    return [*_futures(fn, body, items), f"effect(({fn!r}, json.dumps({fn}(), sort_keys=True)))"]


@construct("handoff_print")
def _handoff_print(body: Lines, value: int, k: int, names: Names) -> Lines:
    fn = names.new("results")
    return [*_futures(fn, body, f"[wait({value}), (wait('x'), wait({k}))]"), f"print({fn!r}, {fn}())"]


# -- library hooks -------------------------------------------------------------------


@construct("lru_cache")
def _lru_cache(body: Lines, value: int, k: int, names: Names) -> Lines:
    fn = names.new("cached")
    return [
        *_def(f"{fn}(x)", body, "return wait(x) * 3", decorator="@functools.lru_cache"),
        f"effect(({fn!r}, {fn}({value}), {fn}({value}), {fn}({k})))",
    ]


@construct("total_ordering")
def _total_ordering(body: Lines, value: int, k: int, names: Names) -> Lines:
    cls = names.new("Grade")
    lt = _def("__lt__(self, other)", body, "return wait(self.v) < other.v")
    eq = _def("__eq__(self, other)", [], "return wait(self.v) == other.v")
    return [
        "@functools.total_ordering",
        *_class(cls, _init("v"), lt, eq, ["__hash__ = None"]),
        f"effect(({cls!r}, {cls}({value}) <= {cls}({k}), {cls}({value}) > {cls}({k})))",
    ]


@construct("deepcopy")
def _deepcopy(body: Lines, value: int, k: int, names: Names) -> Lines:
    cls = names.new("Doc")
    copy_ = _def("__deepcopy__(self, memo)", body, f"return {cls}(wait(self.v) + 1)")
    return [*_class(cls, _init("v"), copy_), f"effect(({cls!r}, copy.deepcopy([{cls}({value})])[0].v))"]


@construct("json_default")
def _json_default(body: Lines, value: int, k: int, names: Names) -> Lines:
    cls, fn = names.new("Money"), names.new("encode")
    return [
        *_class(cls, _init("v")),
        *_def(f"{fn}(obj)", body, "return wait(obj.v) * 100"),
        f"effect(({fn!r}, json.dumps({{'a': {cls}({value}), 'b': [{cls}({k})]}}, default={fn})))",
    ]


@construct("exitstack")
def _exitstack(body: Lines, value: int, k: int, names: Names) -> Lines:
    cls, fn, stack = names.new("Lease"), names.new("release"), names.new("stack")
    enter = _def("__enter__(self)", body, "return wait(self.v)")
    exit_ = _def("__exit__(self, *exc)", [], "effect(('exit', wait(self.v)))")
    return [
        *_class(cls, _init("v"), enter, exit_),
        *_def(f"{fn}(x)", [], "effect(('released', wait(x)))"),
        f"with contextlib.ExitStack() as {stack}:",
        f"    effect({stack}.enter_context({cls}({value})))",
        f"    {stack}.callback({fn}, {k})",
        f"    effect({stack}.enter_context({cls}({k})))",
        f"    if {k} == 2:",
        f"        {stack}.close()",
    ]


@construct("json_hooks")
def _json_hooks(body: Lines, value: int, k: int, names: Names) -> Lines:
    fn = names.new("hook")
    text = f'{{"a": {{"v": {value}}}, "b": [{{"v": {k}}}]}}'
    return [
        *_def(f"{fn}(d)", body, "return wait(d.get('v', 0)) * 2 if 'v' in d else sorted(d)"),
        f"effect(({fn!r}, json.loads({text!r}, object_hook={fn})))",
        f"effect(({fn!r}, json.load(io.StringIO({text!r}), object_pairs_hook=lambda p: [wait(len(p)), p])))",
    ]


@construct("json_dump")
def _json_dump(body: Lines, value: int, k: int, names: Names) -> Lines:
    cls, sink = names.new("Money"), names.new("Sink")
    write = _def("write(self, chunk)", body, "self.parts.append(wait(chunk))")
    return [
        *_class(cls, _init("v")),
        *_class(sink, _def("__init__(self)", [], "self.parts = []"), write),
        f"{sink.lower()} = {sink}()",
        f"json.dump([{cls}({value}), {{'k': {cls}({k})}}], {sink.lower()}, default=lambda o: wait(o.v))",
        f"effect(({sink!r}, ''.join({sink.lower()}.parts)))",
    ]


@construct("dataclass_replace")
def _dataclass_replace(body: Lines, value: int, k: int, names: Names) -> Lines:
    cls = names.new("Ticket")
    post = _def("__post_init__(self)", body, "self.total = wait(self.a) + self.b")
    return [
        "@dataclasses.dataclass",
        *_class(cls, ["a: int", "b: int = 0"], post),
        f"effect(({cls!r}, dataclasses.replace({cls}({value}, {k}), b={value}).total))",
    ]


@construct("init_subclass")
def _init_subclass(body: Lines, value: int, k: int, names: Names) -> Lines:
    base, sub, field = names.new("Plugin"), names.new("Echo"), names.new("Field")
    hook = _def("__init_subclass__(cls, code=0, **kw)", body, "cls.code = wait(code) + 1")
    set_name = _def("__set_name__(self, owner, name)", [], f"self.name = wait(name + str({k}))")
    return [
        *_class(field, set_name),
        *_class(base, hook),
        *_class(f"{sub}({base}, code={value})", [f"f = {field}()"]),
        f"effect(({sub!r}, {sub}.code, {sub}.f.name))",
    ]


CONSTRUCTS = list(RENDERERS)

# Constructs rendered but not generated, each with the host code that calls
# its waiting script code natively (every one fails the suspended run with
# NotResumableError).  Switch one on by deleting its line here;
# ``test_pending_constructs_still_differ`` says when.
PENDING_CONSTRUCTS: dict[str, str] = {
}

GENERATED = [name for name in CONSTRUCTS if name not in PENDING_CONSTRUCTS]

# What the constructs' code uses.
PRELUDE = (
    "import abc, bisect, collections, contextlib, copy, dataclasses, functools, heapq, io, itertools, json, "
    "operator"
)

# A program is a tree: ("leaf", value, waits) or (construct, children, value).
values = st.integers(min_value=-3, max_value=9)
leaf = st.tuples(st.just("leaf"), values, st.booleans())


def _tree(children: st.SearchStrategy[Any]) -> st.SearchStrategy[Any]:
    return st.tuples(st.sampled_from(GENERATED), st.lists(children, min_size=1, max_size=3), values)


# As large as test_exact_once's trees; script code an operation calls often
# runs more than once (a key function per element), so nesting multiplies the
# waits of the code inside it.
trees = st.lists(st.recursive(leaf, _tree, max_leaves=8), min_size=1, max_size=3)


def render(tree: Any, names: Names) -> Lines:
    """Statements (at indentation 0) for one tree node."""
    if tree[0] == "leaf":
        _, value, waits = tree
        expr = f"wait({value}) + {value}" if waits else f"{value} * 2"
        return [f"effect(({names.new('e')!r}, {expr}))"]
    kind, children, value = tree
    body = [line for child in children for line in render(child, names)]
    return RENDERERS[kind](body, value, abs(value) % 3 + 1, names)


def program(forest: list[Any]) -> str:
    names = Names()
    lines = [PRELUDE, "log_marker = 'start'"]
    for tree in forest:
        lines += render(tree, names)
    lines.append("print('done', log_marker)")
    return "\n".join(lines) + "\n"


@given(trees)
def test_no_instruction_runs_twice(forest: list[Any]) -> None:
    gates.check_exact_once(program(forest))


def _one(kind: str) -> str:
    """``kind`` with a waiting leaf inside."""
    return program([(kind, [("leaf", 2, True)], 4)])


def _nested(kind: str) -> str:
    """``kind`` nested in its own script code, each with a waiting leaf inside."""
    inner = (kind, [("leaf", 2, True)], 1)
    return program([(kind, [inner, ("leaf", 3, True)], 5)])


def _kinds(forest: list[Any]) -> set[str]:
    kinds: set[str] = set()
    stack = list(forest)
    while stack:
        node = stack.pop()
        if node[0] != "leaf":
            kinds.add(node[0])
            stack += node[1]
    return kinds


def test_generated_programs_cover_every_construct() -> None:
    # The strategy draws every generated construct (and none of the pending ones).
    seen: set[str] = set()

    def all_seen(forest: list[Any]) -> bool:
        seen.update(_kinds(forest))
        return seen >= set(GENERATED)

    find(trees, all_seen, settings=settings(database=None, max_examples=5_000, phases=[Phase.generate]))
    assert seen == set(GENERATED)


@pytest.mark.parametrize("kind", GENERATED)
def test_every_construct_suspends_inside_itself(kind: str) -> None:
    # Each construct, nested in itself with waits inside, suspends at every wait and runs exactly once.
    source = _nested(kind)
    gates.check_exact_once(source)
    assert len(gates.run_interrupted(source)[1].gates) >= 4, source


@pytest.mark.parametrize("kind", GENERATED)
def test_every_construct_resumes_from_its_snapshot(kind: str) -> None:
    source = _one(kind)
    gates.check_exact_once(source, reload=True)
    assert len(gates.run_interrupted(source)[1].gates) >= 2, source


@pytest.mark.parametrize("kind", list(PENDING_CONSTRUCTS))
def test_pending_constructs_still_differ(kind: str) -> None:
    # When a pending construct starts to work, this fails: delete its line in PENDING_CONSTRUCTS.
    assert gates.run_native(_nested(kind))[2] is None
    with pytest.raises(AssertionError):
        gates.check_exact_once(_nested(kind))
        gates.check_exact_once(_one(kind), reload=True)
