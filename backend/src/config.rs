//! Start-up settings and the command line that sets them.
//!
//! ```text
//! reference-backend [--port N] [--host ADDR] [--dist DIR] [--fixtures DIR]
//!                   [--control] [--exit-url URL] [--now RFC3339]
//!                   [--store FILE]
//! ```

use std::net::{IpAddr, Ipv4Addr};
use std::path::PathBuf;

use record_access_contract::uk_time::parse_recorded_on;

/// Where the quick exit sends the patient unless `--exit-url` says otherwise:
/// a neutral page with no personalised content.
pub const DEFAULT_EXIT_URL: &str = "https://www.bbc.co.uk/weather";

/// The fixed "now" of the fixtures unless `--now` says otherwise.
pub const DEFAULT_NOW: &str = "2026-11-02T10:00:00Z";

/// Everything the server needs to start.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Config {
    /// Address to listen on. On a loopback address cookies leave out
    /// `Secure`, so that plain `http://127.0.0.1` works in development.
    pub host: IpAddr,
    /// Port to listen on; 0 picks any free port.
    pub port: u16,
    /// Trunk's output directory, served as the app when given.
    pub dist: Option<PathBuf>,
    /// Directory of scenario files.
    pub fixtures: PathBuf,
    /// Mounts `/__control/` (scenarios, faults, events) for tests and the
    /// designer preview.
    pub control: bool,
    /// The neutral page that `/api/v1/auth/exit` redirects to.
    pub exit_url: String,
    /// The fixed instant the fixtures treat as now (RFC 3339).
    pub now: String,
    /// The SQLite file that keeps sessions, access changes, idempotency
    /// records and the preview state across restarts; created when
    /// missing. Without it the backend keeps them in a temporary database
    /// that is gone when it stops, so every run starts afresh.
    pub store: Option<PathBuf>,
}

impl Default for Config {
    fn default() -> Config {
        Config {
            host: IpAddr::V4(Ipv4Addr::LOCALHOST),
            port: 0,
            dist: None,
            fixtures: default_fixtures_dir(),
            control: false,
            exit_url: DEFAULT_EXIT_URL.to_owned(),
            now: DEFAULT_NOW.to_owned(),
            store: None,
        }
    }
}

/// The scenario files bundled with this crate.
pub fn default_fixtures_dir() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("fixtures")
}

/// How to call the program, printed on a command-line mistake.
pub const USAGE: &str = "usage: reference-backend [--port N] [--host ADDR] [--dist DIR] \
[--fixtures DIR] [--control] [--exit-url URL] [--now RFC3339] [--store FILE]";

impl Config {
    /// Reads the command-line arguments (without the program name).
    pub fn from_args<I, S>(args: I) -> Result<Config, String>
    where
        I: IntoIterator<Item = S>,
        S: Into<String>,
    {
        let mut config = Config::default();
        let mut args = args.into_iter().map(Into::into);
        while let Some(arg) = args.next() {
            let (flag, inline) = match arg.split_once('=') {
                Some((f, v)) if f.starts_with("--") => (f.to_owned(), Some(v.to_owned())),
                _ => (arg.clone(), None),
            };
            if flag == "--control" {
                if inline.is_some() {
                    return Err("--control takes no value".to_owned());
                }
                config.control = true;
                continue;
            }
            let mut value = || {
                inline
                    .clone()
                    .or_else(|| args.next())
                    .ok_or_else(|| format!("{flag} needs a value"))
            };
            match flag.as_str() {
                "--port" => {
                    let v = value()?;
                    config.port = v
                        .parse()
                        .map_err(|_| format!("--port: not a port number: {v}"))?;
                }
                "--host" => config.host = parse_host(&value()?)?,
                "--dist" => config.dist = Some(PathBuf::from(value()?)),
                "--fixtures" => config.fixtures = PathBuf::from(value()?),
                "--exit-url" => config.exit_url = value()?,
                "--now" => config.now = value()?,
                "--store" => {
                    let v = value()?;
                    if v.is_empty() {
                        return Err("--store needs a file name".to_owned());
                    }
                    config.store = Some(PathBuf::from(v));
                }
                _ => return Err(format!("unknown argument: {arg}")),
            }
        }
        config.validate()?;
        Ok(config)
    }

    /// Checks the values that cannot be checked while parsing.
    pub fn validate(&self) -> Result<(), String> {
        let exit = self.exit_url.to_ascii_lowercase();
        if !(exit.starts_with("https://") || exit.starts_with("http://"))
            || self
                .exit_url
                .chars()
                .any(|c| c.is_whitespace() || c.is_control())
        {
            return Err(format!(
                "--exit-url must be an absolute http(s) URL: {}",
                self.exit_url
            ));
        }
        match parse_recorded_on(&self.now) {
            Some(r) if r.seconds.is_some() => Ok(()),
            _ => Err(format!(
                "--now must be an RFC 3339 timestamp such as {DEFAULT_NOW}: {}",
                self.now
            )),
        }
    }

    /// Whether the server listens on a loopback address only.
    pub fn is_loopback(&self) -> bool {
        self.host.is_loopback()
    }
}

fn parse_host(v: &str) -> Result<IpAddr, String> {
    if v.eq_ignore_ascii_case("localhost") {
        return Ok(IpAddr::V4(Ipv4Addr::LOCALHOST));
    }
    v.trim_start_matches('[')
        .trim_end_matches(']')
        .parse()
        .map_err(|_| format!("--host: not an IP address: {v}"))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn defaults() {
        let c = Config::from_args(Vec::<String>::new()).unwrap();
        assert_eq!(c.port, 0);
        assert!(c.is_loopback());
        assert!(!c.control);
        assert_eq!(c.exit_url, DEFAULT_EXIT_URL);
        assert_eq!(c.now, DEFAULT_NOW);
        assert!(c.fixtures.ends_with("fixtures"));
        assert_eq!(c.store, None);
    }

    #[test]
    fn every_flag() {
        let c = Config::from_args([
            "--port",
            "8080",
            "--host=0.0.0.0",
            "--dist",
            "dist",
            "--fixtures",
            "f",
            "--control",
            "--exit-url",
            "https://example.org/",
            "--now",
            "2025-01-01T00:00:00Z",
            "--store=target/store.sqlite3",
        ])
        .unwrap();
        assert_eq!(c.port, 8080);
        assert!(!c.is_loopback());
        assert_eq!(c.dist, Some(PathBuf::from("dist")));
        assert_eq!(c.fixtures, PathBuf::from("f"));
        assert!(c.control);
        assert_eq!(c.exit_url, "https://example.org/");
        assert_eq!(c.now, "2025-01-01T00:00:00Z");
        assert_eq!(c.store, Some(PathBuf::from("target/store.sqlite3")));
    }

    #[test]
    fn mistakes_are_errors() {
        for bad in [
            vec!["--port"],
            vec!["--port", "x"],
            vec!["--port", "70000"],
            vec!["--host", "nowhere"],
            vec!["--what"],
            vec!["--control=yes"],
            vec!["--exit-url", "javascript:alert(1)"],
            vec!["--now", "2025-01-01"],
            vec!["--now", "soon"],
            vec!["--store"],
            vec!["--store="],
        ] {
            assert!(Config::from_args(bad.clone()).is_err(), "{bad:?}");
        }
    }

    #[test]
    fn localhost_and_ipv6() {
        let c = Config::from_args(["--host", "localhost"]).unwrap();
        assert!(c.is_loopback());
        let c = Config::from_args(["--host", "[::1]"]).unwrap();
        assert!(c.is_loopback());
    }
}
