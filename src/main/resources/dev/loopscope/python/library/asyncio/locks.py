# asyncio.Lock, Event, Condition, Semaphore and BoundedSemaphore, built on loop futures as CPython's are, so that
# every wake-up takes the same loop iterations. Lines ending in a pin sit at CPython 3.12.1's line numbers.
# `async with` on a lock, condition or semaphore awaits the coroutines __aenter__ and __aexit__, as CPython's do.


class _ContextManagerMixin:   #@12
    async def __aenter__(self):   #@13
        await self.acquire()   #@14
        return None   #@17

    async def __aexit__(self, exc_type, exc, tb):   #@19
        self.release()   #@20


class Lock(_ContextManagerMixin, _LoopBoundMixin):   #@23

    def __init__(self):   #@77
        self._waiters = None
        self._locked = False

    def __repr__(self):
        text = super().__repr__()
        state = 'locked' if self._locked else 'unlocked'
        if self._waiters:
            state = f'{state}, waiters:{len(self._waiters)}'
        return f'<{text[1:-1]} [{state}]>'

    def locked(self):   #@88
        return self._locked

    async def acquire(self):   #@92
        if not self._locked and (self._waiters is None or all(w.cancelled() for w in self._waiters)):
            self._locked = True
            return True
        if self._waiters is None:
            self._waiters = []
        fut = self._get_loop().create_future()   #@105
        self._waiters.append(fut)
        try:
            try:
                await fut   #@113
            finally:
                self._waiters.remove(fut)
        except exceptions.CancelledError:
            # Released while we were being cancelled: pass the turn on.
            if not self._locked:
                self._wake_up_first()
            raise
        self._locked = True
        return True

    def release(self):   #@124
        if not self._locked:
            raise RuntimeError('Lock is not acquired.')   #@139
        self._locked = False
        self._wake_up_first()

    def _wake_up_first(self):
        if self._waiters:
            first = self._waiters[0]
            if not first.done():
                first.set_result(True)


class Event(_LoopBoundMixin):   #@157

    def __init__(self):   #@166
        self._waiters = []
        self._value = False

    def __repr__(self):
        text = super().__repr__()
        state = 'set' if self._value else 'unset'
        if self._waiters:
            state = f'{state}, waiters:{len(self._waiters)}'
        return f'<{text[1:-1]} [{state}]>'

    def is_set(self):   #@177
        return self._value

    def set(self):   #@181
        if self._value:
            return
        self._value = True
        for fut in self._waiters:
            if not fut.done():
                fut.set_result(True)

    def clear(self):   #@193
        self._value = False

    async def wait(self):   #@199
        if self._value:
            return True
        fut = self._get_loop().create_future()   #@209
        self._waiters.append(fut)
        try:
            await fut   #@212
            return True
        finally:
            self._waiters.remove(fut)


class Condition(_ContextManagerMixin, _LoopBoundMixin):   #@218

    def __init__(self, lock=None):   #@228
        if lock is None:
            lock = Lock()
        self._lock = lock
        self.locked = lock.locked
        self.acquire, self.release = lock.acquire, lock.release
        self._waiters = []

    def __repr__(self):   #@240
        text = super().__repr__()
        state = 'locked' if self.locked() else 'unlocked'
        if self._waiters:
            state = f'{state}, waiters:{len(self._waiters)}'
        return f'<{text[1:-1]} [{state}]>'

    async def wait(self):   #@247
        if not self.locked():   #@258
            raise RuntimeError('cannot wait on un-acquired lock')   #@259

        self.release()   #@261
        try:   #@262
            fut = self._get_loop().create_future()   #@263
            self._waiters.append(fut)   #@264
            try:   #@265
                await fut   #@266
                return True   #@267
            finally:   #@268
                self._waiters.remove(fut)   #@269

        finally:   #@271
            cancelled = False   #@273
            while True:   #@274
                try:   #@275
                    await self.acquire()   #@276
                    break   #@277
                except exceptions.CancelledError:   #@278
                    cancelled = True   #@279

            if cancelled:   #@281
                raise exceptions.CancelledError   #@282

    async def wait_for(self, predicate):   #@284
        result = predicate()   #@291
        while not result:   #@292
            await self.wait()   #@293
            result = predicate()   #@294
        return result   #@295

    def notify(self, n=1):   #@297
        if not self.locked():   #@309
            raise RuntimeError('cannot notify on un-acquired lock')   #@310

        woken = 0   #@312
        for fut in self._waiters:   #@313
            if woken >= n:   #@314
                break   #@315

            if not fut.done():   #@317
                woken += 1   #@318
                fut.set_result(False)   #@319

    def notify_all(self):   #@321
        self.notify(len(self._waiters))   #@327


