//! The end-of-run report, as text for people and JSON for machines.

use std::collections::BTreeMap;
use std::fmt::Write as _;
use std::time::Duration;

use serde::{Deserialize, Serialize};

use crate::station::CompletedTransaction;
use crate::stats::Stats;

#[derive(Debug, Clone, Serialize, Deserialize)]
pub struct ActionReport {
    pub count: u64,
    pub errors: u64,
    pub p50_ms: f64,
    pub p95_ms: f64,
    pub p99_ms: f64,
    pub max_ms: f64,
    /// Every round trip in microseconds, sorted: only in a worker's report, so the parent can
    /// merge exact percentiles over all workers ([`Report::merge`]).
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub samples_us: Vec<u64>,
}

impl ActionReport {
    fn from_sorted(count: u64, errors: u64, sorted: &[Duration]) -> ActionReport {
        let pct = |p: f64| percentile_ms(sorted, p);
        ActionReport {
            count,
            errors,
            p50_ms: pct(0.50),
            p95_ms: pct(0.95),
            p99_ms: pct(0.99),
            max_ms: pct(1.0),
            samples_us: Vec::new(),
        }
    }
}

#[derive(Debug, Clone, Serialize, Deserialize)]
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
    pub(crate) fn new(
        scenario: &str,
        stations: u32,
        elapsed: Duration,
        stats: Stats,
        keep_samples: bool,
    ) -> Report {
        let actions: BTreeMap<String, ActionReport> = stats
            .actions
            .into_iter()
            .map(|(action, mut s)| {
                s.latencies.sort_unstable();
                let mut report = ActionReport::from_sorted(s.count, s.errors, &s.latencies);
                if keep_samples {
                    report.samples_us = s.latencies.iter().map(|d| micros(*d)).collect();
                }
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

    /// One report for a fleet run by several workers: counts add up, the run lasted as long
    /// as the slowest worker, and percentiles are recomputed over every worker's samples
    /// (`samples_us`, which workers include; the merged report drops them).
    pub fn merge(reports: Vec<Report>) -> Report {
        let mut merged = Report {
            scenario: reports
                .first()
                .map(|r| r.scenario.clone())
                .unwrap_or_default(),
            stations: 0,
            connected: 0,
            booted: 0,
            elapsed_s: 0.0,
            messages: 0,
            messages_per_s: 0.0,
            actions: BTreeMap::new(),
            server_calls: BTreeMap::new(),
            errors: BTreeMap::new(),
            protocol_errors: 0,
            transactions_completed: 0,
            transactions_checked: 0,
            completed: Vec::new(),
        };
        let mut samples: BTreeMap<String, (u64, u64, Vec<Duration>)> = BTreeMap::new();
        for report in reports {
            merged.stations += report.stations;
            merged.connected += report.connected;
            merged.booted += report.booted;
            merged.elapsed_s = merged.elapsed_s.max(report.elapsed_s);
            merged.messages += report.messages;
            for (action, a) in report.actions {
                let entry = samples.entry(action).or_default();
                entry.0 += a.count;
                entry.1 += a.errors;
                entry
                    .2
                    .extend(a.samples_us.into_iter().map(Duration::from_micros));
            }
            for (action, n) in report.server_calls {
                *merged.server_calls.entry(action).or_default() += n;
            }
            for (kind, n) in report.errors {
                *merged.errors.entry(kind).or_default() += n;
            }
            merged.protocol_errors += report.protocol_errors;
            merged.transactions_completed += report.transactions_completed;
            merged.transactions_checked += report.transactions_checked;
            merged.completed.extend(report.completed);
        }
        merged.actions = samples
            .into_iter()
            .map(|(action, (count, errors, mut latencies))| {
                latencies.sort_unstable();
                (action, ActionReport::from_sorted(count, errors, &latencies))
            })
            .collect();
        if merged.elapsed_s > 0.0 {
            merged.messages_per_s = merged.messages as f64 / merged.elapsed_s;
        }
        merged
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

fn micros(d: Duration) -> u64 {
    u64::try_from(d.as_micros()).unwrap_or(u64::MAX)
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

    fn worker(connected: u64, heartbeats_ms: std::ops::RangeInclusive<u64>) -> Report {
        let mut stats = Stats {
            connected,
            booted: connected,
            ..Stats::default()
        };
        let heartbeat = stats.actions.entry("Heartbeat".into()).or_default();
        for ms in heartbeats_ms {
            heartbeat.count += 1;
            heartbeat.latencies.push(Duration::from_millis(ms));
        }
        stats.errors.insert("connection lost".into(), 1);
        stats.server_calls.insert("Reset".into(), 2);
        Report::new("idle", 5, Duration::from_secs(2), stats, true)
    }

    #[test]
    fn merge_adds_counts_and_recomputes_percentiles_over_all_samples() {
        // Through JSON, as the parent sees the workers' reports.
        let a: Report = serde_json::from_str(&worker(5, 1..=50).to_json()).unwrap();
        let mut b = worker(4, 51..=100);
        b.elapsed_s = 3.0;
        let b: Report = serde_json::from_str(&b.to_json()).unwrap();
        let merged = Report::merge(vec![a, b]);
        assert_eq!(merged.stations, 10);
        assert_eq!(merged.connected, 9);
        assert_eq!(merged.booted, 9);
        assert_eq!(merged.elapsed_s, 3.0);
        assert_eq!(merged.messages, 104);
        assert!((merged.messages_per_s - 104.0 / 3.0).abs() < 1e-9);
        let heartbeat = &merged.actions["Heartbeat"];
        assert_eq!(heartbeat.count, 100);
        // Neither worker alone has these: the merge used every sample.
        assert_eq!(heartbeat.p50_ms, 50.0);
        assert_eq!(heartbeat.p99_ms, 99.0);
        assert_eq!(heartbeat.max_ms, 100.0);
        assert!(heartbeat.samples_us.is_empty());
        assert_eq!(merged.errors["connection lost"], 2);
        assert_eq!(merged.server_calls["Reset"], 4);
        assert!(merged.failed());
        assert!(!merged.to_json().contains("samples_us"));
    }

    #[test]
    fn only_worker_reports_carry_samples() {
        let mut stats = Stats::default();
        stats
            .actions
            .entry("Heartbeat".into())
            .or_default()
            .latencies
            .push(Duration::from_micros(1500));
        let plain = Report::new("idle", 1, Duration::from_secs(1), stats.clone(), false);
        assert!(!plain.to_json().contains("samples_us"));
        let worker = Report::new("idle", 1, Duration::from_secs(1), stats, true);
        assert_eq!(worker.actions["Heartbeat"].samples_us, vec![1500]);
    }
}
