"""Stage 2 of the pipeline: the VM that runs code units on frames that are plain data."""

from statek_vm.vm.frame import Frame
from statek_vm.vm.interpreter import Interpreter, Suspension, current_interpreter
from statek_vm.vm.objects import VMAsyncGenerator, VMCoroutine, VMFunction, VMGenerator

__all__ = [
    "Frame",
    "Interpreter",
    "Suspension",
    "VMAsyncGenerator",
    "VMCoroutine",
    "VMFunction",
    "VMGenerator",
    "current_interpreter",
]
