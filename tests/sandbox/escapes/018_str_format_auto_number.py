# CVE-2023-41039: automatic field numbering, same traversal.
template = "{" + ".__globals__[SECRET]}"
print(template.format(tool))
