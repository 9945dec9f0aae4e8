//! The report as a plain-text table: one column per language, then `all`.

use std::fmt;

use crate::fields::Field;
use crate::score::{FieldScores, GroupScores, Prf, Report};

enum Row {
    Section(String),
    Line(String, Vec<String>),
}

fn rate(v: Option<f64>) -> String {
    v.map_or_else(|| "—".to_string(), |x| format!("{x:.3}"))
}

fn counts(rows: &mut Vec<Row>, groups: &[&GroupScores], pick: impl Fn(&GroupScores) -> Prf) {
    let line = |label: &str, f: &dyn Fn(&Prf) -> String| {
        Row::Line(
            label.to_string(),
            groups.iter().map(|g| f(&pick(g))).collect(),
        )
    };
    rows.push(line("gold", &|p| p.gold.to_string()));
    rows.push(line("predicted", &|p| p.predicted.to_string()));
    rows.push(line("matched", &|p| p.matched.to_string()));
    rows.push(line("precision", &|p| rate(p.precision())));
    rows.push(line("recall", &|p| rate(p.recall())));
    rows.push(line("F1", &|p| rate(p.f1())));
}

fn field_rows(
    rows: &mut Vec<Row>,
    groups: &[&GroupScores],
    fields: &[Field],
    suffix: &str,
    pick: impl Fn(&GroupScores) -> &FieldScores,
) {
    for f in fields {
        rows.push(Row::Line(
            format!("{}{suffix}", f.label()),
            groups
                .iter()
                .map(|g| rate(pick(g).get(f.name()).and_then(|s| s.accuracy())))
                .collect(),
        ));
    }
}

impl Report {
    /// The table `rasd eval` prints.
    pub fn to_table(&self) -> String {
        self.to_string()
    }
}

impl fmt::Display for Report {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let names = self.group_names();
        let groups: Vec<&GroupScores> = names.iter().map(|n| &self.groups[*n]).collect();
        let mut rows = Vec::new();

        rows.push(Row::Line(
            "documents".into(),
            groups.iter().map(|g| g.documents.to_string()).collect(),
        ));
        rows.push(Row::Section(
            "Events, strict match (country, place, type, date window)".into(),
        ));
        counts(&mut rows, &groups, |g| g.events);
        rows.push(Row::Section(
            "Events, relaxed match (country, date window)".into(),
        ));
        counts(&mut rows, &groups, |g| g.events_relaxed);
        field_rows(
            &mut rows,
            &groups,
            &[
                Field::EventType,
                Field::SubEventType,
                Field::Location,
                Field::Admin1,
            ],
            " (relaxed pairs)",
            |g| &g.fields_relaxed,
        );
        rows.push(Row::Section(
            "Fields, accuracy over strictly matched pairs".into(),
        ));
        field_rows(&mut rows, &groups, Field::ALL, "", |g| &g.fields);
        rows.push(Row::Section("Period totals (country, start month)".into()));
        counts(&mut rows, &groups, |g| g.period_totals);
        field_rows(&mut rows, &groups, Field::PERIOD_TOTAL, "", |g| {
            &g.period_total_fields
        });
        rows.push(Row::Section("Negative documents".into()));
        rows.push(Row::Line(
            "documents".into(),
            groups
                .iter()
                .map(|g| g.negatives.documents.to_string())
                .collect(),
        ));
        rows.push(Row::Line(
            "with a false event".into(),
            groups
                .iter()
                .map(|g| g.negatives.with_false_event.to_string())
                .collect(),
        ));

        let label_width = rows
            .iter()
            .map(|r| match r {
                Row::Line(l, _) => l.chars().count() + 2,
                Row::Section(_) => 0,
            })
            .max()
            .unwrap_or(0);
        let col = 8;
        write!(f, "{:label_width$}", "")?;
        for n in &names {
            write!(f, "{n:>col$}")?;
        }
        writeln!(f)?;
        for row in &rows {
            match row {
                Row::Section(title) => writeln!(f, "{title}")?,
                Row::Line(label, cells) => {
                    write!(f, "  {label:<w$}", w = label_width - 2)?;
                    for c in cells {
                        write!(f, "{c:>col$}")?;
                    }
                    writeln!(f)?;
                }
            }
        }
        Ok(())
    }
}
