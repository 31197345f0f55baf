# decimal is a Python module around _decimal: its __builtins__ and __loader__.
import decimal
decimal.__builtins__["__import__"]("os").mkdir(SENTINEL)
