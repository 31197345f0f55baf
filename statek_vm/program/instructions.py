"""What each instruction the VM runs is, declared once per CPython version.

The model is CPython's ``Python/bytecodes.c``: one place states, for every
opcode, what the rest of the VM needs to know of it.  Tier 0's dispatch
(``statek_vm/vm/opcodes*.py``) holds the behaviour. This table holds the
facts the other parts read, where each part used to keep a list of its own:

- **flow**: how control leaves the instruction.  The program stage reads it
  for basic blocks and the instruction past a loop's or a delegation's end
  (:data:`EXIT_PAST_TARGET`).  Tier 1 reads it for its jumps and branches.
- **effect**: what the instruction may do besides moving values:
  - ``pure``: it only moves values between the stack, locals and cells.  It
    never resolves a future (a pending one is moved as it is) and never
    runs code.
  - ``resolves``: it may read a pending future's value, and so suspend.  It
    runs no code.
  - ``calls``: it may run host or script code (a call, an operator on an
    object, a hash, an import), and so suspend, or enter a script frame.
- **tier 0 only**: tier 1 stops before it and tier 0 runs it.  These are
  returns, yields, exception-state changes and class and annotation set-up.

Counting runs (the exact-once tests) check every instruction they execute
against its declaration (``Interpreter._counting_table``):
- a ``pure`` instruction that raised ``FutureError`` is a ``VMInternalError``;
- so is a ``pure`` or ``resolves`` one that entered a frame.
So each test on both tiers also tests this table.
"""

from __future__ import annotations

import sys
from typing import NamedTuple

# How control leaves an instruction.
NEXT = "next"  # the following instruction
JUMP = "jump"  # always to its target
IF_TRUE = "if_true"  # pops a value; jumps when it is true
IF_FALSE = "if_false"  # pops a value; jumps when it is false
IF_NONE = "if_none"  # pops a value; jumps when it is None
IF_NOT_NONE = "if_not_none"  # pops a value; jumps when it is not None
OR_POP = "or_pop"  # 3.11's JUMP_IF_TRUE_OR_POP/JUMP_IF_FALSE_OR_POP: jumps keeping the value, else pops it
ITERATES = "iterates"  # FOR_ITER: the next item, or past its target when the iterator ends
SENDS = "sends"  # SEND: the delegate's next value, or past its target when it returns
RETURNS = "returns"  # the frame returns
YIELDS = "yields"  # the frame yields (it is resumed at the next instruction)
MAKES_GENERATOR = "makes_generator"  # RETURN_GENERATOR: the frame becomes a generator's
RAISES = "raises"  # always raises

FLOWS = frozenset({NEXT, JUMP, IF_TRUE, IF_FALSE, IF_NONE, IF_NOT_NONE, OR_POP, ITERATES, SENDS, RETURNS, YIELDS})
FLOWS |= {MAKES_GENERATOR, RAISES}

PURE = "pure"
RESOLVES = "resolves"
CALLS = "calls"
EFFECTS = frozenset({PURE, RESOLVES, CALLS})


class Instruction(NamedTuple):
    """One opcode's declaration (see the module docstring)."""

    name: str
    flow: str
    effect: str
    tier0_only: bool

    @property
    def may_suspend(self) -> bool:
        return self.effect != PURE

    @property
    def may_enter_frame(self) -> bool:
        return self.effect == CALLS

    @property
    def branches(self) -> bool:
        return self.flow in (JUMP, IF_TRUE, IF_FALSE, IF_NONE, IF_NOT_NONE, OR_POP)


