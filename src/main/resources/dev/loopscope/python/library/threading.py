# The threading module on the simulated threads. Blocking happens in the engine primitives bound in
# ThreadingModule (_Flag, _Permits, locks, thread handles); this file gives them CPython's classes, argument
# checks and error messages. Lines ending in a pin sit at CPython 3.12.1's line numbers for tracebacks.

Lock = _allocate_lock   #@122

def RLock(*args, **kwargs):   #@124
    return _CRLock(*args, **kwargs)


class Semaphore:   #@445

    def __init__(self, value=1):   #@457
        if value < 0:
            raise ValueError("semaphore initial value must be >= 0")   #@459
        self._permits = _Permits(value)

    def acquire(self, blocking=True, timeout=None):   #@468
        if not blocking and timeout is not None:
            raise ValueError("can't specify timeout for non-blocking acquire")   #@493
        if not blocking:
            return self._permits.acquire(0)
        return self._permits.acquire(-1 if timeout is None else max(timeout, 0))

    __enter__ = acquire

    def __repr__(self):
        kind = type(self)
        return f"<{kind.__module__}.{kind.__qualname__} at {id(self):#x}: value={self._value}>"

    @property
    def _value(self):
        return self._permits.value()

    def release(self, n=1):   #@515
        if n < 1:
            raise ValueError('n must be one or more')   #@523
        self._permits.release(n, -1)

    def __exit__(self, t, v, tb):   #@528
        self.release()


class BoundedSemaphore(Semaphore):   #@532

    def __init__(self, value=1):   #@549
        super().__init__(value)   #@550
        self._initial_value = value

    def __repr__(self):
        kind = type(self)
        return (f"<{kind.__module__}.{kind.__qualname__} at {id(self):#x}:"
                f" value={self._value}/{self._initial_value}>")

    def release(self, n=1):   #@558
        if n < 1:
            raise ValueError('n must be one or more')   #@569
        if not self._permits.release(n, self._initial_value):
            raise ValueError("Semaphore released too many times")   #@572


class Event:   #@577

    def __init__(self):   #@588
        self._flag = _Flag()

    def __repr__(self):
        kind = type(self)
        state = 'set' if self._flag.is_set() else 'unset'
        return f"<{kind.__module__}.{kind.__qualname__} at {id(self):#x}: {state}>"

    def is_set(self):   #@601
        return self._flag.is_set()

    def isSet(self):   #@605
        _deprecated('isSet() is deprecated, use is_set() instead')
        return self.is_set()

    def set(self):   #@616
        self._flag.set()

    def clear(self):   #@627
        self._flag.clear()

    def wait(self, timeout=None):   #@637
        return self._flag.wait(-1 if timeout is None else max(timeout, 0))


class ExceptHookArgs:
    # What excepthook gets about an exception that ended a thread's run().

    def __init__(self, exc_type, exc_value, exc_traceback, thread):
        self.exc_type = exc_type
        self.exc_value = exc_value
        self.exc_traceback = exc_traceback
        self.thread = thread


def _newname(name_template):   #@837
    return name_template % _next_thread_number()

# Thread objects by ident: the threads running Python code, as threading sees them.
_active = {}   #@845
_limbo = {}


