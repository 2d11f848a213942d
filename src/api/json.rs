//! A small JSON reader and writer for the API's messages.
//!
//! The app decodes a handful of response types and encodes four request
//! bodies. serde's generic decoding and encoding machinery cost about 25 KB
//! of the compressed wasm for that; this module does the same job by hand.
//!
//! It accepts exactly what `serde_json::from_str` accepts for the
//! contract's types (their serde derives), and gives the same values: the
//! native tests compare the two on generated and mangled inputs. In short:
//!
//! - whitespace is space, tab, CR and LF; anything after the value other
//!   than whitespace is an error (a byte order mark is too);
//! - a struct is an object, or an array of its fields in declaration
//!   order (serde accepts both), of which trailing fields with a default
//!   may be left out;
//! - unknown object fields are skipped at any depth, a known field given
//!   twice is an error, a missing field is an error unless it has a
//!   default;
//! - an enum is a string, or an object with one key and a `null` value
//!   (serde's externally tagged form of a unit variant); an unknown name
//!   is the `#[serde(other)]` variant where there is one, an error
//!   otherwise;
//! - `Option` fields accept `null`; other fields do not;
//! - integers are plain non-negative decimals within the field's range:
//!   fractions, exponents, signs and leading zeros are errors;
//! - strings are checked like serde_json checks them: raw control
//!   characters are errors, and so are `\u` escapes of lone surrogates in
//!   values that are decoded (skipped values accept them, as in
//!   serde_json, which only checks the four hex digits there).
//!
//! Nesting: decoded values nest a fixed few levels deep, and skipped
//! values are walked with a heap stack rather than by recursion, so no
//! input can overflow the call stack. (serde_json skips values the same
//! way, without a depth limit.)

use record_access_contract::{
    AccessDisabled, AccessStatus, AcknowledgementRequest, Detail, DisableRequest, DisableScope,
    EndReason, EndSessionRequest, EntriesPage, Entry, EntryKind, Lenient, Patient, Problem,
    RecordAccess, RedactionAccepted, RedactionRequest, Safeguarding, SafeguardingChoice, Session,
    Visibility,
};

/// A whole JSON text decoded to `T`, or `None` if it is not valid JSON of
/// that shape.
pub fn from_str<T: FromJson>(text: &str) -> Option<T> {
    let mut r = Reader::new(text.as_bytes());
    let value = T::read(&mut r)?;
    r.end().then_some(value)
}

/// A page of entries with each entry decoded on its own: the page must be
/// valid, an entry that is valid JSON but not an [`Entry`] becomes
/// [`Lenient::Invalid`].
pub fn entries_page(text: &str) -> Option<EntriesPage<Lenient<Entry>>> {
    let mut r = Reader::new(text.as_bytes());
    let (mut available_from, mut entries, mut next_cursor) = (None, None, None);
    r.fields(
        &["available_from", "entries", "next_cursor"],
        &mut |r, i| {
            match i {
                0 => available_from = Some(r.string()?),
                1 => {
                    let mut list = Vec::new();
                    r.items(&mut |r| {
                        let raw = r.skip()?;
                        list.push(match from_str::<Entry>(raw) {
                            Some(entry) => Lenient::Valid(entry),
                            None => Lenient::Invalid(serde::de::IgnoredAny),
                        });
                        Some(())
                    })?;
                    entries = Some(list);
                }
                _ => next_cursor = r.option(Reader::string)?,
            }
            Some(())
        },
    )?;
    let page = EntriesPage {
        available_from: available_from?,
        entries: entries?,
        next_cursor,
    };
    r.end().then_some(page)
}

/// A type the reader can decode.
pub trait FromJson: Sized {
    fn read(r: &mut Reader) -> Option<Self>;
}

/// A cursor over the bytes of a JSON text. Every method returns `None` on
/// anything that is not what it expects, and never panics.
pub struct Reader<'a> {
    bytes: &'a [u8],
    at: usize,
}

