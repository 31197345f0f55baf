# importlib.import_module of a refused module.
import importlib
importlib.import_module("os").mkdir(SENTINEL)
