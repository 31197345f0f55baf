# %-formatting a host function's globals as the mapping.
print("%(SECRET)s" % tool.__globals__)
