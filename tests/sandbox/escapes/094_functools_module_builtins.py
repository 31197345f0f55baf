# An allowed module's __builtins__.
import functools
functools.__builtins__["open"](SENTINEL, "w").close()
