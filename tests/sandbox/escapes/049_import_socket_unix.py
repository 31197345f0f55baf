# socket: binding a Unix socket creates a file.
import socket
s = socket.socket(socket.AF_UNIX)
s.bind(SENTINEL)
s.close()
