# Every loaded statek_vm module through sys.modules: the worker's code and its importlib.
import sys
vm_modules = [m for name, m in sorted(sys.modules.items()) if name.startswith("statek_vm")]
vm_modules[0].__builtins__["__import__"]("os").mkdir(SENTINEL)
