# A set of ints whose elements collided is rebuilt on restore in iteration
# order, so its table layout (and its iteration order once more elements
# are added) differs from the native run's.
s = {57}
s.add(65)
answer = llm("Summarize the ids")
s.add(44)
print(s, answer[:7])
