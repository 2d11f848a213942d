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

#[cfg(test)]
mod tests {
    use super::*;

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
