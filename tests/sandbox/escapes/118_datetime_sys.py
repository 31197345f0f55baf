# versions: 3.11
# datetime.sys (3.11's datetime imports sys).
import datetime
datetime.sys.modules["os"].mkdir(SENTINEL)
