//! Station passwords (OCPP security profiles 1 and 2: HTTP Basic auth on the WebSocket).
//!
//! Passwords are stored only as argon2id PHC strings (`$argon2id$v=19$m=…$salt$hash`) with a
//! random 16-byte salt. Both functions are CPU-bound (tens of milliseconds by design): call
//! them from `tokio::task::spawn_blocking`, not directly on the runtime.

use argon2::Argon2;
use argon2::password_hash::{PasswordHash, PasswordHasher, PasswordVerifier, SaltString};

#[derive(Debug, thiserror::Error)]
pub enum HashError {
    #[error("no randomness for the salt: {0}")]
    Random(getrandom::Error),
    #[error("cannot hash the password: {0}")]
    Hash(argon2::password_hash::Error),
}

/// A station's new Basic auth password on its way to the hasher; never printed.
#[derive(Clone, PartialEq, Eq)]
pub struct Password(String);

impl Password {
    pub fn new(password: impl Into<String>) -> Password {
        Password(password.into())
    }

    pub fn expose(&self) -> &str {
        &self.0
    }
}

impl std::fmt::Debug for Password {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str("Password(********)")
    }
}

/// Hash `password` with argon2id (default parameters) and a fresh random salt.
pub fn hash_password(password: &str) -> Result<String, HashError> {
    let mut salt = [0u8; 16];
    getrandom::fill(&mut salt).map_err(HashError::Random)?;
    let salt = SaltString::encode_b64(&salt).map_err(HashError::Hash)?;
    let hash = Argon2::default()
        .hash_password(password.as_bytes(), &salt)
        .map_err(HashError::Hash)?;
    Ok(hash.to_string())
}

/// Whether `password` matches the PHC string `hash`. A malformed hash matches nothing.
/// The comparison inside argon2 is constant-time.
pub fn verify_password(password: &str, hash: &str) -> bool {
    let Ok(parsed) = PasswordHash::new(hash) else {
        return false;
    };
    Argon2::default()
        .verify_password(password.as_bytes(), &parsed)
        .is_ok()
}

/// 32 random bytes as 64 hex digits (the generated API token).
pub fn random_token() -> std::io::Result<String> {
    let mut bytes = [0u8; 32];
    getrandom::fill(&mut bytes).map_err(std::io::Error::other)?;
    Ok(bytes.iter().map(|b| format!("{b:02x}")).collect())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn hashes_verify_and_differ_by_salt() {
        let a = hash_password("correct horse battery").unwrap();
        let b = hash_password("correct horse battery").unwrap();
        assert!(a.starts_with("$argon2id$"), "{a}");
        assert_ne!(a, b, "each hash has its own salt");
        assert!(verify_password("correct horse battery", &a));
        assert!(verify_password("correct horse battery", &b));
        assert!(!verify_password("correct horse batterY", &a));
        assert!(!verify_password("", &a));
        assert!(!verify_password(
            "correct horse battery",
            "not a phc string"
        ));
    }

    #[test]
    fn tokens_are_random_hex() {
        let token = random_token().unwrap();
        assert_eq!(token.len(), 64);
        assert!(token.chars().all(|c| c.is_ascii_hexdigit()));
        assert_ne!(token, random_token().unwrap());
    }
}
