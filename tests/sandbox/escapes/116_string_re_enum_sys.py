# string._re -> enum -> sys.
import string
print(string._re.enum.sys.modules["os"].environ["STATEK_TEST_SECRET"])
