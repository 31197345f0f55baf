# An __init__ written as a generator or coroutine function returns the object the call made: TypeError.
import warnings

warnings.simplefilter("ignore", RuntimeWarning)  # the coroutine is never awaited


class A:
    async def __init__(self):
        pass


class G:
    def __init__(self):
        yield 1


for cls in (A, G):
    try:
        cls()
    except TypeError as e:
        print(cls.__name__, e)
print("done")