impl<'a> Reader<'a> {
    fn new(bytes: &'a [u8]) -> Self {
        Reader { bytes, at: 0 }
    }

    /// The next byte after any whitespace, not consumed.
    fn peek(&mut self) -> Option<u8> {
        while let Some(&b) = self.bytes.get(self.at) {
            if !matches!(b, b' ' | b'\n' | b'\t' | b'\r') {
                return Some(b);
            }
            self.at += 1;
        }
        None
    }

    /// The next byte, consumed, with no whitespace skipped.
    fn next(&mut self) -> Option<u8> {
        let b = *self.bytes.get(self.at)?;
        self.at += 1;
        Some(b)
    }

    /// Consumes `b` after any whitespace.
    fn expect(&mut self, b: u8) -> Option<()> {
        (self.peek()? == b).then(|| self.at += 1)
    }

    /// Consumes `word` exactly (a literal such as `null`).
    fn word(&mut self, word: &[u8]) -> Option<()> {
        let end = self.at + word.len();
        (self.bytes.get(self.at..end)? == word).then(|| self.at = end)
    }

    /// Only whitespace is left.
    fn end(&mut self) -> bool {
        self.peek().is_none()
    }

    /// Before the next item of an array or object that ends with `close`:
    /// `true` if there is one (its separating comma consumed), `false` at
    /// the end (the closing bracket not consumed).
    fn more(&mut self, first: &mut bool, close: u8) -> Option<bool> {
        let b = self.peek()?;
        if b == close {
            return Some(false);
        }
        if !std::mem::take(first) {
            if b != b',' {
                return None;
            }
            self.at += 1;
            if self.peek()? == close {
                return None;
            }
        }
        Some(true)
    }

    /// An array, each item read by `item`.
    fn items(&mut self, item: &mut dyn FnMut(&mut Self) -> Option<()>) -> Option<()> {
        self.expect(b'[')?;
        let mut first = true;
        while self.more(&mut first, b']')? {
            item(self)?;
        }
        self.at += 1;
        Some(())
    }

    /// A struct with the fields `names`: either an object (unknown keys
    /// skipped, a known key twice an error) or an array of the fields in
    /// order. `field` reads the value of field number `i`; the caller
    /// checks that the fields it needs were there.
    fn fields(
        &mut self,
        names: &[&str],
        field: &mut dyn FnMut(&mut Self, usize) -> Option<()>,
    ) -> Option<()> {
        let mut first = true;
        match self.peek()? {
            b'{' => {
                self.at += 1;
                let mut seen = 0u32;
                while self.more(&mut first, b'}')? {
                    let key = self.string()?;
                    self.expect(b':')?;
                    match names.iter().position(|n| *n == key) {
                        Some(i) => {
                            if seen & (1 << i) != 0 {
                                return None;
                            }
                            seen |= 1 << i;
                            field(self, i)?;
                        }
                        None => {
                            self.skip()?;
                        }
                    }
                }
            }
            b'[' => {
                self.at += 1;
                for i in 0..names.len() {
                    if !self.more(&mut first, b']')? {
                        break;
                    }
                    field(self, i)?;
                }
                // More items than fields is an error.
                self.peek().filter(|&b| b == b']')?;
            }
            _ => return None,
        }
        self.at += 1;
        Some(())
    }

    /// `null` as `None`, anything else read by `value`.
    fn option<T>(&mut self, value: fn(&mut Self) -> Option<T>) -> Option<Option<T>> {
        if self.peek()? == b'n' {
            self.word(b"null")?;
            return Some(None);
        }
        value(self).map(Some)
    }

    fn bool(&mut self) -> Option<bool> {
        match self.peek()? {
            b't' => self.word(b"true").map(|_| true),
            b'f' => self.word(b"false").map(|_| false),
            _ => None,
        }
    }

