//! Dates as a patient in the UK reads them.
//!
//! Entries carry either a plain date (`YYYY-MM-DD`) or an RFC 3339
//! timestamp. Both are compared with the access start date in UK time
//! (Europe/London): a timestamp of 23:30 UTC on 29 March 2024 is already
//! 30 March in the UK. UK clocks go forward at 01:00 UTC on the last Sunday
//! of March and back at 01:00 UTC on the last Sunday of October; that rule
//! (in force since 1996) is all the time zone data this needs.
//!
//! Parsing is strict: anything that is not exactly one of the two forms is
//! `None`, and the caller treats it as "do not show".

/// A calendar date. Ordered by year, then month, then day.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct Date {
    pub year: i32,
    pub month: u8,
    pub day: u8,
}

/// When an entry was recorded, in UK time: its date, and its time of day in
/// seconds when the backend gave a timestamp. Ordered by date, then
/// untimed before timed, then time.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct RecordedOn {
    pub date: Date,
    pub seconds: Option<u32>,
}

impl Date {
    /// Parses exactly `YYYY-MM-DD` (four-digit year 1000..=9999) with a day
    /// that exists in that month.
    pub fn parse(s: &str) -> Option<Date> {
        let b = s.as_bytes();
        if b.len() != 10 || b[4] != b'-' || b[7] != b'-' {
            return None;
        }
        let year = digits(&b[0..4])? as i32;
        let month = digits(&b[5..7])? as u8;
        let day = digits(&b[8..10])? as u8;
        Date::new(year, month, day)
    }

    /// A date, if it exists.
    pub fn new(year: i32, month: u8, day: u8) -> Option<Date> {
        if !(1000..=9999).contains(&year) || !(1..=12).contains(&month) {
            return None;
        }
        if day == 0 || day > days_in_month(year, month) {
            return None;
        }
        Some(Date { year, month, day })
    }

    /// `YYYY-MM-DD`.
    pub fn to_iso(self) -> String {
        format!("{:04}-{:02}-{:02}", self.year, self.month, self.day)
    }

    /// Days since 1970-01-01 (negative before).
    pub fn days_since_epoch(self) -> i64 {
        // Howard Hinnant's days_from_civil.
        let y = i64::from(self.year) - i64::from(self.month <= 2);
        let era = y.div_euclid(400);
        let yoe = y - era * 400;
        let m = i64::from(self.month);
        let doy = (153 * (if m > 2 { m - 3 } else { m + 9 }) + 2) / 5 + i64::from(self.day) - 1;
        let doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
        era * 146_097 + doe - 719_468
    }

    /// The inverse of [`Date::days_since_epoch`].
    pub fn from_days_since_epoch(days: i64) -> Date {
        let z = days + 719_468;
        let era = z.div_euclid(146_097);
        let doe = z - era * 146_097;
        let yoe = (doe - doe / 1460 + doe / 36_524 - doe / 146_096) / 365;
        let doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
        let mp = (5 * doy + 2) / 153;
        let day = (doy - (153 * mp + 2) / 5 + 1) as u8;
        let month = if mp < 10 { mp + 3 } else { mp - 9 } as u8;
        let year = (yoe + era * 400 + i64::from(month <= 2)) as i32;
        Date { year, month, day }
    }

    /// Day of the week, 0 = Sunday.
    pub fn weekday(self) -> u8 {
        (self.days_since_epoch() + 4).rem_euclid(7) as u8
    }
}

/// Parses an entry's `recorded_on`: a date, or an RFC 3339 timestamp
/// converted to UK time.
pub fn parse_recorded_on(s: &str) -> Option<RecordedOn> {
    if s.len() == 10 {
        return Date::parse(s).map(|date| RecordedOn {
            date,
            seconds: None,
        });
    }
    let utc = parse_rfc3339_utc_seconds(s)?;
    let local = utc + uk_offset_seconds(utc);
    let days = local.div_euclid(86_400);
    let seconds = local.rem_euclid(86_400) as u32;
    let date = Date::from_days_since_epoch(days);
    // Keep the result inside the range that Date::parse accepts.
    Date::new(date.year, date.month, date.day).map(|date| RecordedOn {
        date,
        seconds: Some(seconds),
    })
}

/// Parses exactly an RFC 3339 timestamp (not a plain date) to seconds
/// since the Unix epoch, UTC.
pub fn parse_rfc3339_utc(s: &str) -> Option<i64> {
    let utc = parse_rfc3339_utc_seconds(s)?;
    // Keep the result inside the range that Date::parse accepts.
    let date = Date::from_days_since_epoch(utc.div_euclid(86_400));
    Date::new(date.year, date.month, date.day).map(|_| utc)
}

