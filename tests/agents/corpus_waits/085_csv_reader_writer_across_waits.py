# csv writers, DictWriters, readers and DictReaders alive across waits:
# they keep writing to and reading from their StringIO, line numbers too.
import csv, io
buf = io.StringIO()
w = csv.writer(buf, delimiter=";")
w.writerow(["a", llm("x")])
d = csv.DictWriter(buf, fieldnames=["k", "v"], quoting=csv.QUOTE_ALL)
d.writeheader()
print(approval("go"))
w.writerow(["b", 2]); d.writerow({"k": 1, "v": "z"})
r = csv.reader(io.StringIO("h1,h2\n1,2\n3,4\n5,6\n"))
print(next(r), r.line_num)
dr = csv.DictReader(io.StringIO("k,v\n1,2\n3,4\n"))
print(next(dr))
print(approval("again"), r.line_num, w.dialect.delimiter)
print(list(r), r.line_num, list(dr), dr.line_num)
print(buf.getvalue())
