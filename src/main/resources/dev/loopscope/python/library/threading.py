# The threading module on the simulated threads. Blocking happens in the engine primitives bound in
# ThreadingModule (_Flag, _Permits, locks, thread handles); this file gives them CPython's classes, argument
# checks and error messages. Lines ending in a pin sit at CPython 3.12.1's line numbers for tracebacks.

# what a Condition takes over from its lock when the lock has it
_LOCK_HOOKS = ('_release_save', '_acquire_restore', '_is_owned')
# a Barrier's states: 0 filling, 1 draining, -1 resetting, -2 broken
_DRAINING_OR_RESETTING = (-1, 1)

Lock = _allocate_lock   #@122

def RLock(*args, **kwargs):   #@124
    return _CRLock(*args, **kwargs)


class Condition:   #@265

    def __init__(self, lock=None):   #@277
        if lock is None:
            lock = RLock()
        self._lock = lock
        # taking and leaving the condition is taking and leaving its lock
        self.acquire, self.release = lock.acquire, lock.release
        # an RLock drops all its levels and takes them back through hooks of its own; a plain lock uses the
        # fallbacks below
        for hook in _LOCK_HOOKS:
            if hasattr(lock, hook):
                setattr(self, hook, getattr(lock, hook))
        # every waiting thread blocks on a lock of its own, oldest first
        self._waiters = []

    def __enter__(self):   #@299
        return self._lock.__enter__()   #@300

    def __exit__(self, *args):   #@302
        return self._lock.__exit__(*args)   #@303

    def __repr__(self):   #@305
        return f"<Condition({self._lock}, {len(self._waiters)})>"

    def _release_save(self):   #@308
        self._lock.release()           # No state to save   #@309

    def _acquire_restore(self, x):   #@311
        self._lock.acquire()           # Ignore saved state   #@312

    def _is_owned(self):   #@314
        # a plain lock counts as owned when it cannot be taken right now
        free = self._lock.acquire(False)
        if free:
            self._lock.release()
        return not free

    def wait(self, timeout=None):   #@323
        if not self._is_owned():   #@346
            raise RuntimeError("cannot wait on un-acquired lock")   #@347
        waiter = _allocate_lock()
        waiter.acquire()
        self._waiters.append(waiter)
        saved_state = self._release_save()   #@351
        gotit = False
        try:
            if timeout is None:
                waiter.acquire()   #@355
                gotit = True
            elif timeout > 0:
                gotit = waiter.acquire(True, timeout)   #@359
            else:
                gotit = waiter.acquire(False)   #@361
            return gotit
        finally:
            self._acquire_restore(saved_state)   #@364
            if not gotit:
                # gave up: leave the line, unless a notify() has taken this waiter out already
                pending = self._waiters
                if waiter in pending:
                    pending.remove(waiter)

    def wait_for(self, predicate, timeout=None):   #@371
        # the deadline is fixed when the first check fails; every wait gets what is left of it
        deadline = None
        waittime = timeout
        result = predicate()   #@381
        while not result:
            if timeout is not None:
                if deadline is None:
                    deadline = timeout + _time()
                else:
                    waittime = deadline - _time()
                    if waittime <= 0:
                        break
            self.wait(waittime)   #@390
            result = predicate()   #@391
        return result

    def notify(self, n=1):   #@394
        if not self._is_owned():   #@404
            raise RuntimeError("cannot notify on un-acquired lock")   #@405
        # the oldest waiters go first; one whose wait has already ended does not count
        line = self._waiters
        left = n
        while left > 0 and line:
            first = line[0]
            try:
                first.release()
                left -= 1
            except RuntimeError:
                pass
            if line and line[0] is first:
                line.pop(0)

    def notify_all(self):   #@424
        self.notify(len(self._waiters))   #@431

    def notifyAll(self):   #@433
        _deprecated('notifyAll() is deprecated, use notify_all() instead')
        self.notify_all()


