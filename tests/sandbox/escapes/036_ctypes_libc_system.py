# ctypes: libc's system().
import ctypes
ctypes.CDLL(None).mkdir(SENTINEL.encode(), 0o755)
