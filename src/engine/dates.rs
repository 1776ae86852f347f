//! The real-world dates a turn stands for, from the scenario's start date and turn length.

use crate::scenario::{Meta, validate::parse_date};

pub const MONTHS: [&str; 12] = [
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

/// Days since 1970-01-01 of a civil date (Howard Hinnant's algorithm).
fn days_from_civil(y: i32, m: u32, d: u32) -> i64 {
    let y = i64::from(if m <= 2 { y - 1 } else { y });
    let era = y.div_euclid(400);
    let yoe = y - era * 400;
    let m = i64::from(m);
    let doy = (153 * (if m > 2 { m - 3 } else { m + 9 }) + 2) / 5 + i64::from(d) - 1;
    let doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
    era * 146_097 + doe - 719_468
}

fn civil_from_days(z: i64) -> (i32, u32, u32) {
    let z = z + 719_468;
    let era = z.div_euclid(146_097);
    let doe = z - era * 146_097;
    let yoe = (doe - doe / 1460 + doe / 36_524 - doe / 146_096) / 365;
    let y = yoe + era * 400;
    let doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
    let mp = (5 * doy + 2) / 153;
    let d = (doy - (153 * mp + 2) / 5 + 1) as u32;
    let m = if mp < 10 { mp + 3 } else { mp - 9 } as u32;
    ((if m <= 2 { y + 1 } else { y }) as i32, m, d)
}

/// "4 February 2011" from "2011-02-04" (the text itself when it is not a date).
pub fn pretty_date(iso: &str) -> String {
    match parse_date(iso) {
        Some((y, m, d)) => format!("{d} {} {y}", MONTHS[m as usize - 1]),
        None => iso.to_string(),
    }
}

/// "4–17 February 2011", "28 February – 13 March 2011", "31 December 2007 – 6 January 2008".
pub fn turn_dates(meta: &Meta, turn: u32) -> String {
    let Some((y, m, d)) = parse_date(&meta.start_date) else { return format!("turn {turn}") };
    let len = i64::from(meta.length_of_turn(turn).days());
    let start = days_from_civil(y, m, d) + meta.days_before_turn(turn);
    let (y1, m1, d1) = civil_from_days(start);
    let (y2, m2, d2) = civil_from_days(start + len - 1);
    let month = |m: u32| MONTHS[m as usize - 1];
    if len == 1 {
        format!("{d1} {} {y1}", month(m1))
    } else if y1 != y2 {
        format!("{d1} {} {y1} – {d2} {} {y2}", month(m1), month(m2))
    } else if m1 != m2 {
        format!("{d1} {} – {d2} {} {y2}", month(m1), month(m2))
    } else {
        format!("{d1}–{d2} {} {y2}", month(m2))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn civil_round_trip() {
        for (y, m, d) in [(1970, 1, 1), (2000, 2, 29), (2007, 12, 31), (2011, 2, 4), (2100, 3, 1)] {
            assert_eq!(civil_from_days(days_from_civil(y, m, d)), (y, m, d));
        }
        assert_eq!(days_from_civil(1970, 1, 2), 1);
    }
}
