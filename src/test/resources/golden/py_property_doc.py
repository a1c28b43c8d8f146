# property() documents itself with its getter's docstring unless doc= is given; setter() and deleter() keep the doc, fget/fset/fdel are readable.
class Temp:
    def __init__(self):
        self._c = 0.0
    def _get(self):
        "Temperature in degrees Celsius."
        return self._c
    def _set(self, value):
        self._c = value
    celsius = property(_get, _set)
    kelvin = property(lambda self: self._c + 273.15, doc="Temperature in kelvin.")
    plain = property(lambda self: 1)
    celsius2 = celsius.setter(_set)
print(Temp.celsius.__doc__, Temp.kelvin.__doc__, Temp.plain.__doc__, Temp.celsius2.__doc__)
print(Temp.celsius.fget.__name__, Temp.celsius.fset.__name__, Temp.celsius.fdel, property().__doc__)
t = Temp()
t.celsius = 21.5
print(t.celsius, round(t.kelvin, 2))
