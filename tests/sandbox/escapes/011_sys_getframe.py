# sys._getframe(1): the frame that called the script.
import sys
frame = sys._getframe(0)
while frame is not None and "SECRET" not in frame.f_globals:
    frame = frame.f_back
print(frame.f_globals["SECRET"])
