# exit/quit are host objects whose methods hold _sitebuiltins' globals.
sys = type(exit).__call__.__globals__["sys"]
print(sys.modules["os"].environ["STATEK_TEST_SECRET"])