    /// A non-negative integer no larger than `max`.
    fn uint(&mut self, max: u32) -> Option<u32> {
        self.peek()?;
        let start = self.at;
        let mut n: u32 = 0;
        while let Some(d @ b'0'..=b'9') = self.bytes.get(self.at).copied() {
            n = n.checked_mul(10)?.checked_add(u32::from(d - b'0'))?;
            self.at += 1;
        }
        let digits = self.at - start;
        let leading_zero = digits > 1 && self.bytes[start] == b'0';
        let fraction = matches!(self.bytes.get(self.at), Some(b'.' | b'e' | b'E'));
        (digits > 0 && !leading_zero && !fraction && n <= max).then_some(n)
    }

    /// A string, unescaped.
    fn string(&mut self) -> Option<String> {
        self.expect(b'"')?;
        let mut out = Vec::new();
        loop {
            match self.next()? {
                b'"' => return String::from_utf8(out).ok(),
                b'\\' => {
                    let b = self.next()?;
                    let c = match b {
                        b'u' => self.unicode_escape()?,
                        _ => char::from(escaped(b)?),
                    };
                    out.extend_from_slice(c.encode_utf8(&mut [0; 4]).as_bytes());
                }
                b if b < 0x20 => return None,
                b => out.push(b),
            }
        }
    }

    /// After `\u`: one character, from a surrogate pair if need be. Lone
    /// surrogates are errors.
    fn unicode_escape(&mut self) -> Option<char> {
        let high = self.hex4()?;
        if !(0xD800..0xDC00).contains(&high) {
            return char::from_u32(high);
        }
        self.word(b"\\u")?;
        let low = self.hex4()?;
        if !(0xDC00..0xE000).contains(&low) {
            return None;
        }
        char::from_u32(0x10000 + ((high - 0xD800) << 10) + (low - 0xDC00))
    }

    fn hex4(&mut self) -> Option<u32> {
        let mut n = 0;
        for _ in 0..4 {
            n = n * 16 + char::from(self.next()?).to_digit(16)?;
        }
        Some(n)
    }

    /// A string that is skipped: escapes are checked for their form only.
    fn skip_string(&mut self) -> Option<()> {
        self.expect(b'"')?;
        loop {
            match self.next()? {
                b'"' => return Some(()),
                b'\\' => match self.next()? {
                    b'u' => {
                        self.hex4()?;
                    }
                    b => {
                        escaped(b)?;
                    }
                },
                b if b < 0x20 => return None,
                _ => {}
            }
        }
    }

    /// A number that is skipped: `-? (0 | [1-9][0-9]*) (.[0-9]+)? ([eE][+-]?[0-9]+)?`.
    fn skip_number(&mut self) -> Option<()> {
        if self.bytes.get(self.at) == Some(&b'-') {
            self.at += 1;
        }
        match self.next()? {
            b'0' => {}
            b'1'..=b'9' => self.digits(),
            _ => return None,
        }
        if self.bytes.get(self.at) == Some(&b'.') {
            self.at += 1;
            self.some_digits()?;
        }
        if matches!(self.bytes.get(self.at), Some(b'e' | b'E')) {
            self.at += 1;
            if matches!(self.bytes.get(self.at), Some(b'+' | b'-')) {
                self.at += 1;
            }
            self.some_digits()?;
        }
        Some(())
    }

    fn digits(&mut self) {
        while matches!(self.bytes.get(self.at), Some(b'0'..=b'9')) {
            self.at += 1;
        }
    }

    fn some_digits(&mut self) -> Option<()> {
        let start = self.at;
        self.digits();
        (self.at > start).then_some(())
    }

    /// An object key and its colon, skipped.
    fn skip_key(&mut self) -> Option<()> {
        self.skip_string()?;
        self.expect(b':')
    }

