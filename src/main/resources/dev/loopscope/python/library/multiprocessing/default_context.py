# The second half of multiprocessing's context.py: the default context, whose methods are what the package offers
# as Lock, Queue, Pool, Value... (bound methods, as in CPython), building the objects of the other modules. Lines
# ending in a pin sit at CPython 3.12.1's line numbers.


class Process(BaseProcess):
    _start_method = None


class ForkProcess(BaseProcess):
    _start_method = 'fork'


class DefaultContext(object):

    def get_context(self, method=None):
        if method is not None and method != 'fork':
            raise ValueError('cannot find context for %r' % method)
        return self

    def cpu_count(self):
        return os.cpu_count()

    def Lock(self):   #@65
        from multiprocessing.synchronize import Lock
        return Lock(ctx=self.get_context())   #@68

    def RLock(self):   #@70
        from multiprocessing.synchronize import RLock
        return RLock(ctx=self.get_context())   #@73

    def Condition(self, lock=None):   #@75
        from multiprocessing.synchronize import Condition
        return Condition(lock, ctx=self.get_context())   #@78

    def Semaphore(self, value=1):   #@80
        from multiprocessing.synchronize import Semaphore
        return Semaphore(value, ctx=self.get_context())   #@83

    def BoundedSemaphore(self, value=1):   #@85
        from multiprocessing.synchronize import BoundedSemaphore
        return BoundedSemaphore(value, ctx=self.get_context())   #@88

    def Event(self):   #@90
        from multiprocessing.synchronize import Event
        return Event(ctx=self.get_context())   #@93

    def Queue(self, maxsize=0):   #@100
        from multiprocessing.queues import Queue
        return Queue(maxsize, ctx=self.get_context())   #@103

    def JoinableQueue(self, maxsize=0):   #@105
        from multiprocessing.queues import JoinableQueue
        return JoinableQueue(maxsize, ctx=self.get_context())   #@108

    def SimpleQueue(self):   #@110
        from multiprocessing.queues import SimpleQueue
        return SimpleQueue(ctx=self.get_context())   #@113

    def Pool(self, processes=None, initializer=None, initargs=(),   #@115
             maxtasksperchild=None):
        from multiprocessing.pool import Pool
        return Pool(processes, initializer, initargs, maxtasksperchild,   #@119
                    context=self.get_context())

    def RawValue(self, typecode_or_type, *args):   #@122
        from multiprocessing.sharedctypes import RawValue
        return RawValue(typecode_or_type, *args)   #@125

    def RawArray(self, typecode_or_type, size_or_initializer):   #@127
        from multiprocessing.sharedctypes import RawArray
        return RawArray(typecode_or_type, size_or_initializer)   #@130

    def Value(self, typecode_or_type, *args, lock=True):   #@132
        from multiprocessing.sharedctypes import Value
        return Value(typecode_or_type, *args, lock=lock,   #@135
                     ctx=self.get_context())

    def Array(self, typecode_or_type, size_or_initializer, *, lock=True):   #@138
        from multiprocessing.sharedctypes import Array
        return Array(typecode_or_type, size_or_initializer, lock=lock,   #@141
                     ctx=self.get_context())


_default_context = DefaultContext()
Lock = _default_context.Lock
RLock = _default_context.RLock
Condition = _default_context.Condition
Semaphore = _default_context.Semaphore
BoundedSemaphore = _default_context.BoundedSemaphore
Event = _default_context.Event
Queue = _default_context.Queue
JoinableQueue = _default_context.JoinableQueue
SimpleQueue = _default_context.SimpleQueue
Pool = _default_context.Pool
RawValue = _default_context.RawValue
RawArray = _default_context.RawArray
Value = _default_context.Value
Array = _default_context.Array