# One line per opcode: name, flow, effect, and "tier0" when tier 1 leaves it
# to tier 0.  CPython 3.11's, then what 3.12 and 3.13 add, change and remove.
_CPYTHON_311 = """
NOP                         next       pure
RESUME                      next       pure
PRECALL                     next       pure
EXTENDED_ARG                next       pure
POP_TOP                     next       pure
PUSH_NULL                   next       pure
COPY                        next       pure
SWAP                        next       pure
LOAD_CONST                  next       pure
LOAD_FAST                   next       pure
STORE_FAST                  next       pure
DELETE_FAST                 next       pure
LOAD_GLOBAL                 next       calls
STORE_GLOBAL                next       calls
DELETE_GLOBAL               next       calls
LOAD_NAME                   next       calls
STORE_NAME                  next       calls
DELETE_NAME                 next       calls
MAKE_CELL                   next       pure
COPY_FREE_VARS              next       pure
LOAD_CLOSURE                next       pure
LOAD_DEREF                  next       pure
LOAD_CLASSDEREF             next       calls
STORE_DEREF                 next       pure
DELETE_DEREF                next       pure
BINARY_OP                   next       calls
COMPARE_OP                  next       calls
IS_OP                       next       resolves
CONTAINS_OP                 next       calls
UNARY_POSITIVE              next       calls
UNARY_NEGATIVE              next       calls
UNARY_NOT                   next       calls
UNARY_INVERT                next       calls
BINARY_SUBSCR               next       calls
STORE_SUBSCR                next       calls
DELETE_SUBSCR               next       calls
BUILD_SLICE                 next       calls
GET_LEN                     next       calls
JUMP_FORWARD                jump       pure
JUMP_BACKWARD               jump       pure
JUMP_BACKWARD_NO_INTERRUPT  jump       pure
JUMP                        jump       pure
JUMP_NO_INTERRUPT           jump       pure
POP_JUMP_FORWARD_IF_FALSE   if_false   calls
POP_JUMP_BACKWARD_IF_FALSE  if_false   calls
POP_JUMP_FORWARD_IF_TRUE    if_true    calls
POP_JUMP_BACKWARD_IF_TRUE   if_true    calls
POP_JUMP_FORWARD_IF_NONE    if_none    resolves
POP_JUMP_BACKWARD_IF_NONE   if_none    resolves
POP_JUMP_FORWARD_IF_NOT_NONE if_not_none resolves
POP_JUMP_BACKWARD_IF_NOT_NONE if_not_none resolves
POP_JUMP_IF_FALSE           if_false   calls
POP_JUMP_IF_TRUE            if_true    calls
POP_JUMP_IF_NONE            if_none    resolves
POP_JUMP_IF_NOT_NONE        if_not_none resolves
JUMP_IF_FALSE_OR_POP        or_pop     calls
JUMP_IF_TRUE_OR_POP         or_pop     calls
BUILD_TUPLE                 next       pure
BUILD_LIST                  next       pure
BUILD_SET                   next       calls
BUILD_MAP                   next       calls
BUILD_CONST_KEY_MAP         next       calls
BUILD_STRING                next       calls
LIST_APPEND                 next       calls
SET_ADD                     next       calls
MAP_ADD                     next       calls
LIST_EXTEND                 next       calls
SET_UPDATE                  next       calls
DICT_UPDATE                 next       calls
DICT_MERGE                  next       calls
LIST_TO_TUPLE               next       calls
UNPACK_SEQUENCE             next       calls
UNPACK_EX                   next       calls
LOAD_ATTR                   next       calls
LOAD_METHOD                 next       calls
STORE_ATTR                  next       calls
DELETE_ATTR                 next       calls
FORMAT_VALUE                next       calls
KW_NAMES                    next       pure
CALL                        next       calls
CALL_FUNCTION_EX            next       calls
MAKE_FUNCTION               next       calls
RETURN_VALUE                returns    pure     tier0
RETURN_RESULT               returns    pure     tier0
LOAD_BUILD_CLASS            next       calls    tier0
SETUP_ANNOTATIONS           next       calls    tier0
LOAD_ASSERTION_ERROR        next       pure
PRINT_EXPR                  next       calls
IMPORT_NAME                 next       calls
IMPORT_FROM                 next       calls
IMPORT_STAR                 next       calls    tier0
RAISE_VARARGS               raises     calls
RERAISE                     raises     calls    tier0
PUSH_EXC_INFO               next       pure     tier0
POP_EXCEPT                  next       pure     tier0
CHECK_EXC_MATCH             next       calls
CHECK_EG_MATCH              next       calls
PREP_RERAISE_STAR           next       calls
BEFORE_WITH                 next       calls
BEFORE_ASYNC_WITH           next       calls
WITH_EXCEPT_START           next       calls
GET_ITER                    next       calls
GET_YIELD_FROM_ITER         next       calls
FOR_ITER                    iterates   calls
RETURN_GENERATOR            makes_generator pure tier0
YIELD_VALUE                 yields     pure     tier0
ASYNC_GEN_WRAP              next       pure
SEND                        sends      calls    tier0
GET_AWAITABLE               next       calls
GET_AITER                   next       calls
GET_ANEXT                   next       calls
END_ASYNC_FOR               next       calls    tier0
MATCH_MAPPING               next       resolves
MATCH_SEQUENCE              next       resolves
MATCH_KEYS                  next       calls
MATCH_CLASS                 next       calls
"""

