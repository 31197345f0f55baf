# signal: a handler the host interpreter calls between its own bytecodes.
import signal
signal.signal(signal.SIGUSR1, lambda signum, frame: open(SENTINEL, "w").close())
signal.raise_signal(signal.SIGUSR1)
