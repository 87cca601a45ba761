//! The end-of-run report, as text for people and JSON for machines.

use std::collections::BTreeMap;
use std::fmt::Write as _;
use std::time::Duration;

use serde::Serialize;

use crate::station::CompletedTransaction;
use crate::stats::Stats;

#[derive(Debug, Clone, Serialize)]
pub struct ActionReport {
    pub count: u64,
    pub errors: u64,
    pub p50_ms: f64,
    pub p95_ms: f64,
    pub p99_ms: f64,
    pub max_ms: f64,
}

#[derive(Debug, Clone, Serialize)]
pub struct Report {
    pub scenario: String,
    pub stations: u32,
    pub connected: u64,
    pub booted: u64,
    pub elapsed_s: f64,
    /// Our calls answered or timed out, plus the server's calls we answered.
    pub messages: u64,
    pub messages_per_s: f64,
    /// Our calls by action, with round trips.
    pub actions: BTreeMap<String, ActionReport>,
    /// The server's calls by action.
    pub server_calls: BTreeMap<String, u64>,
    pub errors: BTreeMap<String, u64>,
    pub protocol_errors: u64,
    pub transactions_completed: usize,
    /// Completed transactions checked through the server's API (`--api`).
    pub transactions_checked: u64,
    /// Every transaction the server confirmed both ends of (not in the JSON: it can be long).
    #[serde(skip)]
    pub completed: Vec<CompletedTransaction>,
}

impl Report {
    pub(crate) fn new(scenario: &str, stations: u32, elapsed: Duration, stats: Stats) -> Report {
        let actions: BTreeMap<String, ActionReport> = stats
            .actions
            .into_iter()
            .map(|(action, mut s)| {
                s.latencies.sort_unstable();
                let pct = |p: f64| percentile_ms(&s.latencies, p);
                let report = ActionReport {
                    count: s.count,
                    errors: s.errors,
                    p50_ms: pct(0.50),
                    p95_ms: pct(0.95),
                    p99_ms: pct(0.99),
                    max_ms: pct(1.0),
                };
                (action, report)
            })
            .collect();
        let messages = actions.values().map(|a| a.count).sum::<u64>()
            + stats.server_calls.values().sum::<u64>();
        let elapsed_s = elapsed.as_secs_f64();
        Report {
            scenario: scenario.to_owned(),
            stations,
            connected: stats.connected,
            booted: stats.booted,
            elapsed_s,
            messages,
            messages_per_s: if elapsed_s > 0.0 {
                messages as f64 / elapsed_s
            } else {
                0.0
            },
            actions,
            server_calls: stats.server_calls,
            errors: stats.errors,
            protocol_errors: stats.protocol_errors,
            transactions_completed: stats.completed.len(),
            transactions_checked: stats.checked,
            completed: stats.completed,
        }
    }

    /// The run failed: a protocol error, or any error at all (the exit code follows this).
    pub fn failed(&self) -> bool {
        self.protocol_errors > 0 || self.errors.values().any(|n| *n > 0)
    }

    pub fn to_json(&self) -> String {
        serde_json::to_string_pretty(self).unwrap_or_default()
    }

    pub fn to_text(&self) -> String {
        let mut out = String::new();
        let _ = writeln!(
            out,
            "scenario {}: {} stations, {} connected, {} booted, {:.1} s",
            self.scenario, self.stations, self.connected, self.booted, self.elapsed_s
        );
        let _ = writeln!(
            out,
            "messages: {} ({:.0}/s), transactions completed: {} (checked via API: {})",
            self.messages,
            self.messages_per_s,
            self.transactions_completed,
            self.transactions_checked
        );
        let _ = writeln!(
            out,
            "\n{:<22} {:>8} {:>7} {:>9} {:>9} {:>9} {:>9}",
            "action", "count", "errors", "p50 ms", "p95 ms", "p99 ms", "max ms"
        );
        for (action, a) in &self.actions {
            let _ = writeln!(
                out,
                "{action:<22} {:>8} {:>7} {:>9.2} {:>9.2} {:>9.2} {:>9.2}",
                a.count, a.errors, a.p50_ms, a.p95_ms, a.p99_ms, a.max_ms
            );
        }
        if !self.server_calls.is_empty() {
            let _ = writeln!(out, "\nanswered server calls:");
            for (action, n) in &self.server_calls {
                let _ = writeln!(out, "  {action:<22} {n:>8}");
            }
        }
        if self.errors.is_empty() {
            let _ = writeln!(out, "\nerrors: none");
        } else {
            let _ = writeln!(out, "\nerrors ({} protocol):", self.protocol_errors);
            for (kind, n) in &self.errors {
                let _ = writeln!(out, "  {n:>8}  {kind}");
            }
        }
        out
    }
}

/// Nearest-rank percentile of sorted durations, in milliseconds.
fn percentile_ms(sorted: &[Duration], p: f64) -> f64 {
    if sorted.is_empty() {
        return 0.0;
    }
    let rank = ((sorted.len() as f64 * p).ceil() as usize).clamp(1, sorted.len());
    // Microsecond precision is all a round trip over a socket can claim.
    (sorted[rank - 1].as_secs_f64() * 1_000_000.0).round() / 1000.0
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn percentiles_use_nearest_rank() {
        let d: Vec<Duration> = (1..=100).map(Duration::from_millis).collect();
        assert_eq!(percentile_ms(&d, 0.5), 50.0);
        assert_eq!(percentile_ms(&d, 0.99), 99.0);
        assert_eq!(percentile_ms(&d, 1.0), 100.0);
        assert_eq!(percentile_ms(&[], 0.5), 0.0);
    }
}
