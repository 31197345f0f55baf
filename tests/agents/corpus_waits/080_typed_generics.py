# Typed agent code: a module-level TypeVar, a bounded and a constrained one,
# a ParamSpec for a logging decorator, a NewType for ids and a Generic
# result box; every one of them is alive across the waits.
from typing import Callable, Generic, NewType, ParamSpec, TypeVar

T = TypeVar("T")
Num = TypeVar("Num", int, float)
Bounded = TypeVar("Bounded", bound=str)
P = ParamSpec("P")
TicketId = NewType("TicketId", int)


class Result(Generic[T]):
    def __init__(self, value: T) -> None:
        self.value = value

    def __repr__(self) -> str:
        return f"Result({self.value!r})"


def logged(fn: Callable[P, T]) -> Callable[P, T]:
    def wrapper(*args: P.args, **kwargs: P.kwargs) -> T:
        print("calling", fn.__name__, args)
        return fn(*args, **kwargs)

    return wrapper


@logged
def triage(ticket: TicketId) -> Result[str]:
    return Result(llm(f"Classify this ticket: #{ticket} refund request"))


print(T.__module__, Num.__constraints__, Bounded.__bound__, P.__name__, TicketId.__supertype__)
first = triage(TicketId(101))
print(first, approval(f"Close ticket {TicketId(101)}"))
print(T, Num, Bounded, P, TicketId.__name__, TicketId.__module__, Result[int])
second = triage(TicketId(102))
print(second.value == first.value, TicketId(7) + 1)