_CPYTHON_312 = """
RETURN_CONST                returns    pure     tier0
LOAD_FAST_CHECK             next       pure
LOAD_FAST_AND_CLEAR         next       pure
LOAD_LOCALS                 next       pure
LOAD_FROM_DICT_OR_DEREF     next       calls
LOAD_FROM_DICT_OR_GLOBALS   next       calls
LOAD_SUPER_ATTR             next       calls
BINARY_SLICE                next       calls
STORE_SLICE                 next       calls
END_FOR                     next       pure
END_SEND                    next       pure     tier0
CLEANUP_THROW               next       calls    tier0
CALL_INTRINSIC_1            next       calls
CALL_INTRINSIC_2            next       calls
"""
_REMOVED_312 = """
ASYNC_GEN_WRAP JUMP_IF_FALSE_OR_POP JUMP_IF_TRUE_OR_POP LIST_TO_TUPLE LOAD_CLASSDEREF LOAD_METHOD PRECALL
PREP_RERAISE_STAR PRINT_EXPR IMPORT_STAR UNARY_POSITIVE POP_JUMP_FORWARD_IF_FALSE POP_JUMP_BACKWARD_IF_FALSE
POP_JUMP_FORWARD_IF_TRUE POP_JUMP_BACKWARD_IF_TRUE POP_JUMP_FORWARD_IF_NONE POP_JUMP_BACKWARD_IF_NONE
POP_JUMP_FORWARD_IF_NOT_NONE POP_JUMP_BACKWARD_IF_NOT_NONE
"""

_CPYTHON_313 = """
CALL_KW                     next       calls
EXIT_INIT_CHECK             next       pure
SET_FUNCTION_ATTRIBUTE      next       pure
TO_BOOL                     next       calls
CONVERT_VALUE               next       calls
FORMAT_SIMPLE               next       calls
FORMAT_WITH_SPEC            next       calls
LOAD_FAST_LOAD_FAST         next       pure
STORE_FAST_LOAD_FAST        next       pure
STORE_FAST_STORE_FAST       next       pure
"""
_REMOVED_313 = "KW_NAMES FORMAT_VALUE LOAD_CLOSURE"

# How many instructions past its jump target a loop's FOR_ITER and a
# delegation's SEND continue when the iterator or the delegate ends.  From
# 3.12 the target is an END_FOR/END_SEND whose work is done already, and
# from 3.13 the POP_TOP after END_FOR too.
_PAST_TARGET = {
    (3, 11): {},
    (3, 12): {"FOR_ITER": 1, "SEND": 1},
    (3, 13): {"FOR_ITER": 2, "SEND": 1},
}


def _parse(text: str) -> dict[str, Instruction]:
    table = {}
    for line in text.strip().splitlines():
        name, flow, effect, *rest = line.split()
        if flow not in FLOWS or effect not in EFFECTS or rest not in ([], ["tier0"]):
            raise ValueError(f"bad instruction declaration: {line!r}")
        table[name] = Instruction(name, flow, effect, bool(rest))
    return table


def declared(version: tuple[int, int]) -> dict[str, Instruction]:
    """The declarations of the instructions the VM runs on CPython ``version`` (3.11 to 3.13)."""
    table = _parse(_CPYTHON_311)
    if version >= (3, 12):
        for name in _REMOVED_312.split():
            del table[name]
        table.update(_parse(_CPYTHON_312))
    if version >= (3, 13):
        for name in _REMOVED_313.split():
            del table[name]
        table.update(_parse(_CPYTHON_313))
    return table


VERSION = sys.version_info[:2] if (3, 11) <= sys.version_info[:2] <= (3, 13) else (3, 13)
INSTRUCTIONS = declared(VERSION)
EXIT_PAST_TARGET: dict[str, int] = _PAST_TARGET[VERSION]

# What the other parts read, made from the table.
TIER0_ONLY = frozenset(name for name, i in INSTRUCTIONS.items() if i.tier0_only)
JUMPS = frozenset(name for name, i in INSTRUCTIONS.items() if i.flow == JUMP)
# Branches on a value's truth, and on its being None: the value that jumps.
TRUTH_BRANCHES = {name: i.flow == IF_TRUE for name, i in INSTRUCTIONS.items() if i.flow in (IF_TRUE, IF_FALSE)}
NONE_BRANCHES = {name: i.flow == IF_NONE for name, i in INSTRUCTIONS.items() if i.flow in (IF_NONE, IF_NOT_NONE)}
# Instructions after which a basic block starts although they do not jump:
# the frame leaves there and is resumed at the next one.
LEAVES_FRAME = frozenset(name for name, i in INSTRUCTIONS.items() if i.flow in (YIELDS, MAKES_GENERATOR, SENDS))