class Semaphore:   #@445

    def __init__(self, value=1):   #@457
        if value < 0:
            raise ValueError("semaphore initial value must be >= 0")   #@459
        self._permits = _Permits(value)

    def acquire(self, blocking=True, timeout=None):   #@468
        if not blocking:
            if timeout is not None:
                raise ValueError("can't specify timeout for non-blocking acquire")   #@493
            return self._permits.acquire(0)
        # the permits count a negative wait as forever
        return self._permits.acquire(max(timeout, 0) if timeout is not None else -1)

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
        where = "%s.%s at %#x" % (kind.__module__, kind.__qualname__, id(self))
        return "<%s: value=%s/%s>" % (where, self._value, self._initial_value)

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


class Barrier:   #@670

    def __init__(self, parties, action=None, timeout=None):   #@679
        self._cond = Condition(Lock())
        self._action = action
        self._timeout = timeout
        self._parties = parties
        # 0: filling, 1: draining, -1: resetting, -2: broken
        self._state = 0
        self._count = 0

    def __repr__(self):   #@695
        kind = type(self)
        where = "%s.%s at %#x" % (kind.__module__, kind.__qualname__, id(self))
        state = "broken" if self.broken else "waiters=%s/%s" % (self.n_waiting, self.parties)
        return "<%s: %s>" % (where, state)

    def wait(self, timeout=None):   #@702
        if timeout is None:
            timeout = self._timeout
        with self._cond:   #@713
            self._enter() # Block while the barrier drains.   #@714
            index = self._count
            self._count = index + 1
            try:
                if self._count == self._parties:
                    # The last one in lets everybody go.
                    self._release()   #@720
                else:
                    # The others wait to be let go.
                    self._wait(timeout)   #@723
                return index
            finally:
                self._count -= 1
                # The last one out lets in the threads waiting for the barrier to drain.
                self._exit()

    def _enter(self):   #@732
        while self._state in _DRAINING_OR_RESETTING:
            self._cond.wait()   #@735
        if self._state < 0:
            raise BrokenBarrierError   #@738
        assert self._state == 0

    def _release(self):   #@743
        try:
            if self._action:
                self._action()   #@746
            self._state = 1
            self._cond.notify_all()
        except:
            self._break()
            raise

    def _wait(self, timeout):   #@757
        if not self._cond.wait_for(lambda : self._state != 0, timeout):   #@758
            self._break()
            raise BrokenBarrierError   #@761
        if self._state < 0:
            raise BrokenBarrierError   #@763
        assert self._state == 1

    def _exit(self):   #@768
        if self._count == 0 and self._state in _DRAINING_OR_RESETTING:
            self._state = 0
            self._cond.notify_all()

    def reset(self):   #@775
        with self._cond:
            if self._count > 0:
                # Waiting threads leave with BrokenBarrierError; a broken barrier is reset once they have.
                if self._state in (0, -2):
                    self._state = -1
            else:
                self._state = 0
            self._cond.notify_all()

    def abort(self):   #@795
        with self._cond:
            self._break()

    def _break(self):   #@805
        self._state = -2
        self._cond.notify_all()

    @property
    def parties(self):   #@812
        return self._parties

    @property
    def n_waiting(self):   #@817
        if self._state == 0:
            return self._count
        return 0

    @property
    def broken(self):   #@826
        return self._state == -2


class BrokenBarrierError(RuntimeError):   #@831
    pass


def _newname(name_template):   #@837
    return name_template % _next_thread_number()

# Thread objects by ident: the threads running Python code, as threading sees them.
_active = {}   #@845
_limbo = {}


class ExceptHookArgs:
    # What excepthook gets about an exception that ended a thread's run().

    def __init__(self, exc_type, exc_value, exc_traceback, thread):
        self.exc_type = exc_type
        self.exc_value = exc_value
        self.exc_traceback = exc_traceback
        self.thread = thread