/// Seconds since the Unix epoch as an RFC 3339 timestamp in UTC, to the
/// second: `2026-11-02T10:00:00Z`.
pub fn format_rfc3339_utc(utc: i64) -> String {
    let date = Date::from_days_since_epoch(utc.div_euclid(86_400));
    let s = utc.rem_euclid(86_400);
    format!(
        "{}T{:02}:{:02}:{:02}Z",
        date.to_iso(),
        s / 3600,
        s / 60 % 60,
        s % 60
    )
}

/// The UK's offset from UTC, in seconds, at an instant given as seconds
/// since the Unix epoch: 3600 during British Summer Time, else 0.
pub fn uk_offset_seconds(utc: i64) -> i64 {
    let year = Date::from_days_since_epoch(utc.div_euclid(86_400)).year;
    let starts = last_sunday_utc_1am(year, 3);
    let ends = last_sunday_utc_1am(year, 10);
    if (starts..ends).contains(&utc) {
        3600
    } else {
        0
    }
}

fn last_sunday_utc_1am(year: i32, month: u8) -> i64 {
    let last = Date {
        year,
        month,
        day: days_in_month(year, month),
    };
    let sunday = last.days_since_epoch() - i64::from(last.weekday());
    sunday * 86_400 + 3600
}

/// `YYYY-MM-DDTHH:MM:SS[.fraction](Z|±HH:MM)` to seconds since the epoch,
/// UTC. `t`, `z` and a space in place of `T` are accepted, as RFC 3339
/// allows. A leap second (`:60`) is read as the following second.
fn parse_rfc3339_utc_seconds(s: &str) -> Option<i64> {
    let b = s.as_bytes();
    if b.len() < 20 || !matches!(b[10], b'T' | b't' | b' ') {
        return None;
    }
    let date = Date::parse(s.get(0..10)?)?;
    if b[13] != b':' || b[16] != b':' {
        return None;
    }
    let hour = digits(&b[11..13])?;
    let minute = digits(&b[14..16])?;
    let second = digits(&b[17..19])?;
    if hour > 23 || minute > 59 || second > 60 {
        return None;
    }
    let mut rest = &b[19..];
    if rest.first() == Some(&b'.') {
        let n = rest[1..].iter().take_while(|c| c.is_ascii_digit()).count();
        if n == 0 {
            return None;
        }
        rest = &rest[1 + n..];
    }
    let offset = match rest {
        [b'Z' | b'z'] => 0,
        [sign @ (b'+' | b'-'), h1, h2, b':', m1, m2] => {
            let oh = digits(&[*h1, *h2])?;
            let om = digits(&[*m1, *m2])?;
            if oh > 23 || om > 59 {
                return None;
            }
            let off = i64::from(oh * 3600 + om * 60);
            if *sign == b'+' {
                off
            } else {
                -off
            }
        }
        _ => return None,
    };
    let local = date.days_since_epoch() * 86_400 + i64::from(hour * 3600 + minute * 60 + second);
    Some(local - offset)
}

fn digits(b: &[u8]) -> Option<u32> {
    let mut n: u32 = 0;
    for &c in b {
        if !c.is_ascii_digit() {
            return None;
        }
        n = n * 10 + u32::from(c - b'0');
    }
    Some(n)
}

