//! Sample OCPP payloads, for checking the `ocpp::v16`, `ocpp::v201` and `ocpp::v21` types
//! against the official schemas.
//!
//! Run with:
//!
//! ```text
//! cargo run -q -p ocpp --example samples -- v16      # or v201, v21
//! ```
//!
//! It prints one JSON line per sample: a full and a minimal sample of the request and of the
//! response of every action of that version, as `{"action":…,"kind":"request"|"response",
//! "sample":"full"|"minimal","payload":{…}}`. A 2.1 request sent with SEND has no response,
//! so none is printed. `tests/interop/check_schemas.py` validates them.
//!
//! With `--decode` after the version, it instead reads lines of the same shape from standard
//! input, decodes each payload with `ocpp::rpc::decode` into the action's type, and answers one
//! line each: `{"ok":true,"quirks":[…],"payload":{…re-encoded…}}` or
//! `{"ok":false,"error":"Missing"|"WrongType"|"BadValue"|"Syntax","message":…}`.

use std::io::{self, Write};
use std::process::ExitCode;

/// The same tool for each version's message catalogue.
macro_rules! samples_of {
    ($version:ident) => {
        mod $version {
            use std::any::TypeId;
            use std::io::{self, BufRead, Write};

            use ocpp::rpc::{self, PayloadErrorKind};
            use ocpp::$version::samples::{Sample, Visit, for_each_action};
            use ocpp::$version::{Action, Request};
            use serde_json::{Value, json};

        /// Prints every sample.
        struct Printer<W: Write> {
            out: W,
            error: Option<io::Error>,
        }

        impl<W: Write> Printer<W> {
            fn print<T: Sample>(&mut self, action: Action, kind: &str) {
                for (sample, value) in [("full", T::full()), ("minimal", T::minimal())] {
                    let line = json!({
                        "action": action.as_str(),
                        "kind": kind,
                        "sample": sample,
                        "payload": value,
                    });
                    if let Err(e) = writeln!(self.out, "{line}") {
                        self.error.get_or_insert(e);
                    }
                }
            }
        }

        impl<W: Write> Visit for Printer<W> {
            fn visit<R>(&mut self)
            where
                R: Request + Sample,
                R::Response: Sample,
            {
                self.print::<R>(R::ACTION, "request");
                // A request sent with SEND (2.1) is never answered: its response type is `()`.
                if TypeId::of::<R::Response>() != TypeId::of::<()>() {
                    self.print::<R::Response>(R::ACTION, "response");
                }
            }
        }

        /// Decodes one payload as the type of its action and kind.
        struct Decoder<'a> {
            action: Action,
            request: bool,
            payload: &'a str,
            answer: Option<Value>,
        }

        impl Decoder<'_> {
            fn decode<T: Sample>(&mut self) {
                self.answer = Some(match rpc::decode::<T>(self.payload) {
                    Ok(decoded) => json!({
                        "ok": true,
                        "quirks": decoded.quirks.iter().map(|q| q.kind()).collect::<Vec<_>>(),
                        "payload": decoded.value,
                    }),
                    Err(e) => json!({
                        "ok": false,
                        "error": match e.kind {
                            PayloadErrorKind::Syntax => "Syntax",
                            PayloadErrorKind::Missing => "Missing",
                            PayloadErrorKind::WrongType => "WrongType",
                            PayloadErrorKind::BadValue => "BadValue",
                        },
                        "message": e.message,
                    }),
                });
            }
        }

        impl Visit for Decoder<'_> {
            fn visit<R>(&mut self)
            where
                R: Request + Sample,
                R::Response: Sample,
            {
                if R::ACTION != self.action {
                    return;
                }
                if self.request {
                    self.decode::<R>();
                } else {
                    self.decode::<R::Response>();
                }
            }
        }

        fn answer(line: &str) -> Value {
            let Ok(input) = serde_json::from_str::<Value>(line) else {
                return json!({"ok": false, "error": "input line is not JSON"});
            };
            let Some(action) = input["action"].as_str().and_then(Action::parse) else {
                return json!({"ok": false, "error": "unknown action"});
            };
            let request = match input["kind"].as_str() {
                Some("request") => true,
                Some("response") => false,
                _ => return json!({"ok": false, "error": "kind is neither request nor response"}),
            };
            let payload = input["payload"].to_string();
            let mut decoder = Decoder {
                action,
                request,
                payload: &payload,
                answer: None,
            };
            for_each_action(&mut decoder);
            decoder
                .answer
                .unwrap_or_else(|| json!({"ok": false, "error": "action has no type"}))
        }

        /// Print every sample, or with `decode` answer the lines of standard input.
        pub fn run(decode: bool) -> io::Result<()> {
            let stdout = io::stdout().lock();
            if decode {
                let mut out = io::BufWriter::new(stdout);
                for line in io::stdin().lock().lines() {
                    let line = line?;
                    if !line.trim().is_empty() {
                        writeln!(out, "{}", answer(&line))?;
                    }
                }
                return out.flush();
            }
            let mut printer = Printer {
                out: io::BufWriter::new(stdout),
                error: None,
            };
            for_each_action(&mut printer);
            match printer.error {
                Some(e) => Err(e),
                None => printer.out.flush(),
            }
        }
        }
    };
}

samples_of!(v16);
samples_of!(v201);
samples_of!(v21);

fn main() -> ExitCode {
    let mut args = std::env::args().skip(1);
    let version = args.next();
    let decode = match args.next().as_deref() {
        None => false,
        Some("--decode") => true,
        Some(other) => return usage(&format!("unknown argument {other:?}")),
    };
    let result = match version.as_deref() {
        Some("v16") => v16::run(decode),
        Some("v201") => v201::run(decode),
        Some("v21") => v21::run(decode),
        _ => return usage("the first argument is the version: v16, v201 or v21"),
    };
    match result {
        Ok(()) => ExitCode::SUCCESS,
        Err(e) => {
            let _ = writeln!(io::stderr(), "samples: {e}");
            ExitCode::FAILURE
        }
    }
}

fn usage(problem: &str) -> ExitCode {
    let _ = writeln!(
        io::stderr(),
        "samples: {problem}\nusage: samples v16|v201|v21 [--decode]"
    );
    ExitCode::from(2)
}
