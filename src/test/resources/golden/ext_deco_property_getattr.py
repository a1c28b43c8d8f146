# Rule: an AttributeError raised by a property's getter makes Python try the class's
# __getattr__ with the property's name, as for any attribute lookup; without __getattr__
# the AttributeError propagates from inside the getter.
class Config:
    def __init__(self):
        self.values = {"host": "db.local"}

    @property
    def port(self):
        raise AttributeError("port is not configured")

    @property
    def host(self):
        return self.values["host"]

    def __getattr__(self, name):
        return f"<default {name}>"


class Strict:
    @property
    def port(self):
        return self.configured_port


c = Config()
print(c.host, c.port, c.timeout)
print(Strict().port)
