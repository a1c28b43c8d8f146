# asyncio's loop-bound mixin: a primitive belongs to the loop it is first used in.


class _LoopBoundMixin:   #@9
    _loop = None

    def _get_loop(self):   #@12
        loop = _get_running_loop()
        if self._loop is None:
            self._loop = loop
        if loop is not self._loop:
            raise RuntimeError(f'{self!r} is bound to a different event loop')   #@20
        return loop
