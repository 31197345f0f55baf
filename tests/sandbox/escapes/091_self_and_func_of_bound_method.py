# __self__ and __func__ of an allowed module's bound method reach the module's os.
import random
instance = random.random.__self__
print(type(instance).seed.__globals__["_os"].environ["STATEK_TEST_SECRET"])
print(random.seed.__func__.__globals__["_os"].environ["STATEK_TEST_SECRET"])
