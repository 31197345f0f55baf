# A script writes a pending answer with sys.stdout.write and keeps sys.stdout
# in a variable across a wait: the bound method and the stream are on the
# stack and in a global while the job waits.
import sys

sys.stdout.write(approval("write") + "\n")
out = sys.stdout
out.write(llm("Summarize: end") + "\n")
