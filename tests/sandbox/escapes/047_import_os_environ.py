# The environment holds the worker's secrets.
import os
print(os.environ["STATEK_TEST_SECRET"])
