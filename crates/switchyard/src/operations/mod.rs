//! Operating features that run on the operator's behalf: they read the store, send commands
//! to stations through the registry and record the answers (API.md, "Operating features").
//! The HTTP handlers and the after-boot follow-ups ([`crate::automation`]) both call them;
//! the firmware campaign runner too.

pub mod campaigns;
pub mod charging;
pub mod configuration;
pub mod diagnostics;
pub mod files;
pub mod firmware;
pub mod local_list;

use crate::commands::CommandError;
use crate::store::StoreError;

/// Why a firmware or diagnostics operation failed.
#[derive(Debug, thiserror::Error)]
pub enum OperationError {
    #[error(transparent)]
    Store(#[from] StoreError),
    #[error(transparent)]
    Command(#[from] CommandError),
}
