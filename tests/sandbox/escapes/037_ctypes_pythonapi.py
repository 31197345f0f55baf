# ctypes.pythonapi: run source with the interpreter's C API.
import ctypes
ctypes.pythonapi.PyRun_SimpleString(("open(%r, 'w').close()" % SENTINEL).encode())
