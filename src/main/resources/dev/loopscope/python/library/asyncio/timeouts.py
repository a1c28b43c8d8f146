# asyncio.timeout and timeout_at, as CPython 3.12's: a loop timer cancels the task that entered the block, and the
# block's exit turns that cancellation into TimeoutError unless someone else also cancelled the task meanwhile.
# Lines ending in a pin sit at CPython 3.12.1's line numbers, so tracebacks print CPython's library lines.


class _State:
    # the states of a Timeout; each value is the word its repr and error messages show
    def __init__(self, value):
        self.value = value


_CREATED = _State("created")
_ENTERED = _State("active")
_EXPIRING = _State("expiring")
_EXPIRED = _State("expired")
_EXITED = _State("finished")


def _drop_timer(t):
    handle, t._timeout_handler = t._timeout_handler, None
    if handle is not None:
        handle.cancel()


class Timeout:   #@27

    def __init__(self, when):   #@33
        self._state = _CREATED
        # the loop timer (or call_soon handle) that will cancel the task
        self._timeout_handler = self._task = None
        self._when = when

    def when(self):   #@46
        return self._when

    def reschedule(self, when):   #@50
        if self._state is not _ENTERED:   #@52
            if self._state is _CREATED:
                raise RuntimeError("Timeout has not been entered")   #@54
            raise RuntimeError(   #@55
                f"Cannot change state of {self._state.value} Timeout",   #@56
            )   #@57
        self._when = when
        _drop_timer(self)
        if when is None:
            return
        _trace_timeout(self._task, when)
        loop = events.get_running_loop()   #@67
        if when <= loop.time():   #@68
            self._timeout_handler = loop.call_soon(self._on_timeout)   #@69
        else:
            self._timeout_handler = loop.call_at(when, self._on_timeout)   #@71

    def expired(self):   #@73
        return self._state is _EXPIRING or self._state is _EXPIRED

    def __repr__(self):   #@77
        text = f"<Timeout [{self._state.value}]"
        if self._state is _ENTERED:
            when = None if self._when is None else round(self._when, 3)
            text += f" when={when}"
        return text + ">"

    async def __aenter__(self):   #@85
        if self._state is not _CREATED:
            raise RuntimeError("Timeout has already been entered")   #@87
        task = tasks.current_task()   #@88
        if task is None:
            raise RuntimeError("Timeout should be used inside a task")   #@90
        self._state = _ENTERED
        self._task = task
        self._cancelling = task.cancelling()
        self.reschedule(self._when)   #@94
        return self

    async def __aexit__(   #@97
        self,
        exc_type,
        exc_val,
        exc_tb,
    ):
        assert self._state in (_ENTERED, _EXPIRING)   #@103
        _drop_timer(self)
        if self._state is _EXPIRING:
            self._state = _EXPIRED
            # only a cancellation of the timer's own, with no other request pending, becomes a TimeoutError
            if self._task.uncancel() <= self._cancelling and exc_type is exceptions.CancelledError:   #@112
                raise TimeoutError from exc_val   #@115
        elif self._state is _ENTERED:
            self._state = _EXITED
        return None

    def _on_timeout(self):   #@121
        assert self._state is _ENTERED   #@122
        self._task.cancel()
        # the handle has run: nothing is left to cancel
        self._state, self._timeout_handler = _EXPIRING, None
        _trace_timeout(self._task, -1)


def timeout(delay):   #@129
    loop = events.get_running_loop()   #@145
    return Timeout(loop.time() + delay if delay is not None else None)   #@146


def timeout_at(when):   #@149
    return Timeout(when)   #@168