    /// Any JSON value, skipped; its text is returned. Nested arrays and
    /// objects are tracked on a heap stack, not by recursion.
    fn skip(&mut self) -> Option<&'a str> {
        self.peek()?;
        let start = self.at;
        let mut open: Vec<u8> = Vec::new();
        loop {
            // A value.
            match self.peek()? {
                b @ (b'[' | b'{') => {
                    self.at += 1;
                    // `]` and `}` are two bytes after `[` and `{`.
                    let close = b + 2;
                    if self.peek()? == close {
                        self.at += 1;
                    } else {
                        if close == b'}' {
                            self.skip_key()?;
                        }
                        open.push(close);
                        continue;
                    }
                }
                b'"' => self.skip_string()?,
                b'n' => self.word(b"null")?,
                b't' => self.word(b"true")?,
                b'f' => self.word(b"false")?,
                _ => self.skip_number()?,
            }
            // After a value: commas and closing brackets.
            loop {
                let Some(&close) = open.last() else {
                    // Only bytes the match above consumed can be in
                    // the text, and they all started or ended at ASCII
                    // bytes, so this is a valid UTF-8 slice.
                    return std::str::from_utf8(&self.bytes[start..self.at]).ok();
                };
                match self.peek()? {
                    b',' => {
                        self.at += 1;
                        if close == b'}' {
                            self.skip_key()?;
                        }
                        break;
                    }
                    b if b == close => {
                        self.at += 1;
                        open.pop();
                    }
                    _ => return None,
                }
            }
        }
    }

    /// An enum: the variant's name, as a string or as the single key of an
    /// object whose value is `null`.
    fn variant(&mut self) -> Option<String> {
        if self.peek()? != b'{' {
            return self.string();
        }
        self.at += 1;
        let name = self.string()?;
        self.expect(b':')?;
        self.peek()?;
        self.word(b"null")?;
        self.expect(b'}')?;
        Some(name)
    }

    /// An enum with the variants `names`: the index of the one named, or
    /// `names.len()` for a name not in the list.
    fn variant_index(&mut self, names: &[&str]) -> Option<usize> {
        let name = self.variant()?;
        Some(names.iter().position(|n| *n == name).unwrap_or(names.len()))
    }
}

/// The byte a one-character escape such as `\n` stands for.
fn escaped(b: u8) -> Option<u8> {
    Some(match b {
        b'"' | b'\\' | b'/' => b,
        b'b' => 0x08,
        b'f' => 0x0C,
        b'n' => b'\n',
        b'r' => b'\r',
        b't' => b'\t',
        _ => return None,
    })
}

impl FromJson for Session {
    fn read(r: &mut Reader) -> Option<Self> {
        let (mut patient, mut record_access, mut safeguarding, mut idle) = (None, None, None, None);
        r.fields(
            &[
                "patient",
                "record_access",
                "safeguarding",
                "idle_timeout_seconds",
            ],
            &mut |r, i| {
                match i {
                    0 => patient = Some(Patient::read(r)?),
                    1 => record_access = Some(RecordAccess::read(r)?),
                    2 => safeguarding = Some(Safeguarding::read(r)?),
                    _ => idle = Some(r.uint(u32::MAX)?),
                }
                Some(())
            },
        )?;
        Some(Session {
            patient: patient?,
            record_access: record_access?,
            safeguarding: safeguarding?,
            idle_timeout_seconds: idle?,
        })
    }
}

impl FromJson for Patient {
    fn read(r: &mut Reader) -> Option<Self> {
        let (mut given_name, mut family_name) = (None, None);
        r.fields(&["given_name", "family_name"], &mut |r, i| {
            let s = Some(r.string()?);
            if i == 0 {
                given_name = s;
            } else {
                family_name = s;
            }
            Some(())
        })?;
        Some(Patient {
            given_name: given_name?,
            family_name: family_name?,
        })
    }
}

impl FromJson for RecordAccess {
    fn read(r: &mut Reader) -> Option<Self> {
        let (mut status, mut available_from) = (None, None);
        r.fields(&["status", "available_from"], &mut |r, i| {
            if i == 0 {
                status = Some(AccessStatus::read(r)?);
            } else {
                available_from = Some(r.string()?);
            }
            Some(())
        })?;
        Some(RecordAccess {
            status: status?,
            available_from: available_from?,
        })
    }
}

