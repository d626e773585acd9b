//! Timestamps as negotiators' files hold them: RFC 3339, kept as written.
//!
//! The text is kept verbatim so that loading and saving a file changes no byte
//! (`2009-11-09T10:02:11Z` stays exactly that, not `...+00:00`).

use std::fmt;
use time::OffsetDateTime;
use time::format_description::well_known::Rfc3339;

/// An RFC 3339 instant such as `2009-11-09T10:02:11Z`.
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
pub struct Timestamp(String);

impl Timestamp {
    /// Checks `text` is RFC 3339 and keeps it as written.
    pub fn parse(text: &str) -> Result<Self, String> {
        OffsetDateTime::parse(text, &Rfc3339)
            .map(|_| Timestamp(text.to_owned()))
            .map_err(|e| format!("'{text}' is not a timestamp like 2009-11-09T10:02:11Z ({e})"))
    }

    /// The instant, in UTC, to the millisecond: steps taken within one
    /// second (a script, a busy plenary) still sort in the order they
    /// happened. Whole seconds are written without a fraction.
    pub fn from_datetime(at: OffsetDateTime) -> Self {
        let at = at.to_offset(time::UtcOffset::UTC);
        let at = at
            .replace_nanosecond(at.millisecond() as u32 * 1_000_000)
            .unwrap_or(at);
        // Formatting a valid UTC date as RFC 3339 cannot fail for years 0..=9999.
        let text = at
            .format(&Rfc3339)
            .unwrap_or_else(|_| "1970-01-01T00:00:00Z".into());
        Timestamp(text)
    }

    /// The current time.
    pub fn now() -> Self {
        Self::from_datetime(OffsetDateTime::now_utc())
    }

    pub fn as_str(&self) -> &str {
        &self.0
    }

    /// "2009-11-09 10:02" (UTC): short enough for a list on screen.
    pub fn to_minute(&self) -> String {
        let format = time::macros::format_description!("[year]-[month]-[day] [hour]:[minute]");
        self.instant()
            .to_offset(time::UtcOffset::UTC)
            .format(&format)
            .unwrap_or_else(|_| self.0.clone())
    }

    /// The parsed instant, for ordering entries in time.
    pub fn instant(&self) -> OffsetDateTime {
        OffsetDateTime::parse(&self.0, &Rfc3339).unwrap_or(OffsetDateTime::UNIX_EPOCH)
    }
}

impl fmt::Display for Timestamp {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.0)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn keeps_text_verbatim_and_refuses_garbage() {
        assert_eq!(
            Timestamp::parse("2009-11-09T10:02:11Z").unwrap().as_str(),
            "2009-11-09T10:02:11Z"
        );
        assert_eq!(
            Timestamp::parse("2009-11-09T12:02:11+02:00")
                .unwrap()
                .as_str(),
            "2009-11-09T12:02:11+02:00"
        );
        for bad in ["yesterday", "2009-13-01T00:00:00Z", "2009-11-09", ""] {
            assert!(Timestamp::parse(bad).is_err(), "{bad}");
        }
    }

    #[test]
    fn formats_utc_to_the_millisecond() {
        let at = time::macros::datetime!(2009-11-09 12:02:11.5678 +02:00);
        assert_eq!(
            Timestamp::from_datetime(at).as_str(),
            "2009-11-09T10:02:11.567Z"
        );
        assert_eq!(Timestamp::from_datetime(at).to_minute(), "2009-11-09 10:02");
        let at = time::macros::datetime!(2009-11-09 10:02:11 UTC);
        assert_eq!(
            Timestamp::from_datetime(at).as_str(),
            "2009-11-09T10:02:11Z"
        );
    }
}
