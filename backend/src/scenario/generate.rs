//! Seeded generation of entries from templates, for records too long to
//! write by hand. The same file and seed give the same entries, in the same
//! order, on every run and machine.

use record_access_contract::uk_time::Date;

use super::file::{DetailFile, EntryFile, GenerateFile, TemplateFile};

/// SplitMix64: small, fast and identical everywhere.
pub struct Prng(u64);

impl Prng {
    pub fn new(seed: u64) -> Prng {
        Prng(seed)
    }

    pub fn next_u64(&mut self) -> u64 {
        self.0 = self.0.wrapping_add(0x9E37_79B9_7F4A_7C15);
        let mut z = self.0;
        z = (z ^ (z >> 30)).wrapping_mul(0xBF58_476D_1CE4_E5B9);
        z = (z ^ (z >> 27)).wrapping_mul(0x94D0_49BB_1331_11EB);
        z ^ (z >> 31)
    }

    /// A number in `0..n` (`n` > 0).
    pub fn below(&mut self, n: u64) -> u64 {
        self.next_u64() % n
    }

    pub fn pick<'a, T>(&mut self, items: &'a [T]) -> &'a T {
        &items[self.below(items.len() as u64) as usize]
    }
}

/// Makes `spec.count` entries dated on weekdays between `from` and `to`
/// (inclusive), in generation order (not sorted). Times of day fall in
/// surgery hours and never move an entry to another UK date. The caller
/// has checked that the lists are not empty, weights are positive and
/// `from <= to`.
pub fn generate(spec: &GenerateFile, from: Date, to: Date) -> Vec<EntryFile> {
    let mut rng = Prng::new(spec.seed);
    let first = from.days_since_epoch();
    let span = (to.days_since_epoch() - first + 1) as u64;
    let total_weight: u64 = spec.templates.iter().map(|t| u64::from(t.weight)).sum();
    (0..spec.count)
        .map(|i| {
            let template = pick_weighted(&mut rng, &spec.templates, total_weight);
            let date = weekday_between(&mut rng, first, span);
            let recorded_on = if rng.below(100) < u64::from(spec.timestamped_percent) {
                let hour = 8 + rng.below(10);
                let minute = rng.below(12) * 5;
                format!("{}T{hour:02}:{minute:02}:00Z", date.to_iso())
            } else {
                date.to_iso()
            };
            let details: Vec<DetailFile> = template
                .details
                .iter()
                .map(|d| DetailFile {
                    label: d.label.clone(),
                    value: rng.pick(&d.values).clone(),
                })
                .collect();
            EntryFile {
                id: format!("{}{:05}", spec.id_prefix, i + 1),
                kind: template.kind.clone(),
                recorded_on,
                title: template.title.clone(),
                summary: template.summary.clone(),
                clinician: template
                    .with_clinician
                    .then(|| rng.pick(&spec.clinicians).clone()),
                location: template
                    .with_location
                    .then(|| rng.pick(&spec.locations).clone()),
                visibility: template.visibility.clone(),
                details: (!details.is_empty()).then_some(details),
                unopened: false,
                discussed: None,
            }
        })
        .collect()
}

fn pick_weighted<'a>(
    rng: &mut Prng,
    templates: &'a [TemplateFile],
    total: u64,
) -> &'a TemplateFile {
    let mut n = rng.below(total);
    for t in templates {
        let w = u64::from(t.weight);
        if n < w {
            return t;
        }
        n -= w;
    }
    &templates[templates.len() - 1]
}

/// A random day in the range, moved off a weekend when the range has a
/// weekday to move to.
fn weekday_between(rng: &mut Prng, first: i64, span: u64) -> Date {
    let mut day = first + rng.below(span) as i64;
    for _ in 0..7 {
        let d = Date::from_days_since_epoch(day);
        if (1..=5).contains(&d.weekday()) {
            return d;
        }
        day = first + rng.below(span) as i64;
    }
    Date::from_days_since_epoch(day)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::scenario::file::TemplateDetail;

    fn spec(count: u32) -> GenerateFile {
        GenerateFile {
            count,
            seed: 7,
            from: None,
            to: None,
            id_prefix: "g-".to_owned(),
            timestamped_percent: 50,
            clinicians: vec!["Dr A".to_owned(), "Dr B".to_owned()],
            locations: vec!["Surgery".to_owned()],
            templates: vec![
                TemplateFile {
                    kind: "test_result".to_owned(),
                    title: "Blood test".to_owned(),
                    summary: None,
                    weight: 3,
                    visibility: "visible".to_owned(),
                    with_clinician: true,
                    with_location: false,
                    details: vec![TemplateDetail {
                        label: "Result".to_owned(),
                        values: vec!["Normal".to_owned(), "Borderline".to_owned()],
                    }],
                },
                TemplateFile {
                    kind: "consultation".to_owned(),
                    title: "Telephone consultation".to_owned(),
                    summary: Some("Spoke to patient.".to_owned()),
                    weight: 1,
                    visibility: "visible".to_owned(),
                    with_clinician: true,
                    with_location: true,
                    details: vec![],
                },
            ],
        }
    }

    #[test]
    fn deterministic_in_range_on_weekdays() {
        let from = Date::parse("2024-01-01").unwrap();
        let to = Date::parse("2024-12-31").unwrap();
        let a = generate(&spec(500), from, to);
        let b = generate(&spec(500), from, to);
        assert_eq!(a.len(), 500);
        assert_eq!(
            serde_json::to_string(&a).unwrap(),
            serde_json::to_string(&b).unwrap()
        );
        let ids: std::collections::HashSet<_> = a.iter().map(|e| e.id.clone()).collect();
        assert_eq!(ids.len(), 500);
        for e in &a {
            let r = record_access_contract::uk_time::parse_recorded_on(&e.recorded_on).unwrap();
            assert!(r.date >= from && r.date <= to, "{}", e.recorded_on);
            assert!((1..=5).contains(&r.date.weekday()));
            assert_eq!(&e.recorded_on[..10], r.date.to_iso());
        }
        assert!(a.iter().any(|e| e.recorded_on.len() > 10));
        assert!(a.iter().any(|e| e.recorded_on.len() == 10));
        assert!(a.iter().any(|e| e.kind == "consultation"));
    }
}
