//! Dates written the way the NHS writes them: "1 March 2024".

use record_access_contract::uk_time::Date;

const MONTHS: [&str; 12] = [
    "January",
    "February",
    "March",
    "April",
    "May",
    "June",
    "July",
    "August",
    "September",
    "October",
    "November",
    "December",
];

/// "1 March 2024".
pub fn long_date(date: Date) -> String {
    format!("{} {} {}", date.day, month_name(date.month), date.year)
}

/// "March 2024", for month headings.
pub fn month_and_year(date: Date) -> String {
    format!("{} {}", month_name(date.month), date.year)
}

/// The month's name, or "" for a month that does not exist.
pub fn month_name(month: u8) -> &'static str {
    MONTHS
        .get(usize::from(month).wrapping_sub(1))
        .copied()
        .unwrap_or("")
}

/// A `YYYY-MM-DD` date from the backend as "1 March 2024", or `None` when it
/// does not parse.
pub fn long_date_from_iso(iso: &str) -> Option<String> {
    Date::parse(iso).map(long_date)
}

/// An entry's `recorded_on` (a date or a timestamp) as its UK date,
/// "1 March 2024", or `None` when it does not parse.
pub fn long_date_recorded(recorded_on: &str) -> Option<String> {
    record_access_contract::uk_time::parse_recorded_on(recorded_on).map(|r| long_date(r.date))
}

/// A time of day, given in seconds since midnight, the way the NHS and
/// GOV.UK write it: "9am", "5:30pm", "midday", "midnight".
pub fn time_of_day(seconds: u32) -> String {
    let minutes = (seconds / 60) % (24 * 60);
    let (hour, minute) = (minutes / 60, minutes % 60);
    match (hour, minute) {
        (0, 0) => return "midnight".to_owned(),
        (12, 0) => return "midday".to_owned(),
        _ => {}
    }
    let suffix = if hour < 12 { "am" } else { "pm" };
    let hour = match hour % 12 {
        0 => 12,
        h => h,
    };
    if minute == 0 {
        format!("{hour}{suffix}")
    } else {
        format!("{hour}:{minute:02}{suffix}")
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn writes_times_the_nhs_way() {
        assert_eq!(time_of_day(0), "midnight");
        assert_eq!(time_of_day(12 * 3600), "midday");
        assert_eq!(time_of_day(9 * 3600), "9am");
        assert_eq!(time_of_day(9 * 3600 + 5 * 60 + 59), "9:05am");
        assert_eq!(time_of_day(17 * 3600 + 30 * 60), "5:30pm");
        assert_eq!(time_of_day(12 * 3600 + 60), "12:01pm");
        assert_eq!(time_of_day(30), "midnight", "seconds are not shown");
        assert_eq!(time_of_day(59 * 60), "12:59am");
        assert_eq!(time_of_day(23 * 3600 + 59 * 60), "11:59pm");
    }

    #[test]
    fn an_entry_date_is_its_uk_date() {
        // 23:30 UTC in June is the next day in the UK.
        assert_eq!(
            long_date_recorded("2024-06-15T23:30:00Z").as_deref(),
            Some("16 June 2024")
        );
        assert_eq!(
            long_date_recorded("2025-02-03").as_deref(),
            Some("3 February 2025")
        );
        assert_eq!(long_date_recorded("last week"), None);
    }

    #[test]
    fn writes_dates_the_nhs_way() {
        assert_eq!(
            long_date_from_iso("2024-03-01").as_deref(),
            Some("1 March 2024")
        );
        assert_eq!(
            long_date_from_iso("2023-12-31").as_deref(),
            Some("31 December 2023")
        );
        assert_eq!(long_date_from_iso("2023-13-31"), None);
        assert_eq!(
            month_and_year(Date::parse("2025-01-09").unwrap()),
            "January 2025"
        );
        assert_eq!(month_name(0), "");
        assert_eq!(month_name(13), "");
    }
}
