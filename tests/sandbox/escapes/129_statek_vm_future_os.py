# statek_vm.future.os.
import statek_vm.future
print(statek_vm.future.os.environ["STATEK_TEST_SECRET"])
