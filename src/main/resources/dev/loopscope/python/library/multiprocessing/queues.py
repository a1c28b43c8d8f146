# multiprocessing's queues, as CPython's queues.py: put() hands the object to a feeder thread of the putting
# process, which pickles it and writes it to a pipe that every forked process shares; get() reads and unpickles.
# Lines ending in a pin sit at CPython 3.12.1's line numbers.

Empty = queue.Empty
Full = queue.Full
_sentinel = object()


class Queue(object):

    def __init__(self, maxsize=0, *, ctx=None):
        if maxsize <= 0:
            maxsize = SEM_VALUE_MAX
        self._maxsize = maxsize
        self._reader = self._writer = _Channel()
        self._rlock = Lock()
        self._opid = os.getpid()
        self._wlock = Lock()
        self._sem = BoundedSemaphore(maxsize)
        self._ignore_epipe = False
        self._reset()
        register_after_fork(self, Queue._after_fork)

    def _after_fork(self):
        self._reset(after_fork=True)

    def _reset(self, after_fork=False):
        self._notempty = threading.Condition(threading.Lock())
        self._buffer = []
        self._thread = None
        self._jointhread = None
        self._joincancelled = False
        self._closed = False
        self._close = None
        self._send_bytes = self._writer.send_bytes
        self._recv_bytes = self._reader.recv_bytes
        self._poll = self._reader.poll

    def put(self, obj, block=True, timeout=None):
        if self._closed:
            raise ValueError(f"Queue {self!r} is closed")   #@88
        if not self._sem.acquire(block, timeout):
            raise Full   #@90

        with self._notempty:
            if self._thread is None:
                self._start_thread()
            self._buffer.append(obj)
            self._notempty.notify()

    def get(self, block=True, timeout=None):
        if self._closed:
            raise ValueError(f"Queue {self!r} is closed")   #@100
        if block and timeout is None:
            with self._rlock:
                res = self._recv_bytes()
            self._sem.release()
        else:
            if block:
                deadline = time.monotonic() + timeout
            if not self._rlock.acquire(block, timeout):
                raise Empty   #@109
            try:
                if block:
                    timeout = deadline - time.monotonic()
                    if not self._poll(timeout):
                        raise Empty   #@114
                elif not self._poll():
                    raise Empty   #@116
                res = self._recv_bytes()
                self._sem.release()
            finally:
                self._rlock.release()
        return _ForkingPickler.loads(res)   #@122

    def qsize(self):
        return self._maxsize - self._sem._semlock._get_value()

    def empty(self):
        return not self._poll()

    def full(self):
        return self._sem._semlock._is_zero()

    def get_nowait(self):
        return self.get(False)   #@135

    def put_nowait(self, obj):
        return self.put(obj, False)   #@138

    def close(self):
        self._closed = True
        close = self._close
        if close:
            self._close = None
            close()

    def join_thread(self):
        assert self._closed, "Queue {0!r} not closed".format(self)   #@149
        if self._jointhread:
            self._jointhread()

    def cancel_join_thread(self):
        self._joincancelled = True
        if self._jointhread is not None:
            self._jointhread.cancel()

    def _start_thread(self):
        self._buffer.clear()
        self._thread = threading.Thread(
            target=Queue._feed,
            args=(self._buffer, self._notempty, self._send_bytes,
                  self._wlock, self._sem),
            name='QueueFeederThread',
            daemon=True,
        )
        self._thread.start()
        if not self._joincancelled:
            self._jointhread = Finalize(
                self._thread, Queue._finalize_join,
                [self._thread],
                exitpriority=-5
                )
        self._close = Finalize(
            self, Queue._finalize_close,
            [self._buffer, self._notempty],
            exitpriority=10
            )

    @staticmethod
    def _finalize_join(thread):
        thread.join()

    @staticmethod
    def _finalize_close(buffer, notempty):
        with notempty:
            buffer.append(_sentinel)
            notempty.notify()

    @staticmethod
    def _feed(buffer, notempty, send_bytes, writelock, queue_sem):
        while 1:
            try:
                with notempty:
                    if not buffer:
                        notempty.wait()
                while buffer:
                    obj = buffer.pop(0)
                    if obj is _sentinel:
                        return
                    obj = _ForkingPickler.dumps(obj)   #@259
                    with writelock:
                        send_bytes(obj)
            except Exception as e:
                queue_sem.release()
                Queue._on_queue_feeder_error(e, obj)

    @staticmethod
    def _on_queue_feeder_error(e, obj):
        _write_stderr(_format_exception(e))


class JoinableQueue(Queue):

    def __init__(self, maxsize=0, *, ctx=None):
        Queue.__init__(self, maxsize)
        self._unfinished_tasks = Semaphore(0)
        self._cond = Condition()

    def put(self, obj, block=True, timeout=None):
        if self._closed:
            raise ValueError(f"Queue {self!r} is closed")   #@327
        if not self._sem.acquire(block, timeout):
            raise Full   #@329

        with self._notempty, self._cond:
            if self._thread is None:
                self._start_thread()
            self._buffer.append(obj)
            self._unfinished_tasks.release()
            self._notempty.notify()

    def task_done(self):
        with self._cond:
            if not self._unfinished_tasks.acquire(False):
                raise ValueError('task_done() called too many times')   #@341
            if self._unfinished_tasks._semlock._is_zero():
                self._cond.notify_all()

    def join(self):
        with self._cond:
            if not self._unfinished_tasks._semlock._is_zero():
                self._cond.wait()


class SimpleQueue(object):

    def __init__(self, *, ctx=None):
        self._reader = self._writer = _Channel()
        self._rlock = Lock()
        self._poll = self._reader.poll
        self._wlock = Lock()

    def close(self):
        self._reader.close()

    def empty(self):
        return not self._poll()

    def get(self):
        with self._rlock:
            res = self._reader.recv_bytes()
        return _ForkingPickler.loads(res)   #@384

    def put(self, obj):
        obj = _ForkingPickler.dumps(obj)   #@388
        with self._wlock:
            self._writer.send_bytes(obj)
