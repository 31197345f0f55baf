# print.__self__.__import__.
print.__self__.__import__("os").mkdir(SENTINEL)