class Thread:   #@871

    _initialized = False

    def __init__(self, group=None, target=None, name=None,   #@882
                 args=(), kwargs=None, *, daemon=None):
        assert group is None, "group argument must be None for now"
        if kwargs is None:
            kwargs = {}
        if name:
            name = str(name)
        else:
            name = _newname("Thread-%d")
            if target is not None:
                try:
                    name += f" ({target.__name__})"
                except AttributeError:
                    pass
        self._target = target
        self._name = name
        self._args = args
        self._kwargs = kwargs
        self._daemonic = current_thread().daemon if daemon is None else daemon
        self._ident = None
        self._native_id = None
        self._handle = None
        self._started = Event()
        self._is_stopped = False
        self._initialized = True

    def __repr__(self):   #@959
        assert self._initialized, "Thread.__init__() was not called"
        status = "initial"
        if self._started.is_set():
            status = "started"
        if not self.is_alive() and self._started.is_set():
            status = "stopped"
        if self._daemonic:
            status += " daemon"
        if self._ident is not None:
            status += " %s" % self._ident
        return "<%s(%s, %s)>" % (self.__class__.__name__, self._name, status)

    def start(self):   #@973
        if not self._initialized:
            raise RuntimeError("thread.__init__() not called")   #@984
        if self._started.is_set():
            raise RuntimeError("threads can only be started once")   #@987
        _limbo[self] = self
        self._handle = _start_thread(self._bootstrap, self._name, self._daemonic)
        # Like CPython, the starter goes on only once the new thread has run its first lines.
        self._started.wait()   #@997

    def run(self):   #@999
        try:
            if self._target is not None:
                self._target(*self._args, **self._kwargs)   #@1010
        finally:
            del self._target, self._args, self._kwargs

    def _bootstrap(self):   #@1016
        self._bootstrap_inner()

    def _bootstrap_inner(self):   #@1056
        try:
            self._ident = get_ident()
            self._native_id = get_native_id()
            self._started.set()
            _active[self._ident] = self
            del _limbo[self]
            try:
                self.run()   #@1073
            except BaseException as exc:
                excepthook(ExceptHookArgs(type(exc), exc, exc.__traceback__, self))
        finally:
            del _active[self._ident]

    def join(self, timeout=None):   #@1115
        if not self._initialized:
            raise RuntimeError("Thread.__init__() not called")   #@1140
        if not self._started.is_set():
            raise RuntimeError("cannot join thread before it is started")   #@1142
        if self is current_thread():
            raise RuntimeError("cannot join current thread")   #@1144
        if self._handle is None:
            return
        if timeout is None:
            self._handle.join(-1)
        else:
            self._handle.join(max(timeout, 0))

    @property
    def name(self):   #@1181
        assert self._initialized, "Thread.__init__() not called"
        return self._name

    @name.setter
    def name(self, name):   #@1192
        assert self._initialized, "Thread.__init__() not called"
        self._name = str(name)

    @property
    def ident(self):   #@1197
        assert self._initialized, "Thread.__init__() not called"
        return self._ident

    @property
    def native_id(self):
        assert self._initialized, "Thread.__init__() not called"
        return self._native_id

    def is_alive(self):   #@1220
        assert self._initialized, "Thread.__init__() not called"
        if not self._started.is_set():
            return False
        return self._handle is None or not self._handle.is_done()

    @property
    def daemon(self):   #@1235
        assert self._initialized, "Thread.__init__() not called"
        return self._daemonic

    @daemon.setter
    def daemon(self, daemonic):   #@1250
        if not self._initialized:
            raise RuntimeError("Thread.__init__() not called")   #@1252
        if self._started.is_set():
            raise RuntimeError("cannot set daemon status of active thread")   #@1256
        self._daemonic = daemonic

    def isDaemon(self):   #@1259
        _deprecated('isDaemon() is deprecated, get the daemon attribute instead')
        return self.daemon

    def setDaemon(self, daemonic):   #@1270
        _deprecated('setDaemon() is deprecated, set the daemon attribute instead')
        self.daemon = daemonic

    def getName(self):   #@1281
        _deprecated('getName() is deprecated, get the name attribute instead')
        return self.name

    def setName(self, name):   #@1292
        _deprecated('setName() is deprecated, set the name attribute instead')
        self.name = name


class _MainThread(Thread):   #@1437

    def __init__(self):   #@1439
        Thread.__init__(self, name="MainThread", daemon=False)
        self._started.set()
        self._ident = _main_ident()
        self._native_id = self._ident
        _active[self._ident] = self


class _KnownThread(Thread):
    # A thread the library started for itself (pool workers, helpers): a Thread in CPython too.

    def __init__(self, ident, name):
        Thread.__init__(self, name=name, daemon=False)
        self._started.set()
        self._ident = ident
        self._native_id = ident
        self._handle = _thread_handle(ident)
        _active[ident] = self


def current_thread():   #@1484
    return _thread_for(get_ident())


def currentThread():
    _deprecated('currentThread() is deprecated, use current_thread() instead')
    return current_thread()


def active_count():   #@1507
    return _live_threads()


def activeCount():
    _deprecated('activeCount() is deprecated, use active_count() instead')
    return active_count()


def _thread_for(ident):
    known = _active.get(ident)
    return known if known is not None else _KnownThread(ident, _thread_name(ident))


def enumerate():
    return [_thread_for(ident) for ident in _live_idents()]


def main_thread():   #@1630
    return _main_thread


_main_thread = _MainThread()