fn days_in_month(year: i32, month: u8) -> u8 {
    match month {
        1 | 3 | 5 | 7 | 8 | 10 | 12 => 31,
        4 | 6 | 9 | 11 => 30,
        2 if (year % 4 == 0 && year % 100 != 0) || year % 400 == 0 => 29,
        2 => 28,
        _ => 0,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn d(s: &str) -> Date {
        Date::parse(s).unwrap()
    }

    #[test]
    fn parses_strict_dates() {
        assert_eq!(
            d("2024-02-29"),
            Date {
                year: 2024,
                month: 2,
                day: 29
            }
        );
        for bad in [
            "2023-02-29",
            "2024-13-01",
            "2024-00-10",
            "2024-1-01",
            "24-01-01",
            "2024/01/01",
            "",
            "2024-01-32",
            "２０２４-01-01",
            "+024-01-01",
        ] {
            assert_eq!(Date::parse(bad), None, "{bad}");
        }
        assert_eq!(d("1900-02-28").to_iso(), "1900-02-28");
        assert_eq!(Date::parse("1900-02-29"), None);
        assert_eq!(d("2000-02-29").to_iso(), "2000-02-29");
    }

    #[test]
    fn epoch_days_round_trip() {
        assert_eq!(d("1970-01-01").days_since_epoch(), 0);
        assert_eq!(d("1970-01-01").weekday(), 4); // a Thursday
        assert_eq!(d("2024-03-31").weekday(), 0); // a Sunday
        for days in (-400_000..400_000).step_by(997) {
            let date = Date::from_days_since_epoch(days);
            assert_eq!(date.days_since_epoch(), days);
            assert_eq!(
                Date::parse(&date.to_iso()).map(|x| x.days_since_epoch()),
                Some(days).filter(|_| (1000..=9999).contains(&date.year))
            );
        }
    }

    #[test]
    fn timestamps_become_uk_dates() {
        // Winter: UK time is UTC.
        let r = parse_recorded_on("2024-01-15T23:30:00Z").unwrap();
        assert_eq!(
            (r.date, r.seconds),
            (d("2024-01-15"), Some(23 * 3600 + 1800))
        );
        // Summer: an hour ahead, so 23:30 UTC is the next day.
        let r = parse_recorded_on("2024-06-15T23:30:00Z").unwrap();
        assert_eq!((r.date, r.seconds), (d("2024-06-16"), Some(1800)));
        // Offsets are honoured.
        let r = parse_recorded_on("2024-06-16T02:30:00+02:00").unwrap();
        assert_eq!(r.date, d("2024-06-16"));
        assert_eq!(r.seconds, Some(3600 + 1800));
        // Fractions are accepted.
        assert!(parse_recorded_on("2024-06-16T02:30:00.123456Z").is_some());
    }

    #[test]
    fn clock_changes_happen_at_one_in_the_morning_utc() {
        // 2024: forward on 31 March, back on 27 October.
        let before = parse_recorded_on("2024-03-31T00:59:59Z").unwrap();
        assert_eq!(before.seconds, Some(59 * 60 + 59));
        let after = parse_recorded_on("2024-03-31T01:00:00Z").unwrap();
        assert_eq!(after.seconds, Some(2 * 3600));
        let last_bst = parse_recorded_on("2024-10-27T00:59:59Z").unwrap();
        assert_eq!(last_bst.seconds, Some(3600 + 59 * 60 + 59));
        let gmt = parse_recorded_on("2024-10-27T01:00:00Z").unwrap();
        assert_eq!(gmt.seconds, Some(3600));
        // The night before access starts, late in the evening UTC in summer,
        // is already the start date in the UK.
        let r = parse_recorded_on("2024-05-31T23:15:00Z").unwrap();
        assert_eq!(r.date, d("2024-06-01"));
    }

    #[test]
    fn rejects_malformed_timestamps() {
        for bad in [
            "2024-06-16T24:00:00Z",
            "2024-06-16T12:60:00Z",
            "2024-06-16T12:00:00",
            "2024-06-16T12:00Z",
            "2024-06-16T12:00:00+0100",
            "2024-06-16T12:00:00.Z",
            "2024-06-16T12:00:00Zjunk",
            "2024-02-30T12:00:00Z",
            "2024-06-16X12:00:00Z",
            "yesterday",
            "2024-06-16T12:00:00+24:00",
        ] {
            assert_eq!(parse_recorded_on(bad), None, "{bad}");
        }
    }

    #[test]
    fn timestamps_to_and_from_utc_seconds() {
        let t = parse_rfc3339_utc("2026-11-02T10:00:00Z").unwrap();
        assert_eq!(t, d("2026-11-02").days_since_epoch() * 86_400 + 36_000);
        assert_eq!(format_rfc3339_utc(t), "2026-11-02T10:00:00Z");
        assert_eq!(parse_rfc3339_utc("2026-11-02T11:00:00+01:00"), Some(t));
        assert_eq!(
            format_rfc3339_utc(t - 86_400 * 3 - 61),
            "2026-10-30T09:58:59Z"
        );
        assert_eq!(format_rfc3339_utc(0), "1970-01-01T00:00:00Z");
        for bad in ["2026-11-02", "yesterday", "", "2026-11-02T10:00:00"] {
            assert_eq!(parse_rfc3339_utc(bad), None, "{bad}");
        }
    }

    #[test]
    fn ordering_puts_untimed_first_then_time() {
        let a = parse_recorded_on("2024-06-16").unwrap();
        let b = parse_recorded_on("2024-06-16T08:00:00+01:00").unwrap();
        let c = parse_recorded_on("2024-06-16T09:00:00+01:00").unwrap();
        let e = parse_recorded_on("2024-06-17").unwrap();
        assert!(a < b && b < c && c < e);
    }
}
