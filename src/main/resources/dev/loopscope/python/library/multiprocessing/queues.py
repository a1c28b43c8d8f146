# multiprocessing's queues. put() leaves the object in a buffer for a feeder thread of the putting process,
# which pickles it and writes it to a pipe every forked process shares; get() reads from the pipe and
# unpickles. Lines ending in a pin sit at CPython 3.12.1's line numbers.

Empty = queue.Empty
Full = queue.Full
# what close() leaves in the buffer to stop the feeder thread
_STOP_FEEDING = object()


def _reset_in_child(q):
    q._reset()


def _stop_feeder(buffer, notempty):
    with notempty:
        buffer.append(_STOP_FEEDING)
        notempty.notify()


class Queue:

    def __init__(self, maxsize=0, *, ctx=None):
        # no bound means as many as a semaphore can count
        self._maxsize = maxsize if maxsize > 0 else SEM_VALUE_MAX
        self._reader = self._writer = _Channel()
        self._rlock = Lock()
        self._opid = os.getpid()
        self._wlock = Lock()
        # one permit per free place
        self._sem = BoundedSemaphore(self._maxsize)
        self._ignore_epipe = False
        self._reset()
        # a forked child starts with an empty buffer and no feeder thread of its own
        register_after_fork(self, _reset_in_child)

    def _reset(self):
        self._notempty = threading.Condition(threading.Lock())
        self._buffer = []
        self._thread = self._jointhread = self._close = None
        self._joincancelled = self._closed = False
        reader, writer = self._reader, self._writer
        self._send_bytes = writer.send_bytes
        self._recv_bytes = reader.recv_bytes
        self._poll = reader.poll

    def put(self, obj, block=True, timeout=None):
        if self._closed:
            raise ValueError(f"Queue {self!r} is closed")   #@88
        if not self._sem.acquire(block, timeout):
            raise Full   #@90
        with self._notempty:
            self._ensure_feeder()
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
            deadline = time.monotonic() + timeout if block else None
            if not self._rlock.acquire(block, timeout):
                raise Empty   #@109
            try:
                if block:
                    if not self._poll(deadline - time.monotonic()):
                        raise Empty   #@114
                elif not self._poll():
                    raise Empty   #@116
                res = self._recv_bytes()
                self._sem.release()
            finally:
                self._rlock.release()
        return _ForkingPickler.loads(res)   #@122

    def qsize(self):
        return self._maxsize - self._sem.get_value()

    def empty(self):
        return not self._poll()

    def full(self):
        return self._sem.get_value() == 0

    def get_nowait(self):
        return self.get(False)   #@135

    def put_nowait(self, obj):
        return self.put(obj, False)   #@138

    def close(self):
        self._closed = True
        finalizer, self._close = self._close, None
        if finalizer:
            finalizer()

    def join_thread(self):
        assert self._closed, "Queue {0!r} not closed".format(self)   #@149
        if self._jointhread:
            self._jointhread()

    def cancel_join_thread(self):
        self._joincancelled = True
        joiner = self._jointhread
        if joiner is not None:
            joiner.cancel()

    def _ensure_feeder(self):
        # the first put starts the feeder thread
        if self._thread is None:
            self._start_thread()

    def _start_thread(self):
        self._buffer.clear()
        feeder = threading.Thread(target=Queue._feed, name='QueueFeederThread', daemon=True,
                                  args=(self._buffer, self._notempty, self._send_bytes, self._wlock, self._sem))
        self._thread = feeder
        feeder.start()
        # at exit the feeder is first told to stop (priority 10), then waited for (priority -5) unless the
        # program said not to
        if not self._joincancelled:
            self._jointhread = Finalize(feeder, feeder.join, exitpriority=-5)
        self._close = Finalize(self, _stop_feeder, (self._buffer, self._notempty), exitpriority=10)

    @staticmethod
    def _feed(buffer, notempty, send_bytes, writelock, queue_sem):
        # the feeder thread: pickles and writes what put() left in the buffer, until the stop marker; an object
        # that cannot be pickled is reported and its place given back
        while True:
            with notempty:
                if not buffer:
                    notempty.wait()
            while buffer:
                obj = buffer.pop(0)
                if obj is _STOP_FEEDING:
                    return
                try:
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
    # also counts the items put and not yet marked done

    def __init__(self, maxsize=0, *, ctx=None):
        super().__init__(maxsize)
        self._unfinished_tasks = Semaphore(0)
        self._cond = Condition()

    def put(self, obj, block=True, timeout=None):
        if self._closed:
            raise ValueError(f"Queue {self!r} is closed")   #@327
        if not self._sem.acquire(block, timeout):
            raise Full   #@329
        with self._notempty:
            with self._cond:
                self._ensure_feeder()
                self._buffer.append(obj)
                self._unfinished_tasks.release()
                self._notempty.notify()

    def task_done(self):
        unfinished = self._unfinished_tasks
        with self._cond:
            if not unfinished.acquire(False):
                raise ValueError('task_done() called too many times')   #@341
            if unfinished.get_value() == 0:
                self._cond.notify_all()

    def join(self):
        with self._cond:
            if self._unfinished_tasks.get_value() != 0:
                self._cond.wait()


class SimpleQueue:
    # put() pickles and writes at once, without a feeder thread

    def __init__(self, *, ctx=None):
        pipe = _Channel()
        self._reader = self._writer = pipe
        self._rlock = Lock()
        self._poll = pipe.poll
        self._wlock = Lock()

    def close(self):
        self._reader.close()

    def empty(self):
        return not self._poll()

    def get(self):
        receive = self._reader.recv_bytes
        with self._rlock:
            res = receive()
        return _ForkingPickler.loads(res)   #@384

    def put(self, obj):
        obj = _ForkingPickler.dumps(obj)   #@388
        writer = self._writer
        with self._wlock:
            writer.send_bytes(obj)
