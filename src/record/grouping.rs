//! Month headings for the timeline: a filtered list in timeline order, cut
//! into one section per month, newest first ("March 2024").

use std::cmp::Reverse;

use crate::dates::month_and_year;

use super::safety::ShownEntry;

/// One month of the timeline and the entries recorded in it (UK dates).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct MonthGroup {
    pub year: i32,
    pub month: u8,
    /// The heading, "March 2024".
    pub label: String,
    /// Positions in the shown list, in timeline order.
    pub entries: Vec<usize>,
}

/// Cuts `positions` (indexes into `shown`, in timeline order, newest first,
/// as [`super::filters::UserFilters::apply`] gives them) into months. A
/// month appears once, with every one of its entries, even if the positions
/// were not in order; the months come newest first.
pub fn by_month(shown: &[ShownEntry], positions: &[usize]) -> Vec<MonthGroup> {
    let mut groups: Vec<MonthGroup> = Vec::new();
    for &i in positions {
        let Some(entry) = shown.get(i) else { continue };
        let date = entry.date();
        match groups.last_mut() {
            Some(g) if (g.year, g.month) == (date.year, date.month) => g.entries.push(i),
            _ => groups.push(MonthGroup {
                year: date.year,
                month: date.month,
                label: month_and_year(date),
                entries: vec![i],
            }),
        }
    }
    if groups
        .windows(2)
        .all(|w| (w[0].year, w[0].month) > (w[1].year, w[1].month))
    {
        return groups;
    }
    // Out of order: merge the runs of each month, keeping their entries in
    // the order given, and put the months in order. Runs are few (months),
    // so inserting in place costs less code than a sort.
    let mut merged: Vec<MonthGroup> = Vec::with_capacity(groups.len());
    for g in groups {
        let key = Reverse((g.year, g.month));
        let at = merged.partition_point(|m| Reverse((m.year, m.month)) < key);
        match merged.get_mut(at) {
            Some(m) if (m.year, m.month) == (g.year, g.month) => m.entries.extend(g.entries),
            _ => merged.insert(at, g),
        }
    }
    merged
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::record::safety::tests_support::record_of;

    #[test]
    fn groups_newest_month_first() {
        let record = record_of(
            "2023-01-01",
            &[
                ("a", "2024-03-05"),
                ("b", "2024-03-01T09:00:00Z"),
                ("c", "2024-02-29"),
                ("d", "2023-12-31T23:30:00Z"),
                ("e", "2023-06-30T23:30:00Z"),
            ],
        );
        let shown = record.entries();
        let all: Vec<usize> = (0..shown.len()).collect();
        let groups = by_month(shown, &all);
        let labels: Vec<&str> = groups.iter().map(|g| g.label.as_str()).collect();
        // 23:30 UTC on 30 June is 00:30 on 1 July in the UK (summer time);
        // 23:30 UTC on 31 December is still 31 December.
        assert_eq!(
            labels,
            ["March 2024", "February 2024", "December 2023", "July 2023"]
        );
        let ids: Vec<Vec<&str>> = groups
            .iter()
            .map(|g| g.entries.iter().map(|&i| shown[i].id()).collect())
            .collect();
        assert_eq!(ids, [vec!["a", "b"], vec!["c"], vec!["d"], vec!["e"]]);
        assert_eq!((groups[0].year, groups[0].month), (2024, 3));
    }

    #[test]
    fn empty_and_filtered_lists() {
        let record = record_of(
            "2023-01-01",
            &[
                ("a", "2024-03-05"),
                ("b", "2024-01-01"),
                ("c", "2023-12-01"),
            ],
        );
        let shown = record.entries();
        assert!(by_month(shown, &[]).is_empty());
        let groups = by_month(shown, &[0, 2]);
        assert_eq!(groups.len(), 2);
        assert_eq!(groups[1].label, "December 2023");
        assert_eq!(groups[1].entries, [2]);
        // Positions out of range are skipped; out of order ones still group.
        let groups = by_month(shown, &[2, 0, 99, 1]);
        let labels: Vec<&str> = groups.iter().map(|g| g.label.as_str()).collect();
        assert_eq!(labels, ["March 2024", "January 2024", "December 2023"]);
    }
}