impl FromJson for AccessStatus {
    fn read(r: &mut Reader) -> Option<Self> {
        Some(match r.variant_index(&["enabled", "disabled"])? {
            0 => AccessStatus::Enabled,
            1 => AccessStatus::Disabled,
            _ => AccessStatus::Unknown,
        })
    }
}

impl FromJson for Safeguarding {
    fn read(r: &mut Reader) -> Option<Self> {
        let mut acknowledged = None;
        r.fields(&["acknowledged"], &mut |r, _| {
            acknowledged = Some(r.bool()?);
            Some(())
        })?;
        Some(Safeguarding {
            acknowledged: acknowledged?,
        })
    }
}

impl FromJson for Entry {
    fn read(r: &mut Reader) -> Option<Self> {
        let (mut id, mut kind, mut recorded_on, mut title) = (None, None, None, None);
        let (mut summary, mut clinician, mut location) = (None, None, None);
        let (mut visibility, mut details) = (Visibility::Unknown, None);
        r.fields(
            &[
                "id",
                "kind",
                "recorded_on",
                "title",
                "summary",
                "clinician",
                "location",
                "visibility",
                "details",
            ],
            &mut |r, i| {
                match i {
                    0 => id = Some(r.string()?),
                    1 => kind = Some(EntryKind::read(r)?),
                    2 => recorded_on = Some(r.string()?),
                    3 => title = Some(r.string()?),
                    4 => summary = r.option(Reader::string)?,
                    5 => clinician = r.option(Reader::string)?,
                    6 => location = r.option(Reader::string)?,
                    7 => visibility = Visibility::read(r)?,
                    _ => details = r.option(read_details)?,
                }
                Some(())
            },
        )?;
        Some(Entry {
            id: id?,
            kind: kind?,
            recorded_on: recorded_on?,
            title: title?,
            summary,
            clinician,
            location,
            visibility,
            details,
        })
    }
}

fn read_details(r: &mut Reader) -> Option<Vec<Detail>> {
    let mut details = Vec::new();
    r.items(&mut |r| {
        let (mut label, mut value) = (None, None);
        r.fields(&["label", "value"], &mut |r, i| {
            let s = Some(r.string()?);
            if i == 0 {
                label = s;
            } else {
                value = s;
            }
            Some(())
        })?;
        details.push(Detail {
            label: label?,
            value: value?,
        });
        Some(())
    })?;
    Some(details)
}

impl FromJson for EntryKind {
    fn read(r: &mut Reader) -> Option<Self> {
        let names = EntryKind::KNOWN.map(EntryKind::as_str);
        let i = r.variant_index(&names)?;
        Some(EntryKind::KNOWN.get(i).copied().unwrap_or(EntryKind::Other))
    }
}

impl FromJson for Visibility {
    fn read(r: &mut Reader) -> Option<Self> {
        Some(
            match r.variant_index(&["visible", "redacted", "awaiting_review"])? {
                0 => Visibility::Visible,
                1 => Visibility::Redacted,
                2 => Visibility::AwaitingReview,
                _ => Visibility::Unknown,
            },
        )
    }
}

impl FromJson for RedactionAccepted {
    fn read(r: &mut Reader) -> Option<Self> {
        let mut reference = None;
        r.fields(&["reference"], &mut |r, _| {
            reference = Some(r.string()?);
            Some(())
        })?;
        Some(RedactionAccepted {
            reference: reference?,
        })
    }
}

impl FromJson for AccessDisabled {
    fn read(r: &mut Reader) -> Option<Self> {
        let (mut reference, mut scope, mut disabled_at) = (None, None, None);
        r.fields(&["reference", "scope", "disabled_at"], &mut |r, i| {
            match i {
                0 => reference = Some(r.string()?),
                1 => scope = Some(DisableScope::read(r)?),
                _ => disabled_at = Some(r.string()?),
            }
            Some(())
        })?;
        Some(AccessDisabled {
            reference: reference?,
            scope: scope?,
            disabled_at: disabled_at?,
        })
    }
}

