# uuid.os is os.
import uuid
print(uuid.os.environ["STATEK_TEST_SECRET"])
