# Rule: time.strftime formats week numbers (%U weeks from Sunday, %W from Monday), %e, %D, %R, %C, %u, %n, %t as C's strftime does; struct_time also has tm_zone and tm_gmtoff (UTC on the machine the goldens were recorded on).
import time

for ts in (0, 86400 * 3, 1_000_000_000, 1_234_567_890, 1_700_000_000, 1_704_067_200, 1_735_603_200):
    t = time.gmtime(ts)
    print(time.strftime("%Y-%m-%d %a: U=%U W=%W j=%j u=%u w=%w e=[%e] D=%D R=%R C=%C", t))
t = time.localtime(0)
print(t.tm_zone, t.tm_gmtoff, time.gmtime(0).tm_zone)
print(repr(time.strftime("%n|%t|%%", time.gmtime(0))))
