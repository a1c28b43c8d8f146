# Rule: assigning to a property without a setter raises AttributeError "property 'NAME'
# of 'CLASS' object has no setter"; the traceback points at the assignment target.
class Sensor:
    def __init__(self):
        self._reading = 20

    @property
    def reading(self):
        return self._reading


def calibrate(sensor, value):
    print("calibrating to", value)
    sensor.reading = value


s = Sensor()
print(s.reading)
calibrate(s, 25)