class Thread:   #@871

    _initialized = False

    def __init__(self, group=None, target=None, name=None,   #@882
                 args=(), kwargs=None, *,
                 daemon=None):
        assert group is None, "group argument must be None for now"   #@905
        if name:
            name = str(name)
        else:
            # numbered, with the target's name when it has one
            name = _newname("Thread-%d")
            try:
                name = name if target is None else f"{name} ({target.__name__})"
            except AttributeError:
                pass
        self._target = target
        self._name = name
        self._args = args
        self._kwargs = {} if kwargs is None else kwargs
        self._daemonic = current_thread().daemon if daemon is None else daemon
        self._ident = None
        self._native_id = None
        self._handle = None
        self._started = Event()
        self._is_stopped = False
        self._initialized = True

    def __repr__(self):   #@959
        assert self._initialized, "Thread.__init__() was not called"   #@960
        began = self._started.is_set()
        alive = self.is_alive()
        words = ["initial" if not began else "started" if alive else "stopped"]
        if self._daemonic:
            words.append("daemon")
        if self._ident is not None:
            words.append(str(self._ident))
        return "<%s(%s, %s)>" % (type(self).__name__, self._name, " ".join(words))

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
            # the thread keeps no references to what it ran
            for attr in ('_target', '_args', '_kwargs'):
                delattr(self, attr)

    def _bootstrap(self):   #@1016
        self._bootstrap_inner()

    def _bootstrap_inner(self):   #@1056
        try:
            ident = self._ident = get_ident()
            self._native_id = get_native_id()
            self._started.set()
            # from now on threading knows the thread by its ident
            _active[ident] = self
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
        elif not self._started.is_set():
            raise RuntimeError("cannot join thread before it is started")   #@1142
        elif current_thread() is self:
            raise RuntimeError("cannot join current thread")   #@1144
        # a thread with no handle is one that was never started here (the main thread of a fork)
        if self._handle is not None:
            self._handle.join(-1 if timeout is None else max(timeout, 0))

    @property
    def name(self):   #@1181
        assert self._initialized, "Thread.__init__() not called"   #@1188
        return self._name

    @name.setter
    def name(self, name):   #@1192
        assert self._initialized, "Thread.__init__() not called"   #@1193
        self._name = str(name)

    @property
    def ident(self):   #@1197
        assert self._initialized, "Thread.__init__() not called"   #@1205
        return self._ident

    @property
    def native_id(self):
        assert self._initialized, "Thread.__init__() not called"   #@1217
        return self._native_id

    def is_alive(self):   #@1220
        assert self._initialized, "Thread.__init__() not called"   #@1228
        # the main thread of a fork has no handle and is alive
        return self._started.is_set() and (self._handle is None or not self._handle.is_done())

    @property
    def daemon(self):   #@1235
        assert self._initialized, "Thread.__init__() not called"   #@1246
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


class Timer(Thread):   #@1407

    def __init__(self, interval, function, args=None, kwargs=None):   #@1416
        Thread.__init__(self)
        self.interval = interval
        self.function = function
        self.args = [] if args is None else args
        self.kwargs = {} if kwargs is None else kwargs
        self.finished = Event()

    def cancel(self):   #@1424
        self.finished.set()

    def run(self):   #@1428
        self.finished.wait(self.interval)   #@1429
        if not self.finished.is_set():
            self.function(*self.args, **self.kwargs)   #@1431
        self.finished.set()


class _MainThread(Thread):   #@1437

    def __init__(self):   #@1439
        super().__init__(name="MainThread", daemon=False)
        self._started.set()
        self._ident = self._native_id = _main_ident()
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


def _after_fork(forker_ident):
    # In a forked child only the thread that forked goes on: it becomes the child's main thread.
    global _main_thread
    current = _active.get(forker_ident)
    if current is None:
        current = _main_thread
    current._ident = get_ident()
    current._native_id = get_native_id()
    current._handle = None
    _active.clear()
    _limbo.clear()
    _active[current._ident] = current
    _main_thread = current
