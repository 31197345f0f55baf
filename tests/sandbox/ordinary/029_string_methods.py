text = "  Agent Scripts orchestrate Tools, and tools answer.  "
clean = text.strip()
print(clean.lower(), clean.count("o"), clean.find("Tools"), clean.replace("tools", "TOOLS"))
print(clean.split(", "), "-".join(["a", "b", "c"]), clean.startswith("Agent"))
print("abc".center(9, "*"), "42".zfill(5), "a,b,,c".split(","), "Title Case".swapcase())
print("héllo".encode("utf-8"), b"caf\xc3\xa9".decode(), "x".join("123"), "ab" * 3)
print("{} + {} = {}".format(1, 2, 3), "{name} is {age}".format(name="ana", age=31), "%s:%05.1f" % ("v", 3.14159))