class Semaphore(_ContextManagerMixin, _LoopBoundMixin):   #@330

    def __init__(self, value=1):   #@345
        if value < 0:
            raise ValueError("Semaphore initial value must be >= 0")   #@347
        self._waiters = None
        self._value = value

    def __repr__(self):
        text = super().__repr__()
        state = 'locked' if self.locked() else f'unlocked, value:{self._value}'
        if self._waiters:
            state = f'{state}, waiters:{len(self._waiters)}'
        return f'<{text[1:-1]} [{state}]>'

    def locked(self):   #@358
        if self._value == 0:
            return True
        return any(not w.cancelled() for w in (self._waiters or ()))

    async def acquire(self):   #@363
        if not self.locked():
            self._value -= 1
            return True
        if self._waiters is None:
            self._waiters = []
        fut = self._get_loop().create_future()   #@378
        self._waiters.append(fut)
        # The waiter leaves the list before a cancellation is handled, so that it cannot wake itself.
        try:
            try:
                await fut   #@386
            finally:
                self._waiters.remove(fut)
        except exceptions.CancelledError:
            if not fut.cancelled():
                # A permit was set aside for us: hand it to the next waiter.
                self._value += 1
                self._wake_up_next()
            raise
        if self._value > 0:
            self._wake_up_next()
        return True

    def release(self):   #@399
        self._value += 1
        self._wake_up_next()

    def _wake_up_next(self):
        for fut in self._waiters or ():
            if not fut.done():
                self._value -= 1
                fut.set_result(True)
                return


class BoundedSemaphore(Semaphore):   #@420

    def __init__(self, value=1):   #@427
        self._bound_value = value
        super().__init__(value)   #@429

    def release(self):   #@431
        if self._bound_value <= self._value:
            raise ValueError('BoundedSemaphore released too many times')   #@433
        super().release()   #@434


# The states of a Barrier (an enum in CPython; only their values ever show, in the repr).
_FILLING = 'filling'   #@439
_DRAINING = 'draining'
_RESETTING = 'resetting'
_BROKEN = 'broken'


class Barrier(_LoopBoundMixin):   #@445
    # Tasks wait in wait() until `parties` of them are there; then all of them go on (draining) while newcomers
    # wait for the barrier to fill again. Every state change is announced through one Condition.

    def __init__(self, parties):   #@454
        if parties < 1:   #@456
            raise ValueError('parties must be > 0')   #@457

        self._cond = Condition() # notify all tasks when state changes   #@459

        self._parties = parties   #@461
        self._state = _FILLING
        self._count = 0

    def __repr__(self):   #@465
        text = super().__repr__()
        extra = self._state
        if not self.broken:
            extra += f', waiters:{self.n_waiting}/{self.parties}'
        return f'<{text[1:-1]} [{extra}]>'

    async def __aenter__(self):   #@472
        # the index wait() returns is what `async with barrier as i` binds
        return await self.wait()   #@475

    async def __aexit__(self, *args):   #@477
        pass   #@478

    async def wait(self):   #@480
        async with self._cond:   #@487
            await self._block() # Block while the barrier drains or resets.   #@488
            try:   #@489
                index = self._count   #@490
                self._count += 1   #@491
                if index + 1 == self._parties:   #@492
                    await self._release()   #@494
                else:   #@495
                    await self._wait()   #@496
                return index   #@497
            finally:   #@498
                self._count -= 1   #@499
                self._exit()   #@501

    async def _block(self):   #@503
        # a draining or resetting barrier lets nobody in until it is empty again
        await self._cond.wait_for(   #@509
            lambda: self._state not in (   #@510
                _DRAINING, _RESETTING   #@511
            )   #@512
        )   #@513

        if self._state is _BROKEN:   #@516
            raise exceptions.BrokenBarrierError("Barrier aborted")   #@517

    async def _release(self):   #@519
        self._state = _DRAINING   #@524
        self._cond.notify_all()   #@525

    async def _wait(self):   #@527
        await self._cond.wait_for(lambda: self._state is not _FILLING)   #@533

        if self._state in (_BROKEN, _RESETTING):   #@535
            raise exceptions.BrokenBarrierError("Abort or reset of barrier")   #@536

    def _exit(self):   #@538
        # the last task out refills a drained or reset barrier and wakes those blocked in _block
        if self._count == 0:   #@541
            if self._state in (_RESETTING, _DRAINING):   #@542
                self._state = _FILLING   #@543
            self._cond.notify_all()   #@544

    async def reset(self):   #@546
        async with self._cond:   #@552
            if self._count > 0:   #@553
                if self._state is not _RESETTING:   #@554
                    self._state = _RESETTING   #@556
            else:   #@557
                self._state = _FILLING   #@558
            self._cond.notify_all()   #@559

    async def abort(self):   #@561
        async with self._cond:   #@567
            self._state = _BROKEN   #@568
            self._cond.notify_all()   #@569

    @property   #@571
    def parties(self):
        return self._parties   #@574

    @property   #@576
    def n_waiting(self):
        if self._state is _FILLING:   #@579
            return self._count   #@580
        return 0   #@581

    @property   #@583
    def broken(self):
        return self._state is _BROKEN   #@586
