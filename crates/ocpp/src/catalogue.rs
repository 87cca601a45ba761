//! What the message modules of every version declare the same way: who sends an action, the
//! `Request` trait tying a request type to its action and response, and the `Action` enum.
//! Each version still has its own `Action`, `Request` and grouping (1.6's feature `Profile`,
//! 2.x's `FunctionalBlock`), so a 2.0.1 request type can never be taken for a 2.1 one.

/// Who may send an action's request.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Sender {
    /// The charging station.
    Station,
    /// The CSMS.
    Csms,
    /// Either side (DataTransfer).
    Both,
}

/// Implement the version's `Request` for request types: `Request => Response, Action;`.
///
/// Called from a version's block modules, so `super` is the version module.
macro_rules! requests {
    ($($request:ident => $response:ty, $action:ident;)*) => {
        $(
            impl super::Request for $request {
                const ACTION: super::Action = super::Action::$action;
                type Response = $response;
            }
        )*
    };
}

/// Declare a version's `Request` trait and `Action` enum, from its catalogue of actions:
/// `Action: Sender, Group;`, or `Action: Sender, Group, Send;` for an action sent with SEND
/// (OCPP 2.1), which has no response. The header names the version, and the method and type
/// that group actions (`block: FunctionalBlock`, 1.6's `profile: Profile`).
macro_rules! catalogue {
    (
        $version:literal, $group:ident: $group_type:ident;
        $($action:ident: $sender:ident, $block:ident $(, $send:ident)?;)*
    ) => {
        /// A request message, tied to its action and to the type of its response.
        pub trait Request:
            ::serde::Serialize
            + ::serde::de::DeserializeOwned
            + ::std::fmt::Debug
            + Clone
            + Send
            + 'static
        {
            const ACTION: Action;
            type Response: ::serde::Serialize
                + ::serde::de::DeserializeOwned
                + ::std::fmt::Debug
                + Clone
                + Send
                + 'static;
        }

        #[doc = concat!("An OCPP ", $version, " action. The variant name is the action's exact name on the wire.")]
        #[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
        pub enum Action {
            $($action,)*
        }

        impl Action {
            /// Every action, grouped by functional block as in Part 2.
            pub const ALL: [Action; catalogue!(@count $($action)*)] = [$(Action::$action,)*];

            /// The action's name as sent in a CALL.
            pub const fn as_str(self) -> &'static str {
                match self {
                    $(Action::$action => stringify!($action),)*
                }
            }

            /// Read an action name exactly (case-sensitive, no trimming).
            pub fn parse(name: &str) -> Option<Action> {
                match name {
                    $(stringify!($action) => Some(Action::$action),)*
                    _ => None,
                }
            }

            /// Who may send this action's request.
            pub const fn sender(self) -> $crate::catalogue::Sender {
                match self {
                    $(Action::$action => $crate::catalogue::Sender::$sender,)*
                }
            }

            pub const fn $group(self) -> $group_type {
                match self {
                    $(Action::$action => $group_type::$block,)*
                }
            }

            /// Whether the request is sent with SEND (message type 6, new in 2.1): never
            /// answered, so its `Response` is `()`.
            pub const fn is_send_only(self) -> bool {
                match self {
                    $(Action::$action => catalogue!(@send $($send)?),)*
                }
            }
        }

        impl ::std::fmt::Display for Action {
            fn fmt(&self, f: &mut ::std::fmt::Formatter<'_>) -> ::std::fmt::Result {
                f.write_str(self.as_str())
            }
        }
    };
    (@count) => { 0 };
    (@count $head:ident $($tail:ident)*) => { 1 + catalogue!(@count $($tail)*) };
    (@send) => { false };
    (@send Send) => { true };
}
