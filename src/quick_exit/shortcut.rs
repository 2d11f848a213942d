//! The keyboard shortcut of "Exit this page": Shift pressed three times on
//! its own, each press within 5 seconds of the last (the GOV.UK Design
//! System's behaviour).
//!
//! A press counts when Shift is released without any other key having been
//! pressed while it was held (Shift+A, typing a capital letter, does not
//! count). Any other key resets the count, and so does a gap of more than
//! 5 seconds. Lone Shift presses inside a text field count too: someone
//! typing a search can still leave at once.
//!
//! Pure: the caller passes the wall-clock time in milliseconds, so the rules
//! are tested natively.

/// Longest gap between two counted presses.
pub const WINDOW_MS: f64 = 5000.0;
/// Presses that trigger the exit.
pub const PRESSES: u8 = 3;

/// What happened after a key event, for the caller to act on and announce.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Progress {
    /// Nothing to announce.
    None,
    /// A lone Shift press was counted; this many more will exit.
    Remaining(u8),
    /// The count went back to zero after at least one counted press.
    Reset,
    /// The third press: exit now.
    Exit,
}

#[derive(Debug, Default, Clone)]
pub struct ShiftShortcut {
    count: u8,
    last_press_ms: Option<f64>,
    shift_down: bool,
    other_key_while_shift: bool,
}

impl ShiftShortcut {
    pub fn new() -> Self {
        Self::default()
    }

    /// A key went down. `key` is `KeyboardEvent.key`.
    pub fn key_down(&mut self, key: &str, now_ms: f64) -> Progress {
        if key == "Shift" {
            if !self.shift_down {
                self.shift_down = true;
                self.other_key_while_shift = false;
            }
            return self.expire(now_ms);
        }
        if self.shift_down {
            self.other_key_while_shift = true;
        }
        self.reset()
    }

    /// A key came up.
    pub fn key_up(&mut self, key: &str, now_ms: f64) -> Progress {
        if key != "Shift" {
            return Progress::None;
        }
        let lone = self.shift_down && !self.other_key_while_shift;
        self.shift_down = false;
        self.other_key_while_shift = false;
        if !lone {
            return Progress::None;
        }
        if let Progress::Reset = self.expire(now_ms) {
            // An old count expired: this press starts a new one.
        }
        self.count += 1;
        self.last_press_ms = Some(now_ms);
        if self.count >= PRESSES {
            self.count = 0;
            self.last_press_ms = None;
            Progress::Exit
        } else {
            Progress::Remaining(PRESSES - self.count)
        }
    }

    /// The page lost focus or was restored: start again.
    pub fn clear(&mut self) {
        *self = Self::default();
    }

    /// Whether a count has lapsed by `now_ms`; resets it if so.
    pub fn expire(&mut self, now_ms: f64) -> Progress {
        match self.last_press_ms {
            Some(last) if now_ms - last > WINDOW_MS => self.reset(),
            _ => Progress::None,
        }
    }

    /// Presses counted so far.
    pub fn count(&self) -> u8 {
        self.count
    }

    fn reset(&mut self) -> Progress {
        let had = self.count > 0;
        self.count = 0;
        self.last_press_ms = None;
        if had {
            Progress::Reset
        } else {
            Progress::None
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn press(s: &mut ShiftShortcut, at: f64) -> Progress {
        s.key_down("Shift", at);
        s.key_up("Shift", at + 50.0)
    }

    #[test]
    fn three_lone_presses_exit() {
        let mut s = ShiftShortcut::new();
        assert_eq!(press(&mut s, 0.0), Progress::Remaining(2));
        assert_eq!(press(&mut s, 1000.0), Progress::Remaining(1));
        assert_eq!(press(&mut s, 2000.0), Progress::Exit);
        assert_eq!(s.count(), 0, "starts again after an exit");
    }

    #[test]
    fn two_presses_do_not_exit() {
        let mut s = ShiftShortcut::new();
        press(&mut s, 0.0);
        assert_eq!(press(&mut s, 100.0), Progress::Remaining(1));
        assert_eq!(s.count(), 2);
    }

    #[test]
    fn each_press_must_come_within_five_seconds_of_the_last() {
        let mut s = ShiftShortcut::new();
        press(&mut s, 0.0);
        press(&mut s, 4900.0);
        // 4900 + 50 is the second press; the third comes 5.1 s later.
        assert_eq!(press(&mut s, 10_100.0), Progress::Remaining(2));
        assert_eq!(s.count(), 1);
        // Slow but steady presses, each within 5 s, do exit.
        let mut s = ShiftShortcut::new();
        press(&mut s, 0.0);
        press(&mut s, 4_900.0);
        assert_eq!(press(&mut s, 9_800.0), Progress::Exit);
    }

    #[test]
    fn a_lapse_is_reported_as_a_reset() {
        let mut s = ShiftShortcut::new();
        press(&mut s, 0.0);
        assert_eq!(s.expire(5_100.0), Progress::Reset);
        assert_eq!(s.expire(6_000.0), Progress::None);
    }

    #[test]
    fn shift_with_another_key_does_not_count() {
        let mut s = ShiftShortcut::new();
        press(&mut s, 0.0);
        s.key_down("Shift", 100.0);
        assert_eq!(s.key_down("A", 150.0), Progress::Reset);
        s.key_up("A", 200.0);
        assert_eq!(s.key_up("Shift", 250.0), Progress::None);
        assert_eq!(s.count(), 0);
        assert_eq!(press(&mut s, 300.0), Progress::Remaining(2));
    }

    #[test]
    fn any_other_key_resets() {
        let mut s = ShiftShortcut::new();
        press(&mut s, 0.0);
        press(&mut s, 100.0);
        assert_eq!(s.key_down("a", 200.0), Progress::Reset);
        s.key_up("a", 250.0);
        assert_eq!(press(&mut s, 300.0), Progress::Remaining(2));
    }

    #[test]
    fn key_repeat_while_holding_shift_counts_once() {
        let mut s = ShiftShortcut::new();
        s.key_down("Shift", 0.0);
        s.key_down("Shift", 30.0);
        s.key_down("Shift", 60.0);
        assert_eq!(s.key_up("Shift", 90.0), Progress::Remaining(2));
    }

    #[test]
    fn a_stray_key_up_does_not_count() {
        let mut s = ShiftShortcut::new();
        assert_eq!(s.key_up("Shift", 0.0), Progress::None);
        assert_eq!(s.count(), 0);
    }
}
