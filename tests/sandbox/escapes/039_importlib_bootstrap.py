# importlib's bootstrap imports a builtin module by name.
import importlib._bootstrap as bootstrap
bootstrap._builtin_from_name("posix").mkdir(SENTINEL)