impl FromJson for DisableScope {
    fn read(r: &mut Reader) -> Option<Self> {
        match r.variant_index(&[
            scope_name(DisableScope::RecordAccess),
            scope_name(DisableScope::NhsLogin),
        ])? {
            0 => Some(DisableScope::RecordAccess),
            1 => Some(DisableScope::NhsLogin),
            _ => None,
        }
    }
}

impl FromJson for Problem {
    fn read(r: &mut Reader) -> Option<Self> {
        let mut p = Problem {
            problem_type: "about:blank".to_owned(),
            title: String::new(),
            status: 0,
            detail: None,
            code: String::new(),
            reference: None,
        };
        r.fields(
            &["type", "title", "status", "detail", "code", "reference"],
            &mut |r, i| {
                match i {
                    0 => p.problem_type = r.string()?,
                    1 => p.title = r.string()?,
                    2 => p.status = r.uint(u16::MAX.into())? as u16,
                    3 => p.detail = r.option(Reader::string)?,
                    4 => p.code = r.string()?,
                    _ => p.reference = r.option(Reader::string)?,
                }
                Some(())
            },
        )?;
        Some(p)
    }
}

// ------------------------------------------------------------------ writer

/// A request body the writer can encode, as serde_json would (the same
/// bytes: compact, fields in declaration order, `None` fields left out).
pub trait ToJson {
    fn to_json(&self) -> String;
}

/// `s` as a JSON string, escaped the way serde_json escapes it.
fn quoted(out: &mut String, s: &str) {
    out.push('"');
    for c in s.chars() {
        match c {
            '"' => out.push_str("\\\""),
            '\\' => out.push_str("\\\\"),
            '\n' => out.push_str("\\n"),
            '\r' => out.push_str("\\r"),
            '\t' => out.push_str("\\t"),
            '\u{8}' => out.push_str("\\b"),
            '\u{c}' => out.push_str("\\f"),
            c if c < ' ' => {
                const HEX: &[u8; 16] = b"0123456789abcdef";
                out.push_str("\\u00");
                out.push(char::from(HEX[c as usize >> 4]));
                out.push(char::from(HEX[c as usize & 0xF]));
            }
            c => out.push(c),
        }
    }
    out.push('"');
}

/// `{"name":"value"}` for a one-field body whose value is a plain name.
fn one_name(field: &str, name: &str) -> String {
    format!("{{\"{field}\":\"{name}\"}}")
}

fn scope_name(scope: DisableScope) -> &'static str {
    match scope {
        DisableScope::RecordAccess => "record_access",
        DisableScope::NhsLogin => "nhs_login",
    }
}

impl ToJson for EndSessionRequest {
    fn to_json(&self) -> String {
        match self.reason {
            None => "{}".to_owned(),
            Some(reason) => one_name(
                "reason",
                match reason {
                    EndReason::Exit => "exit",
                    EndReason::SignOut => "sign_out",
                    EndReason::Timeout => "timeout",
                },
            ),
        }
    }
}

impl ToJson for AcknowledgementRequest {
    fn to_json(&self) -> String {
        one_name(
            "choice",
            match self.choice {
                SafeguardingChoice::Continue => "continue",
                SafeguardingChoice::GetHelp => "get_help",
                SafeguardingChoice::Exit => "exit",
            },
        )
    }
}

impl ToJson for RedactionRequest {
    fn to_json(&self) -> String {
        let mut out = String::from("{\"entry_id\":");
        quoted(&mut out, &self.entry_id);
        if let Some(note) = &self.note {
            out.push_str(",\"note\":");
            quoted(&mut out, note);
        }
        out.push('}');
        out
    }
}

impl ToJson for DisableRequest {
    fn to_json(&self) -> String {
        format!(
            "{{\"scope\":\"{}\",\"confirmed\":{}}}",
            scope_name(self.scope),
            self.confirmed
        )
    }
}

#[cfg(all(test, not(target_arch = "wasm32")))]
mod tests;
