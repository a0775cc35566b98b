/* Unit test of sheet_date (lib/sheet/serial.c): ISO 8601 dates to
 * Excel's serial numbers, exactly, and the forms it refuses.  The
 * serials are Excel's own (1900-03-01 is 61, 2025-09-03 is 45903).
 * Exits 1 after listing every failure. */
#include <math.h>
#include <stdio.h>
#include <string.h>

#include "sheet/sheet.h"

static int failed;

static void
good(const char *s, double serial, int prec, int utc)
{
	struct sheet_date d;

	if (!sheet_date(s, strlen(s), &d)) {
		printf("FAIL %s: refused\n", s);
		failed = 1;
	} else if (fabs(d.serial - serial) > 1e-9 || (int)d.prec != prec || d.utc != utc) {
		printf("FAIL %s: serial %.10f prec %d utc %d, want %.10f %d %d\n", s,
		    d.serial, (int)d.prec, d.utc, serial, prec, utc);
		failed = 1;
	}
}

static void
bad(const char *s)
{
	struct sheet_date d;

	if (sheet_date(s, strlen(s), &d)) {
		printf("FAIL %s: taken as %.10f\n", s, d.serial);
		failed = 1;
	}
}

int
main(void)
{
	good("1900-03-01", 61, SHEET_DAY, 0);
	good("1970-01-01", 25569, SHEET_DAY, 0);
	good("2000-02-29", 36585, SHEET_DAY, 0);
	good("2025-09-03", 45903, SHEET_DAY, 0);
	good("9999-12-31", 2958465, SHEET_DAY, 0);
	good("2025-09-03T12:00", 45903.5, SHEET_MINUTE, 0);
	good("2025-09-03 06:00", 45903.25, SHEET_MINUTE, 0);
	good("2025-09-03T18:00:36", 45903.75 + 36.0 / 86400, SHEET_SECOND, 0);
	good("2025-09-03T00:00:00.5", 45903 + 0.5 / 86400, SHEET_FRACTION, 0);
	good("2025-09-03T00:00:00,25", 45903 + 0.25 / 86400, SHEET_FRACTION, 0);
	/* Zones: converted to UTC, across midnight and a leap day. */
	good("2025-08-30T09:53+09:00", 45899 + 53.0 / 1440, SHEET_MINUTE, 1);
	good("2025-08-30T09:53+0900", 45899 + 53.0 / 1440, SHEET_MINUTE, 1);
	good("2025-08-30T09:53+09", 45899 + 53.0 / 1440, SHEET_MINUTE, 1);
	good("2025-09-02T22:30-05:30", 45903 + 4.0 / 24, SHEET_MINUTE, 1);
	good("2024-03-01T00:30+01:00", 45352 - 0.5 / 24, SHEET_MINUTE, 1);
	good("2025-09-03T10:00:00Z", 45903 + 10.0 / 24, SHEET_SECOND, 1);
	good("2025-09-03T10:00Z", 45903 + 10.0 / 24, SHEET_MINUTE, 1);
	bad("");
	bad("2025");
	bad("2025-09");
	bad("2025-9-03");
	bad("2025-09-3");
	bad("20250903");
	bad("2025-02-29");
	bad("2025-13-01");
	bad("2025-09-31");
	bad("2025-09-03T24:00");
	bad("2025-09-03T10:60");
	bad("2025-09-03T10:00:60");
	bad("2025-09-03T10");
	bad("2025-09-03T");
	bad("2025-09-03T10:00:00.");
	bad("2025-09-03T10:00+24:00");
	bad("2025-09-03T10:00+05:60");
	bad("2025-09-03T10:00+05:");
	bad("2025-09-03T10:00+5");
	bad("2025-09-03Z");
	bad("2025-09-03 ");
	bad(" 2025-09-03");
	bad("2025-09-03x");
	bad("1900-02-28");
	bad("1900-03-01T00:30+01:00");
	bad("9999-12-31T23:30-01:00");
	bad("0000-01-01");
	bad("yesterday");
	if (!failed)
		puts("sheetdate: ok");
	return failed;
}
