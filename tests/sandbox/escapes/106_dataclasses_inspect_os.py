# dataclasses.inspect.os.
import dataclasses
print(dataclasses.inspect.os.environ["STATEK_TEST_SECRET"])
