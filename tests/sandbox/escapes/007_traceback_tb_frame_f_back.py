# Frames through an exception: e.__traceback__.tb_frame.f_back.f_globals.
try:
    1 / 0
except ZeroDivisionError as e:
    frame = e.__traceback__.tb_frame
while frame is not None and "SECRET" not in frame.f_globals:
    frame = frame.f_back
print(frame.f_globals["SECRET"])
