# A builtin module's __loader__ is the BuiltinImporter: it loads posix.
import itertools
loader = itertools.__loader__
posix = loader.create_module(loader.find_spec("posix"))
posix.mkdir(SENTINEL)
