# multiprocessing's locks, semaphores, condition and event. Each lock or semaphore is one _SemLock, shared by
# every process forked after it was made (CPython's is a named POSIX semaphore); the condition and the event
# are built from several of them.

RECURSIVE_MUTEX = 0
SEMAPHORE = 1
SEM_VALUE_MAX = 2147483647


def _holder_name():
    # a lock held here is shown as held by this process, and by this thread unless it is the main one
    process = current_process().name
    thread = threading.current_thread().name
    return process if thread == 'MainThread' else process + '|' + thread


class SemLock:
    # acquire and release are the shared semaphore's own methods

    def __init__(self, kind, value, maxvalue, *, ctx=None):
        self._semlock = _SemLock(kind, value, maxvalue)
        self._expose_methods()

    def _expose_methods(self):
        sem = self._semlock
        self.acquire, self.release = sem.acquire, sem.release

    def _value_now(self):
        return self._semlock._get_value()

    def __enter__(self):
        return self._semlock.acquire()

    def __exit__(self, *exc_info):
        return self._semlock.release()


class Semaphore(SemLock):

    def __init__(self, value=1, *, ctx=None):
        if value < 0:
            raise ValueError("semaphore initial value must be >= 0")
        super().__init__(SEMAPHORE, value, SEM_VALUE_MAX)

    def get_value(self):
        return self._value_now()

    def __repr__(self):
        return f"<{type(self).__name__}(value={self._value_now()})>"


class BoundedSemaphore(Semaphore):
    # a release past the starting value is an error

    def __init__(self, value=1, *, ctx=None):
        SemLock.__init__(self, SEMAPHORE, value, value)
        self._maxvalue = value

    def __repr__(self):
        return f"<{type(self).__name__}(value={self._value_now()}, maxvalue={self._maxvalue})>"


class Lock(SemLock):

    def __init__(self, *, ctx=None):
        super().__init__(SEMAPHORE, 1, 1)

    def __repr__(self):
        sem = self._semlock
        if sem._is_mine():
            owner = _holder_name()
        else:
            owner = ('None' if sem._get_value() == 1 else 'SomeOtherThread' if sem._count() > 0
                     else 'SomeOtherProcess')
        return f"<{type(self).__name__}(owner={owner})>"


class RLock(SemLock):

    def __init__(self, *, ctx=None):
        super().__init__(RECURSIVE_MUTEX, 1, 1)

    def __repr__(self):
        sem = self._semlock
        if sem._is_mine():
            owner, depth = _holder_name(), sem._count()
        elif sem._get_value() == 1:
            owner, depth = 'None', 0
        else:
            # another thread or process holds it, to a depth that cannot be seen from here
            owner = 'SomeOtherThread' if sem._count() > 0 else 'SomeOtherProcess'
            depth = 'nonzero'
        return f"<{type(self).__name__}({owner}, {depth})>"


class Condition:
    # sleepers wait on one semaphore; two more count the threads that went to sleep and those that woke, so
    # that notify() wakes no more sleepers than there are and returns once they are up

    def __init__(self, lock=None, *, ctx=None):
        self._lock = lock or RLock()
        self._sleeping_count = Semaphore(0)
        self._woken_count = Semaphore(0)
        self._wait_semaphore = Semaphore(0)
        self._expose_methods()

    def _expose_methods(self):
        lock = self._lock
        self.acquire, self.release = lock.acquire, lock.release

    def __enter__(self):
        return self.acquire()

    def __exit__(self, *exc_info):
        return self.release()

    def __repr__(self):
        asleep = self._sleeping_count.get_value() - self._woken_count.get_value()
        return f"<{type(self).__name__}({self._lock}, {asleep})>"

    def wait(self, timeout=None):
        held = self._lock._semlock
        assert held._is_mine(), 'must acquire() condition before using wait()'
        self._sleeping_count.release()
        # all levels of the lock are let go while asleep, and taken back afterwards
        levels = held._count()
        for _ in range(levels):
            self._lock.release()
        try:
            return self._wait_semaphore.acquire(timeout=timeout)
        finally:
            self._woken_count.release()
            for _ in range(levels):
                self._lock.acquire()

    def notify(self, n=1):
        held = self._lock._semlock
        assert held._is_mine(), 'lock is not owned'
        woken, sleeping, bell = self._woken_count, self._sleeping_count, self._wait_semaphore
        # a sleeper that timed out has counted itself woken without being rung for: forget it first
        while woken.acquire(False):
            sleeping.acquire(False)
        rung = 0
        while rung < n and sleeping.acquire(False):
            bell.release()
            rung += 1
        # wait for each of them to wake, then take back rings that nobody answered
        for _ in range(rung):
            woken.acquire()
        if rung:
            while bell.acquire(False):
                pass

    def notify_all(self):
        self.notify(sys.maxsize)

    def wait_for(self, predicate, timeout=None):
        result = predicate()
        if result:
            return result
        deadline = None if timeout is None else time.monotonic() + timeout
        waittime = None
        while not result:
            if deadline is not None:
                waittime = deadline - time.monotonic()
                if waittime <= 0:
                    break
            self.wait(waittime)
            result = predicate()
        return result


class Event:
    # the flag is a semaphore at 0 or 1, changed and read only under the condition

    def __init__(self, *, ctx=None):
        self._cond = Condition(Lock())
        self._flag = Semaphore(0)

    def _flag_up(self):
        # looks at the flag without changing it
        up = self._flag.acquire(False)
        if up:
            self._flag.release()
        return up

    def is_set(self):
        with self._cond:
            return self._flag_up()

    def set(self):
        with self._cond:
            self._flag.acquire(False)
            self._flag.release()
            self._cond.notify_all()

    def clear(self):
        with self._cond:
            self._flag.acquire(False)

    def wait(self, timeout=None):
        with self._cond:
            if not self._flag_up():
                self._cond.wait(timeout)
            return self._flag_up()

    def __repr__(self):
        state = 'set' if self.is_set() else 'unset'
        return f"<{type(self).__qualname__} at {id(self):#x} {state}>"
